/**
 * Confusion counts: the sufficient statistics of every label metric (accuracy, balanced accuracy,
 * precision/recall/F1, MCC, Cohen's kappa). One O(n) pass; every metric after it is O(k) or O(k²).
 *
 * @example
 * confusionMatrix(Int32Array.of(0, 1, 1), Int32Array.of(0, 0, 1));
 * // { nClasses: 2, counts: Float64Array [1, 0, 1, 1] }  (row = true class, column = predicted)
 */
import { checkLabels, checkRows, checkWeights, fail } from './validate.js';

/** A k × k confusion matrix: `counts[t * nClasses + p]` is the (weighted) number of rows of true class t predicted as p. */
export interface ConfusionMatrix {
  nClasses: number;
  counts: Float64Array;
}

/**
 * Per-class totals over n rows (all `Float64Array[k]`, weighted when weights are given).
 * `present[c]` is 1 when class c occurs in yTrue or yPred at all, whatever its weight: sklearn's
 * macro averages run over exactly those labels (`unique_labels(y_true, y_pred)`).
 */
export interface ClassTotals {
  k: number;
  /** Rows of class c predicted as c. */
  tp: Float64Array;
  /** Rows predicted as c (column sums). */
  predSum: Float64Array;
  /** Rows whose true class is c (row sums). */
  trueSum: Float64Array;
  present: Uint8Array;
  /** Total weight (number of rows when unweighted). */
  total: number;
}

/**
 * Validates label inputs and accumulates {@link ClassTotals}; `minClasses` pads k (the binary
 * average needs columns 0 and 1 even when class 1 never occurs).
 *
 * @example
 * classTotals('f1', Int32Array.of(0, 1), Int32Array.of(1, 1)).tp; // [0, 1]
 */
export function classTotals(metric: string, yTrue: Int32Array, yPred: Int32Array, sampleWeight?: Float64Array, minClasses = 1): ClassTotals {
  const n = yTrue.length;
  checkRows(metric, n, [['yPred', yPred.length]]);
  checkWeights(metric, sampleWeight, n);
  const k = Math.max(minClasses, checkLabels(metric, 'yTrue', yTrue), checkLabels(metric, 'yPred', yPred));
  const tp = new Float64Array(k);
  const predSum = new Float64Array(k);
  const trueSum = new Float64Array(k);
  const present = new Uint8Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const t = yTrue[i]!;
    const p = yPred[i]!;
    const w = sampleWeight === undefined ? 1 : sampleWeight[i]!;
    trueSum[t] = trueSum[t]! + w;
    predSum[p] = predSum[p]! + w;
    if (t === p) tp[t] = tp[t]! + w;
    present[t] = 1;
    present[p] = 1;
    total += w;
  }
  return { k, tp, predSum, trueSum, present, total };
}

/**
 * The confusion matrix, rows = true class, columns = predicted class, like sklearn's
 * `confusion_matrix(y_true, y_pred, labels=range(k))`. `nClasses` defaults to one more than the
 * largest index seen; pass it so that absent classes still get a row and a column.
 *
 * @example
 * const cm = confusionMatrix(Int32Array.of(0, 2, 2), Int32Array.of(0, 2, 1), { nClasses: 3 });
 * cm.counts[2 * 3 + 1]; // 1: one row of class 2 predicted as 1
 */
export function confusionMatrix(yTrue: Int32Array, yPred: Int32Array, options: { nClasses?: number; sampleWeight?: Float64Array } = {}): ConfusionMatrix {
  const { sampleWeight } = options;
  const n = yTrue.length;
  checkRows('confusion_matrix', n, [['yPred', yPred.length]]);
  checkWeights('confusion_matrix', sampleWeight, n);
  const seen = Math.max(checkLabels('confusion_matrix', 'yTrue', yTrue), checkLabels('confusion_matrix', 'yPred', yPred));
  const k = options.nClasses ?? seen;
  if (seen > k) fail('confusion_matrix', 'data.label_out_of_range', `labels go up to ${seen - 1} but nClasses is ${k}.`);
  const counts = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    const cell = yTrue[i]! * k + yPred[i]!;
    counts[cell] = counts[cell]! + (sampleWeight === undefined ? 1 : sampleWeight[i]!);
  }
  return { nClasses: k, counts };
}
