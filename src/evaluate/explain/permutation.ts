/**
 * Permutation importance (Breiman 2001; sklearn's `permutation_importance`) for any predictor, a
 * pipeline included: shuffle one input column (or a group of columns together), predict again, and
 * report how much the score gets worse. Works per raw input column, so it explains what the model
 * was given, whatever features it derives inside.
 *
 * Importance is the score drop, signed so positive means "the model needed this column":
 * baseline − permuted for scores (greaterIsBetter), permuted − baseline for losses. Each column
 * draws its shuffles from `rng.fork('permute:<name>')`, so adding or removing a column never
 * changes another column's numbers. Cost: (columns x repeats + 1) predictions of all rows.
 *
 * The 95% CI is a t-interval over the repeats: it measures shuffle-to-shuffle noise on these rows
 * only, not how the importance would vary over new data (evaluate on held-out rows for that, and
 * read a CI covering 0 as "no detectable effect here"). Correlated columns share credit: shuffling
 * one leaves its twin in place, so group them to measure their joint importance.
 *
 * @example
 * const imp = permutationImportance(model, test, test.column('Status'), { metric: 'roc_auc', rng: new Rng(1) });
 * imp.features[0]; // { name: 'Seniority', mean: 0.061, std: 0.004, ci: [0.056, 0.066], ... }
 */
import { SpecmlError } from '../../core/errors.js';
import type { PredictorModel } from '../../core/estimator.js';
import { Frame, takeColumn, type Column } from '../../core/frame.js';
import type { Rng } from '../../core/rng.js';
import { studentTQuantile } from '../../core/stats/index.js';
import { targetScorer } from './scoring.js';

/**
 * Options of {@link permutationImportance}.
 *
 * @example
 * const o: PermutationOptions = { metric: 'rmse', rng: new Rng(7), repeats: 10, groups: { address: ['zip', 'city'] } };
 */
export interface PermutationOptions {
  /** A registered metric name (`metric(name)`), e.g. 'roc_auc', 'rmse'. */
  metric: string;
  rng: Rng;
  /** Shuffles per column; default 5 (sklearn's default), at least 2 for a standard deviation. */
  repeats?: number;
  /** Columns to score one by one; default: the model's input columns. */
  columns?: readonly string[];
  /** Named groups of columns shuffled together (one shared row permutation); reported by group name. */
  groups?: Readonly<Record<string, readonly string[]>>;
  /** Row weights for the metric, `Float64Array[n]`. */
  sampleWeight?: Float64Array;
}

/**
 * One column's (or group's) importance: `drops: Float64Array[repeats]`, their mean, sample
 * standard deviation and 95% t-interval.
 *
 * @example
 * const f: FeatureImportance = imp.features[0];
 */
export interface FeatureImportance {
  name: string;
  columns: string[];
  drops: Float64Array;
  mean: number;
  std: number;
  ci: [number, number];
}

/**
 * The result: the unpermuted score and every feature's importance, largest mean first.
 *
 * @example
 * imp.baseline; imp.features.map((f) => f.name);
 */
export interface PermutationImportance {
  metric: string;
  greaterIsBetter: boolean;
  baseline: number;
  repeats: number;
  features: FeatureImportance[];
}

/**
 * Permutation importance of `model` on `frame` (n rows) scored against `target` (n labels or
 * values). See the file comment for the sign, the CI and the cost.
 *
 * @example
 * permutationImportance(model, frame, y, { metric: 'accuracy', rng: new Rng(1), repeats: 10 }).features;
 */
export function permutationImportance(model: PredictorModel, frame: Frame, target: Column, opts: PermutationOptions): PermutationImportance {
  const repeats = opts.repeats ?? 5;
  if (!Number.isInteger(repeats) || repeats < 2) {
    throw new SpecmlError('usage.bad_repeats', `permutation importance needs an integer repeats >= 2, got ${repeats}`, { hint: 'Use repeats 5 (the default) or more; 2 is the least that gives a standard deviation.' });
  }
  const n = frame.nRows;
  if (opts.sampleWeight && opts.sampleWeight.length !== n) {
    throw new SpecmlError('data.weight_length', `sample weights have ${opts.sampleWeight.length} values for ${n} rows`, { hint: 'Give one weight per row of the frame.' });
  }
  const items = featureItems(model, frame, opts);
  const scorer = targetScorer(model, target, opts.metric, opts.sampleWeight);
  const sign = scorer.metric.greaterIsBetter ? 1 : -1;
  const baseline = scorer.score(model.predict(frame));
  const features = items.map(({ name, columns }): FeatureImportance => {
    const rng = opts.rng.fork(`permute:${name}`);
    const shuffled = new Set(columns);
    const drops = new Float64Array(repeats);
    for (let r = 0; r < repeats; r++) {
      const perm = rng.shuffle(Int32Array.from({ length: n }, (_, i) => i)) as Int32Array;
      const permuted = Frame.fromColumns(
        frame.columns.map((c) => (shuffled.has(c.name) ? takeColumn(c, perm) : c)),
        n,
      );
      drops[r] = sign * (baseline - scorer.score(model.predict(permuted)));
    }
    return { name, columns: [...columns], drops, ...summarize(drops) };
  });
  features.sort((a, b) => b.mean - a.mean || a.name.localeCompare(b.name));
  return { metric: scorer.metric.name, greaterIsBetter: scorer.metric.greaterIsBetter, baseline, repeats, features };
}

function summarize(x: Float64Array): { mean: number; std: number; ci: [number, number] } {
  const r = x.length;
  let mean = 0;
  for (let i = 0; i < r; i++) mean += x[i]!;
  mean /= r;
  let ss = 0;
  for (let i = 0; i < r; i++) ss += (x[i]! - mean) ** 2;
  const std = Math.sqrt(ss / (r - 1));
  const half = (studentTQuantile(0.975, r - 1) * std) / Math.sqrt(r);
  return { mean, std, ci: [mean - half, mean + half] };
}

/** Groups in the order given, then every listed column that is in no group. */
function featureItems(model: PredictorModel, frame: Frame, opts: PermutationOptions): { name: string; columns: readonly string[] }[] {
  const groups = Object.entries(opts.groups ?? {});
  const grouped = new Set(groups.flatMap(([, cols]) => cols));
  const singles = (opts.columns ?? model.inputs.map((c) => c.name)).filter((c) => !grouped.has(c));
  const items = [...groups.map(([name, columns]) => ({ name, columns })), ...singles.map((c) => ({ name: c, columns: [c] }))];
  const names = new Set<string>();
  for (const it of items) {
    if (names.has(it.name)) throw new SpecmlError('usage.duplicate_feature', `permutation importance lists '${it.name}' twice (as a group and a column, or twice as a group)`, { hint: 'Give each group a name that is not a column name.' });
    names.add(it.name);
    if (it.columns.length === 0) throw new SpecmlError('usage.empty_group', `permutation group '${it.name}' has no columns`, { hint: 'List the columns to shuffle together.' });
    const absent = it.columns.filter((c) => !frame.has(c));
    if (absent.length) {
      throw new SpecmlError('data.missing_column', `column${absent.length > 1 ? 's' : ''} ${absent.map((c) => `'${c}'`).join(', ')} to permute ${absent.length > 1 ? 'are' : 'is'} not in the frame`, {
        hint: `The frame has: ${frame.names.join(', ')}`,
      });
    }
  }
  return items;
}
