/**
 * Between-group disparities of a binary classifier, with fairlearn 0.10's definitions
 * (fairlearn/metrics/_fairness_metrics.py; all use `method='between_groups'`):
 *
 * - demographic_parity_difference: "the difference between the largest and the smallest
 *   group-level selection rate, E[h(X) | A=a], across all values a of the sensitive feature(s)".
 * - demographic_parity_ratio: "the ratio between the smallest and the largest group-level
 *   selection rate".
 * - equalized_odds_difference: "the greater of two metrics: true_positive_rate_difference and
 *   false_positive_rate_difference. The former is the difference between the largest and smallest
 *   of P[h(X)=1 | A=a, Y=1] … the latter … for P[h(X)=1 | A=a, Y=0]" (`agg='worst_case'`).
 * - equal_opportunity_difference: the largest minus the smallest group-level true positive rate
 *   (fairlearn's `true_positive_rate_difference`; later releases name it so).
 * - disparate_impact: the demographic parity ratio read against the EEOC four-fifths rule:
 *   `four_fifths_pass` is `ratio >= 0.8`.
 *
 * Where this deliberately differs, and why:
 * - Groups below minGroupSize (and empty groups) are left out of every aggregate and listed in
 *   `excluded`: with n = 5 a selection rate moves by 0.2 per row, so max − min would measure
 *   noise. Pass minGroupSize 0 to include every non-empty group, as fairlearn does.
 * - An undefined rate (TPR of a group without positives, FPR of a group without negatives) is
 *   left out of that rate's spread (`undefinedRates: 'exclude'`, the default) and the group is
 *   listed in `excluded` for the affected metrics. fairlearn scores it 0 (sklearn's
 *   `confusion_matrix(normalize='true')` applies `nan_to_num`), which invents a disparity of up to
 *   1; `undefinedRates: 'zero'` reproduces that for comparison.
 * - Fewer than two groups to compare gives `null` with a note (fairlearn: 0, "no disparity"),
 *   and a ratio whose largest rate is 0 is `null` (0/0; fairlearn: NaN). A gate reading null
 *   knows the measurement is missing rather than perfect.
 *
 * @example
 * const { metrics, excluded } = binaryDisparities(binaryGroupMetrics(g, yTrue, yPred));
 * metrics.demographic_parity_difference; // e.g. 0.358
 */
import type { BinaryGroupMetrics, BinaryRateName } from './group-rates.js';

/** How an undefined group rate enters the aggregates (see the module comment). */
export type UndefinedRatePolicy = 'exclude' | 'zero';

/** The aggregate metrics of one attribute (plain JSON; null = cannot be measured). */
export interface BinaryDisparities {
  demographic_parity_difference: number | null;
  demographic_parity_ratio: number | null;
  true_positive_rate_difference: number | null;
  false_positive_rate_difference: number | null;
  equalized_odds_difference: number | null;
  equal_opportunity_difference: number | null;
  disparate_impact: number | null;
  four_fifths_pass: boolean | null;
}

/** A group left out of some or all aggregates. */
export interface Exclusion {
  group: string;
  count: number;
  /** The aggregate metrics computed without this group. */
  from: string[];
  reason: string;
}

/** What {@link binaryDisparities} returns: the metrics, who was left out of them, and why. */
export interface DisparityResult {
  metrics: BinaryDisparities;
  excluded: Exclusion[];
  /** Statements about the aggregates (fewer than two groups, rates scored 0, ratio undefined). */
  notes: string[];
}

/** The four-fifths (80 %) rule of the US EEOC Uniform Guidelines (29 CFR 1607.4 D). */
export const FOUR_FIFTHS = 0.8;

const ALL_METRICS: readonly (keyof BinaryDisparities)[] = [
  'demographic_parity_difference',
  'demographic_parity_ratio',
  'true_positive_rate_difference',
  'false_positive_rate_difference',
  'equalized_odds_difference',
  'equal_opportunity_difference',
  'disparate_impact',
  'four_fifths_pass',
];
const USES: Partial<Record<BinaryRateName, readonly (keyof BinaryDisparities)[]>> = {
  tpr: ['true_positive_rate_difference', 'equalized_odds_difference', 'equal_opportunity_difference'],
  fpr: ['false_positive_rate_difference', 'equalized_odds_difference'],
};

/**
 * max − min and min / max of group values; both null for fewer than 2 values, the ratio also when
 * the largest value is 0.
 *
 * @example
 * spread([0.2, 0.5, 0.4]); // { difference: 0.3, ratio: 0.4 }
 */
export function spread(values: readonly number[]): { difference: number | null; ratio: number | null } {
  if (values.length < 2) return { difference: null, ratio: null };
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { difference: hi - lo, ratio: hi > 0 ? lo / hi : null };
}

/**
 * Aggregates over the groups' rates. Groups with `small` set or no rows are excluded.
 *
 * @example
 * binaryDisparities(groups, { undefinedRates: 'zero' }).metrics.equalized_odds_difference;
 */
export function binaryDisparities(groups: readonly BinaryGroupMetrics[], opts: { undefinedRates?: UndefinedRatePolicy } = {}): DisparityResult {
  const policy = opts.undefinedRates ?? 'exclude';
  const excluded: Exclusion[] = [];
  const notes: string[] = [];
  const eligible: BinaryGroupMetrics[] = [];
  for (const g of groups) {
    if (g.count === 0) excluded.push({ group: g.group, count: 0, from: [...ALL_METRICS], reason: 'no rows' });
    else if (g.small) excluded.push({ group: g.group, count: g.count, from: [...ALL_METRICS], reason: 'below minGroupSize' });
    else eligible.push(g);
  }
  const values = (rate: BinaryRateName): number[] => {
    const out: number[] = [];
    for (const g of eligible) {
      const v = g[rate].value;
      if (v !== null) out.push(v);
      else if (policy === 'zero') {
        out.push(0);
        notes.push(`${rate} of group '${g.group}' is undefined and was scored 0 (undefinedRates: 'zero', fairlearn's convention).`);
      } else {
        excluded.push({ group: g.group, count: g.count, from: [...USES[rate]!], reason: `${rate} undefined (${rate === 'tpr' ? 'no rows with yTrue = 1' : 'no rows with yTrue = 0'})` });
      }
    }
    return out;
  };
  const sel = spread(eligible.map((g) => g.selection_rate.value!));
  const tpr = spread(values('tpr'));
  const fpr = spread(values('fpr'));
  const eod = tpr.difference === null || fpr.difference === null ? null : Math.max(tpr.difference, fpr.difference);
  if (eligible.length < 2) notes.push(`only ${eligible.length} group${eligible.length === 1 ? '' : 's'} large enough to compare: the aggregates are null.`);
  else {
    if (sel.ratio === null) notes.push('no group has a positive selection rate: the ratios are undefined (0/0).');
    if (tpr.difference === null) notes.push('fewer than 2 groups have rows with yTrue = 1: the TPR-based aggregates are null.');
    if (fpr.difference === null) notes.push('fewer than 2 groups have rows with yTrue = 0: the FPR-based aggregates are null.');
  }
  return {
    metrics: {
      demographic_parity_difference: sel.difference,
      demographic_parity_ratio: sel.ratio,
      true_positive_rate_difference: tpr.difference,
      false_positive_rate_difference: fpr.difference,
      equalized_odds_difference: eod,
      equal_opportunity_difference: tpr.difference,
      disparate_impact: sel.ratio,
      four_fifths_pass: sel.ratio === null ? null : sel.ratio >= FOUR_FIFTHS,
    },
    excluded,
    notes,
  };
}
