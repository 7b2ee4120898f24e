/**
 * Reliability curve (calibration curve): in each probability bin, the fraction of positives
 * against the mean predicted probability. Same numbers as scikit-learn 1.2.1's
 * `sklearn.calibration.calibration_curve(y, p, n_bins, strategy)`, plus the row count per bin
 * (what a reliability diagram shows as a histogram, and what ECE weights by).
 *
 * Like sklearn, only non-empty bins are returned; `bin` says which of the `bins` each entry is.
 * Sums run left to right in row order, as numpy's `bincount` does, so results match bit for bit.
 *
 * @example
 * const c = reliabilityCurve(Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1, 1),
 *   Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1), { bins: 3 });
 * c.probTrue; // [0, 0.5, 1]
 * c.probPred; // [0.2, 0.525, 0.85]
 * c.counts;   // [3, 2, 4]
 */
import { checkFinite, checkRows, fail } from '../metrics/validate.js';
import { checkBinaryLabels } from '../threshold/binary-input.js';
import { binIds, quantileEdges, uniformEdges } from './bins.js';

/** How bin edges are placed: equal widths on [0, 1], or equal counts (quantiles of the predictions). */
export type BinStrategy = 'uniform' | 'quantile';

export interface ReliabilityOptions {
  /** Number of bins; 10 is sklearn's default and enough rows per bin for a few hundred rows. */
  bins?: number;
  strategy?: BinStrategy;
}

/** Per non-empty bin (all `[m]`, m ≤ bins, in bin order): fraction of positives, mean probability, rows, bin index. `edges` is `Float64Array[bins + 1]`. */
export interface ReliabilityCurve {
  probTrue: Float64Array;
  probPred: Float64Array;
  counts: Float64Array;
  bin: Int32Array;
  edges: Float64Array;
}

/**
 * Checks the common inputs of reliability curves and ECE: `y` of 0/1, finite `p` in [0, 1].
 *
 * @example
 * checkProbabilities('reliabilityCurve', Int32Array.of(1), Float64Array.of(0.5)); // ok
 */
export function checkProbabilities(fn: string, yTrue01: Int32Array, probPositive: Float64Array): void {
  checkRows(fn, yTrue01.length, [['probPositive', probPositive.length]]);
  checkBinaryLabels(fn, yTrue01);
  checkFinite(fn, 'probPositive', probPositive);
  for (let i = 0; i < probPositive.length; i++) {
    const v = probPositive[i]!;
    if (v < 0 || v > 1) fail(fn, 'data.invalid_proba', `probPositive[${i}] is ${v}; probabilities lie in [0, 1].`, 'Pass predicted probabilities of class 1; calibrate raw scores first (fitCalibrator).');
  }
}

/**
 * Checks a bin count: an integer >= 1.
 *
 * @example
 * checkBins('reliabilityCurve', 10); // ok
 */
export function checkBins(fn: string, bins: number): void {
  if (!Number.isInteger(bins) || bins < 1) fail(fn, 'usage.invalid_bins', `bins is ${bins}; use a whole number >= 1.`);
}

/**
 * The reliability curve of `probPositive: Float64Array[n]` (predicted P(y = 1)) against
 * `yTrue01: Int32Array[n]`.
 *
 * @example
 * reliabilityCurve(y, p, { bins: 10, strategy: 'quantile' }).counts; // ~n / 10 each
 */
export function reliabilityCurve(yTrue01: Int32Array, probPositive: Float64Array, options: ReliabilityOptions = {}): ReliabilityCurve {
  const fn = 'reliabilityCurve';
  const bins = options.bins ?? 10;
  const strategy = options.strategy ?? 'uniform';
  checkBins(fn, bins);
  if (strategy !== 'uniform' && strategy !== 'quantile') fail(fn, 'usage.invalid_strategy', `strategy is '${String(strategy)}'; use 'uniform' or 'quantile'.`);
  checkProbabilities(fn, yTrue01, probPositive);
  const edges = strategy === 'uniform' ? uniformEdges(bins) : quantileEdges(probPositive, bins);
  const ids = binIds(edges, probPositive);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < ids.length; i++) {
    const b = ids[i]!;
    sumP[b] = sumP[b]! + probPositive[i]!;
    sumY[b] = sumY[b]! + yTrue01[i]!;
    count[b] = count[b]! + 1;
  }
  const keep: number[] = [];
  for (let b = 0; b < bins; b++) if (count[b]! > 0) keep.push(b);
  return {
    probTrue: Float64Array.from(keep, (b) => sumY[b]! / count[b]!),
    probPred: Float64Array.from(keep, (b) => sumP[b]! / count[b]!),
    counts: Float64Array.from(keep, (b) => count[b]!),
    bin: Int32Array.from(keep),
    edges,
  };
}
