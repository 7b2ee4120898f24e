/**
 * Platt scaling (Platt 2000) exactly as scikit-learn 1.2.1's `_sigmoid_calibration` defines it:
 * P(y = 1 | f) = 1 / (1 + exp(a·f + b)) — sklearn's sign convention, so a < 0 for a score that
 * rises with the positive class — fitted by minimising the (weighted) cross-entropy against
 * Platt's smoothed targets t₊ = (N₊ + 1) / (N₊ + 2) for positives and t₋ = 1 / (N₋ + 2) for
 * negatives (N the weighted class totals, his "Bayesian prior" correction, which also keeps a
 * and b finite on separable data), from sklearn's start (a, b) = (0, log((N₋ + 1) / (N₊ + 1))).
 *
 * Optimiser: Newton's method with a backtracking (Armijo) line search and a 1e-12 ridge on the
 * Hessian (Lin, Lin and Weng 2007, "A note on Platt's probabilistic outputs for support vector
 * machines"), run to the floating-point optimum. sklearn 1.2.1 calls scipy's BFGS with its
 * default gtol = 1e-5 on the gradient of the *summed* loss, so its (a, b) sit within about
 * ‖H⁻¹‖·1e-5 of the same optimum (the objective is strictly convex); the golden test checks
 * that bound case by case (test/golden/calibration/README.md).
 *
 * Cost: each Newton step is one O(n) pass; it converges quadratically, typically in 5–10 steps.
 *
 * @example
 * const s = fitSigmoid(Float64Array.of(-2, -1, 0.5, 1, 3), Int32Array.of(0, 0, 1, 0, 1));
 * s.a < 0; // true: higher scores → higher P(y = 1)
 */
import { checkFinite, checkRows, checkWeights } from '../metrics/validate.js';
import { checkBinaryLabels } from '../threshold/binary-input.js';
import type { SigmoidState } from '../../models/calibrated/apply.js';
import { exp, log, log1p } from '../../core/math.js';

const MAX_ITER = 100;
/** Smallest line-search step before giving up: below it the objective cannot drop in float64. */
const MIN_STEP = 1e-10;
/** Ridge added to the Hessian diagonal (Lin et al.): keeps the solve defined when all scores are equal. */
const RIDGE = 1e-12;

/**
 * Per-sample loss of Platt's objective at f = a·x + b with target t, in a form that never
 * overflows: −t·log p − (1 − t)·log(1 − p) with p = 1 / (1 + e^f).
 */
function loss(f: number, t: number): number {
  return f >= 0 ? t * f + log1p(exp(-f)) : (t - 1) * f + log1p(exp(f));
}

/**
 * Fits Platt's sigmoid to `score: Float64Array[n]` (a decision function or a probability) and
 * `yTrue01: Int32Array[n]`, with optional `sampleWeight: Float64Array[n]`.
 *
 * @example
 * fitSigmoid(score, y); // { method: 'sigmoid', a: -1.7, b: 0.2 }
 */
export function fitSigmoid(score: Float64Array, yTrue01: Int32Array, sampleWeight?: Float64Array): SigmoidState {
  const fn = 'fitSigmoid';
  const n = yTrue01.length;
  checkRows(fn, n, [['score', score.length]]);
  checkBinaryLabels(fn, yTrue01);
  checkFinite(fn, 'score', score);
  checkWeights(fn, sampleWeight, n);
  const w = (i: number): number => (sampleWeight === undefined ? 1 : sampleWeight[i]!);
  let prior0 = 0;
  let prior1 = 0;
  for (let i = 0; i < n; i++) {
    if (yTrue01[i] === 1) prior1 += w(i);
    else prior0 += w(i);
  }
  const hiTarget = (prior1 + 1) / (prior1 + 2);
  const loTarget = 1 / (prior0 + 2);
  const target = (i: number): number => (yTrue01[i] === 1 ? hiTarget : loTarget);
  const objective = (a: number, b: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += w(i) * loss(a * score[i]! + b, target(i));
    return s;
  };

  let a = 0;
  let b = log((prior0 + 1) / (prior1 + 1));
  let value = objective(a, b);
  for (let iter = 0; iter < MAX_ITER; iter++) {
    // Gradient and Hessian of the summed loss; with p = P(y = 1) = 1 / (1 + e^f):
    // ∂/∂f = (t − p), ∂²/∂f² = p(1 − p), each times (x, 1) by the chain rule.
    let gA = 0;
    let gB = 0;
    let hAA = RIDGE;
    let hAB = 0;
    let hBB = RIDGE;
    for (let i = 0; i < n; i++) {
      const x = score[i]!;
      const f = a * x + b;
      // p and 1 − p both computed from e^{-|f|} so neither cancels to 0 for large |f|.
      const e = exp(-Math.abs(f));
      const p = f >= 0 ? e / (1 + e) : 1 / (1 + e);
      const q = f >= 0 ? 1 / (1 + e) : e / (1 + e);
      const wi = w(i);
      const d1 = wi * (target(i) - p);
      const d2 = wi * p * q;
      gA += d1 * x;
      gB += d1;
      hAA += d2 * x * x;
      hAB += d2 * x;
      hBB += d2;
    }
    const det = hAA * hBB - hAB * hAB;
    const dA = -(hBB * gA - hAB * gB) / det;
    const dB = -(-hAB * gA + hAA * gB) / det;
    const slope = gA * dA + gB * dB;
    if (!(slope < 0)) break; // no descent direction left: at the optimum to rounding
    let step = 1;
    let accepted = false;
    while (step >= MIN_STEP) {
      const na = a + step * dA;
      const nb = b + step * dB;
      const nv = objective(na, nb);
      // Near the optimum the decrease H·δ²/2 falls below the objective's rounding (~1e-16·value)
      // while δ is still ~1e-8, so Armijo alone would stop there; a full Newton step whose
      // objective change is at rounding level is taken anyway (the quadratic model is exact there).
      if (nv <= value + 1e-4 * step * slope || (step === 1 && nv - value <= 1e-13 * Math.abs(value))) {
        a = na;
        b = nb;
        value = nv;
        accepted = true;
        break;
      }
      step /= 2;
    }
    if (!accepted) break;
    // Newton converges quadratically: once the step is at rounding level, the next would be noise.
    if (Math.abs(step * dA) <= 1e-15 * (1 + Math.abs(a)) && Math.abs(step * dB) <= 1e-15 * (1 + Math.abs(b))) break;
  }
  return { method: 'sigmoid', a, b };
}
