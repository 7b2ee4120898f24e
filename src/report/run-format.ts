/**
 * How the run report writes metric names, scores, intervals and p-values. Both renderers use these,
 * so the HTML page and the Markdown file print the same digits.
 */
import { metric, metricNames } from '../evaluate/metrics/index.js';
import type { Estimate } from './run-types.js';
import { formatCount, formatStat } from './format.js';

const LABELS: Record<string, string> = {
  roc_auc: 'ROC AUC',
  average_precision: 'average precision',
  log_loss: 'log loss',
  balanced_accuracy: 'balanced accuracy',
  f1: 'F1',
  f1_macro: 'macro F1',
  f1_micro: 'micro F1',
  f1_weighted: 'weighted F1',
  mcc: 'MCC',
  cohen_kappa: "Cohen's kappa",
  brier: 'Brier score',
  rmse: 'RMSE',
  mae: 'MAE',
  mape: 'MAPE',
  r2: 'R²',
  rmsle: 'RMSLE',
  tpr: 'TPR',
  fpr: 'FPR',
  p50_latency_ms: 'p50 latency (ms)',
  p95_latency_ms: 'p95 latency (ms)',
  p99_latency_ms: 'p99 latency (ms)',
  model_size_mb: 'model size (MB)',
};

/** Group rates that are proportions, printed as percentages; others (mae, rmse) as scores. */
const PROPORTIONS = new Set(['selection_rate', 'tpr', 'fpr', 'precision', 'accuracy', 'error_rate', 'recall', 'fnr', 'tnr']);

/**
 * A metric or rate name for prose and table headers: `roc_auc` → "ROC AUC", unknown names with
 * underscores as spaces.
 *
 * @example
 * metricLabel('roc_auc'); // 'ROC AUC'
 * metricLabel('demographic_parity_ratio'); // 'demographic parity ratio'
 */
export function metricLabel(name: string): string {
  return LABELS[name] ?? name.replace(/_/g, ' ');
}

/**
 * Which way a registered metric is better; undefined for names the metric registry does not know
 * (fairness and operational measurements, a plug-in metric that is not loaded).
 *
 * @example
 * higherIsBetter('rmse'); // false
 */
export function higherIsBetter(name: string): boolean | undefined {
  return metricNames().includes(name) ? metric(name).greaterIsBetter : undefined;
}

/**
 * A label at the start of a table cell or a chart title: first letter upper-cased.
 *
 * @example
 * capitalise('selection rate'); // 'Selection rate'
 */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * How shuffling a feature moves a metric, for importance titles: "drop in ROC AUC", "rise in RMSE".
 *
 * @example
 * importanceEffect('rmse'); // 'rise in RMSE'
 */
export function importanceEffect(name: string): string {
  return `${higherIsBetter(name) === false ? 'rise' : 'drop'} in ${metricLabel(name)}`;
}

/**
 * A proportion as a percentage with one decimal always, so a column of rates lines up
 * ("35.0%" above "19.3%"); format.ts's formatPercent trims zeros, which suits prose, not columns.
 *
 * @example
 * formatPct(0.35); // '35.0%'
 */
export function formatPct(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}

/**
 * True for a rate printed as a percentage.
 *
 * @example
 * isProportion('tpr'); // true
 * isProportion('mae'); // false
 */
export function isProportion(name: string): boolean {
  return PROPORTIONS.has(name);
}

/**
 * A score for a table: three decimals under 1 (0.851, so a CI 0.824–0.877 lines up), four
 * significant digits to 1,000, whole numbers with separators above (an RMSE of 27,345), and
 * {@link formatStat}'s scientific notation below 0.001. Null and non-finite values print "—".
 *
 * @example
 * formatScore(0.85123); // '0.851'
 * formatScore(27345.2); // '27,345'
 */
export function formatScore(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a >= 1000) return formatCount(Math.round(v)).replace('-', '−');
  if (a >= 1) return String(Number(v.toPrecision(4))).replace('-', '−');
  if (a >= 0.001 || v === 0) return v.toFixed(3).replace('-', '−');
  return formatStat(v).replace('-', '−');
}

/**
 * A signed difference: "+0.352", "−1,204".
 *
 * @example
 * formatSigned(0.3521); // '+0.352'
 */
export function formatSigned(v: number | null): string {
  const s = formatScore(v);
  return v !== null && Number.isFinite(v) && v > 0 ? `+${s}` : s;
}

/**
 * A value of the named rate: a percentage for proportions, a score otherwise.
 *
 * @example
 * formatRate('selection_rate', 0.24); // '24.0%'
 */
export function formatRate(name: string, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '—';
  return isProportion(name) ? formatPct(v) : formatScore(v);
}

/**
 * An interval "lo–hi" ("lo to hi" when a bound is negative, where a dash would read as a minus);
 * "—" when either bound is missing.
 *
 * @example
 * formatRange(0.824, 0.877); // '0.824–0.877'
 * formatRange(-0.01, 0.05); // '−0.010 to 0.050'
 */
export function formatRange(lo: number | null, hi: number | null, fmt: (v: number) => string = formatScore): string {
  if (lo === null || hi === null || !Number.isFinite(lo) || !Number.isFinite(hi)) return '—';
  return lo < 0 || hi < 0 ? `${fmt(lo)} to ${fmt(hi)}` : `${fmt(lo)}–${fmt(hi)}`;
}

/**
 * A rate's interval, one decimal, percent sign once at the end: "20.0–28.4%".
 *
 * @example
 * formatRateRange('tpr', 0.2, 0.284); // '20.0–28.4%'
 */
export function formatRateRange(name: string, lo: number | null, hi: number | null): string {
  if (!isProportion(name)) return formatRange(lo, hi);
  return formatRange(lo, hi, (v) => (v * 100).toFixed(1)) + (lo !== null && hi !== null ? '%' : '');
}

/**
 * An estimate with its CI: "0.851 (95% CI 0.824–0.877)", or the value alone when there is no CI.
 *
 * @example
 * formatEstimate({ value: 0.851, ci_low: 0.824, ci_high: 0.877 }); // '0.851 (95% CI 0.824–0.877)'
 */
export function formatEstimate(e: Estimate): string {
  const ci = formatRange(e.ci_low, e.ci_high);
  return ci === '—' ? formatScore(e.value) : `${formatScore(e.value)} (95% CI ${ci})`;
}

/**
 * A p-value as prose: "p = 0.31", "p = 0.012", "p < 0.001".
 *
 * @example
 * formatP(0.3141); // 'p = 0.31'
 * formatP(0.0123); // 'p = 0.012'
 */
export function formatP(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return 'p not computed';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${String(Number(p.toPrecision(2)))}`;
}

/**
 * A short hash for tables; the full value goes in a title attribute or the lineage list.
 *
 * @example
 * shortSha('3f2a9c0d41b7e8aa55'); // '3f2a9c0d41b7'
 */
export function shortSha(sha: string): string {
  return sha.slice(0, 12);
}
