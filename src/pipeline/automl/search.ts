/**
 * The search of AutoML: the portfolio's configurations in order, each cross-validated on the same
 * folds (its out-of-fold predictions kept for the ensemble), then — while work units remain — GBDT
 * configurations proposed by TPE, warm-started with the portfolio's GBDT results and pruned fold by
 * fold by the median rule. Every configuration is one trial; trials run one after another, so the
 * sequence of trials, and each trial's result, is a function of the data, the seed and the budget.
 *
 * With `stack`, a second layer follows (units for it are kept back from the start): the best
 * STACK_CONFIGS configurations fitted again on the original columns plus the out-of-fold
 * predictions of the best STACK_BASES members (models/ensemble/stacked.ts). Its members compete
 * with the first layer's in the ensemble. The same folds serve both layers (as AutoGluon's):
 * a second-layer fold's training rows carry first-layer predictions from models that saw its test
 * rows, a mild optimism the ensemble's significance test (select.ts) has to overcome.
 *
 * Units (presets.ts): one per fold fitted. A trial starts only when a full cross-validation still
 * fits in the units left, so a complete trial is never cut short by the budget. `maxTimeS` is
 * checked before each trial; when it stops the search the result says so (`capHit`).
 *
 * @example
 * const s = await searchConfigs({ frame, target, task: 'binary', metric: 'roc_auc', splitter, rng, units: 60 });
 * s.members.map((m) => m.id);
 */
import type { LearningTask } from '../../core/estimator.js';
import { SpecmlError } from '../../core/errors.js';
import type { Column, Frame } from '../../core/frame.js';
import { augmentFrame } from '../../models/ensemble/index.js';
import type { Rng } from '../../core/rng.js';
import { encodeClasses } from '../../data/classes.js';
import { crossValidate, type CrossValidation, type Fold, type Splitter } from '../../evaluate/cv/index.js';
import { metric as lookupMetric } from '../../evaluate/metrics/index.js';
import { GBDT_PARAMS } from '../../models/gbdt/index.js';
import { MedianPruner, searchSpace, Study, TpeSampler, type ParamValue, type TrialHandle } from '../../tune/index.js';
import { family } from '../families.js';
import { portfolioFor, withThreads, type Config } from './portfolio.js';

/** A configuration cross-validated on every fold: a possible ensemble member. */
export interface Member extends Config {
  /** Set for a stacking-layer member: the first-layer members whose predictions it reads. */
  bases?: string[];
  cv: CrossValidation;
  /** Mean CV score of the search metric. */
  score: number;
  seconds: number;
}

/** One trial as recorded (in the store by `specml run`, in the package lineage by `specml train`). */
export interface TrialRecord {
  number: number;
  id: string;
  family: string;
  params: Record<string, ParamValue>;
  /** 'portfolio', 'tpe' or 'stack'. */
  source: string;
  /** 'stopped': max_time ended it between two folds (not a member, like a pruned trial). */
  state: 'complete' | 'pruned' | 'stopped' | 'failed';
  /** Mean CV score (complete) or the mean over the folds fitted (pruned). */
  value?: number;
  folds: number[];
  units: number;
  seconds: number;
  error?: string;
}

/** Where completed trials are kept so an interrupted run can resume (pipeline/run/resume.ts). */
export interface MemberCache {
  load(id: string): Promise<{ cv: CrossValidation; seconds: number } | undefined>;
  save(id: string, description: string, cv: CrossValidation, seconds: number): Promise<void>;
}

/** The cross-validation every AutoML step shares: rows, target, task, metric, folds and random stream. */
export interface CvData {
  frame: Frame;
  target: Column;
  task: LearningTask;
  /** The metric the search ranks by (the run's metric). */
  metric: string;
  splitter: Splitter;
  groups?: Int32Array;
  /** Members fork 'cv' from it (identical folds for all); selection forks 'select', refits 'refit-<id>'. */
  rng: Rng;
}

/** Just the CvData fields of `o` (so they can be passed on without the rest). */
export function cvData(o: CvData): CvData {
  return { frame: o.frame, target: o.target, task: o.task, metric: o.metric, splitter: o.splitter, ...(o.groups ? { groups: o.groups } : {}), rng: o.rng };
}

