/**
 * The selected model on the holdout test, touched once: every metric of the task with a 95%
 * stratified bootstrap CI (the same 1000 replicates for all metrics, seeded), and the curves the
 * report draws — ROC and precision-recall (binary), reliability with ECE (binary: the positive
 * class; multiclass: top-label confidence), the confusion matrix, and a residual sample
 * (regression).
 *
 * @example
 * const h = holdoutEvaluation(p, prediction, rng.fork('holdout-ci'));
 * h.metrics.roc_auc; // { value, ci_low, ci_high }
 */
import type { Prediction } from '../../core/estimator.js';
import { SpecmlError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { encodeClasses } from '../../data/classes.js';
import { expectedCalibrationError, reliabilityCurve } from '../../evaluate/calibration/index.js';
import { metricsWithCi } from '../../evaluate/interval/index.js';
import { confusionMatrix, metric } from '../../evaluate/metrics/index.js';
import { precisionRecallCurve } from '../../evaluate/threshold/index.js';
import { thresholdCounts } from '../../evaluate/threshold/pr-curve.js';
import { thinIndices } from '../../report/run-plots.js';
import type { Estimate, RunReport } from '../../report/run-types.js';
import type { Prepared } from './prepare.js';

/** Metrics reported per task (the spec's metric is added when it is not listed). */
const TASK_METRICS = {
  binary: ['roc_auc', 'average_precision', 'log_loss', 'brier', 'accuracy', 'balanced_accuracy', 'f1', 'precision', 'recall', 'mcc'],
  multiclass: ['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted', 'log_loss', 'roc_auc', 'mcc', 'cohen_kappa'],
  regression: ['rmse', 'mae', 'r2', 'median_absolute_error'],
} as const;

/** Most points a curve keeps: enough for a smooth line, small enough for the report. */
const MAX_POINTS = 200;
/** Most (true, predicted) pairs in the residual plot. */
const MAX_RESIDUALS = 2000;


export function metricNames(p: Prepared): string[] {
  const base: readonly string[] = TASK_METRICS[p.task];
  // RMSLE and Poisson deviance need non-negative targets: listed only when the spec asks for them.
  return base.includes(p.metric) ? [...base] : [p.metric, ...base];
}

/**
 * The metric names that are defined on these holdout rows; the others (e.g. one-vs-rest ROC AUC
 * when a class never occurs in a time-ordered holdout) with the reason, for the report.
 */
function definedMetrics(names: readonly string[], y: Int32Array | Float64Array, pred: Prediction): { names: string[]; unavailable: { metric: string; reason: string }[] } {
  const ok: string[] = [];
  const unavailable: { metric: string; reason: string }[] = [];
  for (const name of names) {
    const m = metric(name);
    try {
      if (m.needs === 'values') m.compute(y as Float64Array, pred.values);
      else if (m.needs === 'labels') m.compute(y as Int32Array, Int32Array.from(pred.values));
      else m.compute(y as Int32Array, pred.proba!);
      ok.push(name);
    } catch (err) {
      if (!(err instanceof SpecmlError) || !err.code.startsWith('data.')) throw err;
      unavailable.push({ metric: name, reason: err.message });
    }
  }
  return { names: ok, unavailable };
}

export function holdoutEvaluation(p: Prepared, pred: Prediction, rng: Rng): RunReport['holdout'] {
  const all = metricNames(p);
  if (p.task === 'regression') {
    const y = Float64Array.from((p.yTest as Extract<typeof p.yTest, { kind: 'numeric' }>).values);
    const { names, unavailable } = definedMetrics(all, y, pred);
    const metrics = metricsWithCi(names, y, { values: pred.values }, { rng }) as Record<string, Estimate>;
    const idx = thinIndices(y.length, MAX_RESIDUALS);
    return { metrics: pick(metrics), ...(unavailable.length ? { unavailable } : {}), residuals: { yTrue: idx.map((i) => y[i]!), yPred: idx.map((i) => pred.values[i]!) } };
  }
  const y = encodeClasses(p.yTest).codes;
  const k = p.classes!.length;
  const labels = Int32Array.from(pred.values);
  const { names, unavailable } = definedMetrics(all, y, pred);
  const metrics = pick(metricsWithCi(names, y, { labels, proba: pred.proba! }, { rng }) as Record<string, Estimate>);
  const cm = confusionMatrix(y, labels, { nClasses: k });
  const confusion = { labels: [...p.classes!], matrix: Array.from({ length: k }, (_, r) => Array.from(cm.counts.subarray(r * k, r * k + k))) };
  if (p.task === 'multiclass') {
    const top = new Float64Array(y.length);
    const hit = new Int32Array(y.length);
    for (let i = 0; i < y.length; i++) {
      top[i] = pred.proba![i * k + labels[i]!]!;
      hit[i] = labels[i] === y[i] ? 1 : 0;
    }
    const rc = reliabilityCurve(hit, top, { bins: 10 });
    return { metrics, ...(unavailable.length ? { unavailable } : {}), confusion, calibration: { probPred: [...rc.probPred], probTrue: [...rc.probTrue], counts: [...rc.counts], ece: expectedCalibrationError(y, pred.proba!) } };
  }
  const score = Float64Array.from({ length: y.length }, (_, i) => pred.proba![i * 2 + 1]!);
  const counts = thresholdCounts(y, score);
  const P = counts.tps[counts.tps.length - 1]!;
  const N = counts.fps[counts.fps.length - 1]!;
  const roc = { fpr: [0], tpr: [0] };
  for (const i of thinIndices(counts.tps.length, MAX_POINTS)) {
    roc.fpr.push(N > 0 ? counts.fps[i]! / N : 0);
    roc.tpr.push(P > 0 ? counts.tps[i]! / P : 0);
  }
  const pr = precisionRecallCurve(y, score);
  const prIdx = thinIndices(pr.precision.length, MAX_POINTS);
  const rc = reliabilityCurve(y, score, { bins: 10 });
  return {
    metrics,
    ...(unavailable.length ? { unavailable } : {}),
    confusion,
    roc,
    pr: { precision: prIdx.map((i) => pr.precision[i]!), recall: prIdx.map((i) => pr.recall[i]!) },
    calibration: { probPred: [...rc.probPred], probTrue: [...rc.probTrue], counts: [...rc.counts], ece: expectedCalibrationError(y, score) },
  };
}

/** The JSON fields of each interval (value and bounds), dropping bootstrap bookkeeping. */
function pick(m: Record<string, Estimate>): Record<string, Estimate> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, { value: v.value, ci_low: v.ci_low, ci_high: v.ci_high }]));
}
