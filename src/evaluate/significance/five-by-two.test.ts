import { describe, expect, it } from 'vitest';
import { fiveByTwoFTest, fiveByTwoTTest } from './five-by-two.js';
import { thrown } from '../../core/errors.fixture.js';

const d = Float64Array.of(0.021, 0.013, 0.034, -0.004, 0.019, 0.008, 0.027, 0.031, 0.012, 0.016);

const code = (f: () => unknown): string => thrown(f).code;

describe('5x2cv t and F', () => {
  it('flip sign with A and B, keep p, and use only p_1^(1) in the t numerator', () => {
    const t = fiveByTwoTTest(d);
    const f = fiveByTwoFTest(d);
    const neg = d.map((v) => -v);
    expect(fiveByTwoTTest(neg).statistic).toBe(-t.statistic);
    expect(fiveByTwoTTest(neg).pValue).toBe(t.pValue);
    expect(fiveByTwoFTest(neg)).toMatchObject({ statistic: f.statistic, pValue: f.pValue, meanDifference: -f.meanDifference });
    const other = d.slice();
    other[9] = 0.5; // moves the variance of repeat 5 only
    expect(Math.abs(fiveByTwoTTest(other).statistic)).toBeLessThan(Math.abs(t.statistic));
    expect(t.variances[0]).toBeCloseTo((0.021 - 0.013) ** 2 / 2, 15);
  });

  it('handles zero variance and refuses other designs', () => {
    expect(fiveByTwoTTest(new Float64Array(10))).toMatchObject({ statistic: 0, pValue: 1 });
    expect(fiveByTwoFTest(new Float64Array(10).fill(0.01))).toMatchObject({ statistic: Infinity, pValue: 0 });
    expect(code(() => fiveByTwoTTest(d.subarray(0, 8)))).toBe('data.length_mismatch');
    expect(code(() => fiveByTwoFTest(new Float64Array(0)))).toBe('data.empty');
  });
});
