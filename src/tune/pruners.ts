/**
 * Pruners: stop a running trial whose intermediate values say it will not win (types.ts `Pruner`).
 * After Optuna's MedianPruner (a PercentilePruner at 50) and SuccessiveHalvingPruner (ASHA, Li et
 * al. 2018, arXiv:1810.05934); the golden test replays studies through Optuna 3.1.0 itself.
 *
 * Both are pure functions of (trial, other trials, direction): no state is kept between calls, so
 * the same study history always gives the same decision. Intermediate values are read as
 * `[step, value]` reports; a step reported twice counts once, with its first value (Optuna ignores
 * a repeated report). Call `shouldPrune` after every report, as `TrialHandle.shouldPrune` is meant
 * to be used: successive halving judges a rung at the report that reaches it (see there).
 *
 * @example
 * const pruner = new MedianPruner({ nStartupTrials: 5, nWarmupSteps: 10 });
 * const study = new Study({ space, direction: 'maximize', seed: 1, pruner });
 * await study.optimize(async (t) => {
 *   for (let step = 0; step < 100; step++) {
 *     t.report(step, await roundScore(t.params, step));
 *     if (t.shouldPrune()) throw new TrialPruned();
 *   }
 *   return finalScore(t.params);
 * }, { trials: 30 });
 */
import { SpecmlError } from '../core/errors.js';
import type { Direction, FrozenTrial, Pruner } from './types.js';

/** A trial's reports as `[step, value]`, steps strictly increasing (first value of a repeated step). */
type Reports = readonly (readonly [number, number])[];

function reportsOf(t: FrozenTrial): Reports {
  const seen = new Set<number>();
  const out: [number, number][] = [];
  for (const [s, v] of t.intermediate) {
    if (seen.has(s)) continue;
    seen.add(s);
    out.push([s, v]);
  }
  // Study.report already enforces increasing steps; sorting keeps hand-built histories safe too.
  return out.sort((a, b) => a[0] - b[0]);
}

function wholeAtLeast(pruner: string, name: string, value: number, min: number, hint: string): number {
  if (!Number.isInteger(value) || value < min) {
    throw new SpecmlError('usage.bad_param', `${pruner}.${name} must be a whole number >= ${min} (got ${value})`, { hint, location: { path: `${pruner}.${name}` } });
  }
  return value;
}

/**
 * Never prunes: the baseline that spends the full budget on every trial.
 *
 * @example
 * new NopPruner().shouldPrune(trial, [], 'maximize'); // false
 */
export class NopPruner implements Pruner {
  readonly name = 'nop';

  shouldPrune(_trial: FrozenTrial, _trials: readonly FrozenTrial[], _direction: Direction): boolean {
    return false;
  }
}

export interface MedianPrunerOptions {
  /** No pruning until this many trials have completed. Default 5: a median of fewer curves is mostly noise (Optuna's default). */
  nStartupTrials?: number;
  /** No pruning before this step (steps counted from 0). Default 0: curves are compared from the first report; raise it when early rounds are not yet ranked (e.g. boosting from a constant). */
  nWarmupSteps?: number;
  /** Check once per this many steps after the warmup. Default 1: every report; a larger interval costs fewer checks and is kinder to noisy curves. */
  intervalSteps?: number;
  /** No pruning at a step that fewer than this many completed trials reported. Default 1 (Optuna's): any completed curve at that step is a reference. */
  nMinTrials?: number;
}

/**
 * The median stopping rule: prune when the trial's best intermediate value so far is worse than the
 * median of the completed trials' values at the trial's latest step.
 *
 * Exactly Optuna's MedianPruner (3.1): only `complete` trials count (for the startup count and the
 * median; pruned trials' curves are the losers and would drag the median towards them), and the
 * trial is judged by its best value over all its steps, not only the latest, so one noisy report
 * does not stop a good trial. The median interpolates the middle pair of an even count. A value
 * equal to the median is not pruned.
 *
 * Checks happen at the first report at or after each boundary `nWarmupSteps + k * intervalSteps`;
 * a report between boundaries, or the second report after one, returns false.
 *
 * NaN: a trial whose reports are all NaN is pruned (nothing says it is working); NaN reports
 * elsewhere in its curve are ignored. Completed trials' NaN values at the step still count towards
 * `nMinTrials` but not the median; when all of them are NaN there is no median and nothing is
 * pruned. (All three as Optuna, whose numpy `nanmax`/`nanpercentile` behave so.)
 *
 * Cost: O(total reports of the completed trials) per call (a scan for the step).
 *
 * @example
 * const p = new MedianPruner({ nStartupTrials: 2 });
 * const done = [0.5, 0.7].map((v, i) => ({ number: i, state: 'complete' as const, params: {}, value: v, intermediate: [[0, v]] as [number, number][] }));
 * p.shouldPrune({ number: 2, state: 'running', params: {}, intermediate: [[0, 0.55]] }, done, 'maximize'); // true: 0.55 < 0.6
 */
