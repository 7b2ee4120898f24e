/**
 * Precision, recall and F1 with sklearn's averaging modes, computed from one pass of per-class
 * totals (O(n + k)).
 *
 * Averages (`average`, default `'binary'` as in sklearn):
 * - `'binary'`: the score of class 1 (the positive class); labels must lie in {0, 1}.
 * - `'macro'`: unweighted mean over the classes present in yTrue or yPred (sklearn's
 *   `unique_labels`); a class absent from both does not drag the mean down.
 * - `'micro'`: from global totals; for single-label data precision = recall = F1 = accuracy.
 * - `'weighted'`: mean weighted by each class's (weighted) support in yTrue.
 *
 * Zero division, matching sklearn's default `zero_division='warn'` (which warns and uses 0):
 * precision is 0 for a class never predicted, recall is 0 for a class that never occurs, and F1
 * is 0 when precision + recall is 0. No warning is printed here; callers that care can read the
 * confusion matrix.
 *
 * @example
 * f1(Int32Array.of(0, 1, 1, 0), Int32Array.of(0, 1, 0, 0));          // 0.666… (binary)
 * f1(Int32Array.of(0, 1, 2, 2), Int32Array.of(0, 2, 2, 2), 'macro'); // 0.6
 */
import { classTotals, type ClassTotals } from './confusion.js';
import { fail } from './validate.js';

/** How per-class scores combine into one number; see the module comment. */
export type Average = 'binary' | 'macro' | 'micro' | 'weighted';

type Which = 'precision' | 'recall' | 'f1';

/** sklearn's `_prf_divide` with zero_division → 0. */
function divide(num: number, den: number): number {
  return den === 0 ? 0 : num / den;
}

/** F from precision and recall (not from counts) so rounding matches sklearn's formula. */
function fScore(p: number, r: number): number {
  const den = p + r;
  return den === 0 ? 0 : (2 * p * r) / den;
}

function classScore(which: Which, tp: number, pred: number, actual: number): number {
  const p = divide(tp, pred);
  const r = divide(tp, actual);
  return which === 'precision' ? p : which === 'recall' ? r : fScore(p, r);
}

function score(name: string, which: Which, t: ClassTotals, average: Average): number {
  switch (average) {
    case 'binary':
      if (t.k > 2) {
        fail(name, 'usage.average_binary_multiclass', `average 'binary' needs labels in {0, 1}, but class ${t.k - 1} occurs.`, `Use ${which}_macro, ${which}_weighted or ${which}_micro for multiclass targets.`);
      }
      return classScore(which, t.tp[1]!, t.predSum[1]!, t.trueSum[1]!);
    case 'micro': {
      let tp = 0;
      for (let c = 0; c < t.k; c++) tp += t.tp[c]!;
      return classScore(which, tp, t.total, t.total);
    }
    case 'macro': {
      let sum = 0;
      let m = 0;
      for (let c = 0; c < t.k; c++) {
        if (t.present[c] === 0) continue;
        sum += classScore(which, t.tp[c]!, t.predSum[c]!, t.trueSum[c]!);
        m++;
      }
      return sum / m;
    }
    case 'weighted': {
      let sum = 0;
      let support = 0;
      for (let c = 0; c < t.k; c++) {
        sum += classScore(which, t.tp[c]!, t.predSum[c]!, t.trueSum[c]!) * t.trueSum[c]!;
        support += t.trueSum[c]!;
      }
      return sum / support;
    }
  }
}

function nameOf(which: Which, average: Average): string {
  return average === 'binary' ? which : `${which}_${average}`;
}

/**
 * Precision: of the rows predicted as a class, the fraction that are that class.
 *
 * @example
 * precision(Int32Array.of(0, 1, 1, 0), Int32Array.of(1, 1, 1, 0)); // 0.666…
 */
export function precision(yTrue: Int32Array, yPred: Int32Array, average: Average = 'binary', sampleWeight?: Float64Array): number {
  const name = nameOf('precision', average);
  return score(name, 'precision', classTotals(name, yTrue, yPred, sampleWeight, 2), average);
}

/**
 * Recall: of the rows of a class, the fraction predicted as that class.
 *
 * @example
 * recall(Int32Array.of(0, 1, 1, 0), Int32Array.of(0, 1, 0, 0)); // 0.5
 */
export function recall(yTrue: Int32Array, yPred: Int32Array, average: Average = 'binary', sampleWeight?: Float64Array): number {
  const name = nameOf('recall', average);
  return score(name, 'recall', classTotals(name, yTrue, yPred, sampleWeight, 2), average);
}

/**
 * F1: harmonic mean of precision and recall, averaged per `average`.
 *
 * @example
 * f1(Int32Array.of(0, 1, 2), Int32Array.of(0, 1, 1), 'weighted'); // 0.555…
 */
export function f1(yTrue: Int32Array, yPred: Int32Array, average: Average = 'binary', sampleWeight?: Float64Array): number {
  const name = nameOf('f1', average);
  return score(name, 'f1', classTotals(name, yTrue, yPred, sampleWeight, 2), average);
}
