/**
 * Per-group rates for binary classification (yTrue, yPred ∈ {0, 1}; 1 = the positive outcome):
 *
 * | rate | numerator | denominator |
 * |---|---|---|
 * | selection_rate | predicted 1 | rows |
 * | tpr | yTrue 1 and predicted 1 | yTrue 1 |
 * | fpr | yTrue 0 and predicted 1 | yTrue 0 |
 * | precision | yTrue 1 and predicted 1 | predicted 1 |
 * | accuracy | predicted = yTrue | rows |
 * | error_rate | predicted ≠ yTrue | rows |
 *
 * Each rate carries its counts and a 95 % Wilson interval ({@link wilsonInterval}). A rate whose
 * denominator is 0 is `null` (undefined), never 0: fairlearn's `true_positive_rate` goes through
 * sklearn's `confusion_matrix(normalize='true')`, whose `nan_to_num` turns 0/0 into 0, and a group
 * without positives would then look like a group whose positives are all missed. A group with
 * fewer than `minGroupSize` rows keeps its values but gets `ci: null` everywhere: it is out of the
 * comparison, and its note says so instead of an interval spanning most of [0, 1] (4 of 8
 * selected: [0.22, 0.78]).
 * One O(n) pass over the rows, then O(1) per group and rate.
 *
 * @example
 * const g = binaryGroupMetrics(grouping, yTrue, yPred, { minGroupSize: 30 });
 * g[0].selection_rate; // { value: 0.53, numerator: 704, denominator: 1327, ci: { lower: …, upper: … } }
 */
import type { Grouping } from '../../data/groups.js';
import { type Interval, wilsonInterval } from './wilson.js';

/** One rate of one group. `value` is null when `denominator` is 0. */
export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
  /** 95 % Wilson interval; null when the value is undefined or the group is below minGroupSize. */
  ci: Interval | null;
}

/** The rates every binary group report has, in report order. */
export const BINARY_RATES = ['selection_rate', 'tpr', 'fpr', 'precision', 'accuracy', 'error_rate'] as const;
/** One of {@link BINARY_RATES}, e.g. 'tpr'. */
export type BinaryRateName = (typeof BINARY_RATES)[number];

/** Everything reported for one group of a binary classifier (plain JSON). */
export interface BinaryGroupMetrics extends Record<BinaryRateName, Rate> {
  group: string;
  count: number;
  /** Rows with yTrue = 1. */
  positives: number;
  /** Rows with yPred = 1. */
  predicted_positives: number;
  /** Mean of the score over the group's rows; null without scores or rows. */
  mean_score: number | null;
  /** True when count < minGroupSize (no intervals; left out of the aggregates). */
  small: boolean;
  /** Why something is missing (small group, undefined rates, no rows); null when nothing is. */
  note: string | null;
}

/** Options of {@link binaryGroupMetrics}. */
export interface GroupRateOptions {
  /** Groups with fewer rows get no intervals and are left out of the aggregates (default 30). */
  minGroupSize?: number;
  /** Scores (`Float64Array[n]`) whose group means are reported. */
  score?: Float64Array;
}

/**
 * Default smallest group that gets intervals and counts in the aggregates: the common rule of
 * thumb for normal-ish sampling error, and with Wilson at n = 30 a rate of 0.5 is still ±0.17
 * wide, already the size of the gaps a fairness gate checks.
 */
export const DEFAULT_MIN_GROUP_SIZE = 30;

/**
 * Rates per group; `yTrue`, `yPred`: `Int32Array[n]` of 0/1 (validated by the caller).
 *
 * @example
 * binaryGroupMetrics({ attribute: 'g', columns: ['g'], labels: ['a'], codes: Int32Array.of(0, 0) }, Int32Array.of(0, 1), Int32Array.of(1, 1), { minGroupSize: 0 })[0].tpr.value; // 1
 */
export function binaryGroupMetrics(grouping: Grouping, yTrue: Int32Array, yPred: Int32Array, opts: GroupRateOptions = {}): BinaryGroupMetrics[] {
  const minGroupSize = opts.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const m = grouping.labels.length;
  // Counts per group, accumulated in one pass: rows, yTrue 1, predicted 1, true positives, false positives.
  const count = new Float64Array(m);
  const pos = new Float64Array(m);
  const pred = new Float64Array(m);
  const tp = new Float64Array(m);
  const fp = new Float64Array(m);
  const scoreSum = new Float64Array(m);
  const { codes } = grouping;
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i]!;
    const t = yTrue[i]!;
    const p = yPred[i]!;
    count[g]!++;
    pos[g]! += t;
    pred[g]! += p;
    tp[g]! += t & p;
    fp[g]! += (1 - t) & p;
    if (opts.score) scoreSum[g]! += opts.score[i]!;
  }
  const out: BinaryGroupMetrics[] = [];
  for (let g = 0; g < m; g++) {
    const n = count[g]!;
    const small = n < minGroupSize;
    const correct = n - pred[g]! - pos[g]! + 2 * tp[g]!; // TP + TN, with TN = n − TP − FP − FN
    const rate = (num: number, den: number): Rate => ({
      value: den > 0 ? num / den : null,
      numerator: num,
      denominator: den,
      ci: den > 0 && !small ? wilsonInterval(num, den) : null,
    });
    const r = {
      selection_rate: rate(pred[g]!, n),
      tpr: rate(tp[g]!, pos[g]!),
      fpr: rate(fp[g]!, n - pos[g]!),
      precision: rate(tp[g]!, pred[g]!),
      accuracy: rate(correct, n),
      error_rate: rate(n - correct, n),
    };
    out.push({
      group: grouping.labels[g]!,
      count: n,
      positives: pos[g]!,
      predicted_positives: pred[g]!,
      mean_score: opts.score && n > 0 ? scoreSum[g]! / n : null,
      ...r,
      small,
      note: groupNote(n, minGroupSize, r),
    });
  }
  return out;
}

const UNDEFINED_BECAUSE: Record<BinaryRateName, string> = {
  selection_rate: 'no rows',
  tpr: 'no rows with yTrue = 1',
  fpr: 'no rows with yTrue = 0',
  precision: 'no rows predicted 1',
  accuracy: 'no rows',
  error_rate: 'no rows',
};

function groupNote(n: number, minGroupSize: number, r: Record<BinaryRateName, Rate>): string | null {
  if (n === 0) return 'no rows in this group: every rate is undefined and the group is left out of the aggregates.';
  const parts: string[] = [];
  if (n < minGroupSize) parts.push(`n=${n} is below minGroupSize=${minGroupSize}: no confidence intervals, and the group is left out of the aggregates.`);
  const undefinedRates = BINARY_RATES.filter((k) => r[k].value === null);
  if (undefinedRates.length) parts.push(`${undefinedRates.map((k) => `${k} is undefined (${UNDEFINED_BECAUSE[k]})`).join('; ')}.`);
  return parts.length ? parts.join(' ') : null;
}
