/**
 * TreeSHAP on fitted gbdt and forest models: additivity against the models' own raw scores, and
 * equality with Shapley values computed by brute force over every feature subset.
 */
import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../../core/errors.js';
import { selectInputs, type PredictorModel } from '../../core/estimator.js';
import { Frame, categoricalColumn, numericColumn, textColumn, type CategoricalColumn, type Column } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { pipeline } from '../../features/pipeline.js';
import { OneHot } from '../../features/one-hot.js';
import { Tfidf } from '../../features/tfidf.js';
import { ExtraTreesEstimator, RandomForestEstimator } from '../../models/forest/estimator.js';
import { ForestModel } from '../../models/forest/model.js';
import { GbdtEstimator } from '../../models/gbdt/estimator.js';
import { GbdtModel } from '../../models/gbdt/model.js';
import { featureColumns, type TreeEnsemble } from '../../models/gbdt/predictor.js';
import { RidgeEstimator } from '../../models/linear/regression.js';
import { explainTrees } from './explain-trees.js';
import { synth, type SynthKind } from './explain.fixture.js';
import { goesLeft, treeCovers, type TreeCovers } from './tree-covers.js';
import { coverFraction, treeShap, type EnsembleKind } from './tree-shap.js';

type TreeModel = GbdtModel | ForestModel;

async function fitModel(family: 'gbdt' | 'forest' | 'extra', kind: SynthKind, seed: number, extra = 0): Promise<{ model: TreeModel; frame: Frame }> {
  const { frame, target } = synth(300, seed, kind, extra);
  const est =
    family === 'gbdt'
      ? new GbdtEstimator({ trees: kind === 'multiclass' ? 8 : 15, max_leaves: 12, min_child_samples: 5, learning_rate: 0.3 })
      : family === 'forest'
        ? new RandomForestEstimator({ n_estimators: 6, max_depth: 7 })
        : new ExtraTreesEstimator({ n_estimators: 5, max_depth: 6, min_samples_leaf: 3 });
  const model = (await est.fit(frame, target, { rng: new Rng(seed) })) as TreeModel;
  return { model, frame };
}

function parts(model: TreeModel): { e: TreeEnsemble; kind: EnsembleKind; cols: (f: Frame) => Float32Array[] } {
  return {
    e: model.s.ensemble,
    kind: model instanceof GbdtModel ? 'gbdt' : 'forest',
    cols: (f) => featureColumns(selectInputs(model, f).columns, model.s.specs),
  };
}

/** Raw scores row-major `Float64Array[n * k]`, as each model computes them itself. */
function rawScores(model: TreeModel, frame: Frame): Float64Array {
  if (model instanceof ForestModel) return model.meanLeafValues(frame);
  const raw = model.rawScores(frame);
  const n = frame.nRows;
  const k = raw.length / n;
  return Float64Array.from({ length: n * k }, (_, at) => raw[(at % k) * n + Math.floor(at / k)]!);
}

/**
 * Shapley values of row `row` from their definition: v(S) = E[f | x_S] as path-dependent TreeSHAP
 * defines it (follow x where the node's feature is in S, else average the children by cover), for
 * all 2^p subsets S, then phi_j = Σ_S |S|!(p-|S|-1)!/p! (v(S ∪ j) - v(S)). Layout: k * (p + 1).
 */
function bruteForce(e: TreeEnsemble, kind: EnsembleKind, cols: readonly Float32Array[], covers: TreeCovers, row: number): Float64Array {
  const p = cols.length;
  const k = e.nOutputs;
  const nTrees = e.root.length;
  const v = (mask: number): Float64Array => {
    const out = kind === 'gbdt' ? Float64Array.from(e.init) : new Float64Array(k);
    const walk = (node: number, w: number, t: number): void => {
      if (node < 0) {
        if (kind === 'gbdt') out[t % k] = out[t % k]! + w * e.leafValue[~node]!;
        else for (let c = 0; c < k; c++) out[c] = out[c]! + (w * e.leafValue[~node * k + c]!) / nTrees;
        return;
      }
      const f = e.feature[node]!;
      if (mask & (1 << f)) walk(goesLeft(e, node, cols[f]![row]!) ? e.left[node]! : e.right[node]!, w, t);
      else {
        const cv = covers.node[node]!;
        walk(e.left[node]!, w * coverFraction(covers, e.left[node]!, cv), t);
        walk(e.right[node]!, w * coverFraction(covers, e.right[node]!, cv), t);
      }
    };
    for (let t = 0; t < nTrees; t++) walk(e.root[t]!, 1, t);
    return out;
  };
  const vals = Array.from({ length: 1 << p }, (_, m) => v(m));
  const fact = (m: number): number => (m <= 1 ? 1 : m * fact(m - 1));
  const phi = new Float64Array(k * (p + 1));
  for (let j = 0; j < p; j++) {
    for (let m = 0; m < 1 << p; m++) {
      if (m & (1 << j)) continue;
      let size = 0;
      for (let b = 0; b < p; b++) if (m & (1 << b)) size++;
      const w = (fact(size) * fact(p - size - 1)) / fact(p);
      for (let c = 0; c < k; c++) phi[c * (p + 1) + j] = phi[c * (p + 1) + j]! + w * (vals[m | (1 << j)]![c]! - vals[m]![c]!);
    }
  }
  for (let c = 0; c < k; c++) phi[c * (p + 1) + p] = vals[0]![c]!;
  return phi;
}

