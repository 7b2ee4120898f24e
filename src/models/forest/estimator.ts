/**
 * RandomForestEstimator and ExtraTreesEstimator: averaged trees on the GBDT's binned data
 * (binning.ts / dataset.ts), grown by tree.ts with the multi-channel split search of split.ts,
 * flattened by the GBDT's flatten.ts into a {@link ForestModel}.
 *
 * Inputs: numeric, datetime, boolean and categorical columns natively (NaN / missing codes are
 * missing values and go to the better side of each split). Text columns are rejected.
 *
 * @example
 * const model = await new RandomForestEstimator({ n_estimators: 100 }).fit(frame, frame.column('Status'), { rng: new Rng(42) });
 * (model as ForestModel).oobScore; // out-of-bag accuracy
 */
import { SpecmlError } from '../../core/errors.js';
import { signatureOf, type Estimator, type FitContext, type LearningTask, type PredictorModel, requireWeightSupport } from '../../core/estimator.js';
import type { Column, Frame } from '../../core/frame.js';
import { resolveParams, type ParamTable } from '../../core/params.js';
import type { Rng } from '../../core/rng.js';
import { binFrame, featureSpecs, fitMappers, levelsOf } from '../gbdt/dataset.js';
import { flatten } from '../gbdt/flatten.js';
import { encodeTarget } from '../target.js';
import { growForest, oobScore } from './forest.js';
import { ForestModel, type ForestName } from './model.js';
import { EXTRA_TREES_PARAMS, RANDOM_FOREST_PARAMS, featuresPerSplit, normaliseMaxFeatures, type ForestParams } from './params.js';
import type { ChannelTarget } from './tree.js';

/** Categorical binning: one bin per category up to 64 (rarer ones pooled), none pooled for rarity. */
const CATEGORICAL_BINNING = { maxCatBins: 64, minCatCount: 1 };

function resolve(table: ParamTable, params: Record<string, unknown>, owner: ForestName): ForestParams {
  const given = 'max_features' in params ? { ...params, max_features: normaliseMaxFeatures(params.max_features) } : params;
  const p = resolveParams(table, given, owner) as ForestParams;
  featuresPerSplit(p.max_features, 1, true, owner); // validates the keyword or fraction now, not at fit
  if (p.oob_score && !p.bootstrap && 'oob_score' in params) {
    throw new SpecmlError('usage.bad_param', `${owner}.oob_score: needs bootstrap (without it every tree sees every row)`, {
      hint: 'Set bootstrap: true, or drop oob_score.',
      location: { path: `${owner}.oob_score` },
    });
  }
  return p;
}

