/**
 * The ensemble layer of AutoML: Caruana ensemble selection (models/ensemble) over the members'
 * out-of-fold predictions, scored with the run's metric on the rows the folds cover (a time split
 * leaves its first rows unpredicted), and the blend's own per-fold scores, so the ensemble sits on
 * the leaderboard beside its members and is compared with them on the same folds.
 *
 * @example
 * const e = selectEnsemble(members, { target, task: 'binary', metric: 'roc_auc', folds });
 * e.weights; // one per member, summing to 1
 */
import type { LearningTask } from '../../core/estimator.js';
import type { Column } from '../../core/frame.js';
import { encodeClasses } from '../../data/classes.js';
import { scoreRows, type CrossValidation, type Fold } from '../../evaluate/cv/index.js';
import { metric as lookupMetric } from '../../evaluate/metrics/index.js';
import { ensembleSelection } from '../../models/ensemble/index.js';
import type { Member } from './search.js';

export interface OofContext {
  target: Column;
  task: LearningTask;
  metric: string;
  /** The folds every member was cross-validated on. */
  folds: readonly Fold[];
}

export interface EnsembleResult {
  /** Weight per member (same order as the members given), summing to 1. */
  weights: number[];
  /** The blend as a cross-validation result: out-of-fold predictions and per-fold scores. */
  cv: CrossValidation;
  score: number;
}

/** The members' out-of-fold predictions in the shape ensemble selection blends: probabilities or values. */
const predsOf = (m: Member, task: LearningTask): Float64Array => (task === 'regression' ? m.cv.oof : m.cv.oofProba!);

/** Rows with an out-of-fold prediction (every fold's test rows), ascending. */
export function coveredRows(folds: readonly Fold[]): Int32Array {
  const rows: number[] = [];
  for (const f of folds) for (const r of f.test) rows.push(r);
  return Int32Array.from(rows).sort();
}

/** A cross-validation result for a blend of out-of-fold predictions (values or n x k probabilities). */
export function blendCv(blend: Float64Array, ctx: OofContext, classes?: string[]): CrossValidation {
  const n = ctx.target.kind === 'categorical' ? ctx.target.codes.length : ctx.target.values.length;
  const enc = ctx.task === 'regression' ? undefined : encodeClasses(ctx.target);
  const k = enc?.classes.length ?? 0;
  let oof = blend;
  if (enc) {
    oof = new Float64Array(n).fill(NaN);
    for (const f of ctx.folds) {
      for (const r of f.test) {
        let best = 0;
        for (let c = 1; c < k; c++) if (blend[r * k + c]! > blend[r * k + best]!) best = c;
        oof[r] = best;
      }
    }
  }
  const folds = ctx.folds.map((f) => scoreRows(ctx.metric, f.test, enc?.codes, ctx.target, oof, enc ? blend : undefined, k));
  const mean = folds.reduce((a, b) => a + b, 0) / folds.length;
  const std = folds.length > 1 ? Math.sqrt(folds.reduce((a, b) => a + (b - mean) ** 2, 0) / (folds.length - 1)) : 0;
  return {
    folds: [...ctx.folds],
    scores: { [ctx.metric]: { folds, mean, std } },
    oof,
    ...(enc ? { oofProba: blend, classes: classes ?? enc.classes } : {}),
    events: [],
  };
}

/** Weighted average of the members' out-of-fold predictions. */
export function blendOf(members: readonly Member[], weights: readonly number[], task: LearningTask): Float64Array {
  const out = new Float64Array(predsOf(members[0]!, task).length);
  members.forEach((m, j) => {
    const w = weights[j]!;
    if (w === 0) return;
    const p = predsOf(m, task);
    for (let i = 0; i < out.length; i++) out[i] = out[i]! + w * p[i]!;
  });
  return out;
}

/**
 * Caruana selection (25 rounds, with replacement) scored by the run's metric on the covered rows;
 * label metrics (accuracy, F1) score the argmax of the blended probabilities.
 */
export function selectEnsemble(members: readonly Member[], ctx: OofContext): EnsembleResult {
  const rows = coveredRows(ctx.folds);
  const enc = ctx.task === 'regression' ? undefined : encodeClasses(ctx.target);
  const k = enc?.classes.length ?? 0;
  // Blends are full length; only the covered rows are scored (uncovered ones hold NaN and stay unread).
  const preds = members.map((m) => predsOf(m, ctx.task));
  const labels = new Float64Array(enc ? enc.codes.length : 0);
  const score = (blend: Float64Array): number => {
    if (!enc) return scoreRows(ctx.metric, rows, undefined, ctx.target, blend, undefined, 0);
    for (const r of rows) {
      let best = 0;
      for (let c = 1; c < k; c++) if (blend[r * k + c]! > blend[r * k + best]!) best = c;
      labels[r] = best;
    }
    return scoreRows(ctx.metric, rows, enc.codes, ctx.target, labels, blend, k);
  };
  const sel = ensembleSelection(preds, score, { greaterIsBetter: lookupMetric(ctx.metric).greaterIsBetter });
  const cv = blendCv(blendOf(members, sel.weights, ctx.task), ctx, members[0]!.cv.classes);
  return { weights: sel.weights, cv, score: cv.scores[ctx.metric]!.mean };
}
