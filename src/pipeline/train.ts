/**
 * The train stage behind `specml train`: load → schema → drop unlabelled rows → fit one model
 * family, or without one AutoML under a budget (pipeline/automl: portfolio, tuning, ensemble,
 * cross-validated on the given rows with the recommended metric) → save the model package. No
 * holdout evaluation here (that is `specml run`).
 *
 * @example
 * const { manifest } = await train({ data: 'credit.csv', target: 'Status', model: 'baseline', out: 'models/credit', seed: 42 });
 * const auto = await train({ data: 'credit.csv', target: 'Status', out: 'models/auto', seed: 42, preset: 'fast' });
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { SpecmlError } from '../core/errors.js';
import type { FitEvent, LearningTask, PredictorModel } from '../core/estimator.js';
import { isMissing } from '../core/frame.js';
import { Rng } from '../core/rng.js';
import { saveModelPackage, type PackageManifest } from '../artifact/index.js';
import { profileFrame, referenceSample } from '../data/profile/index.js';
import type { Task } from '../data/task.js';
import { KFold, StratifiedKFold } from '../evaluate/cv/index.js';
import { metric as lookupMetric } from '../evaluate/metrics/index.js';
import { automl, automlSummary, resolveBudget, type AutomlResult } from './automl/index.js';
import { family } from './families.js';
import { inspectData } from './analyze.js';
import { VERSION } from './version.js';

export interface TrainInput {
  data: string;
  target: string;
  /** One model family; absent: AutoML. */
  model?: string;
  /** AutoML effort: a preset (default balanced) and/or work units, an optional wall-time cap. */
  preset?: string;
  budget?: number;
  maxTimeS?: number;
  /** AutoML: the metric to optimise (default: the one `analyze` recommends for the data). */
  metric?: string;
  /** AutoML: drop ensemble members until one row predicts within this many milliseconds (median). */
  inferLimitMs?: number;
  threads?: number;
  out: string;
  seed: number;
  params?: Record<string, unknown>;
  task?: Task | 'auto';
  idColumns?: string[];
  ignore?: string[];
  delimiter?: string;
  name?: string;
  onStep?: (step: string) => void;
  onEvent?: (e: FitEvent) => void;
}

export interface TrainResult {
  manifest: PackageManifest;
  dir: string;
  droppedRows: number;
  features: string[];
  seconds: number;
  /** AutoML's record (automl/summary.ts), when no family was named. */
  automl?: Record<string, unknown>;
  /** The metric AutoML optimised, and the chosen candidate's out-of-fold score. */
  cv?: { metric: string; mean: number; std: number };
}

export async function train(input: TrainInput): Promise<TrainResult> {
  const started = performance.now();
  const step = input.onStep ?? (() => {});
  const fam = input.model === undefined ? undefined : family(input.model);
  const budget = fam ? undefined : resolveBudget({ ...(input.preset ? { preset: input.preset } : {}), ...(input.budget !== undefined ? { units: input.budget } : {}), ...(input.maxTimeS !== undefined ? { maxTimeS: input.maxTimeS } : {}) });
  const ins = await inspectData({
    data: input.data,
    target: input.target,
    ...(input.task ? { task: input.task } : {}),
    idColumns: input.idColumns ?? [],
    ignore: input.ignore ?? [],
    ...(input.delimiter ? { delimiter: input.delimiter } : {}),
    ...(input.name ? { name: input.name } : {}),
    ...(input.metric ? { metric: input.metric } : {}),
    onStep: step,
  });
  const target = ins.frame.column(input.target);
  const keep: number[] = [];
  for (let i = 0; i < ins.frame.nRows; i++) if (!isMissing(target, i)) keep.push(i);
  const frame = keep.length === ins.frame.nRows ? ins.frame : ins.frame.take(keep);
  const idColumns = ins.schema.columns.filter((c) => c.idLike).map((c) => c.name);
  const featureNames = ins.schema.columns.filter((c) => !c.idLike && c.name !== input.target).map((c) => c.name);
  if (featureNames.length === 0) {
    throw new SpecmlError('data.no_features', `${input.data}: no feature columns left after removing the target and id-like columns (${idColumns.join(', ') || 'none'})`, {
      hint: 'Check data.id / --id: a column listed there is not used as a feature.',
    });
  }
  const task: LearningTask = ins.task.targetKind;
  if (input.metric) {
    const m = lookupMetric(input.metric);
    if ((m.task === 'regression') !== (task === 'regression')) {
      throw new SpecmlError('usage.metric_task_mismatch', `--metric ${input.metric} is a ${m.task} metric, but '${input.target}' makes this a ${task} task`, {
        hint: task === 'regression' ? 'Use rmse, mae, r2, ... for a numeric target.' : 'Use roc_auc, accuracy, log_loss, f1, ... for class labels.',
      });
    }
  }
  let model: PredictorModel;
  let searched: AutomlResult | undefined;
  if (fam) {
    step(`fitting ${fam.name} on ${frame.nRows} rows x ${featureNames.length} features`);
    model = await fam.make(input.params ?? {}, task).fit(frame.select(featureNames), frame.column(input.target), {
      rng: new Rng(input.seed).fork('train'),
      ...(input.onEvent ? { emit: input.onEvent } : {}),
    });
  } else {
    const b = budget!;
    step(`AutoML (${b.preset}): ${b.units} work units, ${b.folds}-fold CV, metric ${ins.metric.metric}`);
    searched = await automl({
      frame: frame.select(featureNames),
      target: frame.column(input.target),
      task,
      metric: ins.metric.metric,
      splitter: task === 'regression' ? new KFold({ n_splits: b.folds, shuffle: true }) : new StratifiedKFold({ n_splits: b.folds, shuffle: true }),
      rng: new Rng(input.seed).fork('automl'),
      budget: b,
      ...(input.threads ? { threads: input.threads } : {}),
      ...(input.inferLimitMs !== undefined ? { inferLimitMs: input.inferLimitMs } : {}),
      onStep: step,
    });
    model = searched.model;
  }
  step(`saving the model package to ${input.out}`);
  const schema = { version: 1 as const, columns: ins.schema.columns.filter((c) => featureNames.includes(c.name)) };
  const reference = {
    ...profileFrame(frame, ins.schema, { target: input.target, classification: task !== 'regression' }),
    sample: referenceSample(frame, [...featureNames, input.target], new Rng(input.seed).fork('reference')),
  };
  const manifest = await saveModelPackage(input.out, {
    model,
    name: ins.name,
    target: input.target,
    schema,
    idColumns,
    ...(ins.task.positiveClass ? { positiveClass: ins.task.positiveClass } : {}),
    seed: input.seed,
    data: { file: input.data, sha256: await sha256File(input.data), rows: frame.nRows },
    specmlVersion: VERSION,
    reference,
    ...(searched ? { training: automlSummary(searched) } : {}),
  });
  const cv = searched?.chosenCv.scores[ins.metric.metric];
  return {
    manifest,
    dir: input.out,
    droppedRows: ins.frame.nRows - frame.nRows,
    features: featureNames,
    seconds: (performance.now() - started) / 1000,
    ...(searched ? { automl: automlSummary(searched), cv: { metric: ins.metric.metric, mean: cv!.mean, std: cv!.std } } : {}),
  };
}

/** SHA-256 of a file, streamed (the data fingerprint recorded in the model's lineage). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
