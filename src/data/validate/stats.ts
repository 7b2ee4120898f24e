/**
 * Per-column value summaries shared by several checks (constant, outliers, leakage, id-like).
 *
 * A numeric column is reduced once to its sorted distinct values and their counts; quantiles,
 * the MAD, the top value and the distinct count then cost O(distinct) instead of O(n log n) each.
 * The summary is memoised per buffer in a WeakMap: frames are immutable by convention, so a
 * buffer's summary never goes stale, and it is collected together with the buffer.
 */
import type { Column } from '../../core/frame.js';
import { BOOL_MISSING } from '../../core/frame.js';

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

/**
 * Median absolute deviation from `median` (unscaled). The deviations of the sorted distinct values
 * form two sorted runs moving outward from the median, merged here in O(distinct) without sorting.
 *
 * @example
 * mad(valueCounts(new Float64Array([1, 2, 3, 4, 100])), 3); // 1
 */
export function mad(vc: ValueCounts, median: number): number {
  const N = vc.nPresent;
  if (N === 0) return NaN;
  const h = (N - 1) * 0.5;
  const rLo = Math.floor(h);
  const rHi = Math.ceil(h);
  let r = 0;
  while (r < vc.uniq.length && vc.uniq[r]! < median) r++;
  let l = r - 1;
  let seen = 0;
  let atLo = NaN;
  for (;;) {
    const dl = l >= 0 ? median - vc.uniq[l]! : Infinity;
    const dr = r < vc.uniq.length ? vc.uniq[r]! - median : Infinity;
    let d: number;
    let c: number;
    if (dl <= dr) {
      d = dl;
      c = vc.counts[l--]!;
    } else {
      d = dr;
      c = vc.counts[r++]!;
    }
    // Ranks [seen, seen + c) all have deviation d.
    if (atLo !== atLo && rLo < seen + c) atLo = d;
    if (rHi < seen + c) return (atLo + d) / 2;
    seen += c;
  }
}

/**
 * The most frequent present value of any column, the distinct count and the present count.
 * Numeric/datetime use {@link valueCounts}; categorical and boolean tally codes; text uses a Map.
 *
 * @example
 * topValue(categoricalColumn('u', new Int32Array([0, 0, 1]), ['AllPub', 'NoSeWa']));
 * // { label: 'AllPub', count: 2, distinct: 2, nPresent: 3 }
 */
export function topValue(c: Column): { label: string; count: number; distinct: number; nPresent: number } {
  switch (c.kind) {
    case 'numeric':
    case 'datetime': {
      const vc = valueCounts(c.values);
      let best = -1;
      for (let j = 0; j < vc.counts.length; j++) if (best < 0 || vc.counts[j]! > vc.counts[best]!) best = j;
      if (best < 0) return { label: '', count: 0, distinct: 0, nPresent: 0 };
      const v = vc.uniq[best]!;
      const label = c.kind === 'datetime' ? new Date(v).toISOString() : formatNumber(v);
      return { label, count: vc.counts[best]!, distinct: vc.uniq.length, nPresent: vc.nPresent };
    }
    case 'categorical': {
      const tally = codeCounts(c.codes, c.levels.length);
      return fromTally(tally, (j) => c.levels[j]!);
    }
    case 'boolean': {
      const tally = new Int32Array(2);
      for (let i = 0; i < c.values.length; i++) {
        const v = c.values[i]!;
        if (v !== BOOL_MISSING) tally[v]!++;
      }
      return fromTally(tally, (j) => (j === 1 ? 'true' : 'false'));
    }
    case 'text': {
      const m = new Map<string, number>();
      let nPresent = 0;
      for (const v of c.values) {
        if (v === null) continue;
        nPresent++;
        m.set(v, (m.get(v) ?? 0) + 1);
      }
      let label = '';
      let count = 0;
      for (const [k, v] of m) {
        if (v > count) {
          label = k;
          count = v;
        }
      }
      return { label, count, distinct: m.size, nPresent };
    }
  }
}

/**
 * Occurrences of each code in [0, nLevels); -1 (missing) is skipped. O(n).
 *
 * @example
 * codeCounts(Int32Array.of(0, 1, 1, -1), 3); // Int32Array [1, 2, 0]
 */
export function codeCounts(codes: Int32Array, nLevels: number): Int32Array {
  const tally = new Int32Array(nLevels);
  for (let i = 0; i < codes.length; i++) {
    const k = codes[i]!;
    if (k >= 0) tally[k]!++;
  }
  return tally;
}

function fromTally(tally: Int32Array, label: (j: number) => string): { label: string; count: number; distinct: number; nPresent: number } {
  let best = -1;
  let distinct = 0;
  let nPresent = 0;
  for (let j = 0; j < tally.length; j++) {
    const t = tally[j]!;
    if (t === 0) continue;
    distinct++;
    nPresent += t;
    if (best < 0 || t > tally[best]!) best = j;
  }
  return { label: best < 0 ? '' : label(best), count: best < 0 ? 0 : tally[best]!, distinct, nPresent };
}

/**
 * A number for a message: integers as is, others to 6 significant digits.
 *
 * @example
 * formatNumber(9436.123456); // '9436.12'
 */
export function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

/**
 * A ratio as a percentage for messages: one decimal, more for tiny non-zero ratios so that
 * 3 rows in 100,000 read "0.003%" rather than "0.0%".
 *
 * @example
 * formatPct(2927 / 2930); // '99.9%'
 */
export function formatPct(r: number): string {
  if (r > 0 && r < 0.001) return `${Number((r * 100).toPrecision(1))}%`;
  const s = (r * 100).toFixed(1);
  // Do not round 99.96% up to "100.0%" or 0.04% down to "0.0%": the message would contradict the count.
  if (s === '100.0' && r < 1) return '99.9%';
  return `${s}%`;
}
