import { describe, expect, it } from 'vitest';
import { checkEstimator } from '../../core/check-estimator.js';
import { SpecmlError } from '../../core/errors.js';
import { Frame, booleanColumn, categoricalColumn, numericColumn } from '../../core/frame.js';
import { deserializeModel, serializeModel } from '../../core/model-io.js';
import { Rng } from '../../core/rng.js';
import { ExtraTreesEstimator, RandomForestEstimator } from './estimator.js';
import type { ForestModel } from './model.js';

/** n rows: x1 numeric with ~10% missing, c categorical (4 levels, some missing), b boolean, noise. */
function synth(n: number, seed: number, kind: 'binary' | 'multiclass' | 'regression') {
  const r = new Rng(seed);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const c = new Int32Array(n);
  const b = new Uint8Array(n);
  const yNum = new Float64Array(n);
  const yCls: string[] = [];
  for (let i = 0; i < n; i++) {
    x1[i] = r.float() < 0.1 ? NaN : r.normal();
    x2[i] = r.normal();
    c[i] = r.float() < 0.05 ? -1 : r.int(4);
    b[i] = r.int(2);
    const s = (Number.isNaN(x1[i]!) ? 1.5 : x1[i]!) + (c[i] === 2 ? 2 : c[i] === 0 ? -1 : 0) + 0.5 * b[i]! + 0.3 * r.normal();
    yNum[i] = s;
    yCls.push(kind === 'binary' ? (s > 0.3 ? 'yes' : 'no') : s < -0.5 ? 'a' : s < 0.8 ? 'b' : 'c');
  }
  const frame = Frame.fromColumns([numericColumn('x1', x1), numericColumn('x2', x2), categoricalColumn('c', c, ['p', 'q', 'r', 's']), booleanColumn('b', b)]);
  const levels = [...new Set(yCls)].sort();
  const target = kind === 'regression' ? numericColumn('y', yNum) : categoricalColumn('y', Int32Array.from(yCls, (v) => levels.indexOf(v)), levels);
  return { frame, target };
}

function accuracy(pred: Float64Array, codes: Int32Array): number {
  let ok = 0;
  for (let i = 0; i < pred.length; i++) if (pred[i] === codes[i]) ok++;
  return ok / pred.length;
}

function r2(pred: Float64Array, y: Float64Array): number {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  let res = 0;
  let tot = 0;
  for (let i = 0; i < y.length; i++) {
    res += (y[i]! - pred[i]!) ** 2;
    tot += (y[i]! - mean) ** 2;
  }
  return 1 - res / tot;
}

const makers = {
  random_forest: (p: Record<string, unknown>) => new RandomForestEstimator(p),
  extra_trees: (p: Record<string, unknown>) => new ExtraTreesEstimator(p),
};

