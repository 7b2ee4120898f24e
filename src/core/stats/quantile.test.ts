import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantile.js';

describe('quantileSorted', () => {
  it('is numpy’s linear quantile', () => {
    // np.quantile (numpy 1.24.2) on the same sorted sample.
    const reps = Float64Array.of(0.61, 0.64, 0.66, 0.67, 0.7, 0.7, 0.72, 0.73, 0.75, 0.8);
    const want: [number, number][] = [[0, 0.61], [0.025, 0.61675], [0.3, 0.667], [0.5, 0.7], [0.975, 0.7887500000000001], [1, 0.8]];
    // 1e-15: one interpolation a + (b − a)·t, ≤ 2 roundings of values ~0.7 (ulp 1.1e-16).
    for (const [q, v] of want) expect(Math.abs(quantileSorted(reps, q) - v), `q=${q}`).toBeLessThan(1e-15);
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4, 10), 0.975)).toBeCloseTo(9.4, 14);
  });
});
