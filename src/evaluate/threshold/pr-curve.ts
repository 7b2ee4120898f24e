/**
 * The precision-recall curve of scikit-learn 1.2.1 (`precision_recall_curve`), point for point
 * and bit for bit on the same inputs.
 *
 * A threshold t predicts positive when `score >= t`. There is one point per distinct score,
 * walked from the highest score down as sklearn's `_binary_clf_curve` does: a stable ascending
 * sort (O(n log n)) read backwards, so tied scores enter together and, with weights, are summed
 * in sklearn's order. Rows of weight 0 are dropped first (sklearn 1.1+), so they add no threshold.
 *
 * @example
 * const c = precisionRecallCurve(Int32Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8));
 * c.thresholds; // [0.1, 0.35, 0.4, 0.8]        (ascending, one per distinct score)
 * c.precision;  // [0.5, 0.667, 0.5, 1, 1]       (last point: precision 1 at recall 0, no threshold)
 * c.recall;     // [1, 1, 0.5, 0.5, 0]
 */
import { checkBinaryScores } from './binary-input.js';

/** sklearn's return value: `precision`, `recall` are `Float64Array[m + 1]`, `thresholds` is `Float64Array[m]` ascending. */
export interface PrecisionRecallCurve {
  precision: Float64Array;
  recall: Float64Array;
  thresholds: Float64Array;
}

/**
 * Cumulative (weighted) true and false positives at each distinct threshold, highest threshold
 * first: `fps`, `tps`, `thresholds` are `Float64Array[m]` (sklearn's `_binary_clf_curve`).
 * `tps[m - 1]` and `fps[m - 1]` are the totals of positives and negatives.
 */
export interface ThresholdCounts {
  fps: Float64Array;
  tps: Float64Array;
  thresholds: Float64Array;
}

/**
 * sklearn's `_binary_clf_curve` (inputs unchecked; see {@link precisionRecallCurve}).
 *
 * @example
 * thresholdCounts(Int32Array.of(0, 1, 1), Float64Array.of(0.2, 0.9, 0.2)).tps; // [1, 2]
 */
export function thresholdCounts(yTrue01: Int32Array, score: Float64Array, sampleWeight?: Float64Array): ThresholdCounts {
  let rows: Int32Array;
  if (sampleWeight === undefined) rows = Int32Array.from({ length: yTrue01.length }, (_, i) => i);
  else rows = Int32Array.from(Array.from(sampleWeight.keys()).filter((i) => sampleWeight[i] !== 0));
  // Ascending by score, ties by row: numpy's stable mergesort. Read backwards, it is sklearn's
  // `argsort(kind="mergesort")[::-1]`, which fixes the summation order of weights within a tie.
  rows.sort((a, b) => score[a]! - score[b]! || a - b);
  const n = rows.length;
  const fps = new Float64Array(n);
  const tps = new Float64Array(n);
  const thresholds = new Float64Array(n);
  let tp = 0;
  let fp = 0;
  let m = 0;
  for (let j = n - 1; j >= 0; j--) {
    const i = rows[j]!;
    const w = sampleWeight === undefined ? 1 : sampleWeight[i]!;
    // sklearn sums y·w and (1 − y)·w in separate cumulative sums; adding 0·w is exact, so this matches.
    if (yTrue01[i] === 1) tp += w;
    else fp += w;
    if (j === 0 || score[rows[j - 1]!] !== score[i]) {
      tps[m] = tp;
      fps[m] = fp;
      thresholds[m] = score[i]!;
      m++;
    }
  }
  return { fps: fps.slice(0, m), tps: tps.slice(0, m), thresholds: thresholds.slice(0, m) };
}

/**
 * Precision and recall at every distinct score, as `sklearn.metrics.precision_recall_curve`
 * (1.2.1) returns them: thresholds ascending, recall decreasing, and a final point
 * (precision 1, recall 0) with no threshold. With no positive rows, recall is 1 everywhere, as in
 * sklearn (which also warns).
 *
 * Inputs: `yTrue01: Int32Array[n]` (1 = positive), `score: Float64Array[n]` (higher = more
 * positive; any finite scale), optional `sampleWeight: Float64Array[n]`.
 *
 * @example
 * precisionRecallCurve(Int32Array.of(0, 1, 1), Float64Array.of(0.2, 0.9, 0.2)).precision; // [0.667, 1, 1]
 */
export function precisionRecallCurve(yTrue01: Int32Array, score: Float64Array, sampleWeight?: Float64Array): PrecisionRecallCurve {
  checkBinaryScores('precisionRecallCurve', yTrue01, score, sampleWeight);
  const { fps, tps, thresholds } = thresholdCounts(yTrue01, score, sampleWeight);
  const m = tps.length;
  const totalPos = tps[m - 1]!;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const ascending = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const r = m - 1 - j;
    const ps = tps[j]! + fps[j]!;
    precision[r] = ps !== 0 ? tps[j]! / ps : 0;
    recall[r] = totalPos === 0 ? 1 : tps[j]! / totalPos;
    ascending[r] = thresholds[j]!;
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: ascending };
}