const CASES: ['gbdt' | 'forest' | 'extra', SynthKind][] = [
  ['gbdt', 'binary'],
  ['gbdt', 'multiclass'],
  ['gbdt', 'regression'],
  ['forest', 'binary'],
  ['forest', 'multiclass'],
  ['forest', 'regression'],
  ['extra', 'multiclass'],
];

describe('treeShap', () => {
  for (const [family, kind] of CASES) {
    it(`${family} ${kind}: contributions + expected value = raw score`, async () => {
      const { model, frame } = await fitModel(family, kind, 11);
      const ex = explainTrees(model, frame, { background: frame });
      const raw = rawScores(model, frame);
      const n = frame.nRows;
      const p = ex.features.length;
      const k = ex.outputs.length;
      expect(ex.values.length).toBe(n * k * (p + 1));
      let worst = 0;
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < k; c++) {
          let s = 0;
          for (let j = 0; j <= p; j++) s += ex.values[(i * k + c) * (p + 1) + j]!;
          worst = Math.max(worst, Math.abs(s - raw[i * k + c]!));
        }
      }
      // Sums of ~15-30 leaf-sized terms (|value| <= ~3) in float64, each from a handful of
      // divisions and products: rounding stays near 1e-14; 1e-9 leaves room without hiding a
      // wrong weight (those are off by the size of a leaf value, 1e-2 or more).
      expect(worst).toBeLessThan(1e-9);
      // The model must actually use x1 and c (and the explanation must say so).
      expect(ex.ranking.slice(0, 2).map((r) => r.feature)).toContain('x1');
    });
  }

  for (const [family, kind] of [['gbdt', 'multiclass'], ['gbdt', 'binary'], ['forest', 'multiclass'], ['extra', 'regression'], ['forest', 'regression']] as const) {
    it(`${family} ${kind}: equals brute-force Shapley values over all 2^8 subsets`, async () => {
      const { model, frame } = await fitModel(family, kind, 5, 4); // 8 input columns
      const { e, kind: ek, cols } = parts(model);
      const x = cols(frame);
      expect(x.length).toBe(8);
      const covers = treeCovers(e, x);
      const sample = frame.take(Int32Array.from({ length: 25 }, (_, i) => i * 11));
      const xs = cols(sample);
      const phi = treeShap(e, ek, xs, covers);
      const k = e.nOutputs;
      const p = xs.length;
      let worst = 0;
      let repeated = false;
      for (let i = 0; i < sample.nRows; i++) {
        const want = bruteForce(e, ek, xs, covers, i);
        for (let a = 0; a < want.length; a++) worst = Math.max(worst, Math.abs(phi[i * k * (p + 1) + a]! - want[a]!));
      }
      // A path that splits on one feature twice exercises the unwind step.
      for (let t = 0; t < e.root.length && !repeated; t++) repeated = pathRepeatsFeature(e, e.root[t]!, []);
      expect(repeated).toBe(true);
      // Both sides sum the same O(1) products in float64; the subset sum cancels terms of size
      // ~1, so errors near 1e-15 x 256 are expected. A wrong permutation weight moves values by
      // at least 1/56 (the smallest Shapley weight for p = 8) of a leaf difference.
      expect(worst).toBeLessThan(1e-10);
    });
  }

  it('stays exact with a reference that leaves nodes unreached (zero covers)', async () => {
    const { model, frame } = await fitModel('forest', 'binary', 3);
    const { e, kind, cols } = parts(model);
    const covers = treeCovers(e, cols(frame.head(4)));
    expect(Array.from(covers.node).some((c) => c === 0)).toBe(true);
    const xs = cols(frame.head(20));
    const phi = treeShap(e, kind, xs, covers);
    const raw = rawScores(model, frame.head(20));
    const p = xs.length;
    for (let i = 0; i < 20; i++) {
      const want = bruteForce(e, kind, xs, covers, i);
      for (let c = 0; c < 2; c++) {
        let s = 0;
        for (let j = 0; j <= p; j++) {
          const got = phi[(i * 2 + c) * (p + 1) + j]!;
          expect(Number.isFinite(got)).toBe(true);
          // Same reasoning as the brute-force test above (fewer subsets: 2^4).
          expect(Math.abs(got - want[c * (p + 1) + j]!)).toBeLessThan(1e-10);
          s += got;
        }
        expect(Math.abs(s - raw[i * 2 + c]!)).toBeLessThan(1e-9);
      }
    }
  });

  it('explains a pipeline (tf-idf then gbdt) per model input column', async () => {
    const words = ['great', 'awful', 'fine', 'slow', 'fast', 'broken', 'ok', 'love'];
    const r = new Rng(9);
    const n = 240;
    const docs: string[] = [];
    const y = new Int32Array(n);
    const num = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const d = Array.from({ length: 4 }, () => words[r.int(words.length)]!);
      docs.push(d.join(' '));
      num[i] = r.normal();
      y[i] = (d.includes('great') || d.includes('love') ? 1 : 0) ^ (num[i]! > 1.2 ? 1 : 0);
    }
    const frame = Frame.fromColumns([textColumn('review', docs), numericColumn('num', num)]);
    const target: Column = categoricalColumn('y', y, ['neg', 'pos']);
    const model = (await pipeline([new Tfidf({}), new GbdtEstimator({ trees: 10, min_child_samples: 5, learning_rate: 0.3 })]).fit(frame, target, { rng: new Rng(1) })) as PredictorModel;
    const ex = explainTrees(model, frame);
    expect(ex.features).toContain('review:great');
    expect(ex.features).toContain('num');
    expect(ex.outputs).toEqual(['pos']);
    const proba = model.predict(frame).proba!;
    const p = ex.features.length;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j <= p; j++) s += ex.values[i * (p + 1) + j]!;
      // The sigmoid of the summed log-odds is the pipeline's probability (same tolerance reasoning
      // as additivity; the sigmoid's slope is <= 1/4).
      expect(Math.abs(1 / (1 + Math.exp(-s)) - proba[i * 2 + 1]!)).toBeLessThan(1e-9);
    }
    expect(['review:great', 'review:love', 'num']).toContain(ex.ranking[0]!.feature);
  });

  it('explains a pipeline (one-hot then random forest) on a frame whose levels come in another order', async () => {
    const { frame, target } = synth(300, 4, 'binary');
    const model = (await pipeline([new OneHot({}), new RandomForestEstimator({ n_estimators: 5, max_depth: 6 })]).fit(frame, target, { rng: new Rng(1) })) as PredictorModel;
    // Same rows, categorical levels listed in reverse (codes remapped): predictions must not move.
    const c = frame.column('c') as CategoricalColumn;
    const levels = [...c.levels].reverse();
    const recoded = categoricalColumn('c', Int32Array.from(c.codes, (v) => (v < 0 ? -1 : levels.indexOf(c.levels[v]!))), levels);
    const shuffled = Frame.fromColumns(frame.columns.map((col) => (col.name === 'c' ? recoded : col)));
    const ex = explainTrees(model, shuffled, { background: frame });
    expect(ex.features.some((f) => f.startsWith('c'))).toBe(true);
    expect(ex.outputs).toEqual(['no', 'yes']);
    const proba = model.predict(shuffled).proba!;
    const p = ex.features.length;
    for (let i = 0; i < 300; i++) {
      for (let o = 0; o < 2; o++) {
        let s = 0;
        for (let j = 0; j <= p; j++) s += ex.values[(i * 2 + o) * (p + 1) + j]!;
        // A forest's raw score is its probability: same tolerance reasoning as additivity.
        expect(Math.abs(s - proba[i * 2 + o]!)).toBeLessThan(1e-9);
      }
    }
  });

  it('refuses a model that is not a tree ensemble', async () => {
    const { frame, target } = synth(50, 1, 'regression');
    const model = await new RidgeEstimator({}).fit(frame.select(['x2']), target, { rng: new Rng(1) });
    expect(() => explainTrees(model, frame)).toThrow(SpecmlError);
    try {
      explainTrees(model, frame);
    } catch (err) {
      expect((err as SpecmlError).code).toBe('usage.not_tree_model');
    }
  });
});

function pathRepeatsFeature(e: TreeEnsemble, node: number, seen: number[]): boolean {
  if (node < 0) return false;
  const f = e.feature[node]!;
  if (seen.includes(f)) return true;
  return pathRepeatsFeature(e, e.left[node]!, [...seen, f]) || pathRepeatsFeature(e, e.right[node]!, [...seen, f]);
}
