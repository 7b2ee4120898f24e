/**
 * Quantiles of sorted samples, as numpy's default `np.quantile` (linear interpolation between
 * order statistics): the bootstrap intervals use it, so they match numpy/scipy on the same replicates.
 */

/**
 * The q-quantile (q in [0, 1]) of ascending `sorted: Float64Array[m]`, m ≥ 1.
 *
 * @example
 * quantileSorted(Float64Array.of(0, 10), 0.25); // 2.5
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const m = sorted.length;
  const h = (m - 1) * q;
  const lo = Math.floor(h);
  if (lo >= m - 1) return sorted[m - 1]!;
  const t = h - lo;
  return sorted[lo]! + (sorted[lo + 1]! - sorted[lo]!) * t;
}
