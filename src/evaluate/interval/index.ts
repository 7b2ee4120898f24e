/**
 * Bootstrap confidence intervals for holdout metrics (percentile by default, BCa on request),
 * stratified by class for classification, one shared set of resamples per call.
 *
 * @example
 * import { metricsWithCi } from './evaluate/interval/index.js';
 * metricsWithCi(['roc_auc', 'accuracy'], yTrue, { proba }, { rng: new Rng(42) }).roc_auc; // { value, ci_low, ci_high, … }
 */
export { bootstrapMetric, metricsWithCi, DEFAULT_ROUNDS, MAX_SKIPPED_SHARE, type BootstrapOptions, type MetricInterval, type ScoredPredictions } from './bootstrap.js';
