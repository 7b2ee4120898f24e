/**
 * McNemar's test for two classifiers' predictions on the same rows (Dietterich 1998 recommends it
 * when each model can be trained only once). Only the discordant rows carry information:
 * b = rows A gets right and B gets wrong, c = the reverse. Under H0 (equal error rates) each
 * discordant row is a fair coin, b ~ Binomial(b + c, ½).
 *
 * - exact: two-sided binomial p-value, min(1, 2·P(X ≤ min(b, c))) — what
 *   `scipy.stats.binomtest(b, b + c, 0.5).pvalue` gives, since Binomial(n, ½) is symmetric.
 * - chi2: (max(0, |b − c| − 1))² / (b + c) on 1 df (Edwards' continuity correction). The max(0, ·)
 *   keeps b = c at statistic 0 (p = 1) instead of the 1/(b + c) of the bare formula.
 * - auto (default): exact when b + c < 25, chi2 otherwise. Below ~25 discordant rows the
 *   chi-square approximation of the binomial is poor; above it the two agree to ~0.01 and the
 *   chi-square is the conventional report (the 25 is statsmodels' and Dietterich's rule of thumb).
 *
 * @example
 * const y = Int32Array.of(1, 0, 1, 1, 0, 1);
 * mcnemarTest(y, Int32Array.of(1, 0, 1, 1, 0, 0), Int32Array.of(0, 0, 1, 0, 0, 1)); // b = 2, c = 1, exact p = 1
 */
import { binomialCdf, chi2Sf } from '../../core/stats/distributions.js';
import { checkLengths, fail } from './validate.js';

/** b + c below this uses the exact binomial p-value under `method: 'auto'` (see the file header). */
export const MCNEMAR_EXACT_BELOW = 25;

export interface McNemarOptions {
  /** 'auto' (default): exact below 25 discordant rows, chi-square otherwise. */
  method?: 'auto' | 'exact' | 'chi2';
}

/** McNemar's outcome with the full 2×2 table of correctness. */
export interface McNemarResult {
  /** Rows both classifiers get right. */
  bothCorrect: number;
  /** b: rows only A gets right. */
  onlyA: number;
  /** c: rows only B gets right. */
  onlyB: number;
  bothWrong: number;
  /** exact: min(b, c) (the binomial count); chi2: the corrected chi-square statistic. */
  statistic: number;
  /** Two-sided. */
  pValue: number;
  method: 'exact' | 'chi2';
}

/**
 * McNemar's test on class predictions `predA`, `predB` against `yTrue` (all `Int32Array[n]`, class
 * indices; any number of classes — only right/wrong matters).
 *
 * @example
 * mcnemarTest(y, a, b, { method: 'chi2' }).pValue;
 */
export function mcnemarTest(yTrue: Int32Array, predA: Int32Array, predB: Int32Array, options: McNemarOptions = {}): McNemarResult {
  const test = 'mcnemar';
  const n = checkLengths(test, [['yTrue', yTrue.length], ['predA', predA.length], ['predB', predB.length]]);
  const method = options.method ?? 'auto';
  if (method !== 'auto' && method !== 'exact' && method !== 'chi2') {
    fail(test, 'usage.bad_param', `method must be 'auto', 'exact' or 'chi2', got '${String(method)}'.`);
  }
  let bothCorrect = 0;
  let b = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const a = predA[i] === yTrue[i];
    const bb = predB[i] === yTrue[i];
    if (a && bb) bothCorrect++;
    else if (a) b++;
    else if (bb) c++;
  }
  const bothWrong = n - bothCorrect - b - c;
  const m = b + c;
  const exact = method === 'exact' || (method === 'auto' && m < MCNEMAR_EXACT_BELOW);
  const table = { bothCorrect, onlyA: b, onlyB: c, bothWrong };
  if (m === 0) return { ...table, statistic: 0, pValue: 1, method: exact ? 'exact' : 'chi2' };
  if (exact) {
    const k = Math.min(b, c);
    return { ...table, statistic: k, pValue: Math.min(1, 2 * binomialCdf(k, m, 0.5)), method: 'exact' };
  }
  const statistic = Math.max(0, Math.abs(b - c) - 1) ** 2 / m;
  return { ...table, statistic, pValue: chi2Sf(statistic, 1), method: 'chi2' };
}
