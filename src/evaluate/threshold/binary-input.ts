/**
 * Input checks for binary score curves: `yTrue01: Int32Array[n]` holding only 0 and 1, a finite
 * `score: Float64Array[n]`, optional non-negative weights. Errors reuse the metrics' messages
 * (`data.*` codes, prefixed with the function's name) so a refused input reads the same everywhere.
 *
 * @example
 * checkBinaryScores('confusionAt', Int32Array.of(0, 1), Float64Array.of(0.2, 0.9)); // ok
 */
import { checkFinite, checkRows, checkWeights, fail } from '../metrics/validate.js';

/**
 * Throws unless `y` holds only 0 and 1 and `score` (and the weights) match it row for row.
 *
 * @example
 * checkBinaryScores('precisionRecallCurve', Int32Array.of(0, 2), Float64Array.of(0, 1)); // throws data.invalid_label
 */
export function checkBinaryScores(fn: string, y: Int32Array, score: Float64Array, sampleWeight?: Float64Array): void {
  checkRows(fn, y.length, [['score', score.length]]);
  checkBinaryLabels(fn, y);
  checkFinite(fn, 'score', score);
  checkWeights(fn, sampleWeight, y.length);
}

/**
 * Throws unless every entry of `y` is 0 or 1 (class 1 is the positive class).
 *
 * @example
 * checkBinaryLabels('chooseThreshold', Int32Array.of(1, 0, 1)); // ok
 */
export function checkBinaryLabels(fn: string, y: Int32Array): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (v !== 0 && v !== 1) fail(fn, 'data.invalid_label', `yTrue[${i}] is ${v}; a binary target holds 0 (negative) and 1 (positive).`, 'Encode the positive class as 1 and every other class as 0.');
  }
}