/** The folds every configuration is cross-validated on (crossValidate draws the same from rng.fork('cv')). */
export function foldsOf(d: CvData): Fold[] {
  return d.splitter.split({ n: d.frame.nRows, ...(d.groups ? { groups: d.groups } : {}), ...(d.task !== 'regression' ? { y: encodeClasses(d.target).codes } : {}), rng: d.rng.fork('cv').fork('split') });
}

export interface SearchInput extends CvData {
  units: number;
  maxTimeS?: number;
  /** Restrict the portfolio to these families (default: all of it). */
  families?: readonly string[];
  /** Threads for the GBDT (default: auto); the result does not depend on it. */
  threads?: number;
  /** Add a stacking layer (step 3 below) once the first layer is done. */
  stack?: boolean;
  cache?: MemberCache;
  onStep?: (s: string) => void;
  onTrial?: (t: TrialRecord) => void | Promise<void>;
}

/** Configurations in the stacking layer, and first-layer members whose predictions they read. */
export const STACK_CONFIGS = 2;
export const STACK_BASES = 4;

export interface SearchResult {
  members: Member[];
  trials: TrialRecord[];
  unitsUsed: number;
  /** Set when max_time stopped the search before the units ran out. */
  capHit?: { afterSeconds: number; trials: number };
}


/**
 * One-line description of a configuration (leaderboard rows), e.g. `gbdt (learning_rate=0.03, trees=600)`.
 *
 * @example
 * describeConfig({ id: 'linear_default', family: 'linear', params: {} }); // 'linear (defaults)'
 */
export function describeConfig(c: Config): string {
  const p = Object.entries(c.params).map(([k, v]) => `${k}=${v}`);
  return `${c.family} (${p.length ? p.join(', ') : 'defaults'})`;
}