async function fitForest(name: ForestName, p: ForestParams, frame: Frame, target: Column | undefined, ctx: FitContext): Promise<PredictorModel> {
  if (!target) throw new SpecmlError('usage.no_target', `${name} needs a target column`, { hint: 'Pass the target column to fit (spec: data.target).' });
  for (const c of frame.columns) {
    if (c.kind === 'text') {
      throw new SpecmlError('data.text_feature', `${name} cannot use text column '${c.name}' directly`, {
        hint: 'Turn it into features first with a text transformer (e.g. tf-idf) or drop it from the inputs.',
      });
    }
  }
  const enc = encodeTarget(target, p.task as LearningTask | 'auto');
  const n = frame.nRows;
  let y: ChannelTarget;
  if (enc.task === 'regression') {
    // Centred values keep Σ S² free of cancellation when the target sits far from 0.
    let mean = 0;
    for (let i = 0; i < n; i++) mean += enc.values[i]!;
    mean /= n;
    y = { k: 1, ch: new Int32Array(n), val: Float64Array.from(enc.values, (v) => v - mean), offset: mean };
  } else y = { k: enc.classes.length, ch: enc.codes, val: new Float64Array(n).fill(1), offset: 0 };

  const mappers = fitMappers(frame, { maxBins: p.max_bins, ...CATEGORICAL_BINNING });
  const levels = levelsOf(frame);
  const data = binFrame(frame, mappers, levels);
  const mtry = featuresPerSplit(p.max_features, mappers.length, enc.task !== 'regression', name);
  const rng: Rng = ctx.rng.fork(name);
  const out = growForest(
    data,
    y,
    {
      nTrees: p.n_estimators,
      bootstrap: p.bootstrap,
      oob: p.oob_score,
      tree: { mtry, maxDepth: p.max_depth, minLeaf: p.min_samples_leaf, maxLeaves: p.max_leaves, randomCuts: name === 'extra_trees' },
    },
    rng,
  );

  let oob: number | null = null;
  if (out.oob) {
    const r = oobScore(out.oob, y.k, enc.task === 'regression' ? enc.values : enc.codes, enc.task === 'regression');
    oob = r.score;
    if (r.rows < n && ctx.emit) {
      ctx.emit({ level: 'warning', code: 'forest.oob_incomplete', message: `${n - r.rows} of ${n} rows were drawn by every tree: the out-of-bag score leaves them out (use more trees)`, details: { rows: r.rows } });
    }
  }

  const ensemble = flatten(new Float64Array(y.k), out.trees, mappers);
  let total = 0;
  for (const v of out.values) total += v.length;
  const leafValue = new Float64Array(total);
  let at = 0;
  for (const v of out.values) {
    leafValue.set(v, at);
    at += v.length;
  }
  ensemble.leafValue = leafValue;
  let gainSum = 0;
  for (const g of out.gain) gainSum += g;
  const importance = Float64Array.from(out.gain, (g) => (gainSum > 0 ? g / gainSum : 0));
  return new ForestModel(name, p, signatureOf(frame), {
    task: enc.task,
    classes: enc.task === 'regression' ? null : enc.classes,
    specs: featureSpecs(mappers, levels),
    ensemble,
    oobScore: oob,
    importance,
  });
}

/**
 * Random forest (Breiman 2001), name 'random_forest': bootstrap samples, best cut among
 * `max_features` features per split, Gini (classification) or squared error (regression),
 * fully grown trees by default. Parameters: {@link RANDOM_FOREST_PARAMS}.
 *
 * @example
 * const m = (await new RandomForestEstimator({ n_estimators: 200, max_features: 0.5 }).fit(frame, target, { rng: new Rng(7) })) as ForestModel;
 * m.oobScore; // e.g. 0.87
 */
export class RandomForestEstimator implements Estimator<PredictorModel> {
  readonly kind = 'predictor';
  readonly name = 'random_forest';
  readonly params: ForestParams;

  constructor(params: Record<string, unknown> = {}) {
    this.params = resolve(RANDOM_FOREST_PARAMS, params, 'random_forest');
  }

  fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<PredictorModel> {
    requireWeightSupport(ctx, frame.nRows, 'random_forest', false);
    return fitForest('random_forest', this.params, frame, target, ctx);
  }
}

/**
 * Extremely randomised trees (Geurts et al. 2006), name 'extra_trees': all rows per tree by
 * default, one uniformly random cut per tried feature (between the node's smallest and largest
 * bin), the best of those kept. Parameters: {@link EXTRA_TREES_PARAMS}.
 *
 * @example
 * const m = await new ExtraTreesEstimator({ n_estimators: 200 }).fit(frame, target, { rng: new Rng(7) });
 * m.predict(frame).values;
 */
export class ExtraTreesEstimator implements Estimator<PredictorModel> {
  readonly kind = 'predictor';
  readonly name = 'extra_trees';
  readonly params: ForestParams;

  constructor(params: Record<string, unknown> = {}) {
    this.params = resolve(EXTRA_TREES_PARAMS, params, 'extra_trees');
  }

  fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<PredictorModel> {
    requireWeightSupport(ctx, frame.nRows, 'extra_trees', false);
    return fitForest('extra_trees', this.params, frame, target, ctx);
  }
}
