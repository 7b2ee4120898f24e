/**
 * Group-specific decision thresholds: a deterministic post-processing mitigation.
 *
 * `groupThresholds` picks one threshold per group (predict 1 when `score >= threshold`) that
 * maximises accuracy or balanced accuracy over all rows, subject to the constraint's gap across
 * groups (demographic parity: selection rates; equal opportunity: true positive rates) being at
 * most `tolerance`. A group's candidates are its own distinct scores (each selects the rows
 * scoring at least that much) plus the next double above its largest score (selects nobody), so
 * every attainable selection of the group is considered.
 *
 * The search is exact. Both objectives are sums of per-group terms (accuracy counts correct rows;
 * balanced accuracy · 2PN = Σ TP_g·N + TN_g·P, with P and N the overall positives and negatives),
 * and the constraint only asks all chosen rates to fit in some window [L, L + tolerance]. In an
 * optimal solution the smallest chosen rate is some candidate's rate, so sweeping L over every
 * candidate rate and letting each group take its best candidate inside the window finds the
 * optimum. Each group's window slides right as L grows, so a monotone deque gives the window's
 * best candidate in amortised O(1): O(C log C + C·G) for C candidates and G groups (C ≤ n + G).
 * Objective terms are whole numbers, so ties are exact and broken deterministically: within a
 * group, the threshold closer to `defaultThreshold`, then the higher one; across windows, the
 * smaller resulting gap, then the smaller L. Choosing nobody in every group (all rates 0) meets
 * either constraint, so the search always finds a feasible choice; `feasible` re-measures the gap
 * after applying the thresholds, exactly as fairnessReport would, and guards that claim.
 *
 * Groups below `minGroupSize` are left out of the constraint, as the report leaves them out of its
 * aggregates, and keep `defaultThreshold`: a threshold fitted to a dozen rows would be noise. For
 * equal opportunity a group without positives (TPR undefined) is unconstrained and takes its own
 * best threshold.
 *
 * Unlike fairlearn's ThresholdOptimizer this never randomises: fairlearn mixes two thresholds per
 * group at random to hit the constraint exactly, which makes a decision depend on a coin flip and
 * not only on the applicant. Here a score and a group always get the same decision, at the price
 * of meeting the constraint with slack rather than exactly.
 *
 * @example
 * const { thresholds, before, after } = groupThresholds(score, yTrue, ageGroups, { constraint: 'demographic_parity', tolerance: 0.05 });
 * const yPred = applyGroupThresholds(newScores, newAgeGroups, thresholds, 0.5);
 */
import { SpecmlError } from '../../core/errors.js';
import { better, candidates, sweep, type Candidates } from './threshold-search.js';
import { binaryDisparities } from './disparity.js';
import { DEFAULT_MIN_GROUP_SIZE, binaryGroupMetrics } from './group-rates.js';
import { type Grouping, groupingFromLabels } from '../../data/groups.js';
import { checkMinGroupSize } from './report.js';
import { binaryLabels, checkLength, finiteValues } from './validate.js';

/** Options of {@link groupThresholds}. */
export interface GroupThresholdOptions {
  constraint: 'demographic_parity' | 'equal_opportunity';
  /** Largest allowed gap (max − min over the constrained groups), ≥ 0. */
  tolerance: number;
  /** What to maximise (default 'accuracy'). */
  objective?: 'accuracy' | 'balanced_accuracy';
  /** Groups with fewer rows keep defaultThreshold and are not constrained (default 30). */
  minGroupSize?: number;
  /** The threshold of the unmitigated model, kept by small groups (default 0.5). */
  defaultThreshold?: number;
}

/** Scores of one set of thresholds (plain JSON). */
export interface ThresholdMetrics {
  accuracy: number;
  balanced_accuracy: number;
  demographic_parity_difference: number | null;
  equal_opportunity_difference: number | null;
  selection_rate: Record<string, number | null>;
  tpr: Record<string, number | null>;
}

/** What {@link groupThresholds} returns (plain JSON). */
export interface GroupThresholdResult {
  thresholds: Record<string, number>;
  /** Every group at defaultThreshold. */
  before: ThresholdMetrics;
  after: ThresholdMetrics;
  /** The constraint's gap after mitigation is ≤ tolerance (or not measurable). */
  feasible: boolean;
  /** Groups left out of the constraint (below minGroupSize, or no positives for equal opportunity). */
  unconstrained: string[];
}

function asGrouping(groups: Grouping | readonly string[]): Grouping {
  return Array.isArray(groups) ? groupingFromLabels(groups as readonly string[]) : (groups as Grouping);
}

/**
 * Predictions `Int32Array[n]`: 1 where `score >= threshold` of the row's group; groups missing
 * from `thresholds` use `defaultThreshold`.
 *
 * @example
 * applyGroupThresholds([0.3, 0.6], ['a', 'b'], { a: 0.25, b: 0.7 }, 0.5); // Int32Array [1, 0]
 */
export function applyGroupThresholds(score: ArrayLike<number>, groups: Grouping | readonly string[], thresholds: Readonly<Record<string, number>>, defaultThreshold = 0.5): Int32Array {
  const g = asGrouping(groups);
  checkLength('score', score.length, g.codes.length);
  const thr = g.labels.map((l) => (Object.hasOwn(thresholds, l) ? thresholds[l]! : defaultThreshold));
  const out = new Int32Array(score.length);
  for (let i = 0; i < out.length; i++) out[i] = score[i]! >= thr[g.codes[i]!]! ? 1 : 0;
  return out;
}

