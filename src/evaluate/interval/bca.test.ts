import { describe, expect, it } from 'vitest';
import { bcaLevels } from './bca.js';

// Expected values below were computed with /usr/bin/python3 (numpy 1.24.2, scipy 1.10.1):
// np.quantile, scipy.special.ndtr / ndtri, and scipy.stats.bootstrap's BCa formula (_bca_interval).
const reps = Float64Array.of(0.61, 0.64, 0.66, 0.67, 0.7, 0.7, 0.72, 0.73, 0.75, 0.8);

describe('quantiles and BCa levels', () => {

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
