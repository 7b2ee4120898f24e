/**
 * The corrected resampled t-test (Nadeau & Bengio 2003, in the form of Bouckaert & Frank 2004)
 * for two candidates scored on the same r × k cross-validation folds.
 *
 * The plain paired t-test over folds treats the J = r·k differences as independent, but the
 * folds share training rows, so their differences are positively correlated and the plain test
 * rejects far too often (type I error up to ~0.5 at α = 0.05 in Bouckaert & Frank's simulations).
 * Nadeau & Bengio replace the variance factor 1/J by 1/J + nTest/nTrain, which absorbs that
 * correlation; the statistic keeps J − 1 degrees of freedom.
 *
 *   t = mean(d) / sqrt((1/J + nTest/nTrain) · s²),   s² = Σ (d_j − mean)² / (J − 1)
 *
 * @example
 * const d = Float64Array.of(0.02, 0.01, 0.03, 0.0, 0.02, 0.01, 0.02, 0.03, 0.01, 0.02);
 * correctedResampledTTest(d, { nTrain: 900, nTest: 100 }).pValue; // ≈ 0.0036
 */
import { studentTQuantile, studentTSf } from '../../core/stats/distributions.js';
import { checkLevel, checkScores, checkSizes, meanVar } from './validate.js';

/** A t-test's outcome; `ci` is the interval for the mean difference at `level`. */
export interface TTestResult {
  statistic: number;
  df: number;
  /** Two-sided. */
  pValue: number;
  meanDifference: number;
  ci: [number, number];
  level: number;
}

export interface CorrectedTTestOptions {
  /** Training rows per fold (the mean when folds differ by a row). */
  nTrain: number;
  /** Test rows per fold (the mean when folds differ by a row). */
  nTest: number;
  /** Confidence level of `ci`; 0.95 by default. */
  level?: number;
}

/**
 * Corrected resampled t-test on per-fold score differences `d = scoreA − scoreB`,
 * `Float64Array[r·k]` (any order; all folds of all repeats). Two-sided p-value on J − 1 df.
 *
 * All-equal differences have zero variance: the result is then t = 0, p = 1 when they are all 0
 * (the candidates scored identically on every fold), and t = ±Infinity, p = 0 otherwise (one
 * candidate was better by the same amount on every fold); `ci` collapses to the mean.
 *
 * @example
 * correctedResampledTTest(Float64Array.of(0.01, 0.02, 0.015), { nTrain: 80, nTest: 20 }).df; // 2
 */
export function correctedResampledTTest(differences: Float64Array, options: CorrectedTTestOptions): TTestResult {
  const test = 'corrected resampled t-test';
  checkScores(test, 'differences', differences, 2);
  checkSizes(test, options.nTrain, options.nTest);
  const level = options.level ?? 0.95;
  checkLevel(test, level);
  const j = differences.length;
  const df = j - 1;
  const { mean, variance } = meanVar(differences);
  const se = Math.sqrt((1 / j + options.nTest / options.nTrain) * variance);
  if (se === 0) {
    return { statistic: mean === 0 ? 0 : Math.sign(mean) * Infinity, df, pValue: mean === 0 ? 1 : 0, meanDifference: mean, ci: [mean, mean], level };
  }
  const statistic = mean / se;
  const half = studentTQuantile(0.5 + level / 2, df) * se;
  return {
    statistic,
    df,
    pValue: Math.min(1, 2 * studentTSf(Math.abs(statistic), df)),
    meanDifference: mean,
    ci: [mean - half, mean + half],
    level,
  };
}
