import { describe, expect, it } from 'vitest';
import { mae, mape, medianAbsoluteError, poissonDeviance, r2, rmse, rmsle } from './regression.js';
import { code } from '../../core/errors.fixture.js';

const F = (...v: number[]): Float64Array => Float64Array.from(v);

describe('regression metrics', () => {
  it('computes the documented examples', () => {
    expect(rmse(F(1, 2, 3), F(1, 2, 5))).toBeCloseTo(Math.sqrt(4 / 3), 15);
    expect(rmse(F(0, 0), F(3, 4))).toBeCloseTo(Math.sqrt(12.5), 15);
    expect(mae(F(1, 2), F(2, 4))).toBe(1.5);
    expect(mape(F(100, 200), F(110, 180))).toBeCloseTo(0.1, 15);
    expect(r2(F(1, 2, 3), F(1, 2, 2))).toBe(0.5);
    expect(medianAbsoluteError(F(1, 2, 3, 4), F(1, 3, 5, 8))).toBe(1.5);
    expect(poissonDeviance(F(0, 2), F(1, 2))).toBe(1);
    expect(rmsle(F(0, Math.E - 1), F(0, 0))).toBeCloseTo(Math.sqrt(0.5), 15);
  });

  it('r2 follows force_finite for a constant target and needs two rows', () => {
    expect(r2(F(3, 3, 3), F(3, 3, 3))).toBe(1);
    expect(r2(F(3, 3, 3), F(3, 4, 3))).toBe(0);
    expect(code(() => r2(F(1), F(1)))).toBe('data.too_few_rows');
  });

  it('weighted median is the lower weighted median (sklearn _weighted_percentile)', () => {
    // Errors 1, 2, 3, 4 with equal weights: cumulative weight reaches half exactly at 2.
    expect(medianAbsoluteError(F(0, 0, 0, 0), F(1, 2, 3, 4), F(1, 1, 1, 1))).toBe(2);
    expect(medianAbsoluteError(F(0, 0, 0), F(1, 2, 3), F(0, 0, 5))).toBe(3);
  });

  it('mape guards a zero target with eps instead of dividing by zero', () => {
    expect(mape(F(0), F(1))).toBe(1 / Number.EPSILON);
  });

  it('rejects inputs outside each metric’s domain with a clear code', () => {
    expect(code(() => poissonDeviance(F(1, 2), F(1, 0)))).toBe('data.non_positive_prediction');
    expect(code(() => poissonDeviance(F(-1, 2), F(1, 1)))).toBe('data.negative_value');
    expect(code(() => rmsle(F(1, -2), F(1, 1)))).toBe('data.negative_value');
    expect(code(() => rmsle(F(1, 2), F(-1, 1)))).toBe('data.negative_value');
    expect(code(() => rmse(F(1, NaN), F(1, 1)))).toBe('data.nan');
    expect(code(() => mae(F(1, 2), F(1, Infinity)))).toBe('data.infinite');
    expect(code(() => rmse(F(), F()))).toBe('data.empty');
    expect(code(() => rmse(F(1, 2), F(1)))).toBe('data.length_mismatch');
    expect(() => poissonDeviance(F(1, 2), F(1, 0))).toThrow(/^poisson_deviance: yPred\[1\] is 0/);
  });
});
