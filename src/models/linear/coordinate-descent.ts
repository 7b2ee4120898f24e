/**
 * Cyclic coordinate descent for the elastic net (Friedman, Hastie & Tibshirani 2010), a port of
 * scikit-learn's `enet_coordinate_descent` so that its stopping rule, and hence its answers,
 * carry over.
 *
 * Solves, on centred data, min_w ½‖y - Xw‖² + l1·‖w‖₁ + (l2/2)·‖w‖² (sklearn's objective times n:
 * l1 = n·alpha·l1_ratio, l2 = n·alpha·(1 - l1_ratio)). Each coordinate update is closed-form
 * (a soft-threshold) and keeps the residual R = y - Xw current, so a sweep over all p features
 * costs O(n·p). X is taken column-major because each update reads one whole column.
 *
 * Stopping (sklearn's rule): after a sweep whose largest change is below tol·max|w|, compute the
 * duality gap (a certificate: primal - optimum ≤ gap) and stop when gap ≤ tol·‖y‖². The gap is
 * O(n·p) too, so it is only computed when the cheap test passes.
 *
 * @example
 * // xc: p x n column-major centred inputs, y: centred target
 * const r = enetCoordinateDescent({ xc, n, p, y, l1: n * 0.1, l2: 0, maxIter: 1000, tol: 1e-4 });
 * r.w; r.converged; r.gap;
 */

/**
 * Coordinate-descent input: `xc[j * n + i]` is row i of column j (p x n, column-major).
 *
 * @example
 * const prob: EnetProblem = { xc, n, p, y, l1: n * 0.1, l2: 0, maxIter: 1000, tol: 1e-4 };
 */
export interface EnetProblem {
  xc: Float64Array;
  n: number;
  p: number;
  /** Target, n (centred when an intercept is fitted). */
  y: Float64Array;
  /** Penalties on the summed scale: l1·‖w‖₁ + (l2/2)·‖w‖². */
  l1: number;
  l2: number;
  maxIter: number;
  tol: number;
}

/**
 * Runs coordinate descent from w = 0; returns the weights, the sweeps done, the last duality gap
 * (NaN if never computed) and whether gap ≤ tol·‖y‖².
 *
 * @example
 * enetCoordinateDescent(problem).w; // Float64Array[p]
 */
export function enetCoordinateDescent(prob: EnetProblem): { w: Float64Array; iterations: number; gap: number; converged: boolean } {
  const { xc, n, p, y, l1, l2, maxIter, tol } = prob;
  const w = new Float64Array(p);
  const R = Float64Array.from(y);
  const norms = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += xc[j * n + i]! ** 2;
    norms[j] = s;
  }
  const gapTol = tol * dot(y, y, 0, n);
  let gap = NaN;
  let iter = 0;
  while (iter < maxIter) {
    iter++;
    let wMax = 0;
    let dwMax = 0;
    for (let j = 0; j < p; j++) {
      if (norms[j] === 0) continue;
      const old = w[j]!;
      const off = j * n;
      // tmp = X_jᵀ(R + old·X_j) without modifying R twice when nothing changes.
      let tmp = old * norms[j]!;
      for (let i = 0; i < n; i++) tmp += xc[off + i]! * R[i]!;
      const next = (tmp > l1 ? tmp - l1 : tmp < -l1 ? tmp + l1 : 0) / (norms[j]! + l2);
      if (next !== old) {
        const delta = old - next;
        for (let i = 0; i < n; i++) R[i]! += delta * xc[off + i]!;
        w[j] = next;
      }
      dwMax = Math.max(dwMax, Math.abs(next - old));
      wMax = Math.max(wMax, Math.abs(next));
    }
    if (wMax === 0 || dwMax / wMax < tol || iter === maxIter) {
      gap = dualityGap(xc, n, p, y, R, w, l1, l2);
      if (gap <= gapTol) return { w, iterations: iter, gap, converged: true };
    }
  }
  return { w, iterations: iter, gap, converged: false };
}

/** sklearn's gap: scale the residual into the dual feasible set and compare objectives. O(n·p). */
function dualityGap(xc: Float64Array, n: number, p: number, y: Float64Array, R: Float64Array, w: Float64Array, l1: number, l2: number): number {
  let dualNorm = 0;
  for (let j = 0; j < p; j++) dualNorm = Math.max(dualNorm, Math.abs(dot(xc, R, j * n, n) - l2 * w[j]!));
  const rNorm2 = dot(R, R, 0, n);
  let wNorm2 = 0;
  let wL1 = 0;
  for (let j = 0; j < p; j++) {
    wNorm2 += w[j]! ** 2;
    wL1 += Math.abs(w[j]!);
  }
  let scale = 1;
  let gap = rNorm2;
  if (dualNorm > l1) {
    scale = l1 / dualNorm;
    gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
  }
  return gap + l1 * wL1 - scale * dot(R, y, 0, n) + 0.5 * l2 * (1 + scale * scale) * wNorm2;
}

/** Σ a[off + i]·b[i] for i < n. */
function dot(a: Float64Array, b: Float64Array, off: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[off + i]! * b[i]!;
  return s;
}
