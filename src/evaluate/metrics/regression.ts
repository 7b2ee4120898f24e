/**
 * Regression metrics over `yTrue: Float64Array[n]`, `yPred: Float64Array[n]` and optional
 * `sampleWeight: Float64Array[n]`, each matching scikit-learn 1.2 with default arguments
 * (weighted means are `np.average(·, weights=w)`).
 *
 * @example
 * rmse(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 5)); // sqrt(4/3) ≈ 1.155
 */
import { checkFinite, checkRows, checkWeights, fail } from './validate.js';
import { log, log1p } from '../../core/math.js';

function prepare(metric: string, yTrue: Float64Array, yPred: Float64Array, w: Float64Array | undefined): void {
  checkRows(metric, yTrue.length, [['yPred', yPred.length]]);
  checkFinite(metric, 'yTrue', yTrue);
  checkFinite(metric, 'yPred', yPred);
  checkWeights(metric, w, yTrue.length);
}

/** Weighted mean of `f(i)` over rows. */
function mean(n: number, w: Float64Array | undefined, f: (i: number) => number): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const wi = w === undefined ? 1 : w[i]!;
    sum += f(i) * wi;
    total += wi;
  }
  return sum / total;
}

/**
 * Root mean squared error, `sqrt(mean((yTrue − yPred)²))`.
 *
 * @example
 * rmse(Float64Array.of(0, 0), Float64Array.of(3, 4)); // sqrt(12.5)
 */
export function rmse(yTrue: Float64Array, yPred: Float64Array, sampleWeight?: Float64Array): number {
  prepare('rmse', yTrue, yPred, sampleWeight);
  return Math.sqrt(mean(yTrue.length, sampleWeight, (i) => (yTrue[i]! - yPred[i]!) ** 2));
}

/**
 * Mean absolute error.
 *
 * @example
 * mae(Float64Array.of(1, 2), Float64Array.of(2, 4)); // 1.5
 */
export function mae(yTrue: Float64Array, yPred: Float64Array, sampleWeight?: Float64Array): number {
  prepare('mae', yTrue, yPred, sampleWeight);
  return mean(yTrue.length, sampleWeight, (i) => Math.abs(yPred[i]! - yTrue[i]!));
}

/**
 * Mean absolute percentage error as a fraction (0.1 means 10 %), sklearn's definition
 * `mean(|yPred − yTrue| / max(|yTrue|, eps))` with eps = 2^-52. The guard keeps a zero target
 * finite but huge (about 4.5e15 × the error), which is sklearn's deliberate signal that MAPE is
 * the wrong metric for targets that can be 0.
 *
 * @example
 * mape(Float64Array.of(100, 200), Float64Array.of(110, 180)); // 0.1
 */
export function mape(yTrue: Float64Array, yPred: Float64Array, sampleWeight?: Float64Array): number {
  prepare('mape', yTrue, yPred, sampleWeight);
  return mean(yTrue.length, sampleWeight, (i) => Math.abs(yPred[i]! - yTrue[i]!) / Math.max(Math.abs(yTrue[i]!), Number.EPSILON));
}

/**
 * Coefficient of determination, `1 − SS_res / SS_tot` (weighted sums around the weighted mean).
 * Like sklearn's `force_finite=True`: a constant yTrue scores 1 when predicted exactly, else 0.
 * Fewer than two rows throws `data.too_few_rows` (sklearn returns NaN).
 *
 * @example
 * r2(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 2)); // 0.5
 */
export function r2(yTrue: Float64Array, yPred: Float64Array, sampleWeight?: Float64Array): number {
  prepare('r2', yTrue, yPred, sampleWeight);
  const n = yTrue.length;
  if (n < 2) fail('r2', 'data.too_few_rows', 'R² needs at least two rows; it is undefined for one.');
  const avg = mean(n, sampleWeight, (i) => yTrue[i]!);
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const wi = sampleWeight === undefined ? 1 : sampleWeight[i]!;
    num += wi * (yTrue[i]! - yPred[i]!) ** 2;
    den += wi * (yTrue[i]! - avg) ** 2;
  }
  if (num === 0) return 1;
  if (den === 0) return 0;
  return 1 - num / den;
}

