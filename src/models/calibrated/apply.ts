/**
 * Fitted calibrators as data, and applying them. This file is the inference half (STYLE.md §5):
 * it imports no fitting code, so a model package stores a {@link CalibratorState} (plain numbers
 * and `Float64Array`s, a core `StateValue` that `encodeState` saves) and a server rebuilds the
 * mapping from it alone.
 *
 * @example
 * const s: SigmoidState = { method: 'sigmoid', a: -2, b: 0.5 };
 * applyBinary(s, Float64Array.of(0, 1)); // [1 / (1 + e^0.5), 1 / (1 + e^-1.5)]
 */
import { SpecmlError } from '../../core/errors.js';
import { exp } from '../../core/math.js';

/** Platt's sigmoid, P(y = 1 | f) = 1 / (1 + exp(a·f + b)) (scikit-learn's sign convention). */
export type SigmoidState = { method: 'sigmoid'; a: number; b: number };

/**
 * A fitted isotonic step function: knots `x` strictly increasing and non-decreasing values `y`
 * (both `Float64Array[m]`, m ≥ 1); linear between knots, clipped to [x[0], x[m−1]] outside.
 */
export type IsotonicState = { method: 'isotonic'; x: Float64Array; y: Float64Array };

/** One binary calibrator: a map from a score to P(positive). */
export type BinaryCalibratorState = SigmoidState | IsotonicState;

/**
 * A calibrator for a whole prediction, as `fitCalibrator` returns it.
 *
 * - `inputColumns`: scores per row it expects: 1 (one binary score), 2 (a binary n × 2 matrix, of
 *   which only column 1 is used, as sklearn does), or `nClasses` (one-vs-rest).
 * - `nClasses`: columns of the output probabilities (2 for a binary target).
 * - `perClass`: the binary calibrators, one (class 1) for a binary target, else one per class.
 */
export type CalibratorState = {
  kind: 'calibrator';
  method: 'sigmoid' | 'isotonic';
  nClasses: number;
  inputColumns: number;
  perClass: BinaryCalibratorState[];
};

/**
 * Maps scores `x: Float64Array[n]` through one binary calibrator to P(positive), `Float64Array[n]`.
 *
 * Sigmoid: 1 / (1 + exp(a·x + b)), the float operations of scipy's `expit(-(a·x + b))`.
 * Isotonic: numpy's `interp` on the knots after clipping to their range, the arithmetic of
 * sklearn's `IsotonicRegression(out_of_bounds='clip').predict` (slope · (x − x_j) + y_j).
 *
 * @example
 * applyBinary({ method: 'isotonic', x: Float64Array.of(0, 1), y: Float64Array.of(0.2, 0.6) }, Float64Array.of(-3, 0.5, 7));
 * // [0.2, 0.4, 0.6]
 */
export function applyBinary(state: BinaryCalibratorState, x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  if (state.method === 'sigmoid') {
    for (let i = 0; i < x.length; i++) out[i] = 1 / (1 + exp(state.a * x[i]! + state.b));
    return out;
  }
  const kx = state.x;
  const ky = state.y;
  const m = kx.length;
  for (let i = 0; i < x.length; i++) {
    const v = Math.min(Math.max(x[i]!, kx[0]!), kx[m - 1]!);
    if (m === 1 || v >= kx[m - 1]!) {
      out[i] = ky[m - 1]!;
      continue;
    }
    // j: the last knot <= v (binary search), so kx[j] <= v < kx[j + 1].
    let lo = 0;
    let hi = m - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (kx[mid]! <= v) lo = mid;
      else hi = mid;
    }
    if (kx[lo] === v) out[i] = ky[lo]!;
    else {
      const slope = (ky[lo + 1]! - ky[lo]!) / (kx[lo + 1]! - kx[lo]!);
      out[i] = slope * (v - kx[lo]!) + ky[lo]!;
    }
  }
  return out;
}

/**
 * Calibrated probabilities for `scores: Float64Array[n * inputColumns]` (row-major), returned as
 * row-major `Float64Array[n * nClasses]`.
 *
 * Binary: column 1 is the calibrated P(class 1), column 0 is 1 minus it. Multiclass: each column
 * through its own one-vs-rest calibrator, then each row divided by its sum (uniform 1/k where
 * every calibrator says 0), and values in (1, 1 + 1e-5] set to 1 — sklearn's
 * `CalibratedClassifierCV.predict_proba`, step for step.
 *
 * @example
 * applyCalibrator(state, decision); // Float64Array[n * k], rows summing to 1
 */
export function applyCalibrator(state: CalibratorState, scores: Float64Array): Float64Array {
  const cols = state.inputColumns;
  const k = state.nClasses;
  if (scores.length % cols !== 0) {
    throw new SpecmlError('data.length_mismatch', `applyCalibrator: ${scores.length} scores is not a multiple of the ${cols} column(s) this calibrator was fitted on.`, {
      hint: 'Pass the same kind of scores, row-major, that the calibrator was fitted on.',
    });
  }
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i]!)) throw new SpecmlError(Number.isNaN(scores[i]) ? 'data.nan' : 'data.infinite', `applyCalibrator: scores[${i}] is ${scores[i]}; calibrators need finite scores.`);
  }
  const n = scores.length / cols;
  const out = new Float64Array(n * k);
  const column = (c: number): Float64Array => {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = scores[i * cols + c]!;
    return x;
  };
  if (k === 2) {
    const p1 = applyBinary(state.perClass[0]!, column(cols === 1 ? 0 : 1));
    for (let i = 0; i < n; i++) {
      out[i * 2 + 1] = p1[i]!;
      out[i * 2] = 1 - p1[i]!;
    }
  } else {
    for (let c = 0; c < k; c++) {
      const p = applyBinary(state.perClass[c]!, column(c));
      for (let i = 0; i < n; i++) out[i * k + c] = p[i]!;
    }
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += out[i * k + c]!;
      for (let c = 0; c < k; c++) out[i * k + c] = sum !== 0 ? out[i * k + c]! / sum : 1 / k;
    }
  }
  // sklearn's guard against rounding just above 1 (it does not touch larger values; there are none).
  for (let i = 0; i < out.length; i++) if (out[i]! > 1 && out[i]! <= 1 + 1e-5) out[i] = 1;
  return out;
}
