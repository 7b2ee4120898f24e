/**
 * Drift statistics against test/golden/drift/drift.json (make_drift.py beside it; SciPy 1.17.1,
 * numpy 2.4): real credit_data columns (whole column vs the applicants under 30, a real covariate
 * shift, and vs a random half) and synthetic samples.
 *
 * Tolerances:
 * - KS statistic: exact (both are an integer over n·m, divided once).
 * - exact KS p-values: 1e-12 absolute. Ours is 1 − P(inside), carried as a probability over the
 *   n·m lattice (SciPy counts paths outside in scaled floats): both lose ~1e-16 per step to
 *   rounding, and the subtraction from 1 bounds the absolute, not the relative, error.
 * - asymptotic p-values and the Kolmogorov survival function: 1e-12 relative (alternating series
 *   summed to 1e-17 of the total).
 * - Fisher's exact p-values: 1e-9 relative (log-gamma differences of numbers up to ~1e4).
 * - Wasserstein, chi-square, Jensen-Shannon, PSI: 1e-10 relative (sums of ≤ 10⁴ terms in another
 *   order; observed ≤ 1e-13). Chi-square p-values: 1e-9 relative (regularised gamma tails).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kolmogorovSf } from '../core/stats/index.js';
import { chiSquareHomogeneity, fisherExactTest, jensenShannonDistance, ksTwoSample, populationStabilityIndex, twoProportionTest, wasserstein1 } from './stats.js';

interface KsCase {
  name: string;
  a: number[];
  b: number[];
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
  wasserstein: number;
}
interface CountsCase {
  name: string;
  a: number[];
  b: number[];
  chi2: number;
  pValue: number;
  dof: number;
  js: number;
  psi: number;
}
const golden = JSON.parse(readFileSync(new URL('../../test/golden/drift/drift.json', import.meta.url), 'utf8')) as {
  ks: KsCase[];
  counts: CountsCase[];
  proportions: { x1: number; n1: number; x2: number; n2: number; z: number; chi2: number; pValue: number }[];
  fisher: { x1: number; n1: number; x2: number; n2: number; pValue: number }[];
  kolmogorov: { x: number; sf: number }[];
};

const rel = (got: number, want: number, tol: number): void => {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(tol * Math.max(Math.abs(want), 1e-300));
};

describe('drift statistics against SciPy', () => {
  it.each(golden.ks.map((c) => [c.name, c] as const))('KS and Wasserstein: %s', (_, c) => {
    const a = Float64Array.from(c.a);
    const b = Float64Array.from(c.b);
    const ks = ksTwoSample(a, b);
    expect(ks.method).toBe(c.method);
    expect(ks.statistic).toBeCloseTo(c.statistic, 14);
    if (c.method === 'exact') expect(Math.abs(ks.pValue - c.pValue)).toBeLessThanOrEqual(1e-12);
    else rel(ks.pValue, c.pValue, 1e-12);
    rel(wasserstein1(a, b), c.wasserstein, 1e-10);
    // Symmetric in its samples.
    expect(ksTwoSample(b, a).statistic).toBe(ks.statistic);
  });

  it.each(golden.counts.map((c) => [c.name, c] as const))('chi-square, Jensen-Shannon, PSI: %s', (_, c) => {
    const chi = chiSquareHomogeneity(c.a, c.b);
    expect(chi.dof).toBe(c.dof);
    if (c.chi2 === 0) expect(chi.statistic).toBe(0);
    else rel(chi.statistic, c.chi2, 1e-10);
    rel(chi.pValue, c.pValue, 1e-9);
    if (c.js === 0) expect(jensenShannonDistance(c.a, c.b)).toBe(0);
    else rel(jensenShannonDistance(c.a, c.b), c.js, 1e-10);
    if (c.psi === 0) expect(populationStabilityIndex(c.a, c.b)).toBe(0);
    else rel(populationStabilityIndex(c.a, c.b), c.psi, 1e-10);
  });

  it('two-proportion z-test equals the 2 × 2 chi-square test', () => {
    for (const c of golden.proportions) {
      const t = twoProportionTest(c.x1, c.n1, c.x2, c.n2);
      rel(t.statistic, c.z, 1e-12);
      rel(t.statistic ** 2, c.chi2, 1e-10);
      rel(t.pValue, c.pValue, 1e-9);
    }
  });

  it("Fisher's exact test (fisher_exact, two-sided)", () => {
    for (const c of golden.fisher) rel(fisherExactTest(c.x1, c.n1, c.x2, c.n2).pValue, c.pValue, 1e-9);
  });

  it('Kolmogorov survival function (kstwobign.sf)', () => {
    for (const { x, sf } of golden.kolmogorov) rel(kolmogorovSf(x), sf, 1e-12);
  });
});
