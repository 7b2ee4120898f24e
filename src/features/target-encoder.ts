/**
 * `target_encoder`: each categorical column becomes the shrunk mean of the target per category,
 * cross-fitted in training (sklearn 1.3 `TargetEncoder`; our sklearn 1.2 reference lacks it, so
 * the formulas below are written from its source and tested by hand).
 *
 * Encodings (prior p = target mean over the fitting rows, per category: n rows, mean m):
 * - `smoothing` 'auto' (sklearn's empirical Bayes): l = v n / (v n + s / n), encoding
 *   l m + (1 - l) p, where v is the target variance and s the category's sum of squared
 *   deviations from m; a constant target (l undefined) gives p.
 * - 'm_estimate': (n m + `m` p) / (n + `m`).
 * Missing values are one more category; a category unseen in training encodes as p.
 *
 * Targets: regression (numeric) and binary give one column that replaces the input column (binary:
 * the rate of the second class in sorted order); multiclass gives one column per class,
 * `<col>__te_<class>` (one-vs-rest, as sklearn 1.4).
 *
 * Cross-fitting: `fitTransform` (used by pipeline and columns) returns, for the training rows,
 * encodings from `cv` out-of-fold fits (folds shuffled with `ctx.rng.fork('target_encoder')`,
 * stratified by class for classification), so the next step never sees a row's encoding computed
 * from its own label; the fitted model (and plain `fit` + `transform`) encodes with full-data
 * statistics. Cost: O(cv x n) per column.
 *
 * @example
 * const { model, output } = await new TargetEncoder({}).fitTransform(frame, frame.column('y'), { rng: new Rng(1) });
 * output;                 // out-of-fold encodings: train the next step on these
 * model.transform(test);  // full-data encodings for new rows
 */
import { SpecmlError } from '../core/errors.js';
import { isMissing, numericColumn, type Column, type Frame } from '../core/frame.js';
import { defineParams, type ParamsOf } from '../core/params.js';
import type { Rng } from '../core/rng.js';
import { encodeClasses } from '../data/classes.js';
import { categoryCounts, codesFor } from './stats.js';
import { defineTransformer, mapColumns } from './transformer.js';

export const TARGET_ENCODER_PARAMS = defineParams({
  smoothing: { type: 'enum', default: 'auto', values: ['auto', 'm_estimate'], doc: "shrinkage toward the prior: sklearn's empirical-Bayes 'auto', or an m-estimate with weight m" },
  m: { type: 'float', default: 10, min: 0, doc: 'prior weight in pseudo-rows for smoothing m_estimate' },
  cv: { type: 'int', default: 5, min: 2, max: 50, doc: 'folds for the out-of-fold training encodings (5 as sklearn)' },
  task: { type: 'enum', default: 'auto', values: ['auto', 'regression', 'classification'], doc: 'auto: numeric targets are regression, others classification' },
});

type Params = ParamsOf<typeof TARGET_ENCODER_PARAMS>;

/** `encodings: Float64Array[outputs x (categories + 1)]`, the last slot per output being missing. */
type TargetEncoderState = {
  classes: string[];
  priors: Float64Array;
  columns: { name: string; categories: string[]; encodings: Float64Array }[];
};

/**
 * The `target_encoder` estimator (parameters: {@link TARGET_ENCODER_PARAMS}).
 *
 * @example
 * pipeline([new TargetEncoder({ smoothing: 'm_estimate', m: 20 }), model]);
 */
export const TargetEncoder = defineTransformer({
  name: 'target_encoder',
  params: TARGET_ENCODER_PARAMS,
  fit: (frame, target, _ctx, p) => learn(frame, target, p).state,
  fitTransform(frame, target, ctx, p) {
    const { state, y, classCodes } = learn(frame, target, p);
    // Fewer rows than folds leaves folds empty: too little data to cross-fit, so use full-data encodings.
    if (frame.nRows < p.cv) return { state, output: applyEncoding(frame, state) };
    const folds = foldIds(frame.nRows, p.cv, ctx.rng.fork('target_encoder'), classCodes);
    const byName = new Map(state.columns.map((c) => [c.name, c]));
    const output = mapColumns(frame, (c) => {
      const spec = byName.get(c.name);
      if (!spec || c.kind !== 'categorical') return undefined;
      const slots = slotsOf(c, spec.categories);
      const k = spec.categories.length + 1;
      const outs = y.map((yt) => {
        const v = new Float64Array(frame.nRows);
        for (let f = 0; f < p.cv; f++) {
          const inFold = (i: number) => folds[i] === f;
          const { enc } = encode(slots, yt, k, p, (i) => !inFold(i));
          for (let i = 0; i < v.length; i++) if (inFold(i)) v[i] = enc[slots[i]!]!;
        }
        return v;
      });
      return outputColumns(c.name, state.classes, outs);
    });
    return { state, output };
  },
  transform: (frame, s) => applyEncoding(frame, s),
});

function applyEncoding(frame: Frame, s: TargetEncoderState): Frame {
  const byName = new Map(s.columns.map((c) => [c.name, c]));
  return mapColumns(frame, (c) => {
    const spec = byName.get(c.name);
    if (!spec || c.kind !== 'categorical') return undefined;
    const idx = codesFor(c, spec.categories);
    const k = spec.categories.length + 1;
    const outs = Array.from(s.priors, (prior, t) => {
      const v = new Float64Array(idx.length);
      for (let i = 0; i < v.length; i++) {
        const j = idx[i]!;
        v[i] = j === -2 ? prior : spec.encodings[t * k + (j === -1 ? k - 1 : j)]!;
      }
      return v;
    });
    return outputColumns(c.name, s.classes, outs);
  });
}

