/**
 * Expected calibration error: Σ_b (n_b / n) · |acc_b − conf_b| over equal-width confidence bins,
 * the bin-weighted gap between how often predictions are right and how sure they were.
 *
 * Two readings, chosen by the shape of `prob`:
 * - `Float64Array[n]`, the predicted P(y = 1) of a binary target: per bin, acc_b is the fraction
 *   of positives and conf_b the mean P(y = 1) — the gaps of {@link reliabilityCurve} with uniform
 *   bins, weighted by their counts.
 * - `Float64Array[n * k]` row-major probabilities (k ≥ 2): top-label ECE of Guo et al. 2017,
 *   "On Calibration of Modern Neural Networks": conf is the largest probability in the row,
 *   acc is whether its class (the first on a tie, as argmax) is the true one. For k = 2 this
 *   differs from the binary reading, which also scores the calibration of the losing class.
 *
 * Default 15 bins, as in Guo et al. (their Table 1 and code): fewer bins hide miscalibration
 * inside wide bins, more bins leave bins with too few rows, inflating ECE by sampling noise.
 * Bins are [0, 1/15], (1/15, 2/15], … with the edges numpy's linspace gives (see bins.ts).
 *
 * @example
 * expectedCalibrationError(Int32Array.of(0, 1, 1, 1), Float64Array.of(0.1, 0.9, 0.9, 0.6), { bins: 10 });
 * // bins: {0.1: acc 0}, {0.6: acc 1}, {0.9, 0.9: acc 1} → (0.1 + 0.4 + 2 · 0.1) / 4 = 0.175
 */
import { checkLabelsBelow, checkProba, fail } from '../metrics/validate.js';
import { binIds, uniformEdges } from './bins.js';
import { checkBins, checkProbabilities, reliabilityCurve } from './reliability.js';

export interface EceOptions {
  /** Number of equal-width bins on [0, 1]; 15 as in Guo et al. 2017. */
  bins?: number;
}

/**
 * ECE of `prob` (`Float64Array[n]` binary P(y = 1), or row-major `Float64Array[n * k]`) against
 * `yTrue: Int32Array[n]` (0/1 for the binary reading, class indices < k for the top-label one).
 *
 * @example
 * expectedCalibrationError(Int32Array.of(0, 2), Float64Array.of(0.8, 0.1, 0.1, 0.2, 0.2, 0.6)); // top-label: (0.2 + 0.4) / 2
 */
export function expectedCalibrationError(yTrue: Int32Array, prob: Float64Array, options: EceOptions = {}): number {
  const fn = 'expectedCalibrationError';
  const bins = options.bins ?? 15;
  checkBins(fn, bins);
  const n = yTrue.length;
  if (n === 0) fail(fn, 'data.empty', 'yTrue is empty; ECE needs at least one row.');
  if (prob.length === n) {
    checkProbabilities(fn, yTrue, prob);
    const c = reliabilityCurve(yTrue, prob, { bins, strategy: 'uniform' });
    let ece = 0;
    for (let b = 0; b < c.counts.length; b++) ece += (c.counts[b]! / n) * Math.abs(c.probTrue[b]! - c.probPred[b]!);
    return ece;
  }
  const k = checkProba(fn, prob, n);
  checkLabelsBelow(fn, yTrue, k);
  const conf = new Float64Array(n);
  const correct = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let top = 0;
    for (let c = 1; c < k; c++) if (prob[i * k + c]! > prob[i * k + top]!) top = c;
    conf[i] = prob[i * k + top]!;
    correct[i] = top === yTrue[i] ? 1 : 0;
  }
  const ids = binIds(uniformEdges(bins), conf);
  const sumConf = new Float64Array(bins);
  const sumAcc = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const b = ids[i]!;
    sumConf[b] = sumConf[b]! + conf[i]!;
    sumAcc[b] = sumAcc[b]! + correct[i]!;
    count[b] = count[b]! + 1;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]! > 0) ece += (count[b]! / n) * Math.abs(sumAcc[b]! / count[b]! - sumConf[b]! / count[b]!);
  return ece;
}
