/**
 * AutoML: search (portfolio, then TPE) → Caruana ensemble over the members' out-of-fold
 * predictions → the final choice made with statistics (select.ts) → the deployable model
 * (assemble.ts). Everything is decided on the training rows handed in; a caller that holds out a
 * test set keeps it out of `frame`.
 *
 * Reproducible: with no `maxTimeS` cap reached and no `inferLimitMs`, the same data, metric, seed
 * and budget give the same trials, the same choice and the same model bytes, whatever the number
 * of threads (the GBDT and forests are thread-count independent by construction).
 *
 * @example
 * const r = await automl({ frame, target, task: 'binary', metric: 'roc_auc', splitter: new StratifiedKFold({ n_splits: 5, shuffle: true }), rng: new Rng(42), budget: resolveBudget({ preset: 'fast' }) });
 * r.model.predict(frame);
 */
import type { PredictorModel } from '../../core/estimator.js';
import { SpecmlError } from '../../core/errors.js';
import { TimeSeriesSplit, type CrossValidation, type Fold } from '../../evaluate/cv/index.js';
import { assemble, type Assembled } from './assemble.js';
import { selectEnsemble, type EnsembleResult } from './ensemble.js';
import type { Budget } from './presets.js';
import { cvData, foldsOf, searchConfigs, type CvData, type Member, type MemberCache, type SearchResult, type TrialRecord } from './search.js';
import { chooseFinal, type Choice } from './select.js';

export interface AutomlInput extends CvData {
  budget: Budget;
  families?: readonly string[];
  threads?: number;
  inferLimitMs?: number;
  /** A constraint on out-of-fold predictions (e.g. the spec's fairness gates). */
  eligible?: (cv: CrossValidation) => boolean;
  cache?: MemberCache;
  onStep?: (s: string) => void;
  onTrial?: (t: TrialRecord) => void | Promise<void>;
}

export interface AutomlResult {
  members: Member[];
  trials: TrialRecord[];
  /** Present when at least two members exist. */
  ensemble?: EnsembleResult & { members: string[] };
  choice: Choice;
  /** The chosen candidate's out-of-fold predictions (for calibration and thresholds downstream). */
  chosenCv: CrossValidation;
  model: PredictorModel;
  assembled: Assembled;
  unitsUsed: number;
  budget: Budget;
  capHit?: SearchResult['capHit'];
  folds: Fold[];
}

export async function automl(input: AutomlInput): Promise<AutomlResult> {
  const step = input.onStep ?? (() => {});
  const { budget } = input;
  const data = cvData(input);
  const search = await searchConfigs({
    ...data,
    units: budget.units,
    ...(budget.maxTimeS !== undefined ? { maxTimeS: budget.maxTimeS } : {}),
    ...(input.families ? { families: input.families } : {}),
    ...(input.threads ? { threads: input.threads } : {}),
    ...(input.cache ? { cache: input.cache } : {}),
    // A time split's first rows have no out-of-fold prediction to stack on.
    stack: budget.stack && !(input.splitter instanceof TimeSeriesSplit),
    onStep: step,
    ...(input.onTrial ? { onTrial: input.onTrial } : {}),
  });
  const { members } = search;
  if (members.length === 0) {
    const failed = search.trials.find((t) => t.error);
    throw new SpecmlError('model.no_candidate', `AutoML finished no configuration within ${budget.units} work units${failed ? ` (last error: ${failed.error})` : ''}`, {
      hint: `Raise the budget (a configuration costs one unit per fold, ${budget.folds} here) or remove max_time.`,
    });
  }
  const folds = foldsOf(data);
  const ctx = { target: input.target, task: input.task, metric: input.metric, folds };
  let ensemble: AutomlResult['ensemble'];
  if (members.length >= 2) {
    step(`ensemble selection over ${members.length} configurations`);
    ensemble = { ...selectEnsemble(members, ctx), members: members.map((m) => m.id) };
  }
  const choice = chooseFinal(members, ensemble, ctx, input.rng.fork('select'), input.eligible);
  step(`chosen: ${choice.chosen} — ${choice.reason}`);
  const chosenMembers = choice.chosen === 'ensemble' ? members : [members.find((m) => m.id === choice.chosen)!];
  const weights = choice.chosen === 'ensemble' ? ensemble!.weights : [1];
  const assembled = await assemble({
    ...data,
    members: chosenMembers,
    weights,
    pool: members,
    // A time split's fold models never saw the latest rows: deploy those refitted.
    mode: input.splitter instanceof TimeSeriesSplit ? 'refit' : budget.deploy,
    ...(input.threads ? { threads: input.threads } : {}),
    ...(input.inferLimitMs !== undefined ? { inferLimitMs: input.inferLimitMs } : {}),
    onStep: step,
  });
  const chosenCv = choice.chosen === 'ensemble' ? ensemble!.cv : chosenMembers[0]!.cv;
  return {
    members,
    trials: search.trials,
    ...(ensemble ? { ensemble } : {}),
    choice,
    chosenCv,
    model: assembled.model,
    assembled,
    unitsUsed: search.unitsUsed,
    budget,
    ...(search.capHit ? { capHit: search.capHit } : {}),
    folds,
  };
}
