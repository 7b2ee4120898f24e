// The WebAssembly kernels (row-major bins in an arena) against the JavaScript ones (column-major):
// histograms, partitions and whole boosted models must be identical, bit for bit.
import { afterEach, describe, expect, it } from 'vitest';
import { Frame, categoricalColumn, numericColumn, type Column } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { encodeState } from '../../core/state.js';
import { openArena, wasmEnabled } from '../../kernels/wasm.js';
import { makeLoss } from '../loss/index.js';
import { boost } from './boosting.js';
import { binFrame, fitMappers, levelsOf } from './dataset.js';
import { GbdtEstimator } from './estimator.js';
import { jsKernels, type BinnedData } from './kernels.js';
import { wasmKernels, wasmParts } from './wasm-kernels.js';
import type { GbdtModel } from './model.js';
import { featureColumns, predictRaw } from './predictor.js';
import { emptySplit, findBestSplit } from './splitter.js';
import { predictRawWasm } from './wasm-predict.js';

function synth(n: number, seed: number) {
  const r = new Rng(seed);
  const xs = Array.from({ length: 7 }, (_, f) => Float64Array.from({ length: n }, () => (r.float() < 0.1 ? NaN : f === 3 ? r.int(4) : r.normal())));
  const cols = xs.map((x, f) => numericColumn(`x${f}`, x)) as Column[];
  cols.push(categoricalColumn('c', Int32Array.from({ length: n }, () => (r.float() < 0.05 ? -1 : r.int(9))), 'abcdefghi'.split('')));
  const frame = Frame.fromColumns(cols);
  const x0 = xs[0]!;
  const y = Float64Array.from({ length: n }, (_, i) => ((Number.isNaN(x0[i]!) ? 0 : x0[i]! > 0.3 ? 1 : 2) + (r.float() < 0.2 ? 1 : 0)) % 3);
  return { frame, y };
}

function both(frame: Frame) {
  const mappers = fitMappers(frame, { maxBins: 255, maxCatBins: 64, minCatCount: 1 });
  const levels = levelsOf(frame);
  const arena = openArena(1 << 16)!;
  const col = binFrame(frame, mappers, levels);
  const row = binFrame(frame, mappers, levels, { rowMajor: true, bins: arena.u8(frame.nRows * mappers.length + 16).subarray(0, frame.nRows * mappers.length), colBins: arena.u8(frame.nRows * mappers.length), arena });
  return { col, row, arena };
}

