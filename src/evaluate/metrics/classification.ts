/**
 * Label metrics that need no averaging choice: accuracy, balanced accuracy, Matthews correlation
 * and Cohen's kappa. Inputs are class indices `yTrue: Int32Array[n]`, `yPred: Int32Array[n]` in
 * [0, k) and optional `sampleWeight: Float64Array[n]`; each matches scikit-learn 1.2's function of
 * the same name with default arguments (see test/golden/metrics).
 *
 * @example
 * accuracy(Int32Array.of(0, 1, 1), Int32Array.of(0, 1, 0)); // 0.666…
 */
import { classTotals } from './confusion.js';
import { fail } from './validate.js';

/**
 * Fraction of rows predicted correctly (weighted by `sampleWeight`).
 *
 * @example
 * accuracy(Int32Array.of(0, 1, 2, 2), Int32Array.of(0, 1, 1, 2)); // 0.75
 */
export function accuracy(yTrue: Int32Array, yPred: Int32Array, sampleWeight?: Float64Array): number {
  const t = classTotals('accuracy', yTrue, yPred, sampleWeight);
  let correct = 0;
  for (let c = 0; c < t.k; c++) correct += t.tp[c]!;
  return correct / t.total;
}

/**
 * Mean per-class recall over the classes that occur in yTrue with positive weight. A class that
 * appears only in yPred has no recall and is left out, as sklearn does (with a warning there).
 *
 * @example
 * balancedAccuracy(Int32Array.of(0, 0, 0, 1), Int32Array.of(0, 0, 0, 0)); // 0.5
 */
export function balancedAccuracy(yTrue: Int32Array, yPred: Int32Array, sampleWeight?: Float64Array): number {
  const t = classTotals('balanced_accuracy', yTrue, yPred, sampleWeight);
  let sum = 0;
  let m = 0;
  for (let c = 0; c < t.k; c++) {
    if (t.trueSum[c]! > 0) {
      sum += t.tp[c]! / t.trueSum[c]!;
      m++;
    }
  }
  return sum / m;
}

/**
 * Matthews correlation coefficient, multiclass form (Gorodkin's R_K), in [-1, 1]. Returns 0 when
 * yTrue or yPred holds a single class (the correlation is 0/0 there), as sklearn does.
 *
 * @example
 * mcc(Int32Array.of(0, 0, 1, 1), Int32Array.of(0, 0, 1, 1)); // 1
 */
export function mcc(yTrue: Int32Array, yPred: Int32Array, sampleWeight?: Float64Array): number {
  const t = classTotals('mcc', yTrue, yPred, sampleWeight);
  // Same association order as sklearn: covariances from trace, totals and dot products.
  let correct = 0;
  let tDotP = 0;
  let pDotP = 0;
  let tDotT = 0;
  for (let c = 0; c < t.k; c++) {
    correct += t.tp[c]!;
    tDotP += t.trueSum[c]! * t.predSum[c]!;
    pDotP += t.predSum[c]! * t.predSum[c]!;
    tDotT += t.trueSum[c]! * t.trueSum[c]!;
  }
  const n = t.total;
  const covTP = correct * n - tDotP;
  const covPP = n * n - pDotP;
  const covTT = n * n - tDotT;
  if (covPP * covTT === 0) return 0;
  return covTP / Math.sqrt(covTT * covPP);
}

/**
 * Cohen's kappa (unweighted): agreement beyond what the two marginals give by chance,
 * `1 - (observed disagreement) / (expected disagreement)`.
 *
 * Throws `data.single_class` when yTrue and yPred both hold one and the same class: chance
 * agreement is then 1 and kappa is 0/0 (sklearn returns NaN with a warning; a NaN score would
 * silently lose or win every comparison).
 *
 * @example
 * cohenKappa(Int32Array.of(0, 1, 1, 0), Int32Array.of(0, 1, 0, 0)); // 0.5
 */
export function cohenKappa(yTrue: Int32Array, yPred: Int32Array, sampleWeight?: Float64Array): number {
  const t = classTotals('cohen_kappa', yTrue, yPred, sampleWeight);
  let correct = 0;
  let marginalDot = 0;
  for (let c = 0; c < t.k; c++) {
    correct += t.tp[c]!;
    marginalDot += t.predSum[c]! * t.trueSum[c]!;
  }
  const n = t.total;
  // Off-diagonal sums of the observed and the chance (outer product / n) matrices.
  const observed = n - correct;
  const expected = (n * n - marginalDot) / n;
  if (expected === 0) {
    fail('cohen_kappa', 'data.single_class', 'yTrue and yPred hold a single, identical class; kappa is undefined (0/0).', 'Score on rows that cover at least two classes.');
  }
  return 1 - observed / expected;
}
