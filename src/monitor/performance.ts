/**
 * Model performance on a window. With labels (a labelled file, or feedback joined to the
 * prediction log), the task's metrics with bootstrap intervals, each beside the holdout value the
 * package was accepted on; a metric is "worse" when the whole window interval lies on the bad side
 * of the holdout value. Without labels, binary classifiers get confidence-based performance
 * estimation (CBPE, NannyML's method): if the probabilities are calibrated, the expected confusion
 * matrix at the decision threshold and the expected ROC curve follow from them alone.
 *
 * @example
 * const perf = labelledPerformance('binary', yCodes, { proba }, holdout, new Rng(7));
 * const est = cbpe(positiveProba, 0.5); // { accuracy, roc_auc, ... }
 */
import { Rng } from '../core/rng.js';
import { metric } from '../evaluate/metrics/index.js';
import { metricsWithCi, type MetricInterval } from '../evaluate/interval/index.js';

export interface Estimate {
  value: number;
  ci_low: number | null;
  ci_high: number | null;
}

export interface WindowMetric extends Estimate {
  holdout?: Estimate;
  greater_is_better: boolean;
  /** True when the window's interval lies wholly on the bad side of the holdout value. */
  worse: boolean | null;
}

export interface PerformanceReport {
  labelled_rows: number;
  metrics: Record<string, WindowMetric>;
}

/** The metrics reported per task (the spec's metric is added when it is another one). */
export const WINDOW_METRICS: Record<'binary' | 'multiclass' | 'regression', string[]> = {
  binary: ['roc_auc', 'accuracy', 'log_loss'],
  multiclass: ['accuracy', 'f1_macro', 'log_loss'],
  regression: ['rmse', 'mae', 'r2'],
};

export function labelledPerformance(
  task: 'binary' | 'multiclass' | 'regression',
  yTrue: Int32Array | Float64Array,
  prediction: { proba?: Float64Array; values?: Float64Array },
  holdout: Record<string, Estimate> | undefined,
  seed: number,
  extra?: string,
): PerformanceReport {
  const names = [...new Set([...WINDOW_METRICS[task], ...(extra ? [extra] : [])])];
  const cis: Record<string, MetricInterval> = metricsWithCi(names, yTrue, task === 'regression' ? { values: prediction.values! } : { proba: prediction.proba! }, { rng: new Rng(seed).fork('monitor-performance'), rounds: 1000 });
  const metrics: Record<string, WindowMetric> = {};
  for (const name of names) {
    const c = cis[name]!;
    const better = metric(name).greaterIsBetter;
    const h = holdout?.[name];
    let worse: boolean | null = null;
    if (h && c.ci_low !== null && c.ci_high !== null) worse = better ? c.ci_high < h.value : c.ci_low > h.value;
    metrics[name] = { value: c.value, ci_low: c.ci_low, ci_high: c.ci_high, ...(h ? { holdout: { value: h.value, ci_low: h.ci_low, ci_high: h.ci_high } } : {}), greater_is_better: better, worse };
  }
  return { labelled_rows: yTrue.length, metrics };
}

export interface CbpeEstimate {
  method: 'cbpe';
  rows: number;
  /** The decision threshold, or null when the model's own decisions were given. */
  threshold: number | null;
  accuracy: number;
  precision: number;
  recall: number;
  roc_auc: number;
  /** Expected confusion matrix at the threshold (counts). */
  expected: { tp: number; fp: number; tn: number; fn: number };
}

/**
 * CBPE for a binary classifier from the positive-class probabilities p: a row scored p is, in
 * expectation, p of a true positive and 1 − p of a false one. So at threshold t the expected
 * TP = Σ_{p ≥ t} p, FP = Σ_{p ≥ t} (1 − p), FN = Σ_{p < t} p, TN = Σ_{p < t} (1 − p), and the
 * expected ROC curve has, at each cut, TPR = Σ_{above} p / Σ p and FPR = Σ_{above} (1 − p) / Σ (1 − p);
 * its area (trapezoids, ties cut together) is the expected AUC. Valid as far as the probabilities
 * are calibrated on the window (a concept shift breaks that; drift in the features alone does not).
 * `decisions` (1 = positive), when given, replace the threshold: the model's own decisions, which
 * may use a tuned threshold or one per group.
 */
export function cbpe(p: Float64Array, threshold = 0.5, decisions?: ArrayLike<number>): CbpeEstimate {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    if (decisions ? decisions[i] === 1 : v >= threshold) {
      tp += v;
      fp += 1 - v;
    } else {
      fn += v;
      tn += 1 - v;
    }
  }
  const pos = tp + fn;
  const neg = fp + tn;
  const order = Float64Array.from(p).sort().reverse();
  let auc = 0;
  let tpr = 0;
  let fpr = 0;
  let i = 0;
  while (i < order.length) {
    const v = order[i]!;
    let dp = 0;
    let dn = 0;
    while (i < order.length && order[i] === v) {
      dp += v;
      dn += 1 - v;
      i++;
    }
    const nextTpr = tpr + dp / pos;
    const nextFpr = fpr + dn / neg;
    auc += ((nextFpr - fpr) * (tpr + nextTpr)) / 2;
    tpr = nextTpr;
    fpr = nextFpr;
  }
  const n = p.length;
  return {
    method: 'cbpe',
    rows: n,
    threshold: decisions ? null : threshold,
    accuracy: (tp + tn) / n,
    precision: tp + fp > 0 ? tp / (tp + fp) : NaN,
    recall: pos > 0 ? tp / pos : NaN,
    roc_auc: pos > 0 && neg > 0 ? auc : NaN,
    expected: { tp, fp, tn, fn },
  };
}