describe.runIf(wasmEnabled())('gbdt kernels: WebAssembly = JavaScript', () => {
  afterEach(() => {
    delete process.env['SPECML_WASM'];
  });

  it('bins the same values into both layouts', () => {
    const { col, row } = both(synth(5000, 1).frame); // crosses binning blocks (2048 rows)
    const nf = col.layout.nBins.length;
    for (let i = 0; i < col.n; i++) for (let f = 0; f < nf; f++) expect(row.bins[i * nf + f]).toBe(col.bins[f * col.n + i]);
    expect(Array.from(row.colBins!)).toEqual(Array.from(col.bins));
  });

  it('builds, subtracts and partitions identically (contiguous and sampled features)', () => {
    const { col, row, arena } = both(synth(3000, 2).frame);
    const n = col.n;
    const r = new Rng(3);
    const js = jsKernels(col);
    const wa = wasmKernels(row, arena, wasmParts(arena, row), null);
    const grad = arena.f64(n);
    const hess = arena.f64(n);
    for (let i = 0; i < n; i++) {
      grad[i] = r.normal();
      hess[i] = r.float();
    }
    const order = r.sampleIndices(n, n);
    js.rows.set(order);
    wa.rows.set(order);
    const nf = col.layout.nBins.length;
    for (const features of [Int32Array.from({ length: nf }, (_, f) => f), new Int32Array([6, 1, 7, 3])]) {
      const [start, end] = [100, 2600];
      const hj = js.newHist().fill(NaN);
      const hw = wa.newHist().fill(NaN);
      js.build(start, end, grad, hess, features, features.length, hj);
      wa.build(start, end, grad, hess, features, features.length, hw);
      expect(Array.from(hw)).toEqual(Array.from(hj));
      const cj = js.newHist();
      const cw = wa.newHist();
      js.build(start, 700, grad, hess, features, features.length, cj);
      wa.build(start, 700, grad, hess, features, features.length, cw);
      js.subtract(hj, cj, features, features.length);
      wa.subtract(hw, cw, features, features.length);
      expect(Array.from(hw)).toEqual(Array.from(hj));
    }
    const splits = [
      { ...emptySplit(), feature: 0, bin: 100, missingLeft: false },
      { ...emptySplit(), feature: 2, bin: 40, missingLeft: true },
      { ...emptySplit(), feature: 7, catLeft: Uint8Array.from({ length: col.layout.nBins[7]! }, (_, b) => b % 2) },
    ];
    for (const s of splits) {
      const mj = js.partition(200, 2900, s);
      const mw = wa.partition(200, 2900, s);
      expect(mw).toBe(mj);
      expect(mj).toBeGreaterThan(200);
      expect(mj).toBeLessThan(2900);
      expect(Array.from(wa.rows)).toEqual(Array.from(js.rows));
    }
  });

  for (const catFirst of [false, true]) {
    it(`scans numeric splits like the sequential scan; a tie with a categorical feature goes to the earlier feature (${catFirst ? 'categorical' : 'numeric'} first)`, () => {
      // A numeric and a categorical feature carry the same rows in the same two value bins (plus an
      // empty missing bin): with cat_l2 = cat_smooth = 0 both best splits have equal gains.
      const n = 40;
      const x = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 2));
      const cols = [numericColumn('x', x), categoricalColumn('c', Int32Array.from(x, (v) => v - 1), ['a', 'b'])] as Column[];
      const frame = Frame.fromColumns(catFirst ? cols.reverse() : cols);
      const mappers = fitMappers(frame, { maxBins: 255, maxCatBins: 64, minCatCount: 1 });
      const arena = openArena(1 << 16)!;
      const row = binFrame(frame, mappers, levelsOf(frame), { rowMajor: true, bins: arena.u8(2 * n + 16).subarray(0, 2 * n), colBins: arena.u8(2 * n), arena });
      const col = binFrame(frame, mappers, levelsOf(frame));
      const wa = wasmKernels(row, arena, wasmParts(arena, row), null);
      const js = jsKernels(col);
      const grad = arena.f64(n);
      const hess = arena.f64(n).fill(1);
      for (let i = 0; i < n; i++) {
        grad[i] = x[i] === 1 ? -1 : 1;
        wa.rows[i] = i;
        js.rows[i] = i;
      }
      const p = { lambdaL1: 0, lambdaL2: 1, minChildSamples: 1, minChildWeight: 0, minGain: 0, catSmooth: 0, catL2: 0, maxCatThreshold: 32 };
      const features = new Int32Array([0, 1]);
      const hw = wa.newHist();
      const hj = js.newHist();
      wa.build(0, n, grad, hess, features, 2, hw);
      js.build(0, n, grad, hess, features, 2, hj);
      const seq = emptySplit();
      findBestSplit(hj, col.layout, features, 2, 0, n, n, p, seq);
      const best = emptySplit();
      const [j] = wa.scanNumeric!([{ hist: hw, sumG: 0, sumH: n, count: n, best }], features, 2, p);
      findBestSplit(hw, row.layout, features, 2, 0, n, n, p, best, j);
      expect(seq.feature).toBe(0);
      expect(best).toEqual(seq);
      // The other feature's split alone has the same gain: it is a tie, lost by order.
      const other = emptySplit();
      findBestSplit(hj, col.layout, new Int32Array([1]), 1, 0, n, n, p, other);
      expect(other.gain).toBe(seq.gain);
    });
  }

  it('boosts the same trees and scores (softmax, bagging, feature sampling, categorical)', () => {
    const { frame, y } = synth(2500, 4);
    const run = (data: BinnedData, arena: ReturnType<typeof openArena>) =>
      boost({
        data,
        y,
        w: new Float64Array(data.n).fill(1),
        loss: makeLoss('softmax', { nClasses: 3 }),
        params: { lambdaL1: 0, lambdaL2: 1, minChildSamples: 5, minChildWeight: 1e-3, minGain: 0, catSmooth: 10, catL2: 10, maxCatThreshold: 32, maxLeaves: 31, maxDepth: 0, learningRate: 0.1, nRounds: 12, baggingFraction: 0.8, featureFraction: 0.7, earlyStoppingRounds: 0 },
        rng: new Rng(8),
        arena,
      });
    const { col, row, arena } = both(frame);
    const a = run(col, null);
    const b = run(row, arena);
    expect(b.trees.length).toBe(a.trees.length);
    expect(JSON.stringify(b.trees.map((t) => ({ ...t, catLeft: t.catLeft.map((c) => (c ? Array.from(c) : null)) })))).toBe(
      JSON.stringify(a.trees.map((t) => ({ ...t, catLeft: t.catLeft.map((c) => (c ? Array.from(c) : null)) }))),
    );
    expect(Array.from(b.scores)).toEqual(Array.from(a.scores));
  });

  it('fits byte-identical models with SPECML_WASM=0 and without (early stopping on a held-out fraction)', async () => {
    const { frame, y } = synth(2000, 5);
    const target = categoricalColumn('y', Int32Array.from(y), ['a', 'b', 'c']);
    const fit = async () => {
      const m = (await new GbdtEstimator({ trees: 20, max_leaves: 15, min_child_samples: 5, validation_fraction: 0.2, early_stopping_rounds: 3 }).fit(frame, target, { rng: new Rng(1) })) as GbdtModel;
      const { json, buffers } = encodeState(m.state());
      return Buffer.concat([Buffer.from(JSON.stringify(json)), ...buffers.map((x) => Buffer.from(x.buffer, x.byteOffset, x.byteLength))]);
    };
    const wasm = await fit();
    process.env['SPECML_WASM'] = '0';
    const js = await fit();
    expect(wasm.equals(js)).toBe(true);
  });
});

