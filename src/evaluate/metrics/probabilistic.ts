/**
 * Scores of predicted probabilities themselves (proper scoring rules): log loss and the Brier
 * score. Inputs: `yTrue: Int32Array[n]` class indices, `proba: Float64Array[n * k]` row-major
 * (binary: k = 2, column 1 = positive class), optional `sampleWeight: Float64Array[n]`. Lower is
 * better for both.
 *
 * @example
 * logLoss(Int32Array.of(1, 0), Float64Array.of(0.2, 0.8, 0.6, 0.4)); // (−ln 0.8 − ln 0.6) / 2 ≈ 0.367
 */
import { checkLabelsBelow, checkProba, checkWeights } from './validate.js';
import { log } from '../../core/math.js';

/**
 * Clipping bound of sklearn 1.2's `log_loss` (`eps='auto'` = `np.finfo(float64).eps` = 2^-52;
 * the 1e-15 of older releases changed in 1.2). It keeps a confident wrong prediction finite:
 * −ln(2^-52) ≈ 36.04 per row instead of Infinity.
 */
export const LOG_LOSS_EPS = Number.EPSILON;

function prepare(metric: string, yTrue: Int32Array, proba: Float64Array, w: Float64Array | undefined): number {
  const k = checkProba(metric, proba, yTrue.length);
  checkLabelsBelow(metric, yTrue, k);
  checkWeights(metric, w, yTrue.length);
  return k;
}

/** Weighted (or plain) mean of per-row losses, as `np.average(loss, weights=w)`. */
function mean(loss: Float64Array, w: Float64Array | undefined): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < loss.length; i++) {
    const wi = w === undefined ? 1 : w[i]!;
    sum += loss[i]! * wi;
    total += wi;
  }
  return sum / total;
}

/**
 * Mean negative log-likelihood of the true class (natural log). Like sklearn 1.2, each
 * probability is clipped to [{@link LOG_LOSS_EPS}, 1 − eps] and the row renormalised before the
 * log. Rows must already sum to 1 within 1e-6 (see validate.ts), so the renormalisation only
 * undoes the clipping; it never hides unnormalised scores.
 *
 * @example
 * logLoss(Int32Array.of(0, 2), Float64Array.of(0.5, 0.25, 0.25, 0.1, 0.1, 0.8)); // (ln 2 − ln 0.8) / 2
 */
export function logLoss(yTrue: Int32Array, proba: Float64Array, sampleWeight?: Float64Array): number {
  const k = prepare('log_loss', yTrue, proba, sampleWeight);
  const n = yTrue.length;
  const loss = new Float64Array(n);
  const clip = (p: number): number => Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < k; c++) sum += clip(proba[i * k + c]!);
    loss[i] = -log(clip(proba[i * k + yTrue[i]!]!) / sum);
  }
  return mean(loss, sampleWeight);
}

/**
 * Brier score, in two forms chosen by k:
 * - binary (k = 2): mean of (p₁ − y)², sklearn's `brier_score_loss`, in [0, 1];
 * - multiclass (k ≥ 3): the original multi-category Brier score (Brier 1950), mean over rows of
 *   Σ_c (p_c − [y = c])², in [0, 2]. This is what sklearn ≥ 1.7 returns for multiclass input
 *   (sklearn 1.2 has no multiclass form). For k = 2 that sum would be exactly twice the binary
 *   value, which is why binary keeps sklearn's one-column form.
 *
 * @example
 * brier(Int32Array.of(1, 0), Float64Array.of(0.2, 0.8, 0.6, 0.4)); // (0.04 + 0.16) / 2 = 0.1
 */
export function brier(yTrue: Int32Array, proba: Float64Array, sampleWeight?: Float64Array): number {
  const k = prepare('brier', yTrue, proba, sampleWeight);
  const n = yTrue.length;
  const loss = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = yTrue[i]!;
    if (k === 2) {
      loss[i] = (y - proba[i * 2 + 1]!) ** 2;
      continue;
    }
    let s = 0;
    for (let c = 0; c < k; c++) s += (proba[i * k + c]! - (c === y ? 1 : 0)) ** 2;
    loss[i] = s;
  }
  return mean(loss, sampleWeight);
}
