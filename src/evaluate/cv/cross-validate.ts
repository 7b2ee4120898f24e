/**
 * Cross-validation of any estimator — a pipeline included — with every step fitted inside the
 * fold: the estimator is fitted on each fold's training rows only and scored on its test rows, so
 * imputation statistics, encodings and scalings never see the rows they are scored on.
 *
 * Returns per-fold scores for each metric, their mean and standard deviation, and the out-of-fold
 * predictions (every row predicted by the model that did not see it), which stacking and
 * calibration later reuse. Classification scores are computed over the classes of the whole
 * target: a fold whose training rows lack a class predicts probability 0 for it.
 *
 * @example
 * const cv = await crossValidate(new BaselineEstimator({}), frame, frame.column('y'), new StratifiedKFold({}), ['roc_auc'], new Rng(42));
 * cv.scores.roc_auc.mean;
 */
import type { Estimator, FitEvent, LearningTask, PredictorModel } from '../../core/estimator.js';
import { takeColumn, type Column, type Frame } from '../../core/frame.js';
import { SpecmlError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { encodeClasses } from '../../data/classes.js';
import { metric } from '../metrics/index.js';
import type { Fold, Splitter } from './splitter.js';

export interface CrossValidation {
  folds: Fold[];
  /** Per metric: the score of each fold, their mean and sample standard deviation. */
  scores: Record<string, { folds: number[]; mean: number; std: number }>;
  /** Out-of-fold predictions: regression values or class indices (into `classes`), `Float64Array[n]`. */
  oof: Float64Array;
  /** Out-of-fold probabilities, `Float64Array[n * k]` row-major (classification only). */
  oofProba?: Float64Array;
  classes?: string[];
  /** Fit events of every fold, tagged with the fold number. */
  events: (FitEvent & { fold: number })[];
  /**
   * The fitted fold models, in fold order, with `keepModels` (k-fold bagging: average them, e.g.
   * with models/ensemble WeightedEnsembleModel and equal weights, instead of refitting on all rows).
   */
  models?: PredictorModel[];
  /** Set when `afterFold` stopped the run early: scores and `folds` cover the folds fitted so far. */
  stopped?: boolean;
}

export async function crossValidate(
  estimator: Estimator<PredictorModel>,
  frame: Frame,
  target: Column,
  splitter: Splitter,
  metrics: readonly string[],
  rng: Rng,
  opts: {
    groups?: Int32Array;
    task?: LearningTask;
    sampleWeight?: Float64Array;
    keepModels?: boolean;
    /** Called after each fold with that fold's scores; returning 'stop' ends the run there (a pruned tuning trial). */
    afterFold?: (fold: number, scores: Record<string, number>) => 'stop' | void;
  } = {},
): Promise<CrossValidation> {
  const n = frame.nRows;
  // Numeric class labels (digits) are classification when the task says so.
  const classification = opts.task ? opts.task !== 'regression' : target.kind !== 'numeric';
  const enc = classification ? encodeClasses(target) : undefined;
  const k = enc?.classes.length ?? 0;
  const folds = splitter.split({ n, ...(enc ? { y: enc.codes } : {}), ...(opts.groups ? { groups: opts.groups } : {}), rng: rng.fork('split') });
  const oof = new Float64Array(n).fill(NaN);
  const oofProba = classification ? new Float64Array(n * k) : undefined;
  const events: CrossValidation['events'] = [];
  const perFold: Record<string, number[]> = Object.fromEntries(metrics.map((m) => [m, []]));
  const models: PredictorModel[] = [];
  let stopped = 0;

  for (let f = 0; f < folds.length; f++) {
    const { train, test } = folds[f]!;
    const model = await estimator.fit(frame.take(train), takeColumn(target, train), {
      rng: rng.fork(`fold-${f}`),
      emit: (e) => events.push({ ...e, fold: f }),
      ...(opts.sampleWeight ? { sampleWeight: Float64Array.from(train, (i) => opts.sampleWeight![i]!) } : {}),
    });
    if (opts.keepModels) models.push(model);
    const p = model.predict(frame.take(test));
    if (classification) {
      // Map the fold model's classes onto the whole target's classes.
      const global = (model.classes ?? []).map((c) => enc!.classes.indexOf(c));
      const kf = global.length;
      for (let i = 0; i < test.length; i++) {
        const row = test[i]!;
        let best = -1;
        let bestP = -1;
        for (let j = 0; j < kf; j++) {
          const pj = p.proba ? p.proba[i * kf + j]! : p.values[i] === j ? 1 : 0;
          oofProba![row * k + global[j]!] = pj;
          if (pj > bestP) {
            bestP = pj;
            best = global[j]!;
          }
        }
        oof[row] = best;
      }
    } else {
      for (let i = 0; i < test.length; i++) oof[test[i]!] = p.values[i]!;
    }
    for (const name of metrics) perFold[name]!.push(scoreRows(name, test, enc?.codes, target, oof, oofProba, k));
    if (opts.afterFold?.(f, Object.fromEntries(metrics.map((m) => [m, perFold[m]![f]!]))) === 'stop' && f + 1 < folds.length) {
      stopped = f + 1;
      break;
    }
  }

  const scores: CrossValidation['scores'] = {};
  for (const name of metrics) {
    const s = perFold[name]!;
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    const std = s.length > 1 ? Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / (s.length - 1)) : 0;
    scores[name] = { folds: s, mean, std };
  }
  return {
    folds: stopped ? folds.slice(0, stopped) : folds,
    scores,
    oof,
    ...(oofProba ? { oofProba, classes: enc!.classes } : {}),
    events,
    ...(opts.keepModels ? { models } : {}),
    ...(stopped ? { stopped: true } : {}),
  };
}

/**
 * One metric on the rows `rows` of out-of-fold predictions (`oof`: values or class codes;
 * `oofProba`: n x k probabilities), against `target` (`codes`: its class codes, for classification).
 * Cross-validation scores each fold with it; ensembles score their blends with it.
 *
 * @example
 * scoreRows('rmse', fold.test, undefined, target, oof, undefined, 0);
 */
export function scoreRows(name: string, rows: Int32Array, codes: Int32Array | undefined, target: Column, oof: Float64Array, oofProba: Float64Array | undefined, k: number): number {
  const m = metric(name);
  const n = rows.length;
  if (m.task === 'regression') {
    if (codes || target.kind !== 'numeric') throw new SpecmlError('usage.metric_task_mismatch', `metric '${name}' is for regression, but the target is a ${target.kind} label`, { hint: 'Use a classification metric.' });
    const yt = new Float64Array(n);
    const yp = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      yt[i] = target.values[rows[i]!]!;
      yp[i] = oof[rows[i]!]!;
    }
    return m.compute(yt, yp);
  }
  if (!codes) throw new SpecmlError('usage.metric_task_mismatch', `metric '${name}' is for classification, but the target is numeric`, { hint: 'Use a regression metric.' });
  const yt = new Int32Array(n);
  for (let i = 0; i < n; i++) yt[i] = codes[rows[i]!]!;
  if (m.needs === 'labels') {
    const yp = new Int32Array(n);
    for (let i = 0; i < n; i++) yp[i] = oof[rows[i]!]!;
    return m.compute(yt, yp);
  }
  const proba = new Float64Array(n * k);
  for (let i = 0; i < n; i++) proba.set(oofProba!.subarray(rows[i]! * k, rows[i]! * k + k), i * k);
  return m.compute(yt, proba);
}
