import { describe, expect, it } from 'vitest';
import { checkEstimator } from '../../core/check-estimator.js';
import type { FitEvent } from '../../core/estimator.js';
import { Frame, booleanColumn, numericColumn, textColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { ElasticNetEstimator, LassoEstimator, LinearRegressionEstimator, RidgeEstimator } from './regression.js';

function toy(n: number, seed = 2) {
  const rng = new Rng(seed);
  const a = Float64Array.from({ length: n }, () => rng.float() * 4 - 2);
  const b = Float64Array.from({ length: n }, () => rng.float() * 10);
  const flag = Uint8Array.from({ length: n }, () => (rng.float() < 0.4 ? 1 : 0));
  const y = Float64Array.from({ length: n }, (_, i) => 3 * a[i]! - 0.5 * b[i]! + 2 * flag[i]! + 7 + 0.1 * (rng.float() - 0.5));
  return { frame: Frame.fromColumns([numericColumn('a', a), numericColumn('b', b), booleanColumn('flag', flag)]), target: numericColumn('y', y) };
}

const makers = {
  linear_regression: (p: Record<string, unknown> = {}) => new LinearRegressionEstimator(p),
  ridge: (p: Record<string, unknown> = {}) => new RidgeEstimator(p),
  lasso: (p: Record<string, unknown> = {}) => new LassoEstimator({ alpha: 0.01, ...p }),
  elastic_net: (p: Record<string, unknown> = {}) => new ElasticNetEstimator({ alpha: 0.01, ...p }),
};

describe('linear regression estimators', () => {
  it('conform', async () => {
    const data = toy(80);
    for (const make of Object.values(makers)) {
      await checkEstimator(() => make(), data);
      await checkEstimator(() => make({ fit_intercept: false }), data);
    }
  });

  it('recover the generating coefficients when the penalty is small', async () => {
    const { frame, target } = toy(500);
    for (const [name, make] of Object.entries(makers)) {
      const m = await make(name === 'ridge' ? { alpha: 1e-6 } : name === 'linear_regression' ? {} : { alpha: 1e-6 }).fit(frame, target, { rng: new Rng(1) });
      expect(m.name).toBe(name);
      const c = m.coef;
      expect(c[0]).toBeCloseTo(3, 2);
      expect(c[1]).toBeCloseTo(-0.5, 2);
      expect(c[2]).toBeCloseTo(2, 2);
      expect(m.intercept).toBeCloseTo(7, 1);
    }
  });

  it('lasso zeroes coefficients as alpha grows; the intercept is never penalised', async () => {
    const { frame, target } = toy(200);
    const m = await new LassoEstimator({ alpha: 100 }).fit(frame, target, { rng: new Rng(1) });
    expect(Array.from(m.coef)).toEqual([0, 0, 0]);
    const mean = target.values.reduce((s, v) => s + v, 0) / 200;
    expect(m.intercept).toBeCloseTo(mean, 10);
  });

  it('warns linear.not_converged with the duality gap when max_iter is too small', async () => {
    const { frame, target } = toy(200);
    const events: FitEvent[] = [];
    const m = await new ElasticNetEstimator({ alpha: 1e-4, max_iter: 1, tol: 1e-12 }).fit(frame, target, { rng: new Rng(1), emit: (e) => events.push(e) });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ level: 'warning', code: 'linear.not_converged', details: { iterations: 1, tol: 1e-12 } });
    expect((events[0]!.details as { gap: number }).gap).toBeGreaterThan(0);
    expect(m.predict(frame).values).toHaveLength(200);
  });

  it('least squares on collinear columns warns linear.rank_deficient and still fits', async () => {
    const { frame, target } = toy(100);
    const a = frame.column('a') as { values: Float64Array };
    const twice = numericColumn('a2', Float64Array.from(a.values, (v) => 2 * v));
    const events: FitEvent[] = [];
    const m = await new LinearRegressionEstimator({}).fit(Frame.fromColumns([...frame.columns, twice]), target, { rng: new Rng(1), emit: (e) => events.push(e) });
    expect(events.map((e) => e.code)).toEqual(['linear.rank_deficient']);
    // Minimum-norm split of the effect 3 between a and 2a: 3/5 and 6/5.
    expect(m.coef[0]).toBeCloseTo(0.6, 2);
    expect(m.coef[3]).toBeCloseTo(1.2, 2);
  });

  it('refuses text inputs and a non-numeric target', async () => {
    const { frame, target } = toy(20);
    const withText = Frame.fromColumns([...frame.columns, textColumn('city', new Array<string | null>(20).fill('Oslo'))]);
    await expect(new RidgeEstimator({}).fit(withText, target, { rng: new Rng(1) })).rejects.toMatchObject({ code: 'data.not_numeric' });
    await expect(new RidgeEstimator({}).fit(frame, textColumn('y', new Array<string | null>(20).fill('x')), { rng: new Rng(1) })).rejects.toMatchObject({ code: 'data.target_not_numeric' });
  });
});
