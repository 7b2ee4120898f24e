/**
 * `regressionFairnessReport`: per-group error of a regression model over sensitive attributes.
 * Per group: count, MAE, RMSE, mean prediction and mean target; across groups the spreads
 * (max − min) and the worst group's MAE and RMSE (as fairlearn's `mean_absolute_error_group_max`
 * and `mean_squared_error_group_max`, the latter here on the RMSE scale). No intervals: error means have no closed-form interval as simple as Wilson's, and a
 * bootstrap would add an Rng to a report that is otherwise a pure function of its inputs.
 * Groups below minGroupSize are listed (with a note) but left out of the aggregates, as in the
 * binary report. One O(n) pass per grouping.
 *
 * @example
 * const r = regressionFairnessReport(frame, [{ column: 'Marital' }], yTrue, yPred);
 * r.attributes[0].metrics.mae_difference; // largest minus smallest group MAE
 */
import type { Frame } from '../../core/frame.js';
import type { Exclusion } from './disparity.js';
import { spread } from './disparity.js';
import type { Grouping, SensitiveAttribute } from '../../data/groups.js';
import { checkMinGroupSize } from './report.js';
import { type IntersectionOption, resolveGroupings } from './resolve.js';
import { finiteValues } from './validate.js';

/** One group of a regression report; the means are null for a group without rows. */
export interface RegressionGroupMetrics {
  group: string;
  count: number;
  mae: number | null;
  rmse: number | null;
  mean_prediction: number | null;
  mean_target: number | null;
  small: boolean;
  note: string | null;
}

/** Spreads across the groups of a regression report; null with fewer than two large groups. */
export interface RegressionDisparities {
  /** Largest minus smallest group MAE. */
  mae_difference: number | null;
  /** The worst group's MAE (fairlearn `mean_absolute_error_group_max`). */
  mae_group_max: number | null;
  rmse_difference: number | null;
  rmse_group_max: number | null;
  /** Largest minus smallest mean prediction (the regression analogue of demographic parity). */
  mean_prediction_difference: number | null;
}

/** The regression report for one attribute or intersection. */
export interface RegressionAttributeFairness {
  attribute: string;
  columns: string[];
  groups: RegressionGroupMetrics[];
  metrics: RegressionDisparities;
  excluded: Exclusion[];
  notes: string[];
}

/** What {@link regressionFairnessReport} returns (plain JSON). */
export interface RegressionFairnessReport {
  task: 'regression';
  n: number;
  minGroupSize: number;
  overall: RegressionGroupMetrics;
  attributes: RegressionAttributeFairness[];
}

/**
 * Group errors of numeric predictions `yPred[n]` against `yTrue[n]` (finite numbers).
 *
 * @example
 * regressionFairnessReport(frame, [{ column: 'Age', bands: [30, 50] }], y, yHat, { minGroupSize: 20 }).attributes[0].groups[0].mae;
 */
export function regressionFairnessReport(
  frame: Frame,
  attributes: readonly SensitiveAttribute[],
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  opts: { intersections?: IntersectionOption; minGroupSize?: number } = {},
): RegressionFairnessReport {
  const n = frame.nRows;
  const t = finiteValues('yTrue', yTrue, n);
  const p = finiteValues('yPred', yPred, n);
  const minGroupSize = checkMinGroupSize(opts.minGroupSize);
  const entries = resolveGroupings(frame, attributes, opts.intersections ?? false).map((g): RegressionAttributeFairness => {
    const groups = regressionGroupMetrics(g, t, p, minGroupSize);
    const excluded: Exclusion[] = [];
    const eligible = groups.filter((x) => {
      if (!x.small && x.count > 0) return true;
      excluded.push({ group: x.group, count: x.count, from: ['mae_difference', 'mae_group_max', 'rmse_difference', 'rmse_group_max', 'mean_prediction_difference'], reason: x.count === 0 ? 'no rows' : 'below minGroupSize' });
      return false;
    });
    const mae = spread(eligible.map((x) => x.mae!));
    const rmse = spread(eligible.map((x) => x.rmse!));
    const notes = eligible.length < 2 ? [`only ${eligible.length} group${eligible.length === 1 ? '' : 's'} large enough to compare: the spreads are null.`] : [];
    return {
      attribute: g.attribute,
      columns: g.columns,
      groups,
      metrics: {
        mae_difference: mae.difference,
        mae_group_max: eligible.length ? Math.max(...eligible.map((x) => x.mae!)) : null,
        rmse_difference: rmse.difference,
        rmse_group_max: eligible.length ? Math.max(...eligible.map((x) => x.rmse!)) : null,
        mean_prediction_difference: spread(eligible.map((x) => x.mean_prediction!)).difference,
      },
      excluded,
      notes,
    };
  });
  const all = { attribute: '(all)', columns: [], labels: ['(all)'], codes: new Int32Array(n) };
  return { task: 'regression', n, minGroupSize, overall: regressionGroupMetrics(all, t, p, 0)[0]!, attributes: entries };
}

function regressionGroupMetrics(grouping: Grouping, t: Float64Array, p: Float64Array, minGroupSize: number): RegressionGroupMetrics[] {
  const m = grouping.labels.length;
  const count = new Float64Array(m);
  const abs = new Float64Array(m);
  const sq = new Float64Array(m);
  const sumP = new Float64Array(m);
  const sumT = new Float64Array(m);
  for (let i = 0; i < t.length; i++) {
    const g = grouping.codes[i]!;
    const e = p[i]! - t[i]!;
    count[g]!++;
    abs[g]! += Math.abs(e);
    sq[g]! += e * e;
    sumP[g]! += p[i]!;
    sumT[g]! += t[i]!;
  }
  return grouping.labels.map((group, g) => {
    const n = count[g]!;
    const small = n < minGroupSize;
    const mean = (s: number): number | null => (n > 0 ? s / n : null);
    const note = n === 0 ? 'no rows in this group.' : small ? `n=${n} is below minGroupSize=${minGroupSize}: left out of the aggregates.` : null;
    return { group, count: n, mae: mean(abs[g]!), rmse: n > 0 ? Math.sqrt(sq[g]! / n) : null, mean_prediction: mean(sumP[g]!), mean_target: mean(sumT[g]!), small, note };
  });
}
