/**
 * The summary of a numeric (or datetime) buffer that every statistic over it starts from: sorted
 * distinct present values with their counts. Quantiles, MAD, top value, distinct count, histogram
 * and moments then cost O(distinct) instead of O(n log n) each.
 *
 * The summary is memoised per buffer in a WeakMap: frames are immutable by convention, so a
 * buffer's summary never goes stale, it is shared by the validation checks and the profile (the
 * column is sorted once per analysis), and it is collected together with the buffer.
 */
/**
 * Sorted distinct present values of a Float64 column with their counts (NaN excluded; -0 and 0 merge).
 *
 * @example
 * const vc = valueCounts(new Float64Array([3, 1, 3, NaN]));
 * [...vc.uniq]; // [1, 3]
 * [...vc.counts]; // [1, 2]
 * vc.nPresent; // 3
 */
export interface ValueCounts {
  /** Distinct present values, ascending: Float64Array[k]. */
  uniq: Float64Array;
  /** counts[i] = occurrences of uniq[i]: Int32Array[k]. */
  counts: Int32Array;
  /** cum[i] = counts[0] + … + counts[i]: Float64Array[k]. */
  cum: Float64Array;
  nPresent: number;
  nMissing: number;
  /** Every present value is a whole number. */
  integer: boolean;
}

const memo = new WeakMap<Float64Array, ValueCounts>();

/**
 * Summarises a numeric or datetime buffer. Cost: one pass, then either a counting pass when the
 * values are whole numbers spanning at most max(4096, 4n) (pixels, counts, years: O(n + range)),
 * or a typed-array sort of the present values (O(n log n), native).
 *
 * @example
 * valueCounts(new Float64Array([0, 255, 0])).uniq; // Float64Array [0, 255]
 */
export function valueCounts(values: Float64Array): ValueCounts {
  const hit = memo.get(values);
  if (hit) return hit;
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let nPresent = 0;
  let integer = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    nPresent++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integer && Math.floor(v) !== v) integer = false;
  }
  let uniq: Float64Array;
  let counts: Int32Array;
  if (nPresent === 0) {
    uniq = new Float64Array(0);
    counts = new Int32Array(0);
  } else if (integer && max - min <= Math.max(4096, 4 * n)) {
    const tally = new Int32Array(max - min + 1);
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v === v) tally[v - min]!++;
    }
    let k = 0;
    for (let j = 0; j < tally.length; j++) if (tally[j]! > 0) k++;
    uniq = new Float64Array(k);
    counts = new Int32Array(k);
    for (let j = 0, o = 0; j < tally.length; j++) {
      if (tally[j]! > 0) {
        uniq[o] = j + min;
        counts[o++] = tally[j]!;
      }
    }
  } else {
    const present = new Float64Array(nPresent);
    for (let i = 0, o = 0; i < n; i++) {
      const v = values[i]!;
      if (v === v) present[o++] = v === 0 ? 0 : v;
    }
    present.sort();
    let k = 0;
    for (let i = 0; i < nPresent; i++) if (i === 0 || present[i] !== present[i - 1]) k++;
    uniq = new Float64Array(k);
    counts = new Int32Array(k);
    for (let i = 0, o = -1; i < nPresent; i++) {
      if (i === 0 || present[i] !== present[i - 1]) uniq[++o] = present[i]!;
      counts[o]!++;
    }
  }
  const cum = new Float64Array(counts.length);
  for (let j = 0, s = 0; j < counts.length; j++) cum[j] = s += counts[j]!;
  const out: ValueCounts = { uniq, counts, cum, nPresent, nMissing: n - nPresent, integer };
  memo.set(values, out);
  return out;
}

/**
 * The value of 0-based rank `r` among the sorted present values (binary search on `cum`).
 *
 * @example
 * valueAtRank(valueCounts(new Float64Array([5, 1, 1])), 2); // 5
 */
export function valueAtRank(vc: ValueCounts, r: number): number {
  let lo = 0;
  let hi = vc.cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vc.cum[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return vc.uniq[lo]!;
}

/**
 * The p-quantile with linear interpolation between order statistics (numpy's default, "type 7").
 *
 * @example
 * quantile(valueCounts(new Float64Array([1, 2, 3, 4])), 0.5); // 2.5
 */
export function quantile(vc: ValueCounts, p: number): number {
  if (vc.nPresent === 0) return NaN;
  const h = (vc.nPresent - 1) * p;
  const lo = Math.floor(h);
  const a = valueAtRank(vc, lo);
  if (h === lo) return a;
  return a + (h - lo) * (valueAtRank(vc, lo + 1) - a);
}