describe.each(Object.entries(makers))('%s', (_name, make) => {
  it('conforms (binary, with missing values and a categorical)', async () => {
    await checkEstimator(() => make({ n_estimators: 20 }), synth(300, 1, 'binary'));
  });
  it('conforms (multiclass)', async () => {
    await checkEstimator(() => make({ n_estimators: 20 }), synth(300, 2, 'multiclass'));
  });
  it('conforms (regression, limited leaves and depth)', async () => {
    await checkEstimator(() => make({ n_estimators: 20, max_leaves: 16, max_depth: 6, min_samples_leaf: 3 }), synth(300, 3, 'regression'));
  });

  it('learns: held-out scores well above chance on each task', async () => {
    for (const kind of ['binary', 'multiclass'] as const) {
      const tr = synth(1500, 10, kind);
      const te = synth(800, 11, kind);
      const m = await make({ n_estimators: 60 }).fit(tr.frame, tr.target, { rng: new Rng(1) });
      const p = m.predict(te.frame);
      expect(accuracy(p.values, (te.target as { codes: Int32Array }).codes)).toBeGreaterThan(kind === 'binary' ? 0.85 : 0.75);
      const k = m.classes!.length;
      for (let i = 0; i < 5; i++) expect(p.proba!.subarray(i * k, (i + 1) * k).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    const tr = synth(1500, 12, 'regression');
    const te = synth(800, 13, 'regression');
    const m = await make({ n_estimators: 60 }).fit(tr.frame, tr.target, { rng: new Rng(1) });
    expect(r2(m.predict(te.frame).values, (te.target as { values: Float64Array }).values)).toBeGreaterThan(0.8);
  });

  it('same seed gives the same model, another seed another one', async () => {
    const { frame, target } = synth(300, 4, 'multiclass');
    const a = await make({ n_estimators: 10 }).fit(frame, target, { rng: new Rng(5) });
    const b = await make({ n_estimators: 10 }).fit(frame, target, { rng: new Rng(5) });
    const c = await make({ n_estimators: 10 }).fit(frame, target, { rng: new Rng(6) });
    // Fully grown trees reproduce training labels whatever the seed: compare on other rows.
    const test = synth(300, 40, 'multiclass').frame;
    expect(Array.from(b.predict(test).proba!)).toEqual(Array.from(a.predict(test).proba!));
    expect(JSON.stringify(serializeModel(b).json)).toEqual(JSON.stringify(serializeModel(a).json));
    expect(Array.from(c.predict(test).proba!)).not.toEqual(Array.from(a.predict(test).proba!));
  });
});

describe('forest trees', () => {
  it('learn an obvious rule exactly (XOR of two signs, needs zero-gain first splits)', async () => {
    const r = new Rng(3);
    const n = 400;
    const x1 = Float64Array.from({ length: n }, () => r.float() * 2 - 1);
    const x2 = Float64Array.from({ length: n }, () => r.float() * 2 - 1);
    const noise = Float64Array.from({ length: n }, () => r.float());
    const lab = Int32Array.from({ length: n }, (_, i) => ((x1[i]! > 0) !== (x2[i]! > 0) ? 1 : 0));
    const frame = Frame.fromColumns([numericColumn('x1', x1), numericColumn('x2', x2), numericColumn('noise', noise)]);
    const target = categoricalColumn('y', lab, ['same', 'diff']);
    const test = Frame.fromColumns([numericColumn('x1', new Float64Array([0.5, -0.5, 0.5, -0.5])), numericColumn('x2', new Float64Array([0.5, 0.5, -0.5, -0.5])), numericColumn('noise', new Float64Array(4).fill(0.5))]);
    for (const make of Object.values(makers)) {
      const m = await make({ n_estimators: 50, max_features: 'all' }).fit(frame, target, { rng: new Rng(1) });
      expect(Array.from(m.predict(test).values)).toEqual([0, 1, 1, 0]);
      expect(accuracy(m.predict(frame).values, lab)).toBe(1); // fully grown trees fit training data
    }
  });

  it('one tree without bootstrap and all features is a single exact tree: leaves are pure', async () => {
    const { frame, target } = synth(300, 8, 'multiclass');
    const m = (await new RandomForestEstimator({ n_estimators: 1, bootstrap: false, oob_score: false, max_features: 1 }).fit(frame, target, { rng: new Rng(1) })) as ForestModel;
    const proba = m.predict(frame).proba!;
    // Probabilities are leaf proportions: 0 or 1 unless rows with identical features disagree.
    const fractional = proba.filter((v) => v > 0 && v < 1).length;
    expect(fractional).toBeLessThan(proba.length * 0.05);
  });

  it('OOB score is close to a holdout score (classification and regression)', async () => {
    const tr = synth(1500, 20, 'binary');
    const te = synth(1500, 21, 'binary');
    const m = (await new RandomForestEstimator({ n_estimators: 100 }).fit(tr.frame, tr.target, { rng: new Rng(2) })) as ForestModel;
    const hold = accuracy(m.predict(te.frame).values, (te.target as { codes: Int32Array }).codes);
    expect(m.oobScore).not.toBeNull();
    // Both estimate the same generalisation error from 1500 rows each: SE ~ 0.01 each.
    expect(Math.abs(m.oobScore! - hold)).toBeLessThan(0.04);
    // The training accuracy of fully grown trees is near 1: the OOB score must not be that.
    expect(m.oobScore!).toBeLessThan(accuracy(m.predict(tr.frame).values, (tr.target as { codes: Int32Array }).codes) - 0.03);

    const rtr = synth(1500, 22, 'regression');
    const rte = synth(1500, 23, 'regression');
    const rm = (await new RandomForestEstimator({ n_estimators: 100 }).fit(rtr.frame, rtr.target, { rng: new Rng(2) })) as ForestModel;
    const rhold = r2(rm.predict(rte.frame).values, (rte.target as { values: Float64Array }).values);
    expect(Math.abs(rm.oobScore! - rhold)).toBeLessThan(0.05);
    expect(serializeModel(rm).json).toBeDefined();
    const back = deserializeModel(JSON.parse(JSON.stringify(serializeModel(rm).json)), serializeModel(rm).buffers) as ForestModel;
    expect(back.oobScore).toBe(rm.oobScore);
  });

  it('extra trees has no OOB score by default; asking for one without bootstrap is a usage error', async () => {
    const { frame, target } = synth(300, 9, 'binary');
    const m = (await new ExtraTreesEstimator({ n_estimators: 5 }).fit(frame, target, { rng: new Rng(1) })) as ForestModel;
    expect(m.oobScore).toBeNull();
    expect(() => new ExtraTreesEstimator({ oob_score: true })).toThrow(SpecmlError);
    const withBag = (await new ExtraTreesEstimator({ n_estimators: 20, bootstrap: true, oob_score: true }).fit(frame, target, { rng: new Rng(1) })) as ForestModel;
    expect(withBag.oobScore).toBeGreaterThan(0.6);
  });

  it('extra trees differ from a random forest with the same seed', async () => {
    const { frame, target } = synth(300, 5, 'regression');
    const common = { n_estimators: 10, bootstrap: false, oob_score: false, max_features: 'all' };
    const rf = await new RandomForestEstimator(common).fit(frame, target, { rng: new Rng(3) });
    const et = await new ExtraTreesEstimator(common).fit(frame, target, { rng: new Rng(3) });
    // Both interpolate their training rows (fully grown, no bootstrap): compare on other rows.
    const test = synth(300, 41, 'regression').frame;
    const a = rf.predict(test).values;
    const b = et.predict(test).values;
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(r2(rf.predict(frame).values, (target as { values: Float64Array }).values)).toBeGreaterThan(0.999);
  });

  it('max_features: keywords and fractions, numbers accepted; bad values named', () => {
    expect(new RandomForestEstimator({ max_features: 0.5 }).params.max_features).toBe('0.5');
    expect(new RandomForestEstimator({ max_features: 'log2' }).params.max_features).toBe('log2');
    expect(() => new RandomForestEstimator({ max_features: 1.5 })).toThrow(/max_features/);
    expect(() => new RandomForestEstimator({ max_features: 'half' })).toThrow(/max_features/);
    expect(() => new RandomForestEstimator({ n_trees: 5 })).toThrow(/unknown parameter/);
  });

  it('importances favour the informative columns', async () => {
    const { frame, target } = synth(800, 6, 'regression');
    const m = (await new RandomForestEstimator({ n_estimators: 30 }).fit(frame, target, { rng: new Rng(1) })) as ForestModel;
    const imp = m.importances();
    expect(imp.reduce((a, b) => a + b.importance, 0)).toBeCloseTo(1, 12);
    expect(['x1', 'c']).toContain(imp[0]!.feature);
  });
});
