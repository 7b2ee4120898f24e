/**
 * Paired bootstrap comparison of two models' predictions on the same rows under any registry
 * metric: resample rows with replacement, score both models on the same resample, and read the
 * distribution of the difference. Pairing matters: both models see identical resamples, so the
 * row-to-row difficulty that moves both scores together cancels out of the difference.
 *
 * For classification metrics the resampling is stratified by class (each class keeps its row
 * count), so every resample has every class: ROC AUC, log loss and macro averages stay defined,
 * and the class balance does not add variance that the test set did not have.
 *
 * Cost: `rounds` × 2 metric evaluations on n rows plus O(rounds · n) copying; 1000 rounds of ROC
 * AUC on 10^4 rows take about a second.
 *
 * @example
 * const r = pairedBootstrap(yTrue, probaA, probaB, 'roc_auc', { rng: new Rng(7).fork('bootstrap') });
 * r.difference; r.ci; r.pValue;
 */
import type { Rng } from '../../core/rng.js';
import { metric as lookupMetric, type Metric } from '../metrics/index.js';
import { quantileSorted } from '../../core/stats/index.js';
import { checkLevel, fail } from './validate.js';

/**
 * Default number of resamples. With 1000, the 2.5 % and 97.5 % percentiles rest on ~25 draws
 * each (Efron & Tibshirani's advice for percentile intervals is ≥ 1000), and a p-value near 0.05
 * carries a Monte Carlo standard error of sqrt(0.05·0.95/1000) ≈ 0.007. Raise it for p-values
 * far below 0.01: the smallest reportable p is 2/(rounds + 1).
 */
export const BOOTSTRAP_ROUNDS = 1000;

export interface PairedBootstrapOptions {
  /** The random stream; the draws are a function of it alone (pass e.g. `rng.fork('bootstrap')`). */
  rng: Rng;
  rounds?: number;
  /** Percentile interval level; 0.95 by default. */
  level?: number;
  /** Resample within each class; default true for classification metrics, meaningless for regression. */
  stratify?: boolean;
  /** Per-row weights, `Float64Array[n]`, resampled with their rows and passed to the metric. */
  sampleWeight?: Float64Array;
}

/** The paired bootstrap's outcome; differences are `scoreA − scoreB` in the metric's units. */
export interface PairedBootstrapResult {
  metric: string;
  /** true when a larger score is better; for losses a negative difference favours A. */
  greaterIsBetter: boolean;
  scoreA: number;
  scoreB: number;
  difference: number;
  /** Percentile interval of the resampled differences (numpy's default linear interpolation). */
  ci: [number, number];
  level: number;
  /** Two-sided: 2·(1 + #resamples on the other side of 0 from `difference`)/(rounds + 1), at most 1. */
  pValue: number;
  rounds: number;
}

type Pred = Int32Array | Float64Array;

/** Per-class row lists, `Int32Array` per class, for stratified resampling. */
function byClass(y: Int32Array): Int32Array[] {
  const counts: number[] = [];
  for (let i = 0; i < y.length; i++) counts[y[i]!] = (counts[y[i]!] ?? 0) + 1;
  const groups = counts.map((c) => new Int32Array(c ?? 0));
  const fill = new Array<number>(groups.length).fill(0);
  for (let i = 0; i < y.length; i++) groups[y[i]!]![fill[y[i]!]!++] = i;
  return groups.filter((g) => g.length > 0);
}

/** Gathers rows `idx` of a row-major array with `width` values per row into `out`. */
function gather(src: Pred, idx: Int32Array, width: number, out: Pred): void {
  for (let r = 0; r < idx.length; r++) {
    const from = idx[r]! * width;
    for (let c = 0; c < width; c++) out[r * width + c] = src[from + c]!;
  }
}

/**
 * Paired bootstrap of `metric(yTrue, predA) − metric(yTrue, predB)`. Prediction arrays follow
 * the metric's `needs`: class indices `Int32Array[n]` ('labels'), probabilities row-major
 * `Float64Array[n·k]` ('proba'), or values `Float64Array[n]` ('values', with `yTrue` a
 * `Float64Array[n]`). The observed difference 0 (e.g. identical predictions) gives p = 1.
 *
 * @example
 * pairedBootstrap(y, predA, predB, 'accuracy', { rng: new Rng(1), rounds: 2000 }).ci;
 */
