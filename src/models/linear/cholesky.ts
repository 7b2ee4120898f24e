/**
 * Cholesky factorisation and solve for the symmetric positive definite systems of ridge regression.
 *
 * Why Cholesky: (XᵀX + αI) is symmetric and, for α > 0, positive definite, so A = LLᵀ needs half
 * the work of LU and no pivoting: p³/3 flops to factor, 2p² to solve. For the p of tabular data
 * (tens to a few thousands) this is far cheaper than forming XᵀX itself (n·p²).
 *
 * @example
 * choleskySolve(Float64Array.of(4, 2, 2, 3), 2, Float64Array.of(2, 1)); // Float64Array [0.5, 0]
 */

/**
 * Solves A·x = b for symmetric positive definite `a` (p x p, row-major; only the lower triangle is
 * read; not modified). Returns undefined when a pivot is not clearly positive (A singular or not
 * positive definite to working precision), so the caller can regularise and retry.
 *
 * @example
 * choleskySolve(gram, p, rhs) ?? fallback();
 */
export function choleskySolve(a: Float64Array, p: number, b: Float64Array): Float64Array | undefined {
  const L = new Float64Array(p * p); // lower triangle, row-major
  let maxDiag = 0;
  for (let i = 0; i < p; i++) maxDiag = Math.max(maxDiag, a[i * p + i]!);
  // A pivot this small relative to the largest diagonal means the column is (numerically) a
  // combination of earlier ones: solving would amplify rounding into huge coefficients.
  const floor = maxDiag * p * 1e-13;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= L[i * p + k]! * L[j * p + k]!;
      if (i === j) {
        if (!(s > floor)) return undefined;
        L[i * p + i] = Math.sqrt(s);
      } else {
        L[i * p + j] = s / L[j * p + j]!;
      }
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < p; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= L[i * p + k]! * x[k]!;
    x[i] = s / L[i * p + i]!;
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < p; k++) s -= L[k * p + i]! * x[k]!;
    x[i] = s / L[i * p + i]!;
  }
  return x;
}
