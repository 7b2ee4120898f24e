import { describe, expect, it } from 'vitest';
import { deserializeModel, serializeModel } from '../../core/model-io.js';
import { categoricalColumn, Frame, numericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import type { PredictorModel } from '../../core/estimator.js';
import { BaselineEstimator } from '../baseline.js';
import { GbdtEstimator } from '../gbdt/index.js';
import { ensembleSelection } from './selection.js';
import { WeightedEnsembleModel } from './weighted.js';

const mse = (y: Float64Array) => (p: Float64Array) => p.reduce((s, v, i) => s + (v - y[i]!) ** 2, 0) / y.length;

describe('ensembleSelection (Caruana)', () => {
  it('weights two independent good members about equally, drops a bad one, and beats each member', () => {
    const r = new Rng(5);
    const n = 2000;
    const y = Float64Array.from({ length: n }, () => r.float() * 10);
    const a = Float64Array.from(y, (v) => v + (r.float() - 0.5) * 4);
    const b = Float64Array.from(y, (v) => v + (r.float() - 0.5) * 4);
    const c = Float64Array.from(y, (v) => v + 3 + (r.float() - 0.5) * 4);
    const sel = ensembleSelection([a, b, c], mse(y), { greaterIsBetter: false, rounds: 20 });
    // The biased member may enter once (its independent noise still averages out), never more.
    expect(sel.weights[2]!).toBeLessThanOrEqual(0.05);
    expect(sel.weights[0]!).toBeGreaterThan(0.3);
    expect(sel.weights[1]!).toBeGreaterThan(0.3);
    expect(sel.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    // Averaging two independent errors halves the variance: ~4/3 -> ~2/3.
    expect(sel.score).toBeLessThan(0.6 * Math.min(mse(y)(a), mse(y)(b)) + 0.2);
    expect(sel.trace[0]).toBe(Math.min(mse(y)(a), mse(y)(b), mse(y)(c)));
  });

  it('breaks ties toward the earlier member and refuses mismatched members', () => {
    const y = Float64Array.of(1, 2, 3);
    const sel = ensembleSelection([Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3)], mse(y), { greaterIsBetter: false, rounds: 3 });
    expect(sel.weights).toEqual([1, 0]);
    expect(() => ensembleSelection([Float64Array.of(1), Float64Array.of(1, 2)], mse(y), { greaterIsBetter: false })).toThrow(/member 1 has 2 predictions/);
  });
});

describe('WeightedEnsembleModel', () => {
  it('averages member probabilities with its weights, and survives a save/load round trip', async () => {
    const r = new Rng(3);
    const n = 300;
    const x = Float64Array.from({ length: n }, () => r.normal());
    const y = Int32Array.from(x, (v) => (v + 0.3 * r.normal() > 0 ? 1 : 0));
    const frame = Frame.fromColumns([numericColumn('x', x)]);
    const target = categoricalColumn('y', y, ['no', 'yes']);
    const g = (await new GbdtEstimator({ trees: 20 }).fit(frame, target, { rng: new Rng(1) })) as PredictorModel;
    const b = (await new BaselineEstimator({}).fit(frame, target, { rng: new Rng(1) })) as PredictorModel;
    const ens = new WeightedEnsembleModel({}, [g, b], [3, 1]);
    expect(ens.weights).toEqual([0.75, 0.25]);
    const p = ens.predict(frame).proba!;
    const pg = g.predict(frame).proba!;
    const pb = b.predict(frame).proba!;
    for (let i = 0; i < p.length; i++) expect(p[i]).toBeCloseTo(0.75 * pg[i]! + 0.25 * pb[i]!, 14);
    const { json, buffers } = serializeModel(ens);
    const back = deserializeModel(json, buffers) as PredictorModel;
    expect(Array.from(back.predict(frame).proba!)).toEqual(Array.from(p));
    // A zero-weight member is dropped.
    expect(new WeightedEnsembleModel({}, [g, b], [1, 0]).members).toHaveLength(1);
    expect(() => new WeightedEnsembleModel({}, [g], [0])).toThrow(/positive sum/);
  });
});
