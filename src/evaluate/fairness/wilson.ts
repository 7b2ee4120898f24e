/**
 * Wilson score interval for a binomial proportion k / n.
 *
 * Why Wilson and not the normal (Wald) approximation p̂ ± z·√(p̂(1 − p̂)/n): fairness reports are
 * full of small groups and extreme rates (a TPR of 0 or 1 over 12 positives). Wald collapses to a
 * zero-width interval at p̂ = 0 or 1, so "0 of 12 selected" would claim certainty; it can also
 * leave [0, 1], and its coverage falls far below the nominal 95 % for small n or p near 0 or 1
 * (Brown, Cai & DasGupta 2001, "Interval estimation for a binomial proportion"). Wilson inverts
 * the score test instead: it always lies inside [0, 1], is never empty at the extremes, and keeps
 * coverage near nominal from n ≈ 10. It is closed-form, so it is deterministic (no bootstrap Rng)
 * and costs O(1) per rate.
 *
 * @example
 * wilsonInterval(0, 12); // { lower: 0, upper: 0.2425... }  (Wald would say [0, 0])
 * wilsonInterval(45, 100); // { lower: 0.3561..., upper: 0.5476... }
 */

/** z for a two-sided 95 % interval: scipy.stats.norm.ppf(0.975) = 1.959963984540054. */
export const Z_95 = 1.959963984540054;

/** A closed interval [lower, upper] inside [0, 1]. */
export interface Interval {
  lower: number;
  upper: number;
}

/**
 * The Wilson score interval for k successes in n trials (`0 ≤ k ≤ n`, `n > 0`).
 *
 * center = (p̂ + z²/(2n)) / (1 + z²/n), half = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/(4n²)).
 * At k = 0 the lower bound is exactly 0 and at k = n the upper bound exactly 1; they are set so,
 * because center − half rounds to ±3e-17 there (for 0 of 12 it gives 2.8e-17, an interval that
 * would not contain the estimate 0). Other bounds are clamped to [0, 1].
 * test/golden/fairness/make_fairness.py evaluates the same expression in the same order, so the
 * two agree to the last bit on every case there.
 *
 * @example
 * const { lower, upper } = wilsonInterval(3, 10); // lower ≈ 0.1078, upper ≈ 0.6032
 */
export function wilsonInterval(k: number, n: number, z: number = Z_95): Interval {
  if (!(n > 0) || !(k >= 0) || k > n) throw new RangeError(`wilsonInterval: need 0 <= k <= n and n > 0 (got k=${k}, n=${n})`);
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: k === 0 ? 0 : Math.max(0, center - half), upper: k === n ? 1 : Math.min(1, center + half) };
}
