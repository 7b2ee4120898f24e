/**
 * 5×2 cross-validation tests: five repeats of 2-fold CV (each repeat a fresh random half split),
 * giving ten score differences p_i^(j) = scoreA − scoreB for repeat i = 1..5, fold j = 1, 2.
 * With each model trained on half the rows and every training set disjoint from its test set
 * within a repeat, the per-repeat variances are nearly independent, which is what these tests
 * lean on.
 *
 * - Dietterich (1998), 5×2cv paired t: t = p_1^(1) / sqrt((1/5) Σ_i s_i²) on 5 df, where
 *   s_i² = (p_i^(1) − p̄_i)² + (p_i^(2) − p̄_i)². Only the first difference enters the numerator,
 *   as published (it makes the numerator independent of the variance estimate).
 * - Alpaydın (1999), combined 5×2cv F: f = Σ_i Σ_j (p_i^(j))² / (2 Σ_i s_i²) on (10, 5) df. It
 *   uses all ten differences and is the more stable of the two (the t's result depends on which
 *   split happens to come first).
 *
 * Layout: `differences` is `Float64Array[10]`, index 2·i + j for repeat i (0-based), fold j.
 *
 * @example
 * const d = Float64Array.of(0.03, 0.01, 0.02, 0.04, 0.01, 0.02, 0.03, 0.02, 0.02, 0.01);
 * fiveByTwoTTest(d).pValue; // two-sided, 5 df
 * fiveByTwoFTest(d).pValue; // F(10, 5) upper tail
 */
import { fSf, studentTSf } from '../../core/stats/distributions.js';
import { checkScores, fail } from './validate.js';

/** Per-repeat variances s_i², `Float64Array[5]`, after validating the layout. */
function repeatVariances(test: string, d: Float64Array): Float64Array {
  checkScores(test, 'differences', d, 2);
  if (d.length !== 10) {
    fail(test, 'data.length_mismatch', `differences has ${d.length} values; 5×2 cross-validation gives exactly 10.`, 'Pass the 10 differences as [rep1 fold1, rep1 fold2, rep2 fold1, …]; for other designs use correctedResampledTTest.');
  }
  const s2 = new Float64Array(5);
  for (let i = 0; i < 5; i++) {
    const a = d[2 * i]!;
    const b = d[2 * i + 1]!;
    // (a − m)² + (b − m)² with m = (a + b)/2 is (a − b)²/2, without the rounding of m.
    s2[i] = ((a - b) * (a - b)) / 2;
  }
  return s2;
}

/** The 5×2cv paired t-test's outcome. */
export interface FiveByTwoTResult {
  statistic: number;
  df: 5;
  /** Two-sided. */
  pValue: number;
  /** Mean of all ten differences (for reporting; the statistic uses only p_1^(1)). */
  meanDifference: number;
  /** s_i² per repeat, `Float64Array[5]`. */
  variances: Float64Array;
}

/**
 * Dietterich's 5×2cv paired t-test (see the file header). Zero variance in every repeat gives
 * t = 0, p = 1 when p_1^(1) = 0 and t = ±Infinity, p = 0 otherwise.
 *
 * @example
 * fiveByTwoTTest(new Float64Array(10)).pValue; // 1 (identical candidates)
 */
export function fiveByTwoTTest(differences: Float64Array): FiveByTwoTResult {
  const variances = repeatVariances('5x2cv t-test', differences);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < 5; i++) sum += variances[i]!;
  for (let i = 0; i < 10; i++) total += differences[i]!;
  const p11 = differences[0]!;
  const meanDifference = total / 10;
  if (sum === 0) {
    return { statistic: p11 === 0 ? 0 : Math.sign(p11) * Infinity, df: 5, pValue: p11 === 0 ? 1 : 0, meanDifference, variances };
  }
  const statistic = p11 / Math.sqrt(sum / 5);
  return { statistic, df: 5, pValue: Math.min(1, 2 * studentTSf(Math.abs(statistic), 5)), meanDifference, variances };
}

/** The combined 5×2cv F-test's outcome. */
export interface FiveByTwoFResult {
  statistic: number;
  df: [10, 5];
  /** Upper tail of F(10, 5): the test is two-sided in the differences because they enter squared. */
  pValue: number;
  meanDifference: number;
}

/**
 * Alpaydın's combined 5×2cv F-test (see the file header). All-zero differences give f = 0,
 * p = 1; zero variance with a non-zero difference gives f = Infinity, p = 0.
 *
 * @example
 * fiveByTwoFTest(Float64Array.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)).pValue; // 0 (A better on every fold, no variance)
 */
export function fiveByTwoFTest(differences: Float64Array): FiveByTwoFResult {
  const variances = repeatVariances('5x2cv F-test', differences);
  let den = 0;
  let num = 0;
  let total = 0;
  for (let i = 0; i < 5; i++) den += variances[i]!;
  for (let i = 0; i < 10; i++) {
    num += differences[i]! ** 2;
    total += differences[i]!;
  }
  const meanDifference = total / 10;
  if (den === 0) return { statistic: num === 0 ? 0 : Infinity, df: [10, 5], pValue: num === 0 ? 1 : 0, meanDifference };
  const statistic = num / (2 * den);
  return { statistic, df: [10, 5], pValue: fSf(statistic, 10, 5), meanDifference };
}
