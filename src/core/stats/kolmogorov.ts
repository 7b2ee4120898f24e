/**
 * The Kolmogorov distribution: the limit of √n·D for the one-sample KS statistic D, and of
 * √(nm/(n+m))·D for the two-sample one (SciPy's `kstwobign`). Two series (Marsaglia, Tsang and
 * Wang 2003, §1; the same split as Numerical Recipes' `qks`): for small x the theta-function form
 * of the CDF converges fast, for large x the alternating series of the survival function does, and
 * each is summed until its terms stop changing the total.
 *
 * @example
 * kolmogorovSf(1.3580986393225505); // ≈ 0.05
 */
export function kolmogorovSf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x < 1) {
    // P(K <= x) = √(2π)/x · Σ_{k≥1} exp(−(2k−1)²π²/(8x²))
    const t = (-Math.PI * Math.PI) / (8 * x * x);
    let sum = 0;
    for (let k = 1; k < 100; k++) {
      const term = Math.exp((2 * k - 1) * (2 * k - 1) * t);
      sum += term;
      if (term <= 1e-17 * sum) break;
    }
    return 1 - (Math.sqrt(2 * Math.PI) / x) * sum;
  }
  // P(K > x) = 2 Σ_{k≥1} (−1)^(k−1) exp(−2k²x²)
  let sum = 0;
  for (let k = 1; k < 100; k++) {
    const term = Math.exp(-2 * k * k * x * x);
    sum += k % 2 === 1 ? term : -term;
    if (term <= 1e-17 * Math.abs(sum)) break;
  }
  return Math.max(0, Math.min(1, 2 * sum));
}
