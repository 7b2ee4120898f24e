import { describe, expect, it } from 'vitest';
import { Frame, categoricalColumn, numericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { makeLoss } from '../loss/index.js';
import { boost } from './boosting.js';
import { binFrame, featureSpecs, fitMappers, levelsOf } from './dataset.js';
import { flatten } from './flatten.js';
import { growTree, makeScratch, type GrowParams } from './grower.js';
import { jsKernels } from './kernels.js';
import { featureColumns, predictRaw } from './predictor.js';

const P: GrowParams = { lambdaL1: 0, lambdaL2: 0, minChildSamples: 1, minChildWeight: 0, minGain: 0, catSmooth: 0, catL2: 0, maxCatThreshold: 32, maxLeaves: 2, maxDepth: 0, learningRate: 1 };
const opts = { maxBins: 255, maxCatBins: 64, minCatCount: 1 };

/** One depth-1 tree on squared error from a zero start: gradients are -y, hessians 1. */
function stump(frame: Frame, y: number[], p: Partial<GrowParams> = {}) {
  const mappers = fitMappers(frame, opts);
  const data = binFrame(frame, mappers, levelsOf(frame));
  const n = frame.nRows;
  const kernels = jsKernels(data);
  for (let i = 0; i < n; i++) kernels.rows[i] = i;
  const tree = growTree(data, Float64Array.from(y, (v) => -v), new Float64Array(n).fill(1), n, new Int32Array([...frame.columns.keys()]), frame.nCols, { ...P, ...p }, makeScratch(kernels));
  const ens = flatten(new Float64Array([0]), [tree], mappers);
  const out = new Float64Array(n);
  predictRaw(ens, featureColumns(frame.columns, featureSpecs(mappers, levelsOf(frame))), n, out);
  return { tree, out: Array.from(out) };
}

describe('grower', () => {
  it('finds the obvious numeric split, on the informative feature', () => {
    const frame = Frame.fromColumns([numericColumn('noise', new Float64Array([5, 1, 4, 2, 3, 6])), numericColumn('x', new Float64Array([1, 2, 3, 10, 11, 12]))]);
    const { tree, out } = stump(frame, [0, 0, 0, 1, 1, 1]);
    expect(tree.feature).toEqual([1]);
    expect(out).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('finds a categorical split that no ordering of codes allows', () => {
    const codes = new Int32Array([0, 1, 2, 3, 0, 1, 2, 3]);
    const frame = Frame.fromColumns([categoricalColumn('c', codes, ['a', 'b', 'c', 'd'])]);
    const { out } = stump(frame, [1, 0, 1, 0, 1, 0, 1, 0]);
    expect(out).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
  });

  it('routes missing values to their own side when they carry the signal', () => {
    const frame = Frame.fromColumns([numericColumn('x', new Float64Array([1, 2, 3, NaN, NaN, 4]))]);
    const { tree, out } = stump(frame, [0, 0, 0, 5, 5, 0]);
    expect(tree.missingLeft[0]).toBe(true);
    expect(out).toEqual([0, 0, 0, 5, 5, 0]);
  });

  it('respects max_leaves and max_depth', () => {
    const x = Float64Array.from({ length: 64 }, (_, i) => i);
    const frame = Frame.fromColumns([numericColumn('x', x)]);
    const y = Array.from(x, (v) => v * v);
    expect(stump(frame, y, { maxLeaves: 7 }).tree.leafValue.length).toBe(7);
    expect(stump(frame, y, { maxLeaves: 64, maxDepth: 2 }).tree.leafValue.length).toBe(4);
  });
});

describe('flat predictor', () => {
  it('reproduces the training scores bit for bit (numeric, categorical, missing; 3 classes)', () => {
    const r = new Rng(5);
    const n = 800;
    const x = Float64Array.from({ length: n }, () => (r.float() < 0.1 ? NaN : r.normal() * 1e3));
    const c = Int32Array.from({ length: n }, () => (r.float() < 0.1 ? -1 : r.int(6)));
    const y = Float64Array.from({ length: n }, (_, i) => ((Number.isNaN(x[i]!) ? 0 : x[i]! > 0 ? 1 : 2) + (c[i]! % 2)) % 3);
    const frame = Frame.fromColumns([numericColumn('x', x), categoricalColumn('c', c, ['a', 'b', 'c', 'd', 'e', 'f'])]);
    const mappers = fitMappers(frame, opts);
    const data = binFrame(frame, mappers, levelsOf(frame));
    const loss = makeLoss('softmax', { nClasses: 3 });
    const params = { ...P, maxLeaves: 15, minChildSamples: 5, lambdaL2: 1, learningRate: 0.3, nRounds: 15, baggingFraction: 0.8, featureFraction: 1, earlyStoppingRounds: 0 };
    const res = boost({ data, y, w: new Float64Array(n).fill(1), loss, params, rng: new Rng(1) });
    const ens = flatten(res.init, res.trees, mappers);
    const out = new Float64Array(3 * n);
    predictRaw(ens, featureColumns(frame.columns, featureSpecs(mappers, levelsOf(frame))), n, out);
    expect(out).toEqual(res.scores);
    expect(ens.catBits.length).toBeGreaterThan(0);
  });
});