export async function searchConfigs(input: SearchInput): Promise<SearchResult> {
  const started = performance.now();
  const step = input.onStep ?? (() => {});
  const folds = foldsOf(input).length;
  const up = lookupMetric(input.metric).greaterIsBetter;
  const members: Member[] = [];
  const trials: TrialRecord[] = [];
  let unitsUsed = 0;
  let capHit: SearchResult['capHit'];
  const timeUp = (): boolean => {
    if (input.maxTimeS === undefined || capHit) return capHit !== undefined;
    const s = (performance.now() - started) / 1000;
    if (s < input.maxTimeS) return false;
    capHit = { afterSeconds: s, trials: trials.length };
    step(`max_time ${input.maxTimeS}s reached after ${trials.length} trials and ${unitsUsed} of ${input.units} units: search stopped (this result depends on the machine's speed)`);
    return true;
  };

  const run = async (cfg: Config, source: string, handle?: TrialHandle, layer?: { frame: Frame; bases: string[] }): Promise<TrialRecord> => {
    const number = trials.length;
    const params = withThreads(cfg, input.threads);
    const t0 = performance.now();
    const cached = await input.cache?.load(cfg.id);
    let cv: CrossValidation | undefined = cached?.cv;
    // A resumed TPE trial tells the study the same running means it reported the first time.
    if (cached && handle) runningMeans(cached.cv.scores[input.metric]!.folds).forEach((v, f) => handle.report(f, v));
    let error: string | undefined;
    let done = 0;
    let sum = 0;
    let stoppedByTime = false;
    if (!cv) {
      step(`trial ${number}: ${cfg.id} (${cfg.family}), ${unitsUsed}/${input.units} units used`);
      try {
        cv = await crossValidate(family(cfg.family).make(params, input.task), layer?.frame ?? input.frame, input.target, input.splitter, [input.metric], input.rng.fork('cv'), {
          task: input.task,
          ...(input.groups ? { groups: input.groups } : {}),
          afterFold: (f, s) => {
            done = f + 1;
            // The wall-time cap is hard: it ends a trial between folds too.
            if (timeUp()) {
              stoppedByTime = true;
              return 'stop';
            }
            if (!handle) return;
            sum += s[input.metric]!;
            // The pruner compares running means: single folds differ in difficulty, means less so.
            handle.report(f, sum / done);
            return handle.shouldPrune() ? 'stop' : undefined;
          },
        });
      } catch (err) {
        // A user mistake (bad data for every model) stops the run; a model that fails is one failed trial.
        if (err instanceof SpecmlError && !err.code.startsWith('model.')) throw err;
        error = err instanceof Error ? err.message : String(err);
      }
    } else done = cv.scores[input.metric]!.folds.length;
    const seconds = cached?.seconds ?? (performance.now() - t0) / 1000;
    unitsUsed += done;
    const foldScores = cv ? [...cv.scores[input.metric]!.folds] : [];
    const value = foldScores.length ? foldScores.reduce((a, b) => a + b, 0) / foldScores.length : undefined;
    const state = error || value === undefined || !Number.isFinite(value) ? 'failed' : cv!.stopped ? (stoppedByTime ? 'stopped' : 'pruned') : 'complete';
    const rec: TrialRecord = { number, id: cfg.id, family: cfg.family, params: cfg.params, source, state, ...(value !== undefined ? { value } : {}), folds: foldScores, units: done, seconds, ...(error ? { error } : {}) };
    trials.push(rec);
    await input.onTrial?.(rec);
    if (state === 'complete') {
      members.push({ ...cfg, ...(layer ? { bases: layer.bases } : {}), cv: cv!, score: value!, seconds });
      if (!cached) await input.cache?.save(cfg.id, describeConfig(cfg), cv!, seconds);
    }
    return rec;
  };

  // Units kept back for the stacking layer, when the budget has room for it and two first-layer configurations.
  const reserve = input.stack && input.units >= (STACK_CONFIGS + 2) * folds ? STACK_CONFIGS * folds : 0;

  // 1. The portfolio, in its order.
  const portfolio = portfolioFor(input.task, input.families);
  for (const cfg of portfolio) {
    if (input.units - reserve - unitsUsed < folds || timeUp()) break;
    await run(cfg, 'portfolio');
  }

  // 2. TPE over the GBDT space while units remain (the portfolio used up), warm-started with the
  // portfolio's GBDT results that lie inside that space.
  if ((!input.families || input.families.includes('gbdt')) && input.units - reserve - unitsUsed >= folds && !timeUp()) {
    const space = searchSpace(GBDT_PARAMS);
    const defaults = Object.fromEntries(Object.keys(space).map((k) => [k, GBDT_PARAMS[k as keyof typeof GBDT_PARAMS].default as ParamValue]));
    const study = new Study({ space, direction: up ? 'maximize' : 'minimize', seed: 0, sampler: new TpeSampler(), pruner: new MedianPruner({ nStartupTrials: 5 }) });
    for (const m of members) {
      if (m.family !== 'gbdt' || !Object.keys(m.params).every((k) => k in space)) continue;
      study.enqueue({ ...defaults, ...m.params });
      const h = study.ask();
      runningMeans(m.cv.scores[input.metric]!.folds).forEach((v, f) => h.report(f, v));
      study.tell(h.number, { state: 'complete', value: m.score });
    }
    while (input.units - reserve - unitsUsed >= folds && !timeUp()) {
      const h = study.ask();
      const cfg: Config = { id: `gbdt_tpe_${trials.length}`, family: 'gbdt', params: { ...h.params } };
      const rec = await run(cfg, 'tpe', h);
      study.tell(h.number, rec.state === 'complete' ? { state: 'complete', value: rec.value! } : rec.state === 'pruned' || rec.state === 'stopped' ? { state: 'pruned' } : { state: 'failed', ...(rec.error ? { error: rec.error } : {}) });
    }
  }
  // 3. The stacking layer: the best first-layer configurations again, on the original features plus
  // the best first-layer members' out-of-fold predictions.
  if (reserve && members.length >= 2 && !timeUp()) {
    const ranked = [...members].sort((a, b) => (up ? b.score - a.score : a.score - b.score));
    const bases = ranked.slice(0, STACK_BASES);
    const k = input.task === 'regression' ? 0 : encodeClasses(input.target).classes.length;
    const frame = augmentFrame(input.frame, bases.map((b) => b.id), bases.map((b) => (input.task === 'regression' ? b.cv.oof : b.cv.oofProba!)), input.task, k);
    for (const cfg of ranked.slice(0, STACK_CONFIGS)) {
      if (input.units - unitsUsed < folds || timeUp()) break;
      await run({ id: `${cfg.id}_l2`, family: cfg.family, params: cfg.params }, 'stack', undefined, { frame, bases: bases.map((b) => b.id) });
    }
  }
  return { members, trials, unitsUsed, ...(capHit ? { capHit } : {}) };
}

function runningMeans(xs: readonly number[]): number[] {
  let sum = 0;
  return xs.map((x, i) => (sum += x) / (i + 1));
}