describe.runIf(wasmEnabled())('gbdt prediction: WebAssembly = JavaScript', () => {
  for (const kind of ['multiclass', 'regression'] as const) {
    it(`walks to the same raw scores, bit for bit (${kind}, categorical splits, missing values, unseen rows)`, async () => {
      const { frame, y } = synth(3000, 6);
      const target = kind === 'multiclass' ? categoricalColumn('y', Int32Array.from(y), ['a', 'b', 'c']) : numericColumn('y', y);
      const m = (await new GbdtEstimator({ trees: 25, max_leaves: 31, min_child_samples: 5 }).fit(frame, target, { rng: new Rng(2) })) as GbdtModel;
      const ens = m.s.ensemble;
      expect(ens.catBits.length).toBeGreaterThan(0);
      const test = synth(1000, 7).frame; // other rows; 1000 is not a multiple of the 256-row block
      const cols = featureColumns(test.columns, m.s.specs);
      const js = new Float64Array(ens.nOutputs * test.nRows);
      const wa = new Float64Array(ens.nOutputs * test.nRows);
      predictRaw(ens, cols, test.nRows, js);
      expect(predictRawWasm(ens, cols, test.nRows, wa)).toBe(true);
      expect(Array.from(wa)).toEqual(Array.from(js));
      // a second call reuses the packed ensemble and its arena
      const again = new Float64Array(ens.nOutputs * 3);
      predictRawWasm(ens, cols.map((c) => c.subarray(0, 3)), 3, again);
      expect(Array.from(again)).toEqual(reorder(js, test.nRows, 3, ens.nOutputs));
    });
  }

  it('handles trees without a split (the root is a leaf) and 1 to 5 rows', async () => {
    const { frame, y } = synth(300, 8);
    const m = (await new GbdtEstimator({ trees: 3, min_child_samples: 200 }).fit(frame, numericColumn('y', y), { rng: new Rng(2) })) as GbdtModel;
    expect(m.s.ensemble.root[0]).toBeLessThan(0);
    for (let rows = 1; rows <= 5; rows++) {
      const cols = featureColumns(frame.columns, m.s.specs).map((c) => c.subarray(0, rows));
      const js = new Float64Array(rows);
      const wa = new Float64Array(rows);
      predictRaw(m.s.ensemble, cols, rows, js);
      predictRawWasm(m.s.ensemble, cols, rows, wa);
      expect(Array.from(wa)).toEqual(Array.from(js));
    }
  });
});

/** The first `m` rows of output-major scores of `n` rows. */
function reorder(raw: Float64Array, n: number, m: number, k: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < k; c++) for (let i = 0; i < m; i++) out.push(raw[c * n + i]!);
  return out;
}

describe('kernels/wasm', () => {
  it('SPECML_WASM=0 turns the kernels off', () => {
    process.env['SPECML_WASM'] = '0';
    try {
      expect(openArena(1024)).toBeNull();
    } finally {
      delete process.env['SPECML_WASM'];
    }
  });

  it('grows the arena without invalidating earlier arrays', () => {
    const a = openArena(1024);
    if (!a) return;
    const first = a.f64(4);
    first[3] = 7;
    a.u8(3 << 16); // forces growth
    expect(first[3]).toBe(7);
    expect(a.used).toBeGreaterThan(3 << 16);
  });
});
