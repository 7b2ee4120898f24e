import { describe, expect, it } from 'vitest';
import { chi2Sf, fSf, normalCdf, normalQuantile, normalSf, studentTCdf, studentTQuantile, studentTSf, binomialCdf } from './distributions.js';
import { erf, erfc } from './erf.js';
import { betaIncReg } from './beta.js';
import { gammaIncP, gammaIncQ, logGamma } from './special.js';

const DFS = [0.7, 1, 2, 2.5, 5, 29, 300];

describe('distributions: identities and edge cases', () => {
  it('Student t is symmetric, monotone, and tends to the normal', () => {
    for (const df of DFS) {
      let prev = 0;
      for (let t = -40; t <= 40; t += 0.37) {
        const c = studentTCdf(t, df);
        expect(c).toBeGreaterThanOrEqual(prev);
        prev = c;
        // cdf(−t) = sf(t) exactly: both are the same tail computation.
        expect(studentTCdf(-t, df)).toBe(studentTSf(t, df));
        expect(Math.abs(studentTCdf(t, df) + studentTCdf(-t, df) - 1)).toBeLessThan(4e-16);
      }
    }
    expect(studentTSf(2, Infinity)).toBe(normalSf(2));
    expect(Math.abs(studentTSf(2, 1e7) / normalSf(2) - 1)).toBeLessThan(1e-6);
    // Cauchy: cdf = ½ + atan(t)/π.
    for (const t of [-3, -0.5, 0.25, 7]) expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 15);
  });

  it('quantiles invert the CDFs, deep in the tails and for non-integer df', () => {
    for (const p of [1e-300, 1e-50, 1e-8, 0.003, 0.2, 0.5, 0.71, 0.999, 1 - 1e-12]) {
      const z = normalQuantile(p);
      const back = p < 0.5 ? normalCdf(z) : normalSf(z);
      expect(Math.abs(back / (p < 0.5 ? p : 1 - p) - 1)).toBeLessThan(p < 1e-100 ? 1e-12 : 1e-13);
      for (const df of DFS) {
        if (p < 1e-50 && df < 1) continue; // t quantile beyond 1e300
        const t = studentTQuantile(p, df);
        const tail = p < 0.5 ? studentTCdf(t, df) : studentTSf(t, df);
        expect(Math.abs(tail / Math.min(p, 1 - p) - 1), `p=${p} df=${df}`).toBeLessThan(1e-12);
        // Antisymmetry: q(u) = −q(1 − u), with u ≥ ½ so that 1 − u is exact (Sterbenz).
        const u = Math.max(p, 1 - p);
        if (u < 1) expect(Math.abs(studentTQuantile(u, df) + studentTQuantile(1 - u, df))).toBeLessThan(1e-13 * Math.max(1, studentTQuantile(u, df)));
      }
    }
    // mpmath: 2.22813885198627475…; SciPy 1.10 prints 2.2281388519649385 (cdflib stops ~1e-11 short).
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281388519862747, 14);
  });

  it('returns the limits and NaN outside the domain', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(studentTQuantile(0.5, 3.3)).toBe(0);
    expect(studentTQuantile(1, 3)).toBe(Infinity);
    expect(studentTSf(1, 0)).toBeNaN();
    expect(studentTSf(NaN, 3)).toBeNaN();
    expect(studentTSf(Infinity, 3)).toBe(0);
    // Past t ≈ 1e140·df the tail comes from its leading term (t² overflows at 1e154): Cauchy sf ≈ 1/(πt).
    for (const t of [1e141, 1e160, 1e300]) expect(Math.abs(studentTSf(t, 1) * Math.PI * t - 1)).toBeLessThan(1e-13);
    expect(Math.abs(studentTSf(1e200, 0.5) / studentTSf(1e120, 0.5) / 1e-40 - 1)).toBeLessThan(1e-12); // ∝ t^(−df), across both paths
    expect(chi2Sf(0, 3)).toBe(1);
    expect(chi2Sf(-1, 3)).toBe(1);
    expect(fSf(0, 2, 3)).toBe(1);
    expect(fSf(Infinity, 2, 3)).toBe(0);
    expect(binomialCdf(-1, 10, 0.5)).toBe(0);
    expect(binomialCdf(10, 10, 0.5)).toBe(1);
  });

  it('chi-square and F tails are monotone and match closed forms', () => {
    let prev = 1;
    for (let x = 0.01; x < 200; x *= 1.3) {
      const s = chi2Sf(x, 4);
      expect(s).toBeLessThan(prev);
      prev = s;
      // df = 2: exponential with mean 2; df = 4: (1 + x/2)e^(−x/2).
      expect(Math.abs(chi2Sf(x, 2) / Math.exp(-x / 2) - 1)).toBeLessThan(1e-13);
      expect(Math.abs(s / ((1 + x / 2) * Math.exp(-x / 2)) - 1)).toBeLessThan(1e-13);
    }
    // F(1, d) = t² on d df.
    for (const t of [0.3, 1.7, 4]) expect(Math.abs(fSf(t * t, 1, 7) / (2 * studentTSf(t, 7)) - 1)).toBeLessThan(1e-13);
  });
});

describe('special functions: identities', () => {
  it('erf is odd, erfc complements it', () => {
    for (const x of [1e-8, 0.2, 0.46875, 0.5, 1.3, 3.9, 4.2, 6]) {
      expect(erf(-x)).toBe(-erf(x));
      expect(Math.abs(erfc(x) + erfc(-x) - 2)).toBeLessThan(4e-16);
      expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThan(4e-16);
    }
    expect(erf(NaN)).toBeNaN();
    expect(erfc(30)).toBe(0);
  });

  it('logGamma hits factorials and the reflection formula', () => {
    let f = 1;
    for (let n = 1; n < 25; n++) {
      expect(Math.abs(logGamma(n + 1) - Math.log((f *= n)))).toBeLessThan(2e-15 * Math.max(1, Math.log(f)));
    }
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
    expect(logGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 14);
  });

  it('P + Q = 1, the beta symmetry, and small closed forms', () => {
    for (const a of [0.05, 0.5, 3, 40]) {
      for (const x of [0.01, 1, a, 3 * a + 5]) expect(Math.abs(gammaIncP(a, x) + gammaIncQ(a, x) - 1)).toBeLessThan(1e-15);
    }
    for (const x of [0.1, 2, 30]) expect(Math.abs(gammaIncQ(1, x) / Math.exp(-x) - 1)).toBeLessThan(1e-14);
    for (const [a, b, x] of [[2, 3, 0.3], [0.5, 40, 0.02], [300, 2, 0.99]] as const) {
      expect(Math.abs(betaIncReg(a, b, x) + betaIncReg(b, a, 1 - x) - 1)).toBeLessThan(1e-14);
    }
    expect(betaIncReg(1, 1, 0.37)).toBeCloseTo(0.37, 15);
    expect(betaIncReg(2, 2, 2)).toBeNaN();
    expect(gammaIncP(-1, 2)).toBeNaN();
  });
});
