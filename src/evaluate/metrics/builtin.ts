/**
 * The built-in metric table: one entry per metric name in src/spec/metrics.ts
 * (CLASSIFICATION_METRICS and REGRESSION_METRICS; test/golden/metrics/spec-names.test.ts checks
 * the two lists agree). `precision`, `recall` and `f1` are binary (class 1 positive), as in
 * sklearn's scorers; multiclass targets use the `_macro`, `_micro` or `_weighted` F1 variants.
 *
 * @example
 * BUILTIN_METRICS.find((m) => m.name === 'mae')?.greaterIsBetter; // false
 */
import { accuracy, balancedAccuracy, cohenKappa, mcc } from './classification.js';
import { f1, precision, recall } from './prf.js';
import { brier, logLoss } from './probabilistic.js';
import { averagePrecision, rocAuc } from './ranking.js';
import { mae, mape, medianAbsoluteError, poissonDeviance, r2, rmse, rmsle } from './regression.js';
import type { LabelMetric, Metric, ProbaMetric, ValueMetric } from './registry.js';

const labels = (name: string, greaterIsBetter: boolean, description: string, compute: LabelMetric['compute']): LabelMetric => ({ name, task: 'classification', needs: 'labels', greaterIsBetter, description, compute });
const proba = (name: string, greaterIsBetter: boolean, description: string, compute: ProbaMetric['compute']): ProbaMetric => ({ name, task: 'classification', needs: 'proba', greaterIsBetter, description, compute });
const values = (name: string, greaterIsBetter: boolean, description: string, compute: ValueMetric['compute']): ValueMetric => ({ name, task: 'regression', needs: 'values', greaterIsBetter, description, compute });

/** Every built-in metric, in the order of src/spec/metrics.ts. */
export const BUILTIN_METRICS: readonly Metric[] = [
  proba('roc_auc', true, 'area under the ROC curve (multiclass: one-vs-rest, macro)', rocAuc),
  proba('average_precision', true, 'step-wise area under the precision-recall curve (multiclass: one-vs-rest, macro)', averagePrecision),
  proba('log_loss', false, 'mean negative log-likelihood of the true class', logLoss),
  labels('accuracy', true, 'fraction of rows predicted correctly', accuracy),
  labels('balanced_accuracy', true, 'mean per-class recall', balancedAccuracy),
  labels('f1', true, 'F1 of the positive class (binary)', (t, p, w) => f1(t, p, 'binary', w)),
  labels('f1_macro', true, 'unweighted mean of per-class F1', (t, p, w) => f1(t, p, 'macro', w)),
  labels('f1_micro', true, 'F1 from global counts (equals accuracy for single-label data)', (t, p, w) => f1(t, p, 'micro', w)),
  labels('f1_weighted', true, 'per-class F1 weighted by class support', (t, p, w) => f1(t, p, 'weighted', w)),
  labels('precision', true, 'precision of the positive class (binary)', (t, p, w) => precision(t, p, 'binary', w)),
  labels('recall', true, 'recall of the positive class (binary)', (t, p, w) => recall(t, p, 'binary', w)),
  labels('mcc', true, 'Matthews correlation coefficient', mcc),
  labels('cohen_kappa', true, "Cohen's kappa (agreement beyond chance)", cohenKappa),
  proba('brier', false, 'Brier score (binary: mean (p1 - y)^2; multiclass: mean sum over classes)', brier),
  values('rmse', false, 'root mean squared error', rmse),
  values('mae', false, 'mean absolute error', mae),
  values('mape', false, 'mean absolute percentage error (a fraction)', mape),
  values('r2', true, 'coefficient of determination', r2),
  values('median_absolute_error', false, 'median absolute error', medianAbsoluteError),
  values('poisson_deviance', false, 'mean Poisson deviance', poissonDeviance),
  values('rmsle', false, 'root mean squared log1p error', rmsle),
];
