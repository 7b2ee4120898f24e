import { describe, expect, it } from 'vitest';
import { bcaLevels } from './bca.js';
import { normalCdf, normalQuantile, quantileSorted } from './quantile.js';

// Expected values below were computed with /usr/bin/python3 (numpy 1.24.2, scipy 1.10.1):
// np.quantile, scipy.special.ndtr / ndtri, and scipy.stats.bootstrap's BCa formula (_bca_interval).
const reps = Float64Array.of(0.61, 0.64, 0.66, 0.67, 0.7, 0.7, 0.72, 0.73, 0.75, 0.8);

describe('quantiles and the normal distribution', () => {
  it('quantileSorted is numpy’s linear quantile', () => {
    const want: [number, number][] = [[0, 0.61], [0.025, 0.61675], [0.3, 0.667], [0.5, 0.7], [0.975, 0.7887500000000001], [1, 0.8]];
    // 1e-15: one interpolation a + (b − a)·t, ≤ 2 roundings of values ~0.7 (ulp 1.1e-16).
    for (const [q, v] of want) expect(Math.abs(quantileSorted(reps, q) - v), `q=${q}`).toBeLessThan(1e-15);
  });

  it('normalQuantile and normalCdf agree with scipy to ~1e-15', () => {
    const ppf: [number, number][] = [[1e-10, -6.361340902404056], [0.001, -3.090232306167813], [0.025, -1.9599639845400545], [0.3, -0.5244005127080409], [0.975, 1.959963984540054]];
    // Halley-refined Acklam; observed ≤ 9e-16 absolute. 1e-14 allows a few ulps of exp/log drift.
    for (const [p, x] of ppf) expect(Math.abs(normalQuantile(p) - x), `p=${p}`).toBeLessThan(1e-14);
    const cdf: [number, number][] = [[-6, 9.865876450376946e-10], [-1.5, 0.06680720126885807], [0, 0.5], [0.3, 0.6179114221889526], [2.5, 0.9937903346742238]];
    // Relative 1e-13: the Chebyshev erfc is good to ~1e-14 relative in the far tail (observed 1.3e-14 at −8).
    for (const [x, p] of cdf) expect(Math.abs(normalCdf(x) - p) / p, `x=${x}`).toBeLessThan(1e-13);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('bcaLevels follows scipy’s BCa formula (bias and acceleration)', () => {
    const jack = Float64Array.of(0.69, 0.7, 0.71, 0.72, 0.66, 0.7, 0.705);
    // Estimate in the middle: z0 = 0, only the acceleration (a = 0.0677) moves the levels.
    const mid = bcaLevels(reps, 0.7, jack, 0.9) as { low: number; high: number };
    expect(Math.abs(mid.low - 0.06943003421464165)).toBeLessThan(1e-12);
    expect(Math.abs(mid.high - 0.9679122615336422)).toBeLessThan(1e-12);
    // 30 % of replicates below the estimate: z0 = −0.524 pulls both levels down.
    const low = bcaLevels(reps, 0.665, jack, 0.9) as { low: number; high: number };
    // 1e-12: the levels go through Φ⁻¹ and Φ (each good to ~1e-14) and one rational step.
    expect(Math.abs(low.low - 0.007848429156649036)).toBeLessThan(1e-12);
    expect(Math.abs(low.high - 0.7542783187695971)).toBeLessThan(1e-12);
    expect(bcaLevels(reps, 0.5, jack, 0.9)).toHaveProperty('reason');
  });
});
