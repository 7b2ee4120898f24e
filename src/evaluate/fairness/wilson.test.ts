import { describe, expect, it } from 'vitest';
import { Z_95, wilsonInterval } from './wilson.js';

describe('wilsonInterval', () => {
  it('contains the estimate, stays in [0, 1] and is never empty at 0 or n', () => {
    for (const n of [1, 2, 5, 12, 30, 100, 1000]) {
      for (let k = 0; k <= n; k += Math.max(1, Math.floor(n / 7))) {
        const { lower, upper } = wilsonInterval(k, n);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(k / n);
        expect(upper).toBeGreaterThanOrEqual(k / n);
        expect(upper - lower).toBeGreaterThan(0);
      }
    }
    // Where Wald gives [0, 0], Wilson still bounds the rate: 0 of 12 is consistent with up to ~24 %.
    expect(wilsonInterval(0, 12).upper).toBeCloseTo(0.2425, 4);
  });

  it('is symmetric under k → n − k and narrows as n grows', () => {
    const a = wilsonInterval(3, 17);
    const b = wilsonInterval(14, 17);
    expect(a.lower).toBeCloseTo(1 - b.upper, 14);
    expect(a.upper).toBeCloseTo(1 - b.lower, 14);
    const w = (n: number): number => {
      const { lower, upper } = wilsonInterval(n / 2, n);
      return upper - lower;
    };
    expect(w(20)).toBeGreaterThan(w(200));
    expect(w(200)).toBeGreaterThan(w(2000));
    // Large n: close to the normal approximation 2·z·√(p(1−p)/n).
    expect(w(1e6)).toBeCloseTo(2 * Z_95 * Math.sqrt(0.25 / 1e6), 7);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
  });
});
