/**
 * The statistics of drift detection, each checked against SciPy (test/golden/drift): two-sample
 * Kolmogorov-Smirnov, the 1-Wasserstein distance, Pearson's chi-square test of homogeneity, the
 * Jensen-Shannon distance, the population stability index, the two-proportion z-test, Fisher's
 * exact test and Holm's step-down adjustment. Samples are plain numbers without NaN (missing values are tested apart, as
 * a rate); counts are aligned arrays over the same categories.
 *
 * @example
 * const ks = ksTwoSample(sortedReference, sortedCurrent); // { statistic, pValue, method }
 * const w = wasserstein1(sortedReference, sortedCurrent);
 */
import { chi2Sf, kolmogorovSf, logGamma, normalSf } from '../core/stats/index.js';

export interface TestStatistic {
  statistic: number;
  pValue: number;
}

/** The sums of two aligned count vectors. */
export function totals(a: ArrayLike<number>, b: ArrayLike<number>): [number, number] {
  let na = 0;
  let nb = 0;
  for (let k = 0; k < a.length; k++) {
    na += a[k]!;
    nb += b[k]!;
  }
  return [na, nb];
}

/** Above this many lattice cells (n·m) the KS p-value is the asymptotic one. */
export const KS_EXACT_MAX_CELLS = 10_000_000;

/**
 * Two-sample Kolmogorov-Smirnov test, two-sided, on ascending samples: D = max |F_a − F_b| over
 * the pooled values (ties as SciPy's `ks_2samp`). The p-value is exact — the share of the
 * C(n+m, n) equally likely merge orders whose path leaves the band |i/n − j/m| < D (Hodges 1957),
 * as SciPy's `method='exact'` — while n·m ≤ {@link KS_EXACT_MAX_CELLS}; beyond, the limit
 * P(K > D·√(nm/(n+m))) (SciPy's `kstwobign`), whose error there is below 1e-3 of the p-value's scale.
 * With ties the p-value is conservative (it assumes continuous data), as SciPy's.
 */
export function ksTwoSample(a: Float64Array, b: Float64Array): TestStatistic & { method: 'exact' | 'asymptotic' } {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return { statistic: NaN, pValue: NaN, method: 'exact' };
  // D·n·m is an integer: max |i·m − j·n| over the steps of the merged order.
  let i = 0;
  let j = 0;
  let h = 0;
  while (i < n && j < m) {
    const v = a[i]! <= b[j]! ? a[i]! : b[j]!;
    while (i < n && a[i] === v) i++;
    while (j < m && b[j] === v) j++;
    h = Math.max(h, Math.abs(i * m - j * n));
  }
  const statistic = h / (n * m);
  if (n * m <= KS_EXACT_MAX_CELLS) return { statistic, pValue: ksExactSf(n, m, h), method: 'exact' };
  return { statistic, pValue: kolmogorovSf(statistic * Math.sqrt((n * m) / (n + m))), method: 'asymptotic' };
}

/**
 * P(D ≥ h/(nm)) for samples of sizes n and m under the null: 1 − the probability that a uniformly
 * random monotone lattice path from (0, 0) to (n, m) keeps |i·m − j·n| < h. The walk is a Markov
 * chain (from (i, j) it steps in i with probability (n − i)/(n − i + m − j)), so the probability
 * of staying inside is carried row by row, over each row's band of allowed j only: about 2·D·n·m
 * cells instead of n·m, so a small statistic (the usual case) is cheap. Memory O(m).
 */
function ksExactSf(n: number, m: number, h: number): number {
  if (h <= 0) return 1;
  let row = new Float64Array(m + 1);
  let next = new Float64Array(m + 1);
  // Row i = 0: j-steps only; from (0, j − 1) a j-step has probability (m − j + 1)/(n + m − j + 1).
  let plo = 0;
  let phi = Math.min(m, Math.ceil(h / n) - 1);
  row[0] = 1;
  for (let j = 1; j <= phi; j++) row[j] = row[j - 1]! * ((m - j + 1) / (n + m - j + 1));
  for (let i = 1; i <= n; i++) {
    // The band of row i: i·m − h < j·n < i·m + h.
    const lo = Math.max(0, Math.floor((i * m - h) / n) + 1);
    const hi = Math.min(m, Math.ceil((i * m + h) / n) - 1);
    if (lo > hi) return 1;
    for (let j = lo; j <= hi; j++) {
      // Arriving by an i-step from (i − 1, j), or by a j-step from (i, j − 1).
      let p = j >= plo && j <= phi ? row[j]! * ((n - i + 1) / (n - i + 1 + m - j)) : 0;
      if (j > lo) p += next[j - 1]! * ((m - j + 1) / (n - i + m - j + 1));
      next[j] = p;
    }
    [row, next] = [next, row];
    plo = lo;
    phi = hi;
  }
  return Math.min(1, Math.max(0, 1 - row[m]!));
}

