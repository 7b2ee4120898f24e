/**
 * Input checks shared by every metric. Each failure is a {@link SpecmlError} whose message starts
 * with the metric's name, so a failing gate or CV fold says which metric refused which input.
 *
 * The checks are O(n) passes; metrics are computed once per fold, so the cost is negligible next
 * to training, and catching a NaN here beats returning a NaN score that silently wins or loses a
 * model comparison.
 *
 * @example
 * checkRows('accuracy', yTrue.length, [['yPred', yPred.length]]);
 * const k = checkProba('log_loss', proba, yTrue.length); // number of classes
 */
import { SpecmlError } from '../../core/errors.js';

/**
 * How far a probability row may sum from 1 before it is rejected (absolute). Float32 model outputs
 * and a softmax over a few hundred classes stay well inside it; logits or unnormalised scores do
 * not, and those are what the check is for.
 */
export const PROBA_SUM_TOLERANCE = 1e-6;

/**
 * Throws the metric's error: `code` from the `data.*` family (exit code 2, the user's input).
 *
 * @example
 * fail('rmsle', 'data.negative_value', 'yTrue[3] is -1; log1p needs values >= 0');
 */
export function fail(metric: string, code: string, message: string, hint?: string): never {
  throw new SpecmlError(code, `${metric}: ${message}`, hint === undefined ? {} : { hint });
}

/**
 * Checks that there is at least one row and that every other array has `n` rows.
 *
 * @example
 * checkRows('mae', 3, [['yPred', 3]]); // ok
 */
export function checkRows(metric: string, n: number, others: readonly (readonly [string, number])[]): void {
  if (n === 0) fail(metric, 'data.empty', 'yTrue is empty; a score needs at least one row.');
  for (const [name, m] of others) {
    if (m !== n) fail(metric, 'data.length_mismatch', `yTrue has ${n} rows but ${name} has ${m}.`, 'Pass predictions for exactly the rows being scored.');
  }
}

/**
 * Checks class indices (no negatives: -1 is how data/classes.ts marks a missing target) and
 * returns one more than the largest index, the smallest class count that covers them.
 *
 * @example
 * checkLabels('accuracy', 'yTrue', Int32Array.of(0, 2, 1)); // 3
 */
export function checkLabels(metric: string, name: string, y: Int32Array): number {
  let max = -1;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (v < 0) fail(metric, 'data.invalid_label', `${name}[${i}] is ${v}; class indices must be >= 0.`, 'Drop rows whose target is missing (-1) before scoring.');
    if (v > max) max = v;
  }
  return max + 1;
}

/**
 * Checks that every value is finite (NaN and ±Infinity are rejected with their row).
 *
 * @example
 * checkFinite('r2', 'yPred', Float64Array.of(1, 2)); // ok
 */
export function checkFinite(metric: string, name: string, x: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== v) fail(metric, 'data.nan', `${name}[${i}] is NaN.`, 'Impute or drop missing values before scoring.');
    if (v === Infinity || v === -Infinity) fail(metric, 'data.infinite', `${name}[${i}] is ${v}.`);
  }
}

/**
 * Checks sample weights: `n` of them, finite, non-negative, and not all zero (a zero total makes
 * every weighted mean 0/0). Negative weights are refused although some sklearn metrics accept
 * them: no metric here has a meaning for them.
 *
 * @example
 * checkWeights('accuracy', Float64Array.of(1, 0.5), 2); // ok
 */
export function checkWeights(metric: string, w: Float64Array | undefined, n: number): void {
  if (w === undefined) return;
  if (w.length !== n) fail(metric, 'data.length_mismatch', `yTrue has ${n} rows but sampleWeight has ${w.length}.`);
  checkFinite(metric, 'sampleWeight', w);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (w[i]! < 0) fail(metric, 'data.invalid_weight', `sampleWeight[${i}] is ${w[i]}; weights must be >= 0.`);
    total += w[i]!;
  }
  if (!(total > 0)) fail(metric, 'data.invalid_weight', 'every sample weight is 0; a weighted score needs a positive total.');
}

/**
 * Checks a row-major `n × k` probability matrix (`proba[i * k + c]`) and returns `k`: at least two
 * columns, values in [0, 1], each row summing to 1 within {@link PROBA_SUM_TOLERANCE}.
 *
 * Rows off by more than the tolerance are an error rather than silently renormalised as
 * sklearn 1.2's log_loss does: a row summing to 3 is almost always logits or one-vs-rest scores
 * passed by mistake, and renormalising would report a plausible but wrong loss.
 *
 * @example
 * checkProba('log_loss', Float64Array.of(0.2, 0.8, 0.5, 0.5), 2); // 2
 */
export function checkProba(metric: string, proba: Float64Array, n: number): number {
  if (n === 0) fail(metric, 'data.empty', 'yTrue is empty; a score needs at least one row.');
  const k = proba.length / n;
  if (!Number.isInteger(k)) {
    fail(metric, 'data.length_mismatch', `proba has ${proba.length} values, not a multiple of the ${n} rows in yTrue.`, 'Pass probabilities row-major, n rows × k classes.');
  }
  if (k < 2) fail(metric, 'data.invalid_proba', `proba has ${k} column(s); pass one column per class (binary: k = 2, column 1 = positive class).`);
  checkFinite(metric, 'proba', proba);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const p = proba[i * k + c]!;
      if (p < 0 || p > 1) fail(metric, 'data.invalid_proba', `proba[${i}, ${c}] is ${p}; probabilities lie in [0, 1].`, 'Pass predicted probabilities, not scores or logits.');
      sum += p;
    }
    if (Math.abs(sum - 1) > PROBA_SUM_TOLERANCE) {
      fail(metric, 'data.invalid_proba', `proba row ${i} sums to ${sum}, not 1 (tolerance ${PROBA_SUM_TOLERANCE}).`, 'Pass one probability per class per row, normalised (e.g. softmax of logits).');
    }
  }
  return k;
}

/**
 * Checks that every class index in `yTrue` is a column of `proba`.
 *
 * @example
 * checkLabelsBelow('log_loss', Int32Array.of(0, 1), 2); // ok
 */
export function checkLabelsBelow(metric: string, yTrue: Int32Array, k: number): void {
  const needed = checkLabels(metric, 'yTrue', yTrue);
  if (needed > k) fail(metric, 'data.label_out_of_range', `yTrue holds class ${needed - 1} but proba has only ${k} columns.`);
}
