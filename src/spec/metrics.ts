/**
 * The metric names a spec may use: `metric:` picks one of {@link SPEC_METRICS}; a gate may test any
 * of {@link GATE_METRICS}, which adds fairness and operational measurements. The lists live here,
 * once, so the schema, the gate parser and the did-you-mean hints never disagree.
 *
 * @example
 * SPEC_METRICS.includes('roc_auc'); // true
 * normaliseMetricName('ROC AUC');   // 'roc_auc'
 */

/**
 * Metrics that judge a classifier (binary or multiclass).
 *
 * @example
 * CLASSIFICATION_METRICS.includes('log_loss'); // true
 */
export const CLASSIFICATION_METRICS = [
  'roc_auc',
  'average_precision',
  'log_loss',
  'accuracy',
  'balanced_accuracy',
  'f1',
  'f1_macro',
  'f1_micro',
  'f1_weighted',
  'precision',
  'recall',
  'mcc',
  'cohen_kappa',
  'brier',
] as const;

/**
 * Metrics that judge a regressor.
 *
 * @example
 * REGRESSION_METRICS.includes('rmse'); // true
 */
export const REGRESSION_METRICS = ['rmse', 'mae', 'mape', 'r2', 'median_absolute_error', 'poisson_deviance', 'rmsle'] as const;

/**
 * Every value `metric:` accepts.
 *
 * @example
 * const ok = (SPEC_METRICS as readonly string[]).includes('rmse'); // true
 */
export const SPEC_METRICS = [...CLASSIFICATION_METRICS, ...REGRESSION_METRICS] as const;
export type SpecMetric = (typeof SPEC_METRICS)[number];

/**
 * Group-fairness measurements a gate may bound (computed over `fairness.sensitive`).
 *
 * @example
 * FAIRNESS_METRICS[0]; // 'demographic_parity_difference'
 */
export const FAIRNESS_METRICS = [
  'demographic_parity_difference',
  'demographic_parity_ratio',
  'equalized_odds_difference',
  'equal_opportunity_difference',
] as const;

/**
 * Operational measurements a gate may bound: serving latency, package size, training time.
 *
 * @example
 * OPERATIONAL_METRICS.includes('p99_latency_ms'); // true
 */
export const OPERATIONAL_METRICS = ['p50_latency_ms', 'p95_latency_ms', 'p99_latency_ms', 'model_size_mb', 'train_seconds'] as const;

/**
 * Every metric name a threshold gate accepts.
 *
 * @example
 * GATE_METRICS.includes('demographic_parity_difference'); // true
 */
export const GATE_METRICS = [...SPEC_METRICS, ...FAIRNESS_METRICS, ...OPERATIONAL_METRICS] as const;
export type GateMetric = (typeof GATE_METRICS)[number];

/**
 * Names people write for a metric, after {@link normaliseMetricName}'s lower-casing and
 * underscoring, mapped to the canonical name. Only real synonyms belong here; typos are left to
 * the did-you-mean hint so they are reported, not silently guessed.
 *
 * @example
 * METRIC_ALIASES.auc; // 'roc_auc'
 */
export const METRIC_ALIASES: Readonly<Record<string, GateMetric>> = {
  auc: 'roc_auc',
  roc: 'roc_auc',
  auroc: 'roc_auc',
  roc_auc_score: 'roc_auc',
  area_under_roc: 'roc_auc',
  pr_auc: 'average_precision',
  auprc: 'average_precision',
  average_precision_score: 'average_precision',
  ap: 'average_precision',
  logloss: 'log_loss',
  cross_entropy: 'log_loss',
  acc: 'accuracy',
  balanced_acc: 'balanced_accuracy',
  f1_score: 'f1',
  macro_f1: 'f1_macro',
  micro_f1: 'f1_micro',
  weighted_f1: 'f1_weighted',
  matthews_corrcoef: 'mcc',
  matthews_correlation: 'mcc',
  kappa: 'cohen_kappa',
  cohens_kappa: 'cohen_kappa',
  brier_score: 'brier',
  root_mean_squared_error: 'rmse',
  mean_absolute_error: 'mae',
  mean_absolute_percentage_error: 'mape',
  r_squared: 'r2',
  'r²': 'r2',
  medae: 'median_absolute_error',
  root_mean_squared_log_error: 'rmsle',
  dp_difference: 'demographic_parity_difference',
  dp_ratio: 'demographic_parity_ratio',
  disparate_impact: 'demographic_parity_ratio',
  eo_difference: 'equalized_odds_difference',
  p50_latency: 'p50_latency_ms',
  p95_latency: 'p95_latency_ms',
  p99_latency: 'p99_latency_ms',
  latency_p50_ms: 'p50_latency_ms',
  latency_p95_ms: 'p95_latency_ms',
  latency_p99_ms: 'p99_latency_ms',
  model_size: 'model_size_mb',
  size_mb: 'model_size_mb',
  training_seconds: 'train_seconds',
  train_time_seconds: 'train_seconds',
};

/**
 * Canonical form of a metric name as people write it: lower case, runs of spaces, hyphens and dots
 * become one underscore, then {@link METRIC_ALIASES} apply. Returns the normalised text even when
 * it is not a known metric, so callers can suggest the closest one.
 *
 * @example
 * normaliseMetricName('ROC AUC');        // 'roc_auc'
 * normaliseMetricName('p99 latency ms'); // 'p99_latency_ms'
 * normaliseMetricName('F1');             // 'f1'
 */
export function normaliseMetricName(name: string): string {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return METRIC_ALIASES[key] ?? key;
}

/**
 * Whether a spec metric judges classifiers or regressors, so the schema can reject
 * `task: regression` with `metric: roc_auc`.
 *
 * @example
 * metricFamily('rmse'); // 'regression'
 */
export function metricFamily(metric: SpecMetric): 'classification' | 'regression' {
  return (REGRESSION_METRICS as readonly string[]).includes(metric) ? 'regression' : 'classification';
}