export class MedianPruner implements Pruner {
  readonly name = 'median';
  readonly nStartupTrials: number;
  readonly nWarmupSteps: number;
  readonly intervalSteps: number;
  readonly nMinTrials: number;

  constructor(options: MedianPrunerOptions = {}) {
    const { nStartupTrials = 5, nWarmupSteps = 0, intervalSteps = 1, nMinTrials = 1 } = options;
    this.nStartupTrials = wholeAtLeast('median', 'nStartupTrials', nStartupTrials, 0, '0 allows pruning as soon as one trial has completed.');
    this.nWarmupSteps = wholeAtLeast('median', 'nWarmupSteps', nWarmupSteps, 0, '0 allows pruning from the first step.');
    this.intervalSteps = wholeAtLeast('median', 'intervalSteps', intervalSteps, 1, '1 checks at every report.');
    this.nMinTrials = wholeAtLeast('median', 'nMinTrials', nMinTrials, 1, '1 needs one completed trial to have reported the step.');
  }

  shouldPrune(trial: FrozenTrial, trials: readonly FrozenTrial[], direction: Direction): boolean {
    const complete = trials.filter((t) => t.state === 'complete' && t.number !== trial.number);
    if (complete.length === 0 || complete.length < this.nStartupTrials) return false;
    const reports = reportsOf(trial);
    if (reports.length === 0) return false;
    const step = reports[reports.length - 1]![0];
    if (step < this.nWarmupSteps) return false;
    // Only the first report at or after a check boundary is judged (Optuna's interval rule).
    const boundary = Math.floor((step - this.nWarmupSteps) / this.intervalSteps) * this.intervalSteps + this.nWarmupSteps;
    const previous = reports.length > 1 ? reports[reports.length - 2]![0] : -Infinity;
    if (previous >= boundary) return false;

    let best = NaN;
    for (const [, v] of reports) {
      if (Number.isNaN(v)) continue;
      if (Number.isNaN(best) || (direction === 'maximize' ? v > best : v < best)) best = v;
    }
    if (Number.isNaN(best)) return true;

    const atStep: number[] = [];
    for (const t of complete) {
      const hit = t.intermediate.find((r) => r[0] === step);
      if (hit) atStep.push(hit[1]);
    }
    if (atStep.length < this.nMinTrials) return false;
    const m = nanMedian(atStep);
    if (Number.isNaN(m)) return false;
    return direction === 'maximize' ? best < m : best > m;
  }
}

/**
 * Median ignoring NaN; NaN when nothing is left. The middle pair of an even count is combined as
 * `b - (b - a) / 2`, numpy's linear interpolation at 0.5, so a value that ties the median compares
 * as it does in Optuna down to the last bit.
 */
export function nanMedian(values: readonly number[]): number {
  const xs = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return NaN;
  const a = xs[(n - 1) >> 1]!;
  const b = xs[n >> 1]!;
  return a === b ? a : b - (b - a) * 0.5;
}

export interface SuccessiveHalvingOptions {
  /** Resource (steps) of the first rung. Default 1: judge at step 1, the earliest point with a report after the first (steps counted from 0). Optuna's 'auto' (a hundredth of the first completed trial's steps) is not offered: it would make decisions depend on which trial finished first. */
  minResource?: number;
  /** Keep the top 1/reductionFactor at each rung; rungs are this factor apart. Default 3: the Hyperband/ASHA papers' recommended η (3 or 4); 3 is the gentler of the two on noisy early curves. */
  reductionFactor?: number;
  /** Skips the first rungs: rung k sits at minResource * reductionFactor^(k + minEarlyStoppingRate). Default 0: the first rung at minResource (the paper's s = 0, most aggressive). */
  minEarlyStoppingRate?: number;
}

