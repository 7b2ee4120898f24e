/**
 * Picks an operating threshold from the precision-recall curve: the cut that meets a floor on one
 * of precision or recall and is best on the other.
 *
 * Candidates are the curve's thresholds (one per distinct score; predicting positive when
 * `score >= threshold`), so the reported precision and recall are exactly what
 * {@link confusionAt} gives at the returned threshold on the same rows. O(n log n) for the sort.
 *
 * Ties: among thresholds with the same best secondary metric, the larger threshold wins. For a
 * precision target, equal recall means equal true positives, and a larger threshold then has no
 * more false positives, so it is never worse; for a recall target, it flags fewer rows for the
 * same precision, which is the cheaper cut to act on.
 *
 * @example
 * const y = Int32Array.of(0, 0, 1, 1, 0, 1), s = Float64Array.of(0.1, 0.4, 0.35, 0.8, 0.6, 0.7);
 * chooseThreshold(y, s, { target: 'precision', min: 0.9 });
 * // { threshold: 0.7, precision: 1, recall: 0.667, met: true }
 */
import { fail } from '../metrics/validate.js';
import { checkBinaryScores } from './binary-input.js';
import { precisionRecallCurve } from './pr-curve.js';

/** What to guarantee: `precision >= min` (then maximise recall) or `recall >= min` (then maximise precision). */
export interface ThresholdTarget {
  target: 'precision' | 'recall';
  /** The floor, in [0, 1]. */
  min: number;
  sampleWeight?: Float64Array;
}

/** The chosen cut and its precision and recall on the scored rows; `met` is false when no cut reaches `min`. */
export interface ThresholdChoice {
  threshold: number;
  precision: number;
  recall: number;
  met: boolean;
}

/**
 * Chooses a threshold for `yTrue01: Int32Array[n]` (1 = positive) and `score: Float64Array[n]`.
 *
 * When some threshold meets the floor: the one with the highest other metric (ties: the larger
 * threshold). When none does (possible only for a precision target: the lowest cut has recall 1),
 * `met` is false and the result is the closest: the highest value of the targeted metric, then
 * the highest other metric, then the larger threshold.
 *
 * Needs at least one positive row: without one, recall is undefined and no cut can be judged.
 *
 * @example
 * chooseThreshold(Int32Array.of(0, 1, 1, 0), Float64Array.of(0.2, 0.9, 0.6, 0.7), { target: 'recall', min: 1 });
 * // { threshold: 0.6, precision: 0.667, recall: 1, met: true }
 */
export function chooseThreshold(yTrue01: Int32Array, score: Float64Array, target: ThresholdTarget): ThresholdChoice {
  const fn = 'chooseThreshold';
  checkBinaryScores(fn, yTrue01, score, target.sampleWeight);
  if (target.target !== 'precision' && target.target !== 'recall') {
    fail(fn, 'usage.invalid_target', `target is '${String(target.target)}'; use 'precision' or 'recall'.`);
  }
  if (!(target.min >= 0 && target.min <= 1)) fail(fn, 'usage.invalid_threshold_floor', `min is ${target.min}; a floor on ${target.target} lies in [0, 1].`);
  let positives = 0;
  for (let i = 0; i < yTrue01.length; i++) if (yTrue01[i] === 1 && (target.sampleWeight === undefined || target.sampleWeight[i]! > 0)) positives++;
  if (positives === 0) fail(fn, 'data.single_class', 'yTrue has no positive rows (with positive weight); precision and recall cannot be traded off.', 'Choose the threshold on rows that include positives (class 1).');

  const { precision, recall, thresholds } = precisionRecallCurve(yTrue01, score, target.sampleWeight);
  const primary = target.target === 'precision' ? precision : recall;
  const secondary = target.target === 'precision' ? recall : precision;
  // Thresholds ascend with j, so scanning upwards and accepting ">=" on a tie keeps the larger one.
  let best = -1;
  for (let j = 0; j < thresholds.length; j++) {
    if (primary[j]! >= target.min && (best < 0 || secondary[j]! >= secondary[best]!)) best = j;
  }
  const met = best >= 0;
  if (!met) {
    best = 0;
    for (let j = 1; j < thresholds.length; j++) {
      const dp = primary[j]! - primary[best]!;
      if (dp > 0 || (dp === 0 && secondary[j]! >= secondary[best]!)) best = j;
    }
  }
  return { threshold: thresholds[best]!, precision: precision[best]!, recall: recall[best]!, met };
}