/** The 1-Wasserstein (earth mover's) distance between two ascending samples: ∫ |F_a − F_b|. */
export function wasserstein1(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return NaN;
  let i = 0;
  let j = 0;
  let total = 0;
  let prev = Math.min(a[0]!, b[0]!);
  while (i < n || j < m) {
    const v = j >= m || (i < n && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    total += Math.abs(i / n - j / m) * (v - prev);
    prev = v;
    while (i < n && a[i] === v) i++;
    while (j < m && b[j] === v) j++;
  }
  return total;
}

/**
 * Pearson's chi-square test of homogeneity on a 2 × k table (two samples' counts over the same k
 * categories), without continuity correction (SciPy's `chi2_contingency(correction=False)`).
 * Categories empty in both samples are dropped; dof = k' − 1.
 */
export function chiSquareHomogeneity(a: ArrayLike<number>, b: ArrayLike<number>): TestStatistic & { dof: number } {
  const [na, nb] = totals(a, b);
  const total = na + nb;
  let statistic = 0;
  let used = 0;
  for (let k = 0; k < a.length; k++) {
    const col = a[k]! + b[k]!;
    if (col === 0) continue;
    used++;
    const ea = (col * na) / total;
    const eb = (col * nb) / total;
    statistic += (a[k]! - ea) ** 2 / ea + (b[k]! - eb) ** 2 / eb;
  }
  const dof = used - 1;
  if (na === 0 || nb === 0 || dof < 1) return { statistic: 0, pValue: 1, dof: Math.max(0, dof) };
  return { statistic, pValue: chi2Sf(statistic, dof), dof };
}

/**
 * The Jensen-Shannon distance (square root of the divergence, base 2: in [0, 1]) between the
 * distributions of two count vectors (SciPy's `spatial.distance.jensenshannon(p, q, base=2)`).
 */
export function jensenShannonDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const [na, nb] = totals(a, b);
  if (na === 0 || nb === 0) return NaN;
  let js = 0;
  for (let k = 0; k < a.length; k++) {
    const p = a[k]! / na;
    const q = b[k]! / nb;
    const mid = (p + q) / 2;
    if (p > 0) js += p * Math.log(p / mid);
    if (q > 0) js += q * Math.log(q / mid);
  }
  return Math.sqrt(Math.max(0, js / 2) / Math.LN2);
}

/** Share given to an empty bin in the PSI, so that its log stays finite (a common choice). */
export const PSI_EPSILON = 1e-4;

/**
 * The population stability index Σ (c − r)·ln(c/r) over bins, r and c the reference's and the
 * current sample's shares, each share floored at {@link PSI_EPSILON}. Rules of thumb: < 0.1
 * stable, 0.1-0.25 moderate, > 0.25 major shift.
 */
export function populationStabilityIndex(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const [nr, nc] = totals(reference, current);
  if (nr === 0 || nc === 0) return NaN;
  let psi = 0;
  for (let k = 0; k < reference.length; k++) {
    const r = Math.max(reference[k]! / nr, PSI_EPSILON);
    const c = Math.max(current[k]! / nc, PSI_EPSILON);
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}

/**
 * Two-sided z-test that two proportions x1/n1 and x2/n2 are equal, with the pooled variance (the
 * chi-square test of the 2 × 2 table without correction: z² = χ²).
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): TestStatistic {
  if (n1 === 0 || n2 === 0) return { statistic: NaN, pValue: NaN };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { statistic: 0, pValue: 1 };
  const z = (x2 / n2 - x1 / n1) / se;
  return { statistic: z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}

/**
 * Fisher's exact test of the 2 × 2 table [[x1, n1 − x1], [x2, n2 − x2]], two-sided as SciPy's
 * `fisher_exact`: the hypergeometric probability of every table with the same margins that is no
 * more likely than the observed one (within a relative 1e-7, so equal-probability tables count).
 * For proportions whose counts are too small for the normal approximation. The loop runs over the
 * support, min(margins) + 1 tables.
 */
export function fisherExactTest(x1: number, n1: number, x2: number, n2: number): { pValue: number } {
  const k = x1 + x2;
  const n = n1 + n2;
  if (n1 === 0 || n2 === 0 || k === 0 || k === n) return { pValue: 1 };
  const lo = Math.max(0, k - n2);
  const hi = Math.min(k, n1);
  const logC = (a: number, b: number): number => logGamma(a + 1) - logGamma(b + 1) - logGamma(a - b + 1);
  const base = logC(n, k);
  const logPmf = (x: number): number => logC(n1, x) + logC(n2, k - x) - base;
  const observed = logPmf(x1);
  const cut = observed + Math.log1p(1e-7);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const l = logPmf(x);
    if (l <= cut) p += Math.exp(l);
  }
  return { pValue: Math.min(1, p) };
}

/**
 * Holm's step-down adjustment: adjusted p-values whose rejections at level α keep the chance of
 * any false rejection among all the tests at most α (family-wise), for any dependence between
 * them. NaN p-values stay NaN and do not count as tests.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const idx = pValues.map((p, i) => [p, i] as const).filter(([p]) => !Number.isNaN(p));
  idx.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out = pValues.map(() => NaN);
  const k = idx.length;
  let running = 0;
  idx.forEach(([p, i], r) => {
    running = Math.max(running, Math.min(1, (k - r) * p));
    out[i] = running;
  });
  return out;
}