export function pairedBootstrap(yTrue: Int32Array | Float64Array, predA: Pred, predB: Pred, metricName: string | Metric, options: PairedBootstrapOptions): PairedBootstrapResult {
  const test = 'paired bootstrap';
  const m = typeof metricName === 'string' ? lookupMetric(metricName) : metricName;
  const n = yTrue.length;
  if (n === 0) fail(test, 'data.empty', 'yTrue is empty.', 'Pass the rows both models were scored on.');
  if (predA.length !== predB.length) fail(test, 'data.length_mismatch', `predA has ${predA.length} entries but predB has ${predB.length}.`, 'Both models must predict the same rows in the same shape.');
  const wantInt = m.needs === 'labels';
  if (wantInt !== predA instanceof Int32Array || wantInt !== predB instanceof Int32Array) {
    fail(test, 'usage.bad_param', `metric '${m.name}' needs ${m.needs}: predictions must be ${wantInt ? 'Int32Array class indices' : 'Float64Array'}.`);
  }
  if ((m.task === 'classification') !== yTrue instanceof Int32Array) {
    fail(test, 'usage.bad_param', `metric '${m.name}' is for ${m.task}: yTrue must be ${m.task === 'classification' ? 'Int32Array class indices' : 'Float64Array values'}.`);
  }
  const width = m.needs === 'proba' ? predA.length / n : 1;
  if (!Number.isInteger(width) || width < 1 || predA.length !== n * width) {
    fail(test, 'data.length_mismatch', `yTrue has ${n} rows but predA has ${predA.length} entries${m.needs === 'proba' ? ', not a multiple of it' : ''}.`, m.needs === 'proba' ? 'Pass probabilities row-major, n rows × k classes.' : 'Pass one prediction per row.');
  }
  const w = options.sampleWeight;
  if (w !== undefined && w.length !== n) fail(test, 'data.length_mismatch', `yTrue has ${n} rows but sampleWeight has ${w.length}.`);
  const rounds = options.rounds ?? BOOTSTRAP_ROUNDS;
  if (!(Number.isInteger(rounds) && rounds >= 1)) fail(test, 'usage.bad_param', `rounds must be a positive integer, got ${rounds}.`, `${BOOTSTRAP_ROUNDS} is the default.`);
  const level = options.level ?? 0.95;
  checkLevel(test, level);

  const score = (y: Int32Array | Float64Array, p: Pred, sw?: Float64Array): number => (m.compute as (y: Pred, p: Pred, w?: Float64Array) => number)(y, p, sw);
  const scoreA = score(yTrue, predA, w);
  const scoreB = score(yTrue, predB, w);
  const difference = scoreA - scoreB;

  const stratify = (options.stratify ?? true) && m.task === 'classification';
  const groups = stratify ? byClass(yTrue as Int32Array) : [Int32Array.from({ length: n }, (_, i) => i)];
  const idx = new Int32Array(n);
  const yB = yTrue instanceof Int32Array ? new Int32Array(n) : new Float64Array(n);
  const aB = predA instanceof Int32Array ? new Int32Array(n * width) : new Float64Array(n * width);
  const bB = predB instanceof Int32Array ? new Int32Array(n * width) : new Float64Array(n * width);
  const wB = w === undefined ? undefined : new Float64Array(n);
  const diffs = new Float64Array(rounds);
  const rng = options.rng;
  for (let r = 0; r < rounds; r++) {
    let at = 0;
    for (const g of groups) for (let i = 0; i < g.length; i++) idx[at++] = g[rng.int(g.length)]!;
    gather(yTrue, idx, 1, yB);
    gather(predA, idx, width, aB);
    gather(predB, idx, width, bB);
    if (w !== undefined) gather(w, idx, 1, wB!);
    diffs[r] = score(yB, aB, wB) - score(yB, bB, wB);
  }

  let other = 0;
  for (let r = 0; r < rounds; r++) if (difference > 0 ? diffs[r]! <= 0 : diffs[r]! >= 0) other++;
  const pValue = difference === 0 ? 1 : Math.min(1, (2 * (other + 1)) / (rounds + 1));
  diffs.sort();
  return { metric: m.name, greaterIsBetter: m.greaterIsBetter, scoreA, scoreB, difference, ci: [quantileSorted(diffs, 0.5 - level / 2), quantileSorted(diffs, 0.5 + level / 2)], level, pValue, rounds };
}
