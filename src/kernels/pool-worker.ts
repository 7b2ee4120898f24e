/**
 * Kernel worker (see pool.ts): blocks on a shared control word, runs the kernel the caller named
 * with the caller's integer arguments over the session's shared memory, and signals completion. A
 * session's setup (memory and compiled module) arrives as a message on a port, drained
 * synchronously with `receiveMessageOnPort` whenever a job names a session not seen yet.
 *
 * @example
 * new Worker(new URL('./pool-worker.js', import.meta.url), { workerData: { ctrl, slot, port }, transferList: [port] });
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { C, KERNELS, MAX_ARGS, type PoolMessage } from './pool.js';
import { instantiateGbdt } from './wasm.js';

const { ctrl, slot, port } = workerData as { ctrl: Int32Array; slot: number; port: MessagePort };

let gen = -1;
let kernels: Record<string, (...args: number[]) => unknown> | null = null;

function apply(m: PoolMessage): void {
  if (m.type === 'setup') {
    gen = m.gen;
    kernels = instantiateGbdt(m.module, m.memory) as unknown as Record<string, (...args: number[]) => unknown>;
  } else kernels = null;
}

const base = C.WORKER + slot * C.STRIDE;
const args = new Array<number>(MAX_ARGS).fill(0);

function runJob(): void {
  const jobGen = ctrl[C.GEN]!;
  // Messages posted before the job's notify are already queued: drain until the session's is applied.
  while (gen !== jobGen || !kernels) {
    const r = receiveMessageOnPort(port);
    if (r) apply(r.message as PoolMessage);
  }
  for (let i = 0; i < MAX_ARGS; i++) args[i] = ctrl[base + C.ARGS + i]!;
  kernels[KERNELS[ctrl[base + C.FN]!]!]!(...args);
}

function loop(): void {
  let seen = 0;
  for (;;) {
    // Spin briefly before sleeping: jobs come every few hundred µs, and a futex wake-up costs
    // about as much as a small job.
    for (let i = 0; i < C.SPIN && Atomics.load(ctrl, base + C.SEQ) === seen; i++);
    Atomics.wait(ctrl, base + C.SEQ, seen);
    const seq = Atomics.load(ctrl, base + C.SEQ);
    if (seq === seen) continue;
    seen = seq;
    if (Atomics.load(ctrl, C.SHUTDOWN) === 1) return;
    try {
      runJob();
    } catch {
      Atomics.store(ctrl, C.ERROR, 1);
    }
    Atomics.add(ctrl, C.DONE, 1);
    Atomics.notify(ctrl, C.DONE);
  }
}

Atomics.add(ctrl, C.READY, 1);
Atomics.notify(ctrl, C.READY);
loop();
