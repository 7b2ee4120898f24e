/**
 * Extreme values in numeric columns, judged by robust statistics so the outliers themselves do
 * not widen the yardstick (a mean ± k·SD rule is dragged along by the values it should flag).
 */
import type { Issue } from '../../core/issue.js';
import { quantile, valueCounts, type ValueCounts } from '../profile/value-counts.js';
import { formatNumber, formatPct, mad } from './stats.js';
import type { Check } from './types.js';

/**
 * Robust z-score cut-off. 1.4826·MAD estimates the SD under normality, and |z| > 5 has probability
 * 6e-7 there, so on clean normal data nothing is flagged even at a million rows; what is flagged is
 * a heavy tail, a unit mix-up or a sentinel code.
 */
export const ROBUST_Z = 5;
/** Fence multiplier when MAD = 0: Tukey's "far out" fence is 3·IQR (its 1.5·IQR flags ~0.7% of normal data). */
export const IQR_FENCE = 3;
/** Integer columns with at most this many distinct values are codes or counts, not measurements. */
export const MAX_CODE_LEVELS = 10;
/** A single repeated outlying value with at least this many rows and half of all outliers looks like a sentinel. */
const SENTINEL_MIN_ROWS = 3;

/**
 * Values people use for "unknown": all-nines magnitudes (99, -999, 99999), and a negative value in a
 * column that is otherwise non-negative (-1 for "none"). A repeated extreme that is neither — the
 * top of a bounded scale (15 on a 0-15 feature) or a real zero (a closed station's ridership) — is
 * reported as an ordinary outlier, not a sentinel: a warning there would cry wolf.
 *
 * @example
 * looksLikeSentinel(-999, 0); // true
 * looksLikeSentinel(15, 0); // false
 */
export function looksLikeSentinel(value: number, minOfOthers: number): boolean {
  if (!Number.isInteger(value)) return false;
  if (/^9{2,}$/.test(String(Math.abs(value)))) return true;
  return value < 0 && minOfOthers >= 0;
}

/**
 * The outlying values of a summary: `[lo, hi]` is the inlier range, `count` the rows outside it,
 * `examples` up to 5 outlying values, most extreme first, and `top` the most frequent outlying value.
 * Undefined when no robust scale exists (MAD = 0 and IQR = 0: half the rows share one value, which
 * `near_constant_column` describes better than an outlier count). O(distinct values).
 *
 * @example
 * findOutliers(valueCounts(new Float64Array([1, 2, 3, 4, 5, 1000]))); // { count: 1, examples: [1000], … }
 */
export function findOutliers(vc: ValueCounts): { lo: number; hi: number; center: number; rule: 'robust_z' | 'iqr'; count: number; examples: number[]; top: { value: number; count: number } } | undefined {
  if (vc.nPresent < 3) return undefined;
  const center = quantile(vc, 0.5);
  const m = mad(vc, center);
  let lo: number;
  let hi: number;
  let rule: 'robust_z' | 'iqr';
  if (m > 0) {
    const scale = 1.4826 * m;
    lo = center - ROBUST_Z * scale;
    hi = center + ROBUST_Z * scale;
    rule = 'robust_z';
  } else {
    const q1 = quantile(vc, 0.25);
    const q3 = quantile(vc, 0.75);
    const iqr = q3 - q1;
    if (!(iqr > 0)) return undefined;
    lo = q1 - IQR_FENCE * iqr;
    hi = q3 + IQR_FENCE * iqr;
    rule = 'iqr';
  }
  const { uniq, counts } = vc;
  let count = 0;
  let top = { value: NaN, count: 0 };
  let a = 0;
  let b = uniq.length - 1;
  const examples: number[] = [];
  // Walk inward from both ends, most extreme first, while values are outside [lo, hi].
  while (a <= b && (uniq[a]! < lo || uniq[b]! > hi)) {
    const takeLow = uniq[a]! < lo && (!(uniq[b]! > hi) || center - uniq[a]! >= uniq[b]! - center);
    const j = takeLow ? a++ : b--;
    count += counts[j]!;
    if (examples.length < 5) examples.push(uniq[j]!);
    if (counts[j]! > top.count) top = { value: uniq[j]!, count: counts[j]! };
  }
  return { lo, hi, center, rule, count, examples, top };
}

/**
 * `outliers`: numeric non-target columns (skipping integer codes with ≤ 10 distinct values and
 * image pixels, which are bounded by construction) with values beyond a robust z of 5, or beyond
 * the 3·IQR fences when MAD = 0. Info by default, whatever the ratio: heavy tails (prices, areas)
 * routinely put 1–3% of rows past z = 5 and are handled by trees or a log transform, so a ratio
 * threshold would mostly cry wolf. Warning only when one repeated value makes up at least half of
 * the outliers (and ≥ 3 rows): that pattern is a sentinel such as -999 or 99999 standing in for
 * missing, which silently corrupts every model that treats it as a number.
 *
 * @example
 * outliers.run(ctx);
 * // [{ code: 'outliers', path: 'LotArea', severity: 'info', message: 'LotArea: 25 values (0.9%) beyond 5 robust SDs of the median 9436 …' }]
 */
export const outliers: Check = {
  name: 'outliers',
  description: 'Numeric columns with values far from the bulk (robust z > 5, or 3·IQR fences).',
  run(ctx) {
    if (ctx.task === 'image') return [];
    const issues: Issue[] = [];
    for (const c of ctx.frame.columns) {
      if (c.kind !== 'numeric' || c.name === ctx.target) continue;
      const vc = valueCounts(c.values);
      if (vc.integer && vc.uniq.length <= MAX_CODE_LEVELS) continue;
      const found = findOutliers(vc);
      if (!found || found.count === 0) continue;
      const ratio = found.count / vc.nPresent;
      const sentinel =
        found.top.count >= SENTINEL_MIN_ROWS && found.top.count * 2 >= found.count && looksLikeSentinel(found.top.value, minExcluding(vc, found.top.value));
      const rule = found.rule === 'robust_z' ? `more than ${ROBUST_Z} robust SDs from the median ${formatNumber(found.center)}` : `outside the ${IQR_FENCE}·IQR fences [${formatNumber(found.lo)}, ${formatNumber(found.hi)}]`;
      const shown = found.examples.map(formatNumber).join(', ');
      issues.push({
        code: 'outliers',
        path: c.name,
        severity: sentinel ? 'warning' : 'info',
        message: sentinel
          ? `${c.name}: ${found.count} values (${formatPct(ratio)}) lie ${rule}, ${found.top.count} of them exactly ${formatNumber(found.top.value)} (a sentinel code?)`
          : `${c.name}: ${found.count} values (${formatPct(ratio)}) lie ${rule} (e.g. ${shown})`,
        hint: sentinel
          ? `If ${formatNumber(found.top.value)} means "unknown", replace it with missing before training.`
          : 'Check for unit or entry errors; otherwise prefer trees, a log transform or robust scaling over dropping rows.',
        details: { count: found.count, ratio, present: vc.nPresent, rule: found.rule, center: found.center, lo: found.lo, hi: found.hi, examples: found.examples, ...(sentinel ? { sentinel: found.top.value, sentinelCount: found.top.count } : {}) },
      });
    }
    return issues;
  },
};

/** The smallest present value other than `value` (the column's floor without the candidate). */
function minExcluding(vc: ValueCounts, value: number): number {
  for (const v of vc.uniq) if (v !== value) return v;
  return Infinity;
}