/**
 * Asynchronous successive halving (ASHA). Rung k is at resource (step)
 * `minResource * reductionFactor^(k + minEarlyStoppingRate)`. When a trial's report first reaches a
 * rung, it continues only if its rung value is in the top `1/reductionFactor` of the rung values
 * recorded so far (its own included): with n of them, it must be at least as good as the
 * `max(floor(n / reductionFactor), 1)`-th best. So the first trials at a rung, fewer than
 * `reductionFactor`, continue only if best so far (Optuna's rule, as ASHA cannot pause a trial
 * and resume it later). Ties with that threshold continue. It never stops a trial between rungs.
 *
 * Rung values, without Optuna's per-trial system attributes: a trial's value at rung resource r is
 * its intermediate value at the largest step <= r (at step r itself when every step is reported,
 * where this is exactly the value Optuna records); if its first report is already past r, that
 * first value. Every trial whose latest step is >= r, in any state, has a value at that rung, as
 * in Optuna every trial checked there does; NaN rung values are left out (Optuna prunes such a
 * trial at that rung and records nothing). A trial is judged at the rungs its latest report
 * reached and its previous report had not: rungs passed earlier were decided then (it is still
 * running, so it was promoted). Skipping `shouldPrune` after a report skips the rungs it reached.
 *
 * NaN: a trial whose own rung value is NaN is pruned at that rung; NaN at other steps is ignored.
 *
 * Cost: O(total reports) per call to read the others' rung values, only at a rung-reaching report.
 *
 * @example
 * const p = new SuccessiveHalvingPruner({ minResource: 1, reductionFactor: 3 });
 * const others = [0.9, 0.8, 0.7].map((v, i) => ({ number: i, state: 'complete' as const, params: {}, value: v, intermediate: [[0, 0.5], [1, v]] as [number, number][] }));
 * p.shouldPrune({ number: 3, state: 'running', params: {}, intermediate: [[0, 0.5], [1, 0.85]] }, others, 'maximize'); // true: 4 values at rung 1 keep the best 1 (0.9)
 */
export class SuccessiveHalvingPruner implements Pruner {
  readonly name = 'successive_halving';
  readonly minResource: number;
  readonly reductionFactor: number;
  readonly minEarlyStoppingRate: number;

  constructor(options: SuccessiveHalvingOptions = {}) {
    const { minResource = 1, reductionFactor = 3, minEarlyStoppingRate = 0 } = options;
    this.minResource = wholeAtLeast('successive_halving', 'minResource', minResource, 1, 'Use the smallest number of steps after which curves can be ranked, e.g. 1.');
    this.reductionFactor = wholeAtLeast('successive_halving', 'reductionFactor', reductionFactor, 2, '3 keeps a third of the trials at each rung; 2 keeps half.');
    this.minEarlyStoppingRate = wholeAtLeast('successive_halving', 'minEarlyStoppingRate', minEarlyStoppingRate, 0, '0 puts the first rung at minResource.');
  }

  /** The resource (step) of rung `k` (k from 0). */
  rung(k: number): number {
    return this.minResource * this.reductionFactor ** (k + this.minEarlyStoppingRate);
  }

  shouldPrune(trial: FrozenTrial, trials: readonly FrozenTrial[], direction: Direction): boolean {
    const reports = reportsOf(trial);
    if (reports.length === 0) return false;
    const last = reports[reports.length - 1]![0];
    const previous = reports.length > 1 ? reports[reports.length - 2]![0] : -Infinity;
    let others: Reports[] | undefined;
    for (let k = 0; ; k++) {
      const r = this.rung(k);
      if (!(r <= last) || !Number.isFinite(r)) return false;
      if (r <= previous) continue;
      const value = rungValue(reports, r);
      if (Number.isNaN(value)) return true;
      others ??= trials.filter((t) => t.number !== trial.number).map(reportsOf);
      const competing = [value];
      for (const o of others) {
        if (o.length === 0 || o[o.length - 1]![0] < r) continue;
        const v = rungValue(o, r);
        if (!Number.isNaN(v)) competing.push(v);
      }
      if (!promotable(value, competing, this.reductionFactor, direction)) return true;
    }
  }
}

/** The value at the largest step <= r, or the first value when every step is past r. */
function rungValue(reports: Reports, r: number): number {
  for (let i = reports.length - 1; i >= 0; i--) if (reports[i]![0] <= r) return reports[i]![1];
  return reports[0]![1];
}

/** Whether `value` is among the best max(floor(n / eta), 1) of `competing` (which holds it). */
function promotable(value: number, competing: number[], eta: number, direction: Direction): boolean {
  const keep = Math.max(Math.floor(competing.length / eta), 1);
  competing.sort((a, b) => a - b);
  return direction === 'maximize' ? value >= competing[competing.length - keep]! : value <= competing[keep - 1]!;
}
