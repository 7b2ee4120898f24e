/**
 * A process-wide pool of worker threads that run the WebAssembly kernels (wasm.ts) over an arena's
 * shared memory, so one fit or one batch prediction can use several cores.
 *
 * Mechanics. The pool is created lazily by the first session that asks for threads, reused by later
 * ones, and its workers are `unref()`ed so they never keep the process alive ({@link closeKernelPool}
 * ends them, for tests). A {@link KernelSession} posts its arena's memory and compiled module to the
 * workers once (each instantiates the kernels over that memory); from then on a job is only words
 * in a shared control `Int32Array`: the kernel's index and its integer arguments (pointers are arena
 * offsets) per worker. The caller writes them, bumps each worker's sequence word
 * (`Atomics.notify`), does its own share, and `Atomics.wait`s for the done counter. No allocation
 * and no message per job. Measured round trips (2-vCPU VM, Node 20): postMessage 37 µs, Atomics
 * wait/notify 26 µs, Atomics after a short spin 1.2 µs; so waiting threads spin briefly
 * (`SPIN` polls), then sleep.
 *
 * Determinism is the caller's: a kernel run on a worker computes exactly what it would on the main
 * thread, so splitting work into pieces whose results do not depend on who computes them (feature
 * ranges of a histogram, row ranges of a prediction) gives bit-identical results for any thread
 * count.
 *
 * Worker file. From dist, `pool-worker.js` sits beside this module. Running from TypeScript sources
 * (vitest), the compiled `dist/kernels/pool-worker.js` is used (`npm run build`); when neither exists,
 * or workers fail to start, {@link openKernelSession} returns null and callers run on one thread.
 *
 * @example
 * const s = openKernelSession(arena, 2);
 * if (s) {
 *   s.args(0).set([...]);
 *   s.dispatch('buildHistogram', 1);
 *   // ... this thread's share ...
 *   s.wait();
 * }
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { compiledWorkerUrl } from '../core/worker-url.js';
import type { Arena, GbdtKernels } from './wasm.js';

/** Upper bound of threads per session (workers: threads - 1). */
export const MAX_THREADS = 64;
/** `threads: 0` (auto) uses the available cores, at most this many. */
export const AUTO_MAX_THREADS = 8;

/**
 * Threads to use for a `threads` parameter: a positive count as given (at most MAX_THREADS); 0 or
 * anything else means auto, the cores available to this process (at most AUTO_MAX_THREADS).
 *
 * @example
 * resolveThreads(0); // 2 on a 2-core machine
 */
export function resolveThreads(threads: unknown): number {
  if (typeof threads === 'number' && threads >= 1) return Math.min(MAX_THREADS, Math.floor(threads));
  // Read once: availableParallelism() is a system call (sched_getaffinity), and every prediction,
  // a served single row included, resolves its thread count.
  return (autoThreads ??= Math.max(1, Math.min(AUTO_MAX_THREADS, availableParallelism())));
}
let autoThreads: number | undefined;
const START_TIMEOUT_MS = 10_000;

/** Kernels a worker can run, by index in the control block. */
export const KERNELS = ['buildHistogram', 'predictBlock', 'bestNumericSplit', 'addLeafValues', 'partitionInto'] as const satisfies readonly (keyof GbdtKernels)[];
/** Name of a kernel workers can run. */
export type KernelName = (typeof KERNELS)[number];
/** Most integer arguments of a pooled kernel. */
export const MAX_ARGS = 16;

/** Control block word indices (see the module doc). */
export const C = {
  SHUTDOWN: 0,
  /** Session generation the current jobs belong to. */
  GEN: 1,
  /** Completed worker jobs (the caller waits on it). */
  DONE: 2,
  /** Workers started (each adds 1 once its loop runs). */
  READY: 3,
  /** Set by a worker whose job threw. */
  ERROR: 4,
  WORKER: 8,
  /** Per worker: sequence word, kernel index, arguments. */
  STRIDE: 2 + MAX_ARGS,
  SEQ: 0,
  FN: 1,
  ARGS: 2,
  /** Polls of a waiting thread before it sleeps in Atomics.wait. */
  SPIN: 20000,
} as const;

/** What a worker is told through its port. */
export type PoolMessage = { type: 'setup'; gen: number; module: WebAssembly.Module; memory: WebAssembly.Memory } | { type: 'release' };

interface PoolWorker {
  worker: Worker;
  port: MessagePort;
}

class KernelPool {
  readonly ctrl = new Int32Array(new SharedArrayBuffer(4 * (C.WORKER + MAX_THREADS * C.STRIDE)));
  readonly workers: PoolWorker[] = [];
  gen = 0;
  /** Jobs run by workers so far (tests check that workers really ran). */
  workerJobs = 0;
  broken = false;
  /** The session whose jobs run now: one at a time (the API is synchronous). */
  busy = false;

  constructor(private readonly url: URL) {}