/**
 * Median absolute error. Unweighted: `np.median` (mean of the two middle values for even n).
 * Weighted: sklearn's `_weighted_percentile` — the smallest error whose cumulative weight, in
 * sorted order, reaches half the total (a lower weighted median, no interpolation).
 *
 * @example
 * medianAbsoluteError(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 3, 5, 8)); // (1 + 2) / 2
 */
export function medianAbsoluteError(yTrue: Float64Array, yPred: Float64Array, sampleWeight?: Float64Array): number {
  prepare('median_absolute_error', yTrue, yPred, sampleWeight);
  const n = yTrue.length;
  const err = new Float64Array(n);
  for (let i = 0; i < n; i++) err[i] = Math.abs(yPred[i]! - yTrue[i]!);
  if (sampleWeight === undefined) {
    err.sort();
    const mid = n >> 1;
    return n % 2 === 1 ? err[mid]! : (err[mid - 1]! + err[mid]!) / 2;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => err[a]! - err[b]!);
  let total = 0;
  for (let i = 0; i < n; i++) total += sampleWeight[i]!;
  const half = 0.5 * total;
  let cdf = 0;
  for (let j = 0; j < n; j++) {
    cdf += sampleWeight[order[j]!]!;
    if (cdf >= half) return err[order[j]!]!;
  }
  return err[order[n - 1]!]!; // rounding left cdf just under half: sklearn clips to the last index
}

/**
 * Mean Poisson deviance, `mean(2 · (y·ln(y/ŷ) − y + ŷ))` with y·ln(y/ŷ) = 0 at y = 0
 * (sklearn's `mean_poisson_deviance`). Needs yPred > 0 (`data.non_positive_prediction`) and
 * yTrue ≥ 0 (`data.negative_value`): the deviance is a Poisson log-likelihood ratio.
 *
 * @example
 * poissonDeviance(Float64Array.of(0, 2), Float64Array.of(1, 2)); // 1
 */
export function poissonDeviance(yTrue: Float64Array, yPred: Float64Array, sampleWeight?: Float64Array): number {
  prepare('poisson_deviance', yTrue, yPred, sampleWeight);
  for (let i = 0; i < yTrue.length; i++) {
    if (!(yPred[i]! > 0)) fail('poisson_deviance', 'data.non_positive_prediction', `yPred[${i}] is ${yPred[i]}; Poisson deviance needs predictions > 0.`, 'Predict a rate through a log link (exp of the linear score), or clip predictions to a small positive value.');
    if (yTrue[i]! < 0) fail('poisson_deviance', 'data.negative_value', `yTrue[${i}] is ${yTrue[i]}; Poisson deviance needs counts >= 0.`);
  }
  return mean(yTrue.length, sampleWeight, (i) => {
    const y = yTrue[i]!;
    const mu = yPred[i]!;
    return 2 * ((y === 0 ? 0 : y * log(y / mu)) - y + mu);
  });
}

/**
 * Root mean squared logarithmic error, `sqrt(mean((log1p(yTrue) − log1p(yPred))²))` (sklearn's
 * `mean_squared_log_error(squared=False)`). Negative values in either array throw
 * `data.negative_value`, as in sklearn, although log1p is defined down to −1: a negative target
 * means the metric was chosen for the wrong kind of quantity.
 *
 * @example
 * rmsle(Float64Array.of(0, Math.E - 1), Float64Array.of(0, 0)); // sqrt(0.5)
 */
export function rmsle(yTrue: Float64Array, yPred: Float64Array, sampleWeight?: Float64Array): number {
  prepare('rmsle', yTrue, yPred, sampleWeight);
  for (const [name, y] of [['yTrue', yTrue], ['yPred', yPred]] as const) {
    for (let i = 0; i < y.length; i++) {
      if (y[i]! < 0) fail('rmsle', 'data.negative_value', `${name}[${i}] is ${y[i]}; RMSLE needs values >= 0.`, 'Use rmse for targets that can be negative.');
    }
  }
  return Math.sqrt(mean(yTrue.length, sampleWeight, (i) => (log1p(yTrue[i]!) - log1p(yPred[i]!)) ** 2));
}
