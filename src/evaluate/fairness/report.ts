/**
 * `fairnessReport`: per-group rates with Wilson intervals and fairlearn-style disparities for a
 * binary classifier, for each sensitive attribute and each requested intersection. The result is
 * plain JSON (numbers, strings, booleans, nulls) for the CLI and the report stage to print.
 *
 * Cost: one O(n) pass per grouping plus O(1) per group and rate.
 *
 * @example
 * const report = fairnessReport(frame, [{ column: 'Age', bands: [30, 40, 50] }, { column: 'Marital' }], yTrue, yPred, { intersections: true });
 * report.attributes[0].metrics.demographic_parity_difference; // e.g. 0.358
 * report.worst.demographic_parity_difference; // { value: …, attribute: 'Age × Marital' }
 */
import { SpecmlError } from '../../core/errors.js';
import type { Frame } from '../../core/frame.js';
import { type BinaryDisparities, type Exclusion, type UndefinedRatePolicy, binaryDisparities } from './disparity.js';
import { type BinaryGroupMetrics, DEFAULT_MIN_GROUP_SIZE, binaryGroupMetrics } from './group-rates.js';
import type { SensitiveAttribute } from '../../data/groups.js';
import { type IntersectionOption, resolveGroupings } from './resolve.js';
import { binaryLabels, finiteValues } from './validate.js';

/** Options of {@link fairnessReport}. */
export interface FairnessReportOptions {
  /** `true`: also report the intersection of all attributes; or a list of attribute-name lists. Default false. */
  intersections?: IntersectionOption;
  /** Smallest group with intervals that counts in the aggregates (default 30). */
  minGroupSize?: number;
  /** How undefined TPR/FPR enter the aggregates (default 'exclude'; 'zero' = fairlearn). */
  undefinedRates?: UndefinedRatePolicy;
  /** Model scores `[n]`; adds each group's mean_score. */
  score?: ArrayLike<number>;
}

/** The report for one attribute or intersection. */
export interface AttributeFairness {
  attribute: string;
  columns: string[];
  groups: BinaryGroupMetrics[];
  metrics: BinaryDisparities;
  excluded: Exclusion[];
  notes: string[];
}

type NumericMetric = Exclude<keyof BinaryDisparities, 'four_fifths_pass'>;

/** Metrics where a larger value is worse (differences); the others (ratios) are worse when smaller. */
const LARGER_IS_WORSE: Record<NumericMetric, boolean> = {
  demographic_parity_difference: true,
  demographic_parity_ratio: false,
  true_positive_rate_difference: true,
  false_positive_rate_difference: true,
  equalized_odds_difference: true,
  equal_opportunity_difference: true,
  disparate_impact: false,
};

/** What {@link fairnessReport} returns (plain JSON). */
export interface FairnessReport {
  task: 'binary';
  n: number;
  minGroupSize: number;
  undefinedRates: UndefinedRatePolicy;
  /** All rows as one group, for reference. */
  overall: BinaryGroupMetrics;
  /** One entry per attribute, then one per intersection. */
  attributes: AttributeFairness[];
  /**
   * For each aggregate, the worst value over all entries of `attributes` (largest difference,
   * smallest ratio) and where it occurs: what a gate such as
   * `demographic_parity_difference <= 0.1` should compare. Null where no entry measured it.
   */
  worst: Record<NumericMetric, { value: number; attribute: string } | null>;
}

/**
 * Checks minGroupSize: a whole number ≥ 0.
 *
 * @example
 * checkMinGroupSize(undefined); // 30
 */
export function checkMinGroupSize(v: number | undefined): number {
  const m = v ?? DEFAULT_MIN_GROUP_SIZE;
  if (!Number.isInteger(m) || m < 0) {
    throw new SpecmlError('usage.bad_param', `minGroupSize must be a whole number >= 0 (got ${v})`, { hint: `The default is ${DEFAULT_MIN_GROUP_SIZE}; 0 keeps every non-empty group in the aggregates.`, location: { path: 'fairness.minGroupSize' } });
  }
  return m;
}

/**
 * Fairness of binary predictions over the sensitive attributes of `frame`.
 * `yTrue`, `yPred`: `[n]` of 0/1 (1 = the positive, e.g. "bad" / flagged, class), in frame row order.
 *
 * @example
 * const r = fairnessReport(frame, [{ column: 'Marital' }], yTrue, yPred, { minGroupSize: 30 });
 * r.attributes[0].excluded; // [{ group: '(missing)', count: 1, from: [...], reason: 'below minGroupSize' }]
 */
export function fairnessReport(
  frame: Frame,
  attributes: readonly SensitiveAttribute[],
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  opts: FairnessReportOptions = {},
): FairnessReport {
  const n = frame.nRows;
  const t = binaryLabels('yTrue', yTrue, n);
  const p = binaryLabels('yPred', yPred, n);
  const score = opts.score === undefined ? undefined : finiteValues('score', opts.score, n);
  const minGroupSize = checkMinGroupSize(opts.minGroupSize);
  const undefinedRates = opts.undefinedRates ?? 'exclude';
  const rateOpts = score ? { minGroupSize, score } : { minGroupSize };
  const entries = resolveGroupings(frame, attributes, opts.intersections ?? false).map((g): AttributeFairness => {
    const groups = binaryGroupMetrics(g, t, p, rateOpts);
    const { metrics, excluded, notes } = binaryDisparities(groups, { undefinedRates });
    return { attribute: g.attribute, columns: g.columns, groups, metrics, excluded, notes };
  });
  const all = { attribute: '(all)', columns: [], labels: ['(all)'], codes: new Int32Array(n) };
  const overall = binaryGroupMetrics(all, t, p, { ...rateOpts, minGroupSize: 0 })[0]!;
  return { task: 'binary', n, minGroupSize, undefinedRates, overall, attributes: entries, worst: worstOf(entries) };
}

function worstOf(entries: readonly AttributeFairness[]): FairnessReport['worst'] {
  const out = {} as FairnessReport['worst'];
  for (const key of Object.keys(LARGER_IS_WORSE) as NumericMetric[]) {
    let best: { value: number; attribute: string } | null = null;
    for (const e of entries) {
      const v = e.metrics[key];
      if (v === null) continue;
      if (best === null || (LARGER_IS_WORSE[key] ? v > best.value : v < best.value)) best = { value: v, attribute: e.attribute };
    }
    out[key] = best;
  }
  return out;
}
