/**
 * Name-keyed metric registry (STYLE.md §6): specs, gates, CV and tuning look a metric up by the
 * name a spec uses (`roc_auc`, `rmse`, …; the list is src/spec/metrics.ts) and learn from the
 * entry what it needs (`needs`) and which way is better (`greaterIsBetter`).
 *
 * Rules: names are unique within a registry (registering a name twice throws, so a plug-in cannot
 * silently replace a built-in); entries are frozen once registered; `compute` is pure.
 *
 * @example
 * const m = metric('roc_auc');
 * if (m.needs === 'proba') m.compute(yTrue, proba); // narrowed by `needs`
 */
import { Registry } from '../../core/registry.js';
import { BUILTIN_METRICS } from './builtin.js';

interface MetricInfo {
  /** The name specs and gates use, snake_case. */
  readonly name: string;
  /** true for scores (accuracy, r2), false for losses and errors (log_loss, rmse). */
  readonly greaterIsBetter: boolean;
  /** One line for help texts and reports. */
  readonly description: string;
}

/** A classification metric over predicted class indices: `yTrue`, `yPred` are `Int32Array[n]`. */
export interface LabelMetric extends MetricInfo {
  readonly task: 'classification';
  readonly needs: 'labels';
  compute(yTrue: Int32Array, yPred: Int32Array, sampleWeight?: Float64Array): number;
}

/** A classification metric over probabilities: `proba` is row-major `Float64Array[n * k]`. */
export interface ProbaMetric extends MetricInfo {
  readonly task: 'classification';
  readonly needs: 'proba';
  compute(yTrue: Int32Array, proba: Float64Array, sampleWeight?: Float64Array): number;
}

/** A regression metric: `yTrue`, `yPred` are `Float64Array[n]`. */
export interface ValueMetric extends MetricInfo {
  readonly task: 'regression';
  readonly needs: 'values';
  compute(yTrue: Float64Array, yPred: Float64Array, sampleWeight?: Float64Array): number;
}

/**
 * A registered metric; narrow on `needs` (or `task`) to get the matching `compute` signature.
 *
 * @example
 * const m: Metric = metric('rmse');
 * m.greaterIsBetter; // false
 */
export type Metric = LabelMetric | ProbaMetric | ValueMetric;

/** The default registry: the built-in metrics plus anything registered (core's name-keyed Registry). */
const builtins = new Registry<Metric>('metric');
for (const m of BUILTIN_METRICS) builtins.register(m.name, Object.freeze({ ...m }));


/**
 * Looks up a metric in the default registry (the built-ins plus anything registered).
 *
 * @example
 * metric('f1_macro').greaterIsBetter; // true
 * metric('rmes'); // throws SpecmlError usage.unknown_metric, hint "Did you mean 'rmse'?"
 */
export function metric(name: string): Metric {
  return builtins.get(name);
}

/**
 * Adds a metric to the default registry; a taken name throws.
 *
 * @example
 * registerMetric({ name: 'max_error', task: 'regression', needs: 'values', greaterIsBetter: false,
 *   description: 'largest absolute error',
 *   compute: (t, p) => t.reduce((m, v, i) => Math.max(m, Math.abs(v - p[i]!)), 0) });
 */
export function registerMetric(m: Metric): void {
  builtins.register(m.name, Object.freeze({ ...m }));
}

/**
 * Names in the default registry.
 *
 * @example
 * metricNames().includes('log_loss'); // true
 */
export function metricNames(): string[] {
  return builtins.names();
}