/**
 * Searches one threshold per group; see the module comment for the method and its guarantees.
 * `score`, `yTrue` (0/1) and `groups` (a Grouping or one label per row) have n entries each.
 *
 * @example
 * const r = groupThresholds(score, yTrue, groups, { constraint: 'equal_opportunity', tolerance: 0.05, objective: 'balanced_accuracy' });
 * r.after.equal_opportunity_difference! <= 0.05; // true when r.feasible
 */
export function groupThresholds(score: ArrayLike<number>, yTrue: ArrayLike<number>, groups: Grouping | readonly string[], opts: GroupThresholdOptions): GroupThresholdResult {
  const grouping = asGrouping(groups);
  const n = grouping.codes.length;
  const s = finiteValues('score', score, n);
  const t = binaryLabels('yTrue', yTrue, n);
  const { constraint, tolerance } = opts;
  const objective = opts.objective ?? 'accuracy';
  const minGroupSize = checkMinGroupSize(opts.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE);
  const defaultThreshold = opts.defaultThreshold ?? 0.5;
  if (constraint !== 'demographic_parity' && constraint !== 'equal_opportunity') {
    throw new SpecmlError('usage.bad_param', `constraint must be 'demographic_parity' or 'equal_opportunity' (got '${String(constraint)}')`, { location: { path: 'constraint' } });
  }
  if (objective !== 'accuracy' && objective !== 'balanced_accuracy') {
    throw new SpecmlError('usage.bad_param', `objective must be 'accuracy' or 'balanced_accuracy' (got '${String(objective)}')`, { location: { path: 'objective' } });
  }
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new SpecmlError('usage.bad_param', `tolerance must be a finite number >= 0 (got ${tolerance})`, { hint: 'e.g. tolerance: 0.05 allows selection rates within 5 points of each other.', location: { path: 'tolerance' } });
  }
  if (!Number.isFinite(defaultThreshold)) throw new SpecmlError('usage.bad_param', `defaultThreshold must be finite (got ${defaultThreshold})`, { location: { path: 'defaultThreshold' } });
  let P = 0;
  for (let i = 0; i < n; i++) P += t[i]!;
  const N = n - P;
  if (objective === 'balanced_accuracy' && (P === 0 || N === 0)) {
    throw new SpecmlError('data.single_class', `yTrue has only ${P === 0 ? 'negatives' : 'positives'}; balanced accuracy needs both classes`, { hint: "Use objective: 'accuracy', or evaluate on data with both outcomes." });
  }

  // Rows of each group, sorted by score descending (stable: row order breaks score ties).
  const m = grouping.labels.length;
  const rows: number[][] = Array.from({ length: m }, () => []);
  for (let i = 0; i < n; i++) rows[grouping.codes[i]!]!.push(i);
  const thresholds: Record<string, number> = {};
  const constrained: { g: number; c: Candidates }[] = [];
  const unconstrained: string[] = [];
  for (let g = 0; g < m; g++) {
    const label = grouping.labels[g]!;
    const idx = rows[g]!;
    if (idx.length === 0) continue;
    if (idx.length < minGroupSize) {
      thresholds[label] = defaultThreshold;
      unconstrained.push(label);
      continue;
    }
    const c = candidates(idx, s, t, constraint, objective, P, N);
    const positives = idx.reduce((acc, i) => acc + t[i]!, 0);
    if (constraint === 'equal_opportunity' && positives === 0) {
      let best = 0;
      for (let j = 1; j < c.thr.length; j++) if (better(c, j, best, defaultThreshold)) best = j;
      thresholds[label] = c.thr[best]!;
      unconstrained.push(label);
    } else constrained.push({ g, c });
  }
  const chosen = sweep(constrained.map((x) => x.c), tolerance, defaultThreshold);
  constrained.forEach((x, k) => (thresholds[grouping.labels[x.g]!] = x.c.thr[chosen[k]!]!));
  for (const l of grouping.labels) if (!Object.hasOwn(thresholds, l)) thresholds[l] = defaultThreshold;

  const before = evaluate(s, t, grouping, {}, defaultThreshold, minGroupSize);
  const after = evaluate(s, t, grouping, thresholds, defaultThreshold, minGroupSize);
  const gap = constraint === 'demographic_parity' ? after.demographic_parity_difference : after.equal_opportunity_difference;
  return { thresholds, before, after, feasible: gap === null || gap <= tolerance, unconstrained };
}

function evaluate(s: Float64Array, t: Int32Array, grouping: Grouping, thresholds: Record<string, number>, def: number, minGroupSize: number): ThresholdMetrics {
  const yPred = applyGroupThresholds(s, grouping, thresholds, def);
  const groups = binaryGroupMetrics(grouping, t, yPred, { minGroupSize });
  const { metrics } = binaryDisparities(groups);
  let tp = 0;
  let tn = 0;
  let P = 0;
  for (let i = 0; i < t.length; i++) {
    P += t[i]!;
    tp += t[i]! & yPred[i]!;
    tn += (1 - t[i]!) & (1 - yPred[i]!);
  }
  const N = t.length - P;
  // sklearn's balanced_accuracy_score averages recall over the classes present in yTrue.
  const recalls = [...(P > 0 ? [tp / P] : []), ...(N > 0 ? [tn / N] : [])];
  return {
    accuracy: (tp + tn) / t.length,
    balanced_accuracy: recalls.reduce((a, b) => a + b, 0) / recalls.length,
    demographic_parity_difference: metrics.demographic_parity_difference,
    equal_opportunity_difference: metrics.equal_opportunity_difference,
    selection_rate: Object.fromEntries(groups.map((g) => [g.group, g.selection_rate.value])),
    tpr: Object.fromEntries(groups.map((g) => [g.group, g.tpr.value])),
  };
}

export { nextUp } from './threshold-search.js';
