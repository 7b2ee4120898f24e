/**
 * Scores a model's predictions against a target column with a registered metric: the target is
 * encoded once onto the model's classes (by label, as training encoded them), so repeated scoring
 * (permutation importance predicts many times) costs only the metric.
 *
 * @example
 * const s = targetScorer(model, test.column('Status'), 'roc_auc');
 * s.score(model.predict(test)); // 0.83
 */
import { SpecmlError } from '../../core/errors.js';
import type { Prediction, PredictorModel } from '../../core/estimator.js';
import type { Column } from '../../core/frame.js';
import { encodeClasses } from '../../data/classes.js';
import { metric, type Metric } from '../metrics/index.js';

/**
 * A metric bound to a target: `score(prediction)` of the same rows.
 *
 * @example
 * const { metric, score } = targetScorer(model, y, 'rmse');
 */
export interface Scorer {
  metric: Metric;
  score(pred: Prediction): number;
}

/**
 * Binds `metricName` to `target` (n rows) for `model`'s predictions. Classification labels are
 * matched to `model.classes` by name; a label the model never saw is an error (its probability is
 * undefined). A proba metric on a model without `proba` scores one-hot predicted labels.
 *
 * @example
 * targetScorer(model, frame.column('y'), 'accuracy').score(model.predict(frame));
 */
export function targetScorer(model: PredictorModel, target: Column, metricName: string, sampleWeight?: Float64Array): Scorer {
  const m = metric(metricName);
  const regression = model.task === 'regression';
  if ((m.task === 'regression') !== regression) {
    throw new SpecmlError('usage.metric_task_mismatch', `metric '${m.name}' is for ${m.task}, but the model '${model.name}' does ${model.task}`, {
      hint: regression ? 'Use a regression metric such as rmse or r2.' : 'Use a classification metric such as roc_auc or accuracy.',
    });
  }
  if (m.needs === 'values') {
    if (target.kind !== 'numeric') throw new SpecmlError('data.target_not_numeric', `regression metric '${m.name}' needs a numeric target, but '${target.name}' is ${target.kind}`, { hint: 'Pass the numeric target column.' });
    const y = target.values;
    return { metric: m, score: (pred) => m.compute(y, pred.values, sampleWeight) };
  }
  const classes = model.classes ?? [];
  const enc = encodeClasses(target);
  const toModel = enc.classes.map((label) => classes.indexOf(label));
  const unknown = enc.classes.filter((_, j) => toModel[j]! < 0);
  if (unknown.length > 0 || enc.codes.includes(-1)) {
    throw new SpecmlError('data.unknown_class', `target '${target.name}' ${unknown.length ? `holds labels the model never saw: ${unknown.slice(0, 5).join(', ')}` : 'has missing labels'}`, {
      hint: `Score on rows labelled with the model's classes (${classes.join(', ')}).`,
    });
  }
  const y = Int32Array.from(enc.codes, (c) => toModel[c]!);
  const k = classes.length;
  if (m.needs === 'labels') return { metric: m, score: (pred) => m.compute(y, Int32Array.from(pred.values), sampleWeight) };
  return {
    metric: m,
    score: (pred) => {
      const proba = pred.proba ?? oneHot(pred.values, k);
      return m.compute(y, proba, sampleWeight);
    },
  };
}

function oneHot(values: Float64Array, k: number): Float64Array {
  const out = new Float64Array(values.length * k);
  for (let i = 0; i < values.length; i++) out[i * k + values[i]!] = 1;
  return out;
}
