/**
 * Ranking metrics over predicted probabilities: ROC AUC and average precision, matching
 * scikit-learn 1.2 (`roc_auc_score`, `average_precision_score`).
 *
 * Inputs: `yTrue: Int32Array[n]` class indices, `proba: Float64Array[n * k]` row-major
 * probabilities (binary: k = 2 and column 1 scores the positive class 1; multiclass: k ≥ 3,
 * one-vs-rest per class, macro-averaged), optional `sampleWeight: Float64Array[n]`.
 *
 * Both walk the rows once in descending score order (an index sort, O(n log n)) and emit one
 * curve point per distinct score, so tied scores move together: ROC AUC is the trapezoid over
 * those points, which gives a tie half credit exactly as sklearn's `roc_curve` + `auc` does.
 *
 * @example
 * rocAuc(Int32Array.of(0, 0, 1, 1), Float64Array.of(0.9, 0.1, 0.6, 0.4, 0.65, 0.35, 0.2, 0.8)); // 0.75
 */
import { checkLabelsBelow, checkProba, checkWeights, fail } from './validate.js';

/** One binary curve: cumulative weights of positives (tps) and negatives (fps) at each distinct threshold, highest first. */
interface BinaryCurve {
  tps: Float64Array;
  fps: Float64Array;
  /** Number of distinct thresholds (the arrays may be longer). */
  m: number;
}

/**
 * sklearn's `_binary_clf_curve`: sort by score descending, accumulate weights, and keep the
 * running totals at the last row of each run of equal scores. `column` picks the score out of the
 * row-major matrix; a row is positive when its class is `positive`.
 */
function binaryCurve(yTrue: Int32Array, proba: Float64Array, k: number, column: number, positive: number, w: Float64Array | undefined): BinaryCurve {
  const n = yTrue.length;
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) score[i] = proba[i * k + column]!;
  // Scores are validated finite, so the subtraction comparator is a total order.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => score[b]! - score[a]!);
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  let tp = 0;
  let fp = 0;
  let m = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    const wi = w === undefined ? 1 : w[i]!;
    if (yTrue[i] === positive) tp += wi;
    else fp += wi;
    if (j === n - 1 || score[order[j + 1]!] !== score[i]) {
      tps[m] = tp;
      fps[m] = fp;
      m++;
    }
  }
  return { tps, fps, m };
}

function rocArea(metric: string, c: BinaryCurve): number {
  const tpTotal = c.tps[c.m - 1]!;
  const fpTotal = c.fps[c.m - 1]!;
  if (!(tpTotal > 0 && fpTotal > 0)) {
    fail(metric, 'data.single_class', 'the positive or the negative rows have zero total weight; AUC is undefined.');
  }
  // Trapezoids between consecutive (fpr, tpr) points starting at (0, 0), as numpy.trapz does.
  let area = 0;
  let x0 = 0;
  let y0 = 0;
  for (let j = 0; j < c.m; j++) {
    const x = c.fps[j]! / fpTotal;
    const y = c.tps[j]! / tpTotal;
    area += ((x - x0) * (y + y0)) / 2;
    x0 = x;
    y0 = y;
  }
  return area;
}

function apStep(c: BinaryCurve): number {
  const tpTotal = c.tps[c.m - 1]!;
  // Step-wise (not interpolated): Σ (R_j − R_{j−1}) · P_j over thresholds, highest first, R_0 = 0.
  let ap = 0;
  let r0 = 0;
  for (let j = 0; j < c.m; j++) {
    const tp = c.tps[j]!;
    const ps = tp + c.fps[j]!;
    const p = ps === 0 ? 0 : tp / ps;
    const r = tp / tpTotal;
    ap += (r - r0) * p;
    r0 = r;
  }
  return ap;
}

/** Validates and checks that each class scored one-vs-rest occurs in yTrue (binary: both classes). */
function prepare(metric: string, yTrue: Int32Array, proba: Float64Array, w: Float64Array | undefined): number {
  const n = yTrue.length;
  const k = checkProba(metric, proba, n);
  checkLabelsBelow(metric, yTrue, k);
  checkWeights(metric, w, n);
  const seen = new Uint8Array(k);
  for (let i = 0; i < n; i++) seen[yTrue[i]!] = 1;
  if (k === 2 && seen[0]! + seen[1]! < 2) {
    fail(metric, 'data.single_class', `only class ${seen[0] ? 0 : 1} is present in yTrue; ${metric} is not defined for a single class.`, 'Score on rows that include both classes (use stratified folds).');
  }
  for (let c = 0; c < k; c++) {
    if (!seen[c]) {
      fail(metric, 'data.absent_class', `class ${c} never occurs in yTrue, so its one-vs-rest ${metric} is undefined.`, 'Score on rows that include every class (use stratified folds), or drop the empty class column.');
    }
  }
  return k;
}

function ovr(metric: string, yTrue: Int32Array, proba: Float64Array, w: Float64Array | undefined, area: (c: BinaryCurve) => number): number {
  const k = prepare(metric, yTrue, proba, w);
  if (k === 2) return area(binaryCurve(yTrue, proba, 2, 1, 1, w));
  let sum = 0;
  for (let c = 0; c < k; c++) sum += area(binaryCurve(yTrue, proba, k, c, c, w));
  return sum / k;
}

/**
 * Area under the ROC curve. Binary (k = 2): from the positive-class column. Multiclass: the
 * unweighted mean of the k one-vs-rest AUCs, like sklearn's `roc_auc_score(y, P,
 * multi_class='ovr', average='macro')`. Every class must occur in yTrue: otherwise
 * `data.single_class` (binary) or `data.absent_class` (multiclass), where sklearn raises ValueError.
 *
 * @example
 * rocAuc(Int32Array.of(0, 1, 1), Float64Array.of(0.7, 0.3, 0.4, 0.6, 0.7, 0.3)); // 0.75 (tie at 0.3 counts half)
 */
export function rocAuc(yTrue: Int32Array, proba: Float64Array, sampleWeight?: Float64Array): number {
  return ovr('roc_auc', yTrue, proba, sampleWeight, (c) => rocArea('roc_auc', c));
}

/**
 * Average precision, sklearn's step-wise definition `Σ (R_j − R_{j−1}) · P_j` over distinct
 * thresholds (no interpolation, so it is not the trapezoidal PR AUC). Binary: positive class 1;
 * multiclass: macro mean of one-vs-rest scores, as sklearn computes on `label_binarize(y)`.
 * Errors as {@link rocAuc} when a class never occurs (sklearn would warn and score it 0).
 *
 * @example
 * averagePrecision(Int32Array.of(0, 1, 1), Float64Array.of(0.8, 0.2, 0.4, 0.6, 0.1, 0.9)); // 1
 */
export function averagePrecision(yTrue: Int32Array, proba: Float64Array, sampleWeight?: Float64Array): number {
  return ovr('average_precision', yTrue, proba, sampleWeight, (c) => {
    if (!(c.tps[c.m - 1]! > 0)) fail('average_precision', 'data.single_class', 'the positive rows have zero total weight; average precision is undefined.');
    return apStep(c);
  });
}