function outputColumns(name: string, classes: string[], outs: Float64Array[]): Column[] {
  if (classes.length <= 2) return [numericColumn(name, outs[0]!, false)];
  return outs.map((v, t) => numericColumn(`${name}__te_${classes[t]!}`, v, false));
}

/** Target as one Float64Array per output (regression: y; binary: 1 for the second class; multiclass: one-vs-rest). */
function targets(target: Column | undefined, p: Params): { y: Float64Array[]; classes: string[]; classCodes?: Int32Array } {
  if (!target) throw new SpecmlError('usage.target_required', 'target_encoder needs the target', { hint: 'Fit it inside a pipeline or columns() with a target, or pass the target to fit.' });
  const n = target.kind === 'categorical' ? target.codes.length : target.values.length;
  for (let i = 0; i < n; i++) {
    if (isMissing(target, i)) throw new SpecmlError('data.target_missing', `target '${target.name}' is missing at row ${i + 1}`, { hint: 'Drop the rows without a label before fitting.' });
  }
  if (p.task === 'regression' || (p.task === 'auto' && target.kind === 'numeric')) {
    if (target.kind !== 'numeric') throw new SpecmlError('data.target_not_numeric', `target_encoder task regression needs a numeric target, but '${target.name}' is ${target.kind}`);
    return { y: [target.values], classes: [] };
  }
  const { codes, classes } = encodeClasses(target);
  const ks = classes.length === 2 ? [1] : classes.map((_, j) => j);
  return { y: ks.map((j) => Float64Array.from(codes, (c) => (c === j ? 1 : 0))), classes, classCodes: codes };
}

function learn(frame: Frame, target: Column | undefined, p: Params): { state: TargetEncoderState; y: Float64Array[]; classCodes?: Int32Array } {
  const { y, classes, classCodes } = targets(target, p);
  const all = () => true;
  const columns: TargetEncoderState['columns'] = [];
  for (const c of frame.columns) {
    if (c.kind !== 'categorical') continue;
    const { categories } = categoryCounts(c);
    const slots = slotsOf(c, categories);
    const k = categories.length + 1;
    const encodings = new Float64Array(y.length * k);
    y.forEach((yt, t) => encodings.set(encode(slots, yt, k, p, all).enc, t * k));
    columns.push({ name: c.name, categories, encodings });
  }
  const priors = Float64Array.from(y, (yt) => mean(yt));
  return { state: { classes, priors, columns }, y, classCodes };
}

/** Training slots: category index, or `categories.length` for missing. */
function slotsOf(c: Column & { kind: 'categorical' }, categories: string[]): Int32Array {
  return codesFor(c, categories).map((j) => (j < 0 ? categories.length : j));
}

function mean(y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += y[i]!;
  return s / y.length;
}

/**
 * Per-slot encodings from the rows where `use(i)`; slots without rows get the prior. O(n + k).
 *
 * @example
 * encode(Int32Array.of(0, 0, 1), Float64Array.of(1, 0, 1), 3, { smoothing: 'm_estimate', m: 0, cv: 5, task: 'auto' }, () => true).enc; // [0.5, 1, 2/3]
 */
function encode(slots: Int32Array, y: Float64Array, k: number, p: Params, use: (i: number) => boolean): { enc: Float64Array; prior: number } {
  const sum = new Float64Array(k);
  const cnt = new Float64Array(k);
  let total = 0;
  let n = 0;
  for (let i = 0; i < y.length; i++) {
    if (!use(i)) continue;
    sum[slots[i]!]! += y[i]!;
    cnt[slots[i]!]!++;
    total += y[i]!;
    n++;
  }
  const prior = n > 0 ? total / n : 0;
  const enc = new Float64Array(k).fill(prior);
  if (p.smoothing === 'm_estimate') {
    for (let j = 0; j < k; j++) if (cnt[j]! > 0) enc[j] = (sum[j]! + p.m * prior) / (cnt[j]! + p.m);
    return { enc, prior };
  }
  let variance = 0;
  const ssd = new Float64Array(k);
  for (let i = 0; i < y.length; i++) {
    if (!use(i)) continue;
    const j = slots[i]!;
    const d = y[i]! - sum[j]! / cnt[j]!;
    ssd[j]! += d * d;
    variance += (y[i]! - prior) * (y[i]! - prior);
  }
  variance /= n;
  for (let j = 0; j < k; j++) {
    const c = cnt[j]!;
    if (c === 0) continue;
    const lambda = (variance * c) / (variance * c + ssd[j]! / c);
    enc[j] = lambda === lambda ? lambda * (sum[j]! / c) + (1 - lambda) * prior : prior;
  }
  return { enc, prior };
}

/**
 * Fold id per row in [0, k): rows shuffled, then dealt round-robin, within each class when
 * `strata` is given (so every fold keeps the class mix). O(n).
 *
 * @example
 * foldIds(10, 5, new Rng(1)); // each of 0..4 twice, in shuffled order
 */
export function foldIds(n: number, k: number, rng: Rng, strata?: Int32Array): Int32Array {
  const folds = new Int32Array(n);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const g = strata ? strata[i]! : 0;
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(i);
  }
  let offset = 0;
  for (const g of [...groups.keys()].sort((a, b) => a - b)) {
    const rows = rng.shuffle(groups.get(g)!) as number[];
    // Continue the deal where the last class stopped, so small classes do not all start at fold 0.
    rows.forEach((r, j) => (folds[r] = (offset + j) % k));
    offset = (offset + rows.length) % k;
  }
  return folds;
}
