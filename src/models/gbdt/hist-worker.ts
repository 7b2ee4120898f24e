/**
 * Histogram worker (see hist-pool.ts): blocks on a shared control word, builds the histogram of
 * its feature range with the same kernel as the main thread, and signals completion. Setup
 * (shared data of a fit) and histogram buffers arrive as messages on a port, drained
 * synchronously with `receiveMessageOnPort` whenever a job names a fit or buffer not seen yet.
 *
 * @example
 * new Worker(new URL('./hist-worker.js', import.meta.url), { workerData: { ctrl, slot, port }, transferList: [port] });
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { buildHistogram } from './histogram.js';
import { C, type PoolMessage } from './hist-protocol.js';

const { ctrl, slot, port } = workerData as { ctrl: Int32Array; slot: number; port: MessagePort };

let gen = -1;
let bins: Uint8Array = new Uint8Array(0);
let n = 0;
let offsets: Int32Array = new Int32Array(0);
let nBins: Int32Array = new Int32Array(0);
let rows: Int32Array = new Int32Array(0);
let ordG: Float64Array = new Float64Array(0);
let ordH: Float64Array = new Float64Array(0);
let features: Int32Array = new Int32Array(0);
const hists = new Map<number, Float64Array>();

function apply(m: PoolMessage): void {
  if (m.type === 'setup') {
    gen = m.gen;
    ({ n, bins, offsets, nBins, rows, ordG, ordH, features } = m);
    hists.clear();
  } else if (m.type === 'hist') {
    if (m.gen === gen) hists.set(m.id, m.hist);
  } else {
    hists.clear();
    bins = new Uint8Array(0);
    rows = new Int32Array(0);
    ordG = new Float64Array(0);
    ordH = new Float64Array(0);
  }
}

const base = C.WORKER + slot * C.STRIDE;

/** One job: this worker's feature range of the current leaf. */
function runJob(): void {
  const jobGen = ctrl[C.GEN]!;
  const histId = ctrl[C.HIST]!;
  // Messages posted before the job's notify are already queued: drain until they are applied.
  while (gen !== jobGen || !hists.has(histId)) {
    const r = receiveMessageOnPort(port);
    if (r) apply(r.message as PoolMessage);
  }
  const j0 = ctrl[base + C.F0]!;
  const j1 = ctrl[base + C.F1]!;
  buildHistogram(bins, n, features.subarray(j0, j1), j1 - j0, offsets, nBins, rows, ctrl[C.START]!, ctrl[C.END]!, ordG, ordH, hists.get(histId)!);
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
