/**
 * Probability bins exactly as numpy 1.24 computes them for `sklearn.calibration.calibration_curve`:
 * uniform edges from `np.linspace(0, 1, bins + 1)`, quantile edges from `np.percentile` (linear,
 * Hyndman-Fan type 7), and bin ids from `np.searchsorted(edges[1:-1], p)` (side 'left').
 *
 * The float operations follow numpy's order (edge i is `i * (1 / bins)`, not `i / bins`; the
 * percentile is `q * 100 / 100`; numpy's two-sided `_lerp`), because a probability that lands
 * exactly on an edge (0.3 from a model that outputs tenths) changes bins when an edge moves by an
 * ulp. With side 'left', a value equal to an interior edge falls in the lower bin: bins are
 * [0, e1], (e1, e2], …, (e_{b-1}, 1].
 *
 * @example
 * uniformEdges(4); // Float64Array [0, 0.25, 0.5, 0.75, 1]
 * binIds(uniformEdges(4), Float64Array.of(0.25, 0.26)); // Int32Array [0, 1]
 */

/**
 * `np.linspace(0, 1, bins + 1)`: `Float64Array[bins + 1]`.
 *
 * @example
 * uniformEdges(10)[3]; // 0.30000000000000004, as numpy
 */
export function uniformEdges(bins: number): Float64Array {
  const edges = new Float64Array(bins + 1);
  const step = 1 / bins;
  for (let i = 0; i < bins; i++) edges[i] = i * step;
  edges[bins] = 1;
  return edges;
}

/**
 * `np.percentile(p, np.linspace(0, 1, bins + 1) * 100)`: `Float64Array[bins + 1]`, non-decreasing;
 * repeated values in `p` give repeated edges (and empty bins). O(n log n) for the sort.
 *
 * @example
 * quantileEdges(Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.5), 2); // [0.1, 0.3, 0.5]
 */
export function quantileEdges(p: Float64Array, bins: number): Float64Array {
  const sorted = Float64Array.from(p).sort();
  const n = sorted.length;
  const grid = uniformEdges(bins);
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) {
    const q = (grid[i]! * 100) / 100;
    const virtual = (n - 1) * q;
    if (virtual >= n - 1) {
      edges[i] = sorted[n - 1]!;
      continue;
    }
    const lo = Math.floor(virtual);
    const t = virtual - lo;
    const a = sorted[lo]!;
    const b = sorted[lo + 1]!;
    const diff = b - a;
    // numpy's _lerp interpolates from the nearer end, so the result is monotone in t.
    edges[i] = t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
  return edges;
}

/**
 * The bin of each value: the number of interior edges strictly below it (`searchsorted` left),
 * `Int32Array[n]` in [0, bins). O(n log bins).
 *
 * @example
 * binIds(Float64Array.of(0, 0.5, 1), Float64Array.of(0.5, 0.7)); // [0, 0, 1]
 */
export function binIds(edges: Float64Array, p: Float64Array): Int32Array {
  const inner = edges.length - 2;
  const out = new Int32Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    let lo = 0;
    let hi = inner;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid + 1]! < v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  return out;
}
