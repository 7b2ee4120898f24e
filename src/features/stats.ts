/**
 * Pure statistics kernels over typed arrays that the imputers, scalers and encoders fit with.
 * NaN is "missing" everywhere and is skipped, as numpy's `nan*` functions do.
 *
 * @example
 * nanPercentiles(Float64Array.of(1, NaN, 3, 2), [25, 50, 75]); // [1.5, 2, 2.5] (numpy 'linear')
 */
import { BOOL_MISSING, type BooleanColumn, type CategoricalColumn } from '../core/frame.js';
import { levelPositions } from '../core/levels.js';

/** Mean and population variance (ddof 0, as sklearn's scalers) of the present values; NaN if none. */
export function nanMeanVar(values: Float64Array): { mean: number; variance: number; count: number } {
  // Two passes: the textbook one-pass formula loses digits when |mean| >> std.
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  if (count === 0) return { mean: NaN, variance: NaN, count };
  const mean = sum / count;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) ss += (v - mean) * (v - mean);
  }
  return { mean, variance: ss / count, count };
}

/**
 * Percentiles (0..100) of the present values with numpy's default 'linear' interpolation
 * (`np.nanpercentile`): position q/100 * (m - 1) in the sorted values. O(n log n) for one sort,
 * shared by all `qs`. NaN for every q when no value is present.
 */
export function nanPercentiles(values: Float64Array, qs: readonly number[]): number[] {
  const present = values.filter((v) => v === v).sort();
  const m = present.length;
  return qs.map((q) => {
    if (m === 0) return NaN;
    const pos = (q / 100) * (m - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, m - 1);
    const frac = pos - lo;
    const a = present[lo]!;
    const b = present[hi]!;
    // numpy's _lerp form: exact at both ends, symmetric about frac 0.5.
    return frac >= 0.5 ? b - (b - a) * (1 - frac) : a + (b - a) * frac;
  });
}

/** The most frequent present value; ties go to the smallest value (as sklearn). NaN if none. */
export function nanMostFrequent(values: Float64Array): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best = NaN;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && v < best)) [best, bestCount] = [v, c];
  return best;
}

/** Code-point order for strings (Python's `sorted`), used wherever sklearn sorts categories. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/**
 * The observed categories of a categorical column, sorted in code-point order (as sklearn sorts
 * string categories), with their counts; levels no row uses are left out. `missing` counts -1 codes.
 */
export function categoryCounts(c: CategoricalColumn): { categories: string[]; counts: number[]; missing: number } {
  const perCode = new Array<number>(c.levels.length).fill(0);
  let missing = 0;
  for (let i = 0; i < c.codes.length; i++) {
    const k = c.codes[i]!;
    if (k < 0) missing++;
    else perCode[k]!++;
  }
  const used = c.levels.map((level, k) => ({ level, count: perCode[k]! })).filter((x) => x.count > 0);
  // Two levels could spell the same string only in a malformed frame; merge them to be safe.
  const merged = new Map<string, number>();
  for (const u of used) merged.set(u.level, (merged.get(u.level) ?? 0) + u.count);
  const categories = [...merged.keys()].sort(compareStrings);
  return { categories, counts: categories.map((k) => merged.get(k)!), missing };
}

/**
 * Maps each code of `c` to an index into `categories` (by level string): -1 for a missing value,
 * -2 for a level not in `categories`. Cost O(n), plus O(levels) the first time a pair of level
 * arrays meets (core/levels.ts).
 */
export function codesFor(c: CategoricalColumn, categories: readonly string[]): Int32Array {
  const pos = levelPositions(categories, c.levels);
  const out = new Int32Array(c.codes.length);
  for (let i = 0; i < out.length; i++) {
    const k = c.codes[i]!;
    out[i] = k < 0 ? -1 : pos[k]! < 0 ? -2 : pos[k]!;
  }
  return out;
}

/** Counts of false, true and missing in a boolean column. */
export function booleanCounts(c: BooleanColumn): { false: number; true: number; missing: number } {
  const n = [0, 0, 0];
  for (let i = 0; i < c.values.length; i++) {
    const v = c.values[i]!;
    n[v === BOOL_MISSING ? 2 : v]!++;
  }
  return { false: n[0]!, true: n[1]!, missing: n[2]! };
}
