import { describe, expect, it } from 'vitest';
import { correctedResampledTTest } from './corrected-t-test.js';
import { thrown } from '../../core/errors.fixture.js';

const d = Float64Array.of(0.021, 0.013, 0.034, -0.004, 0.019, 0.008, 0.027, 0.031, 0.012, 0.016);
const opts = { nTrain: 900, nTest: 100 };

/** The code of the SpecmlError `f` throws; every such error carries a hint or a message. */
function code(f: () => unknown): string {
  const e = thrown(f);
  expect(e.hint ?? e.message).toBeTruthy();
  return e.code;
}

describe('correctedResampledTTest', () => {
  it('is the plain paired t-test with the variance factor 1/J + nTest/nTrain', () => {
    const r = correctedResampledTTest(d, opts);
    const mean = d.reduce((a, b) => a + b) / d.length;
    const s2 = d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1);
    expect(r.statistic).toBeCloseTo(mean / Math.sqrt((1 / 10 + 100 / 900) * s2), 12);
    expect(r.df).toBe(9);
    expect(r.ci[0]).toBeLessThan(r.meanDifference);
    expect(r.ci[1]).toBeGreaterThan(r.meanDifference);
    // The correction widens the interval relative to the naive 1/J test, so p grows with nTest/nTrain.
    const naive = correctedResampledTTest(d, { nTrain: 1e12, nTest: 1e-12 });
    const heavier = correctedResampledTTest(d, { nTrain: 500, nTest: 500 });
    expect(naive.pValue).toBeLessThan(r.pValue);
    expect(r.pValue).toBeLessThan(heavier.pValue);
    expect(correctedResampledTTest(d, { ...opts, level: 0.99 }).ci[0]).toBeLessThan(r.ci[0]);
  });

  it('swapping A and B flips the sign and keeps p', () => {
    const r = correctedResampledTTest(d, opts);
    const s = correctedResampledTTest(d.map((v) => -v), opts);
    expect(s.statistic).toBe(-r.statistic);
    expect(s.pValue).toBe(r.pValue);
    expect(s.ci[0]).toBeCloseTo(-r.ci[1], 15);
  });

  it('decides zero variance instead of dividing by it', () => {
    expect(correctedResampledTTest(new Float64Array(5), opts)).toMatchObject({ statistic: 0, pValue: 1, ci: [0, 0] });
    expect(correctedResampledTTest(new Float64Array(5).fill(-0.25), opts)).toMatchObject({ statistic: -Infinity, pValue: 0 });
  });

  it('refuses bad input with a SpecmlError', () => {
    expect(code(() => correctedResampledTTest(new Float64Array(0), opts))).toBe('data.empty');
    expect(code(() => correctedResampledTTest(Float64Array.of(0.1), opts))).toBe('data.too_few_folds');
    expect(code(() => correctedResampledTTest(Float64Array.of(0.1, NaN), opts))).toBe('data.nan');
    expect(code(() => correctedResampledTTest(d, { nTrain: 0, nTest: 10 }))).toBe('usage.bad_param');
    expect(code(() => correctedResampledTTest(d, { ...opts, level: 95 }))).toBe('usage.bad_param');
  });
});
