/**
 * Histogram worker (see hist-pool.ts): blocks on a shared control word, builds the histogram of
 * its feature range with the WebAssembly kernel over the fit's shared arena memory, and signals
 * completion. A fit's setup (memory, module, fixed pointers) arrives as a message on a port,
 * drained synchronously with `receiveMessageOnPort` whenever a job names a fit not seen yet.
 *
 * @example
 * new Worker(new URL('./hist-worker.js', import.meta.url), { workerData: { ctrl, slot, port }, transferList: [port] });
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { instantiateGbdt, type GbdtKernels } from '../../kernels/wasm.js';
import { C, type PoolMessage } from './hist-protocol.js';

const { ctrl, slot, port } = workerData as { ctrl: Int32Array; slot: number; port: MessagePort };

let gen = -1;
let kernels: GbdtKernels | null = null;
let fixed = { binsP: 0, nf: 0, featsP: 0, offBP: 0, nBinsP: 0, rowsP: 0, scratchP: 0 };

function apply(m: PoolMessage): void {
  if (m.type === 'setup') {
    gen = m.gen;
    kernels = instantiateGbdt(m.module, m.memory);
    fixed = { binsP: m.binsP, nf: m.nf, featsP: m.featsP, offBP: m.offBP, nBinsP: m.nBinsP, rowsP: m.rowsP, scratchP: m.scratchP };
  } else {
    kernels = null;
  }
}

const base = C.WORKER + slot * C.STRIDE;

/** One job: this worker's feature range of the current leaf. */
function runJob(): void {
  const jobGen = ctrl[C.GEN]!;
  // Messages posted before the job's notify are already queued: drain until the fit's is applied.
  while (gen !== jobGen || !kernels) {
    const r = receiveMessageOnPort(port);
    if (r) apply(r.message as PoolMessage);
  }
  const f = fixed;
  kernels.buildHistogram(f.binsP, f.nf, f.featsP, ctrl[base + C.F0]!, ctrl[base + C.F1]!, ctrl[C.CONTIG]!, f.offBP, f.nBinsP, f.rowsP, ctrl[C.START]!, ctrl[C.END]!, ctrl[C.GRAD]!, ctrl[C.HESS]!, ctrl[C.HIST]!, f.scratchP);
}

function loop(): void {
  let seen = 0;
  for (;;) {
    // Spin briefly before sleeping: a tree's jobs come every few hundred µs, and a futex wake-up
    // costs about as much as a small job.
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
