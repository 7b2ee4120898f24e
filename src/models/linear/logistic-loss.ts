/**
 * The logistic objective and its gradient, for binary (sigmoid) and multinomial (softmax) models.
 *
 * Objective, on the mean scale so that `tol` means the same for 100 rows and 10⁶:
 *   f(θ) = (1/n)·Σᵢ sᵢ·ℓ(zᵢ, yᵢ) + (l2/2)·‖W‖²
 * with zᵢ = W·xᵢ + b. Binary: ℓ = log(1 + eᶻ) - y·z, one score. Multinomial: ℓ = logΣ_c e^{z_c} - z_y,
 * one score per class (over-parameterised, made unique by the penalty). Dividing sklearn's
 * Σ sᵢℓᵢ + (1/C)·R(w) by n changes neither the optimum nor the solution, only the gradient's scale.
 *
 * Parameter layout θ: `k` blocks of `q = p + (fitIntercept ? 1 : 0)`; block c holds class c's
 * weights θ[c·q + j] (j < p) then its intercept θ[c·q + p]. Cost per evaluation: O(n·p·k).
 *
 * @example
 * const fg = logisticObjective({ x, n, p, y: codes, sw, k: 1, fitIntercept: true, l2: 1 / n });
 * const grad = new Float64Array(p + 1);
 * fg(new Float64Array(p + 1), grad); // log 2 at θ = 0
 */
import type { Objective } from './lbfgs.js';
import { exp, log, log1p } from '../../core/math.js';

/**
 * One logistic fitting problem.
 *
 * @example
 * const prob: LogisticProblem = { x, n, p, y: codes, sw: new Float64Array(n).fill(1), k: 1, fitIntercept: true, l2: 1 / n };
 */
export interface LogisticProblem {
  /** n x p design, row-major. */
  x: Float64Array;
  n: number;
  p: number;
  /** Class codes, n (0/1 for binary). */
  y: Int32Array;
  /** Row weights, n (class weights; 1 for unweighted). */
  sw: Float64Array;
  /** Score columns: 1 for binary, the number of classes for multinomial. */
  k: number;
  fitIntercept: boolean;
  /** Coefficient of ½‖W‖² on the mean scale (intercepts excluded). */
  l2: number;
}

/**
 * The objective `f` and gradient of `prob` as a closure; it owns an n x k scratch buffer, so one
 * closure must not be called concurrently (it never is: fits are synchronous).
 *
 * @example
 * minimizeLbfgs(logisticObjective(prob), new Float64Array(prob.k * (prob.p + 1)), { maxIter: 100, tol: 1e-6 });
 */
export function logisticObjective(prob: LogisticProblem): Objective {
  const { x, n, p, y, sw, k, fitIntercept, l2 } = prob;
  const q = p + (fitIntercept ? 1 : 0);
  const r = new Float64Array(k); // residual of one row: ∂(sᵢℓᵢ/n)/∂zᵢ
  const z = new Float64Array(k);
  return (theta, grad) => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const row = i * p;
      for (let c = 0; c < k; c++) {
        let s = fitIntercept ? theta[c * q + p]! : 0;
        for (let j = 0; j < p; j++) s += theta[c * q + j]! * x[row + j]!;
        z[c] = s;
      }
      const w = sw[i]! / n;
      if (k === 1) {
        const zi = z[0]!;
        const yi = y[i]!;
        // softplus(z) = max(z, 0) + log1p(e^{-|z|}): no overflow for large |z|.
        loss += w * (Math.max(zi, 0) + log1p(exp(-Math.abs(zi))) - yi * zi);
        r[0] = w * (sigmoid(zi) - yi);
      } else {
        let m = -Infinity;
        for (let c = 0; c < k; c++) m = Math.max(m, z[c]!);
        let sum = 0;
        for (let c = 0; c < k; c++) sum += exp(z[c]! - m);
        const lse = m + log(sum);
        loss += w * (lse - z[y[i]!]!);
        for (let c = 0; c < k; c++) r[c] = w * (exp(z[c]! - lse) - (c === y[i] ? 1 : 0));
      }
      for (let c = 0; c < k; c++) {
        const rc = r[c]!;
        if (rc === 0) continue;
        const off = c * q;
        for (let j = 0; j < p; j++) grad[off + j]! += rc * x[row + j]!;
        if (fitIntercept) grad[off + p]! += rc;
      }
    }
    let pen = 0;
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < p; j++) {
        const t = theta[c * q + j]!;
        pen += t * t;
        grad[c * q + j]! += l2 * t;
      }
    }
    return loss + 0.5 * l2 * pen;
  };
}

/**
 * 1 / (1 + e^{-z}), computed without overflow for either sign of z.
 *
 * @example
 * sigmoid(0); // 0.5
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + exp(-z));
  const e = exp(z);
  return e / (1 + e);
}
