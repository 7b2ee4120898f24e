/**
 * Per-column value summaries shared by several checks (constant, outliers, leakage, id-like), on
 * top of the profile's {@link valueCounts} (one memoised summary per numeric buffer, shared with
 * the profile): the MAD, the top value of any column, message formatting.
 */
import type { Column } from '../../core/frame.js';
import { BOOL_MISSING } from '../../core/frame.js';
import { valueCounts, type ValueCounts } from '../profile/value-counts.js';

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