  /** Makes sure `k` workers run; false when they could not be started. */
  ensure(k: number): boolean {
    if (this.broken) return false;
    const before = this.workers.length;
    while (this.workers.length < k) {
      const slot = this.workers.length;
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(this.url, { workerData: { ctrl: this.ctrl, slot, port: port2 }, transferList: [port2] });
      worker.unref();
      port1.unref();
      this.workers.push({ worker, port: port1 });
    }
    if (this.workers.length === before) return true;
    const deadline = Date.now() + START_TIMEOUT_MS;
    let ready: number;
    while ((ready = Atomics.load(this.ctrl, C.READY)) < k) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.ctrl, C.READY, ready, left) === 'timed-out') {
        this.broken = true;
        return false;
      }
    }
    return true;
  }

  async close(): Promise<void> {
    Atomics.store(this.ctrl, C.SHUTDOWN, 1);
    for (let w = 0; w < this.workers.length; w++) {
      const at = C.WORKER + w * C.STRIDE + C.SEQ;
      Atomics.add(this.ctrl, at, 1);
      Atomics.notify(this.ctrl, at);
    }
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    for (const w of this.workers) w.port.close();
    this.workers.length = 0;
  }
}

let pool: KernelPool | null = null;

/**
 * Statistics of the process-wide pool (for tests and benches).
 *
 * @example
 * kernelPoolStats(); // { workers: 1, workerJobs: 1234 }
 */
export function kernelPoolStats(): { workers: number; workerJobs: number } {
  return { workers: pool?.workers.length ?? 0, workerJobs: pool?.workerJobs ?? 0 };
}

/**
 * Ends the pool's workers; the next session starts a new pool.
 *
 * @example
 * afterAll(() => closeKernelPool());
 */
export async function closeKernelPool(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.close();
}

/**
 * Jobs over one arena on `threads - 1` workers plus the calling thread (see the module doc).
 *
 * @example
 * const s = openKernelSession(arena, 2)!;
 */
export class KernelSession {
  private closed = false;
  private pending = 0;
  private readonly argViews: Int32Array[];

  constructor(
    private readonly p: KernelPool,
    /** Threads in all, the calling thread included. */
    readonly threads: number,
    private readonly gen: number,
  ) {
    this.argViews = Array.from({ length: threads - 1 }, (_, w) => p.ctrl.subarray(C.WORKER + w * C.STRIDE + C.ARGS, C.WORKER + (w + 1) * C.STRIDE));
  }

  /** Worker `w`'s argument words for the next {@link KernelSession.dispatch}. */
  args(w: number): Int32Array {
    return this.argViews[w]!;
  }

  /** Starts kernel `fn` on workers 0..workers-1 with their argument words; pair with {@link KernelSession.wait}. */
  dispatch(fn: KernelName, workers: number): void {
    if (this.closed) throw new Error('kernel session: closed');
    if (workers > this.threads - 1) throw new RangeError(`kernel session: ${workers} workers asked, ${this.threads - 1} held`);
    const ctrl = this.p.ctrl;
    ctrl[C.GEN] = this.gen;
    Atomics.store(ctrl, C.DONE, 0);
    const fnIndex = KERNELS.indexOf(fn);
    for (let w = 0; w < workers; w++) {
      const base = C.WORKER + w * C.STRIDE;
      ctrl[base + C.FN] = fnIndex;
      Atomics.add(ctrl, base + C.SEQ, 1);
      Atomics.notify(ctrl, base + C.SEQ);
    }
    this.pending = workers;
  }

  /** Waits for the dispatched jobs; throws if one failed. */
  wait(): void {
    const ctrl = this.p.ctrl;
    const t = this.pending;
    let done: number;
    for (let i = 0; i < C.SPIN && Atomics.load(ctrl, C.DONE) < t; i++);
    while ((done = Atomics.load(ctrl, C.DONE)) < t) Atomics.wait(ctrl, C.DONE, done);
    this.p.workerJobs += t;
    this.pending = 0;
    if (Atomics.exchange(ctrl, C.ERROR, 0) !== 0) throw new Error('a kernel worker failed');
  }

  /** Lets the workers drop this session's memory, and the pool serve another session. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (let w = 0; w < this.threads - 1; w++) this.p.workers[w]!.port.postMessage({ type: 'release' } satisfies PoolMessage);
    this.p.busy = false;
  }
}

/**
 * A session over `arena` with `threads` threads in all, or null when `threads` is 1, the workers
 * are unavailable, or another session is open (then run on one thread: results are the same).
 *
 * @example
 * const s = openKernelSession(arena, 2);
 */
export function openKernelSession(arena: Arena, threads: number): KernelSession | null {
  const t = Math.min(MAX_THREADS, Math.max(1, Math.floor(threads)));
  if (t < 2) return null;
  if (!pool) {
    const url = compiledWorkerUrl(import.meta.url, 'pool-worker.js');
    if (!url) return null;
    pool = new KernelPool(url);
  }
  if (pool.busy || !pool.ensure(t - 1)) return null;
  pool.busy = true;
  pool.gen = (pool.gen + 1) | 0;
  for (let w = 0; w < t - 1; w++) pool.workers[w]!.port.postMessage({ type: 'setup', gen: pool.gen, module: arena.module, memory: arena.memory } satisfies PoolMessage);
  return new KernelSession(pool, t, pool.gen);
}
