/**
 * Column statistics from a {@link ValueCounts} summary (sorted distinct values with counts), so
 * the column is sorted once per analysis and every statistic after that costs O(distinct).
 */
import type { Histogram, NumericStats } from './types.js';
import { QUANTILE_PROBS } from './types.js';
import { quantile, type ValueCounts } from './value-counts.js';

/**
 * Histogram with at most `maxBins` equal-width bins over [min, max]; whole-number data with few
 * distinct values gets one bin per integer so bars sit on the values.
 *
 * @example
 * histogram(valueCounts(new Float64Array([1, 1, 2, 5])), 30, true); // edges from 0.5, counts [2, 1, 0, 0, 1]
 */
export function histogram(vc: ValueCounts, maxBins = 30, integer = false): Histogram {
  const n = vc.nPresent;
  if (n === 0) return { edges: [], counts: [] };
  const min = vc.uniq[0]!;
  const max = vc.uniq[vc.uniq.length - 1]!;
  if (!(Number.isFinite(min) && Number.isFinite(max))) return { edges: [], counts: [] };
  if (min === max) return { edges: [min - 0.5, max + 0.5], counts: [n] };
  let bins: number;
  let lo = min;
  let width: number;
  if (integer && max - min + 1 <= maxBins) {
    bins = max - min + 1;
    lo = min - 0.5;
    width = 1;
  } else {
    // Freedman-Diaconis would give unstable bin counts across samples; a fixed cap keeps reports
    // comparable, and sqrt(n) keeps tiny columns from looking empty.
    bins = Math.max(1, Math.min(maxBins, Math.ceil(Math.sqrt(n))));
    width = (max - min) / bins;
  }
  const counts = new Array<number>(bins).fill(0);
  for (let j = 0; j < vc.uniq.length; j++) {
    const b = Math.min(bins - 1, Math.floor((vc.uniq[j]! - lo) / width));
    counts[b]! += vc.counts[j]!;
  }
  const edges = Array.from({ length: bins + 1 }, (_, k) => lo + k * width);
  return { edges, counts };
}

/**
 * Summary statistics of a numeric column: sample std with n-1; skewness is the adjusted
 * Fisher-Pearson coefficient (scipy's `skew(bias=False)`); quantiles interpolate like numpy.
 *
 * @example
 * numericStats(valueCounts(new Float64Array([2, 4, 4, 4, 5, 5, 7, 9])), true)!.mean; // 5
 */
export function numericStats(vc: ValueCounts, integer: boolean): NumericStats | undefined {
  const n = vc.nPresent;
  if (n === 0) return undefined;
  const { uniq, counts } = vc;
  let sum = 0;
  let zeros = 0;
  for (let j = 0; j < uniq.length; j++) {
    sum += uniq[j]! * counts[j]!;
    if (uniq[j] === 0) zeros = counts[j]!;
  }
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  for (let j = 0; j < uniq.length; j++) {
    const d = uniq[j]! - mean;
    m2 += d * d * counts[j]!;
    m3 += d * d * d * counts[j]!;
  }
  const variance = n > 1 ? m2 / (n - 1) : 0;
  const pop2 = m2 / n;
  const g1 = pop2 > 0 ? m3 / n / Math.pow(pop2, 1.5) : 0;
  const skewness = n > 2 ? (g1 * Math.sqrt(n * (n - 1))) / (n - 2) : 0;
  return {
    min: uniq[0]!,
    max: uniq[uniq.length - 1]!,
    mean,
    std: Math.sqrt(variance),
    quantiles: QUANTILE_PROBS.map((p) => quantile(vc, p)),
    zeros,
    skewness,
    histogram: histogram(vc, 30, integer),
  };
}
