// GBDT fit time with kernel worker threads: 1 vs 2 threads on a synthetic binary task
// (100k rows x 50 numeric features, 100 trees, 255 leaves). Also checks the two models are
// byte-identical. Run after `npm run build`: node bench/gbdt-threads.mjs [rows] [trees] [repeats]
import { Frame, categoricalColumn, numericColumn } from '../dist/core/frame.js';
import { Rng } from '../dist/core/rng.js';
import { encodeState } from '../dist/core/state.js';
import { GbdtEstimator } from '../dist/models/gbdt/index.js';
import { closeKernelPool, kernelPoolStats } from '../dist/kernels/pool.js';

const n = Number(process.argv[2] ?? 100_000);
const trees = Number(process.argv[3] ?? 100);
const repeats = Number(process.argv[4] ?? 1);
const nf = 50;
const r = new Rng(1);
const xs = Array.from({ length: nf }, () => Float64Array.from({ length: n }, () => r.normal()));
const y = Int32Array.from({ length: n }, (_, i) => {
  let s = 0;
  for (let f = 0; f < 10; f++) s += xs[f][i] * (f % 2 ? 1 : -0.7);
  s += xs[10][i] * xs[11][i] + 0.5 * r.normal();
  return s > 0 ? 1 : 0;
});
const frame = Frame.fromColumns(xs.map((x, f) => numericColumn(`x${f}`, x)));
const target = categoricalColumn('y', y, ['0', '1']);

async function fit(threads) {
  const t0 = performance.now();
  const m = await new GbdtEstimator({ trees, max_leaves: 255, learning_rate: 0.1, threads }).fit(frame, target, { rng: new Rng(7) });
  const s = (performance.now() - t0) / 1000;
  const { json, buffers } = encodeState(m.state());
  const bytes = Buffer.concat([Buffer.from(JSON.stringify(json)), ...buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength))]);
  return { s, bytes };
}

console.log(`gbdt threads bench: ${n} rows x ${nf} features, ${trees} trees, 255 leaves, node ${process.version}`);
const best = { 1: Infinity, 2: Infinity };
let ref = null;
let same = true;
await fit(2); // warm up: starts the pool, JIT
for (let rep = 0; rep < repeats; rep++) {
  for (const t of [1, 2]) {
    const { s, bytes } = await fit(t);
    console.log(`  threads=${t}: ${s.toFixed(2)} s`);
    best[t] = Math.min(best[t], s);
    if (ref === null) ref = bytes;
    else if (!ref.equals(bytes)) same = false;
  }
}
console.log(`best: threads=1 ${best[1].toFixed(2)} s, threads=2 ${best[2].toFixed(2)} s, speedup x${(best[1] / best[2]).toFixed(2)}`);
console.log(`models byte-identical: ${same}; worker jobs: ${kernelPoolStats().workerJobs}`);
await closeKernelPool();
