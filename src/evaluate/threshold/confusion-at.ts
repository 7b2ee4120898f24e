/**
 * The 2 × 2 confusion counts of a score cut at one threshold: a row is predicted positive when
 * `score >= threshold`, the convention of {@link precisionRecallCurve}, so the counts at a curve
 * threshold reproduce that curve point exactly. O(n), no sort.
 *
 * @example
 * confusionAt(Int32Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8), 0.4);
 * // { tp: 1, fp: 1, fn: 1, tn: 1 }
 */
import { checkBinaryScores } from './binary-input.js';
import { fail } from '../metrics/validate.js';

/** (Weighted) counts of true/false positives and negatives; they sum to the rows' total weight. */
export interface BinaryConfusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/**
 * Confusion counts of `score >= threshold` against `yTrue01: Int32Array[n]` (1 = positive);
 * `score` and the optional `sampleWeight` are `Float64Array[n]`.
 *
 * @example
 * confusionAt(Int32Array.of(1, 0), Float64Array.of(0.7, 0.7), 0.7); // { tp: 1, fp: 1, fn: 0, tn: 0 }
 */
export function confusionAt(yTrue01: Int32Array, score: Float64Array, threshold: number, sampleWeight?: Float64Array): BinaryConfusion {
  checkBinaryScores('confusionAt', yTrue01, score, sampleWeight);
  // ±Infinity are meaningful cuts (everything negative / everything positive); NaN is not.
  if (Number.isNaN(threshold)) fail('confusionAt', 'usage.invalid_threshold', 'threshold is NaN.', 'Pass a number; rows with score >= threshold are predicted positive.');
  const c: BinaryConfusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < yTrue01.length; i++) {
    const w = sampleWeight === undefined ? 1 : sampleWeight[i]!;
    const positive = score[i]! >= threshold;
    if (yTrue01[i] === 1) {
      if (positive) c.tp += w;
      else c.fn += w;
    } else if (positive) c.fp += w;
    else c.tn += w;
  }
  return c;
}
