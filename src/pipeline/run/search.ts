/**
 * The candidates stage of `specml run` with AutoML: the spec's budget spent on the portfolio (and
 * TPE after it) over the families the spec allows, on the training rows only, every configuration
 * cross-validated on the same folds; the weighted ensemble of them; the baseline beside them. The
 * final choice is AutoML's (automl/select.ts: the ensemble only when significantly better than the
 * best single configuration; fairness gates as constraints on out-of-fold predictions).
 *
 * Every trial goes to the store as it ends (its fold scores as metrics `trial.<id>.cv_<metric>`),
 * completed ones also as resumable CV artifacts, and the whole search summary as the run's
 * `automl` param.
 *
 * @example
 * const s = await searchStage(spec, p, ctx);
 * s.selected; // 'ensemble' or a configuration id
 */
import type { PredictorModel } from '../../core/estimator.js';
import type { Rng } from '../../core/rng.js';
import type { Splitter } from '../../evaluate/cv/index.js';
import type { RunReport } from '../../report/index.js';
import type { Spec } from '../../spec/index.js';
import type { Store } from '../../track/index.js';
import { automl, automlSummary, describeConfig, resolveBudget, type AutomlResult, type MemberCache } from '../automl/index.js';
import { candidateFamilies, crossValidateCandidates, type Candidate } from './candidates.js';
import { failingOnTraining } from './mitigation.js';
import type { Prepared } from './prepare.js';
import type { CvCache } from './resume.js';

export interface SearchContext {
  store: Store;
  runId: string;
  rng: Rng;
  splitter: Splitter;
  groups?: Int32Array;
  cache: CvCache;
  step: (s: string) => void;
}

export interface SearchStage {
  /** Every completed configuration, the ensemble (when two or more exist) and the baseline. */
  cands: Candidate[];
  /** The candidate AutoML chose. */
  selected: string;
  model: PredictorModel;
  result: AutomlResult;
  /** Wall seconds of the search and the final fit. */
  seconds: number;
  selection: NonNullable<RunReport['selection']>;
}

const FAIRNESS_GATES = new Set(['demographic_parity_difference', 'equal_opportunity_difference']);

export async function searchStage(spec: Spec, p: Prepared, ctx: SearchContext): Promise<SearchStage> {
  const { families, skipped } = candidateFamilies(spec.models);
  if (skipped.length) ctx.step(`not available yet, skipped: ${skipped.join(', ')}`);
  const b = spec.budget;
  const budget = resolveBudget({
    ...(b.preset ? { preset: b.preset } : {}),
    ...(b.units !== undefined ? { units: b.units } : {}),
    folds: spec.split.folds,
    ...(b.max_time !== undefined ? { maxTimeS: b.max_time } : {}),
    ...(b.deploy ? { deploy: b.deploy } : {}),
  });
  // Fairness gates constrain the choice: candidates whose out-of-fold decisions (threshold 0.5) fail one are not chosen while another passes.
  const fair = p.task === 'binary' && spec.fairness && spec.gates.some((g) => g.kind === 'threshold' && FAIRNESS_GATES.has(g.metric));
  const cache: MemberCache = {
    load: async (id) => ctx.cache.load(id),
    save: async (id, description, cv, seconds) => ctx.cache.save({ name: id, description, cv, seconds }),
  };
  const t0 = performance.now();
  const frame = p.train.select(p.features);
  const result = await automl({
    frame,
    target: p.yTrain,
    task: p.task,
    metric: p.metric,
    splitter: ctx.splitter,
    ...(ctx.groups ? { groups: ctx.groups } : {}),
    rng: ctx.rng,
    budget,
    // No `models:` means the whole portfolio; `forest` covers random forests and extra trees.
    ...(spec.models?.length ? { families: families.filter((f) => f !== 'baseline').flatMap((f) => (f === 'forest' ? ['forest', 'extra_trees'] : [f])) } : {}),
    ...(b.infer_limit_ms !== undefined ? { inferLimitMs: b.infer_limit_ms } : {}),
    ...(fair ? { eligible: (cv) => !failingOnTraining(spec, p, cv.oofProba!, 0.5) } : {}),
    cache,
    onStep: ctx.step,
    onTrial: async (t) => {
      for (const [f, v] of t.folds.entries()) await ctx.store.logMetric(ctx.runId, `trial.${t.id}.cv_${p.metric}`, v, f);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  await ctx.store.logParams(ctx.runId, { automl: automlSummary(result) as never });
  const [baseline] = await crossValidateCandidates({ frame, target: p.yTrain, task: p.task, splitter: ctx.splitter, ...(ctx.groups ? { groups: ctx.groups } : {}), metrics: [p.metric], rng: ctx.rng, onStep: ctx.step }, ['baseline'], ctx.cache);
  const cands: Candidate[] = result.members.map((m) => ({ name: m.id, description: describeConfig(m), cv: m.cv, seconds: m.seconds }));
  if (result.ensemble) {
    const used = result.ensemble.members.map((id, i) => [id, result.ensemble!.weights[i]!] as const).filter(([, w]) => w > 0);
    cands.push({ name: 'ensemble', description: `weighted ensemble: ${used.map(([id, w]) => `${id} ${w.toFixed(2)}`).join(', ')}`, cv: result.ensemble.cv, seconds: 0 });
  }
  cands.push(baseline!);
  const cap = result.capHit;
  return {
    cands,
    selected: result.choice.chosen,
    model: result.model,
    result,
    seconds,
    selection: {
      preset: budget.preset,
      units: budget.units,
      unitsUsed: result.unitsUsed,
      trials: result.trials.length,
      pruned: result.trials.filter((t) => t.state === 'pruned').length,
      reason: result.choice.reason,
      ...(cap ? { maxTimeNote: `max_time (${budget.maxTimeS}s) stopped the search after ${cap.trials} trials: this result depends on the machine's speed.` } : {}),
    },
  };
}
