import { describe, expect, it } from 'vitest';
import { checkEstimator } from '../../core/check-estimator.js';
import { SpecmlError } from '../../core/errors.js';
import { Frame, booleanColumn, categoricalColumn, numericColumn, textColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { GbdtEstimator } from './estimator.js';
import type { GbdtModel } from './model.js';

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
  const frame = Frame.fromColumns([
    numericColumn('x1', x1),
    numericColumn('x2', x2),
    categoricalColumn('c', c, ['p', 'q', 'r', 's']),
    booleanColumn('b', b),
  ]);
  const levels = [...new Set(yCls)].sort();
  const target = kind === 'regression' ? numericColumn('y', yNum) : categoricalColumn('y', Int32Array.from(yCls, (v) => levels.indexOf(v)), levels);
  return { frame, target };
}

describe('GbdtEstimator', () => {
  it('conforms (binary, with missing values and a categorical)', async () => {
    await checkEstimator(() => new GbdtEstimator({ trees: 20 }), synth(300, 1, 'binary'));
  });
  it('conforms (multiclass)', async () => {
    await checkEstimator(() => new GbdtEstimator({ trees: 10 }), synth(300, 2, 'multiclass'));
  });
  it('conforms (regression, with bagging and feature sampling)', async () => {
    await checkEstimator(() => new GbdtEstimator({ trees: 20, bagging_fraction: 0.7, feature_fraction: 0.5 }), synth(300, 3, 'regression'));
  });

  it('learns: held-out accuracy well above chance on each task', async () => {
    for (const kind of ['binary', 'multiclass'] as const) {
      const tr = synth(2000, 10, kind);
      const te = synth(1000, 11, kind);
      const m = await new GbdtEstimator({}).fit(tr.frame, tr.target, { rng: new Rng(1) });
      const pred = m.predict(te.frame).values;
      const codes = (te.target as { codes: Int32Array }).codes;
      let ok = 0;
      for (let i = 0; i < pred.length; i++) if (pred[i] === codes[i]) ok++;
      expect(ok / pred.length).toBeGreaterThan(0.85);
    }
    const tr = synth(2000, 12, 'regression');
    const te = synth(1000, 13, 'regression');
    const m = await new GbdtEstimator({}).fit(tr.frame, tr.target, { rng: new Rng(1) });
    const pred = m.predict(te.frame).values;
    const y = (te.target as { values: Float64Array }).values;
    let se = 0;
    for (let i = 0; i < pred.length; i++) se += (pred[i]! - y[i]!) ** 2;
    expect(Math.sqrt(se / pred.length)).toBeLessThan(0.45);
  });

  it('seeds: same seed same model, another seed another model when subsampling', async () => {
    const d = synth(500, 4, 'regression');
    const est = new GbdtEstimator({ trees: 20, bagging_fraction: 0.6 });
    const a = (await est.fit(d.frame, d.target, { rng: new Rng(1) })).predict(d.frame).values;
    const b = (await est.fit(d.frame, d.target, { rng: new Rng(1) })).predict(d.frame).values;
    const c = (await est.fit(d.frame, d.target, { rng: new Rng(2) })).predict(d.frame).values;
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('early stopping on ctx.validation stops and keeps the best round', async () => {
    const tr = synth(400, 5, 'binary');
    const va = synth(400, 6, 'binary');
    const events: string[] = [];
    const m = (await new GbdtEstimator({ trees: 2000, learning_rate: 0.3, early_stopping_rounds: 10 }).fit(tr.frame, tr.target, {
      rng: new Rng(1),
      validation: va,
      emit: (e) => events.push(e.code),
    })) as GbdtModel;
    expect(m.s.rounds).toBeLessThan(200);
    expect(m.s.ensemble.root.length).toBe(m.s.rounds);
    const best = Math.min(...m.s.validLoss);
    expect(m.s.validLoss[m.s.rounds - 1]).toBe(best);
    expect(m.s.validLoss.length).toBe(m.s.rounds + 10);
    expect(events).toContain('gbdt.early_stopped');
  });

  it('holds out validation_fraction of the rows for early stopping when no validation is given', async () => {
    const d = synth(600, 14, 'binary');
    const m = (await new GbdtEstimator({ trees: 2000, learning_rate: 0.3, validation_fraction: 0.2 }).fit(d.frame, d.target, { rng: new Rng(1) })) as GbdtModel;
    expect(m.s.rounds).toBeLessThan(300);
    expect(m.s.validLoss.length).toBe(m.s.rounds + 20);
  });

  it('fits the other regression losses: quantile covers its alpha, poisson and huber stay sensible', async () => {
    const d = synth(1500, 15, 'regression');
    const y = (d.target as { values: Float64Array }).values;
    const q = await new GbdtEstimator({ loss: 'quantile', quantile_alpha: 0.9, trees: 200 }).fit(d.frame, d.target, { rng: new Rng(1) });
    const pq = q.predict(d.frame).values;
    const below = y.filter((v, i) => v <= pq[i]!).length / y.length;
    expect(below).toBeGreaterThan(0.85);
    expect(below).toBeLessThan(0.95);
    const counts = numericColumn('count', Float64Array.from(y, (v) => Math.round(Math.exp(v / 2))));
    const pp = (await new GbdtEstimator({ loss: 'poisson', trees: 50 }).fit(d.frame, counts, { rng: new Rng(1) })).predict(d.frame).values;
    expect(pp.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
    const meanAbs = (p: Float64Array) => p.reduce((s, v, i) => s + Math.abs(v - y[i]!), 0) / y.length;
    for (const loss of ['huber', 'absolute_error']) {
      const p = (await new GbdtEstimator({ loss, trees: 200 }).fit(d.frame, d.target, { rng: new Rng(1) })).predict(d.frame).values;
      expect(meanAbs(p), loss).toBeLessThan(0.5);
    }
  });

  it('reports importances with the informative features first', async () => {
    const d = synth(1000, 7, 'regression');
    const m = (await new GbdtEstimator({ trees: 30 }).fit(d.frame, d.target, { rng: new Rng(1) })) as GbdtModel;
    const imp = m.importances();
    expect(imp.map((r) => r.feature).slice(0, 2).sort()).toEqual(['c', 'x1']);
    expect(imp.every((r) => r.splits >= 0 && r.gain >= 0)).toBe(true);
  });

  it('class_weight balanced raises the rare class probability', async () => {
    const d = synth(600, 8, 'binary');
    const plain = await new GbdtEstimator({ trees: 20 }).fit(d.frame, d.target, { rng: new Rng(1) });
    const bal = await new GbdtEstimator({ trees: 20, class_weight: 'balanced' }).fit(d.frame, d.target, { rng: new Rng(1) });
    const codes = (d.target as { codes: Int32Array }).codes;
    const rare = codes.reduce((s, c) => s + c, 0) < codes.length / 2 ? 1 : 0;
    const mean = (p: Float64Array) => p.reduce((s, v, i) => (i % 2 === rare ? s + v : s), 0) / codes.length;
    expect(mean(bal.predict(d.frame).proba!)).toBeGreaterThan(mean(plain.predict(d.frame).proba!));
  });

  describe('bad input', () => {
    const base = synth(50, 9, 'binary');
    const fit = (frame: Frame, target = base.target, params: Record<string, unknown> = {}) => new GbdtEstimator({ trees: 2, ...params }).fit(frame, target, { rng: new Rng(1) });
    const code = async (p: Promise<unknown>) => p.then(() => 'none', (e: unknown) => (e instanceof SpecmlError ? `${e.code}: ${e.message}` : String(e)));
    it('rejects infinity naming the column, text columns, and bad targets', async () => {
      const inf = Float64Array.from({ length: 50 }, (_, i) => (i === 3 ? Infinity : i));
      expect(await code(fit(Frame.fromColumns([numericColumn('bad', inf)])))).toMatch(/^data.infinite_value: column 'bad' holds Infinity at row 4/);
      expect(await code(fit(Frame.fromColumns([textColumn('notes', new Array(50).fill('some words'))])))).toMatch(/^data.text_feature: .*'notes'/);
      const one = categoricalColumn('y', new Int32Array(50), ['only']);
      expect(await code(fit(base.frame, one))).toMatch(/^data.single_class/);
      expect(await code(fit(base.frame, base.target, { task: 'regression' }))).toMatch(/^data.target_not_numeric/);
      expect(await code(fit(base.frame, base.target, { loss: 'poisson' }))).toMatch(/^usage.bad_param/);
      const neg = numericColumn('y', Float64Array.from({ length: 50 }, (_, i) => i - 10));
      expect(await code(fit(base.frame, neg, { loss: 'poisson' }))).toMatch(/^data.bad_target/);
    });
    it('treats NaN as missing (fit and predict)', async () => {
      const m = await fit(base.frame);
      const nanFrame = Frame.fromColumns(base.frame.columns.map((c) => (c.kind === 'numeric' ? numericColumn(c.name, new Float64Array(50).fill(NaN)) : c)));
      expect(m.predict(nanFrame).proba!.every((v) => Number.isFinite(v))).toBe(true);
    });
  });
});

describe('gbdt sample weights', () => {
  // No L2, no hessian floor and no categorical smoothing: then gains and leaf values are invariant to scaling weights.
  const base = { trees: 15, lambda_l2: 0, min_child_weight: 0, min_child_samples: 1, cat_smooth: 0, cat_l2: 0 };
  const bits = (a: Float64Array): string => Buffer.from(a.buffer).toString('base64');

  it('doubling every weight changes nothing (gradients and hessians scale together)', async () => {
    const d = synth(300, 4, 'binary');
    const one = await new GbdtEstimator(base).fit(d.frame, d.target, { rng: new Rng(1) });
    const two = await new GbdtEstimator(base).fit(d.frame, d.target, { rng: new Rng(1), sampleWeight: new Float64Array(300).fill(2) });
    expect(bits(two.predict(d.frame).proba!)).toBe(bits(one.predict(d.frame).proba!));
  });

  it('rows with weight 0 do not influence the model, whatever their labels', async () => {
    const d = synth(400, 5, 'regression');
    const w = Float64Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 0 : 1));
    const y = d.target.kind === 'numeric' ? d.target.values : new Float64Array();
    const flipped = numericColumn(d.target.name, Float64Array.from(y, (v, i) => (i % 4 === 0 ? -1000 * v : v)));
    const a = await new GbdtEstimator(base).fit(d.frame, d.target, { rng: new Rng(1), sampleWeight: w });
    const b = await new GbdtEstimator(base).fit(d.frame, flipped, { rng: new Rng(1), sampleWeight: w });
    expect(bits(b.predict(d.frame).values)).toBe(bits(a.predict(d.frame).values));
  });

  it('rejects negative, non-finite or mis-sized weights; other learners refuse weights', async () => {
    const d = synth(50, 6, 'binary');
    const fit = (sampleWeight: Float64Array) => new GbdtEstimator({ trees: 2 }).fit(d.frame, d.target, { rng: new Rng(1), sampleWeight });
    await expect(fit(new Float64Array(50).fill(-1))).rejects.toMatchObject({ code: 'data.invalid_weight' });
    await expect(fit(new Float64Array(50).fill(NaN))).rejects.toMatchObject({ code: 'data.invalid_weight' });
    await expect(fit(new Float64Array(49))).rejects.toMatchObject({ code: 'data.weight_length' });
  });
});
