// Kernel worker threads: a fit with 2 threads is bit-identical to one with 1 (kernels/pool.ts).
// The workers run the compiled dist/kernels/pool-worker.js (npm run build); the test checks
// that they really ran jobs, so a missing build fails here instead of silently testing 1 thread.
import { afterAll, describe, expect, it } from 'vitest';
import { Frame, categoricalColumn, numericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { encodeState } from '../../core/state.js';
import { GbdtEstimator } from './estimator.js';
import { closeKernelPool, kernelPoolStats } from '../../kernels/pool.js';
import { wasmEnabled } from '../../kernels/wasm.js';
import type { GbdtModel } from './model.js';
import { featureColumns } from './predictor.js';
import { predictRawWasm } from './wasm-predict.js';

/** n rows: 12 numeric features (~10% missing in x0), one categorical, targets of each kind. */
function synth(n: number, seed: number, kind: 'binary' | 'multiclass' | 'regression') {
  const r = new Rng(seed);
  const cols = [];
  const xs: Float64Array[] = [];
  for (let f = 0; f < 12; f++) {
    const x = Float64Array.from({ length: n }, () => (f === 0 && r.float() < 0.1 ? NaN : r.normal()));
    xs.push(x);
    cols.push(numericColumn(`x${f}`, x));
  }
  const c = Int32Array.from({ length: n }, () => (r.float() < 0.05 ? -1 : r.int(5)));
  cols.push(categoricalColumn('c', c, ['p', 'q', 'r', 's', 't']));
  const s = Float64Array.from({ length: n }, (_, i) => {
    const x0 = xs[0]![i]!;
    return (Number.isNaN(x0) ? 1.5 : x0) + xs[1]![i]! * xs[2]![i]! + (c[i] === 2 ? 2 : c[i] === 0 ? -1 : 0) + 0.3 * r.normal();
  });
  const frame = Frame.fromColumns(cols);
  if (kind === 'regression') return { frame, target: numericColumn('y', s) };
  if (kind === 'binary') return { frame, target: categoricalColumn('y', Int32Array.from(s, (v) => (v > 0.3 ? 1 : 0)), ['no', 'yes']) };
  return { frame, target: categoricalColumn('y', Int32Array.from(s, (v) => (v < -0.5 ? 0 : v < 0.8 ? 1 : 2)), ['a', 'b', 'c']) };
}

async function stateBytes(kind: 'binary' | 'multiclass' | 'regression', threads: number, extra: Record<string, unknown> = {}, n = 6000): Promise<Buffer> {
  const { frame, target } = synth(n, 5, kind);
  const m = (await new GbdtEstimator({ trees: 15, max_leaves: 63, min_child_samples: 5, threads, ...extra }).fit(frame, target, { rng: new Rng(9) })) as GbdtModel;
  const { json, buffers } = encodeState(m.state());
  return Buffer.concat([Buffer.from(JSON.stringify(json)), ...buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength))]);
}

describe.runIf(wasmEnabled())('gbdt threads', () => {
  afterAll(() => closeKernelPool());

  for (const kind of ['binary', 'multiclass', 'regression'] as const) {
    it(`2 threads fit the same model, byte for byte (${kind})`, async () => {
      const before = kernelPoolStats().workerJobs;
      const two = await stateBytes(kind, 2);
      expect(kernelPoolStats().workers).toBeGreaterThanOrEqual(1);
      expect(kernelPoolStats().workerJobs - before, 'no worker ran: build dist first (npx tsc -p tsconfig.build.json)').toBeGreaterThan(10);
      const one = await stateBytes(kind, 1);
      expect(two.equals(one)).toBe(true);
    });
  }

  it('predicts the same scores with 2 threads as with 1 (rows split over threads)', async () => {
    const { frame, target } = synth(3000, 5, 'multiclass');
    const m = (await new GbdtEstimator({ trees: 10, max_leaves: 31, threads: 1 }).fit(frame, target, { rng: new Rng(9) })) as GbdtModel;
    const big = synth(20000, 6, 'multiclass').frame;
    const cols = featureColumns(big.columns, m.s.specs);
    const k = m.s.ensemble.nOutputs;
    const one = new Float64Array(k * big.nRows);
    const two = new Float64Array(k * big.nRows);
    expect(predictRawWasm(m.s.ensemble, cols, big.nRows, one, 1)).toBe(true);
    const before = kernelPoolStats().workerJobs;
    predictRawWasm(m.s.ensemble, cols, big.nRows, two, 2);
    expect(kernelPoolStats().workerJobs - before).toBeGreaterThan(0);
    expect(Array.from(two)).toEqual(Array.from(one));
  });

  it('stays identical when score updates are split over threads too (70,000 rows)', async () => {
    const extra = { trees: 3, max_leaves: 31 };
    const before = kernelPoolStats().workerJobs;
    const two = await stateBytes('binary', 2, extra, 70000);
    expect(kernelPoolStats().workerJobs - before).toBeGreaterThan(0);
    expect(two.equals(await stateBytes('binary', 1, extra, 70000))).toBe(true);
  });

  it('stays identical with bagging and feature sampling, and with 3 threads', async () => {
    const extra = { bagging_fraction: 0.7, feature_fraction: 0.6 };
    const one = await stateBytes('regression', 1, extra);
    expect((await stateBytes('regression', 2, extra)).equals(one)).toBe(true);
    expect((await stateBytes('regression', 3, extra)).equals(one)).toBe(true);
  });
});
