/**
 * GbdtEstimator: LightGBM-style histogram gradient boosting (binning.ts → histogram.ts →
 * splitter.ts → grower.ts → boosting.ts), fitted into a flat {@link GbdtModel}.
 *
 * Inputs: numeric, datetime, boolean and categorical columns, natively (NaN / missing codes are
 * missing values, categories split many-vs-many). Text columns are rejected (transform them
 * first); ±Infinity in a feature is rejected naming the column.
 *
 * Validation: `ctx.validation` (or, with `validation_fraction` > 0 and no ctx.validation, a
 * random hold-out of the training rows) is scored after every round, and with
 * `early_stopping_rounds` > 0 the ensemble is cut back to its best round.
 *
 * @example
 * const est = new GbdtEstimator({ learning_rate: 0.1 });
 * const model = await est.fit(frame, frame.column('Status'), { rng: new Rng(42) });
 * model.predict(frame).proba; // n x 2
 */
import { SpecmlError } from '../../core/errors.js';
import { signatureOf, selectInputs, type Estimator, type FitContext, type LearningTask, type PredictorModel, requireWeightSupport } from '../../core/estimator.js';
import { cellValue, type Column, type Frame } from '../../core/frame.js';
import { resolveParams, type ParamsOf } from '../../core/params.js';
import { resolveThreads } from '../../kernels/pool.js';
import { openArena, type Arena } from '../../kernels/wasm.js';
import { makeLoss, type Loss } from '../loss/index.js';
import { encodeTarget, type EncodedTarget } from '../target.js';
import { boost, type BoostOptions } from './boosting.js';
import { binFrame, featureSpecs, fitMappers, levelsOf, takeRows } from './dataset.js';
import { flatten } from './flatten.js';
import type { BinnedData } from './kernels.js';
import { GbdtModel } from './model.js';
import { GBDT_PARAMS } from './params.js';

/**
 * Resolved gbdt parameters (see {@link GBDT_PARAMS}).
 *
 * @example
 * const p: GbdtParams = new GbdtEstimator({}).params; // p.max_leaves === 31
 */
export type GbdtParams = ParamsOf<typeof GBDT_PARAMS>;

const CLASSIFICATION_LOSSES = new Set(['logistic', 'softmax']);

/**
 * Histogram gradient boosting estimator, name 'gbdt'. The constructor only validates params;
 * `fit` bins the frame, boosts, and returns a frozen {@link GbdtModel}.
 *
 * @example
 * const model = await new GbdtEstimator({ trees: 500 }).fit(train, train.column('y'), { rng: new Rng(7), validation: { frame: valid, target: valid.column('y') } });
 */
export class GbdtEstimator implements Estimator<PredictorModel> {
  readonly kind = 'predictor';
  readonly name = 'gbdt';
  readonly params: GbdtParams;

  constructor(params: Record<string, unknown> = {}) {
    this.params = resolveParams(GBDT_PARAMS, params, 'gbdt');
  }

  async fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<PredictorModel> {
    const p = this.params;
    if (!target) throw new SpecmlError('usage.no_target', 'gbdt needs a target column', { hint: 'Pass the target column to fit (spec: data.target).' });
    const enc = encodeTarget(target, p.task as LearningTask | 'auto');
    const loss = chooseLoss(p, enc);
    const y = enc.task === 'regression' ? enc.values : Float64Array.from(enc.codes);
    const bad = loss.checkTarget?.(y);
    if (bad) throw new SpecmlError('data.bad_target', `target '${target.name}': ${bad}`, { hint: `Choose a loss that fits the target (gbdt loss '${loss.name}').` });
    const w = rowWeights(p, enc);
    // User row weights multiply the class weights (gradients and hessians are scaled by them).
    const sw = requireWeightSupport(ctx, frame.nRows, 'gbdt', true);
    if (sw) for (let i = 0; i < w.length; i++) w[i]! *= sw[i]!;

    const binning = { maxBins: p.max_bins, maxCatBins: p.max_cat_bins, minCatCount: p.min_cat_count, sampleRows: p.bin_sample };
    const mappers = fitMappers(frame, binning);
    const levels = levelsOf(frame);
    const nf = mappers.length;
    // The WebAssembly kernels' arena, sized for the bins, row indices and gradients (it grows for
    // histograms); null: JavaScript kernels over column-major bins (same model).
    const k = enc.task === 'multiclass' ? enc.classes.length : 1;
    const arena = openArena(frame.nRows * (2 * nf + 8 + 16 * k));
    let data: BinnedData;
    let yt = y;
    let wt = w;
    let valid: { data: BinnedData; y: Float64Array; w: Float64Array } | undefined;
    if (ctx.validation) {
      const vf = selectInputs({ name: 'gbdt', inputs: signatureOf(frame) }, ctx.validation.frame);
      const vy = encodeValidation(ctx.validation.target, enc);
      valid = { data: binFrame(vf, mappers, levels), ...vy };
    }
    if (!ctx.validation && p.validation_fraction > 0 && p.early_stopping_rounds > 0) {
      // Hold-out rows are a random subset (forked Rng, so other draws are unaffected).
      const all = binFrame(frame, mappers, levels);
      const nv = Math.max(1, Math.round(p.validation_fraction * all.n));
      const vIdx = ctx.rng.fork('gbdt.validation').sampleIndices(all.n, nv);
      const isV = new Uint8Array(all.n);
      for (const i of vIdx) isV[i] = 1;
      const tIdx = Int32Array.from({ length: all.n }, (_, i) => i).filter((i) => !isV[i]);
      valid = { data: takeRows(all, vIdx), y: pick(y, vIdx), w: pick(w, vIdx) };
      data = takeRows(all, tIdx, arena ? { rowMajor: true, bins: paddedBins(arena, nf * tIdx.length), colBins: arena.u8(nf * tIdx.length) } : { rowMajor: false });
      yt = pick(y, tIdx);
      wt = pick(w, tIdx);
    } else {
      data = binFrame(frame, mappers, levels, arena ? { rowMajor: true, bins: paddedBins(arena, nf * frame.nRows), colBins: arena.u8(nf * frame.nRows), arena } : { rowMajor: false });
    }

    const opts: BoostOptions = {
      nRounds: p.trees,
      learningRate: p.learning_rate,
      maxLeaves: p.max_leaves,
      maxDepth: p.max_depth,
      minChildSamples: p.min_child_samples,
      minChildWeight: p.min_child_weight,
      lambdaL1: p.lambda_l1,
      lambdaL2: p.lambda_l2,
      minGain: p.min_gain,
      catSmooth: p.cat_smooth,
      catL2: p.cat_l2,
      maxCatThreshold: p.max_cat_threshold,
      baggingFraction: p.bagging_fraction,
      featureFraction: p.feature_fraction,
      earlyStoppingRounds: p.early_stopping_rounds,
      threads: resolveThreads(p.threads),
    };
    const out = boost({ data, y: yt, w: wt, loss, params: opts, rng: ctx.rng.fork('gbdt'), arena, ...(valid ? { valid } : {}) });
    if (valid && out.rounds < p.trees && ctx.emit) {
      ctx.emit({ level: 'info', code: 'gbdt.early_stopped', message: `gbdt stopped early after ${out.rounds} of ${p.trees} rounds (best validation loss ${Math.min(...out.validLoss).toPrecision(6)})`, details: { rounds: out.rounds } });
    }
    return new GbdtModel(this.params, signatureOf(frame), {
      task: enc.task,
      classes: enc.task === 'regression' ? null : enc.classes,
      link: loss.inverseLink,
      rounds: out.rounds,
      specs: featureSpecs(mappers, levels),
      ensemble: flatten(out.init, out.trees, mappers),
      gain: out.gainImportance,
      splits: out.splitImportance,
      validLoss: out.validLoss,
    });
  }
}

/** Row-major bins for the WebAssembly kernels, followed by the 16 bytes of padding they may read. */
function paddedBins(arena: Arena, bytes: number): Uint8Array {
  return arena.u8(bytes + 16).subarray(0, bytes);
}

function pick(a: Float64Array, idx: Int32Array): Float64Array {
  return Float64Array.from(idx, (i) => a[i]!);
}

/** The loss for the task: 'auto' picks logistic / softmax / squared_error; mismatches are usage errors. */
function chooseLoss(p: GbdtParams, enc: EncodedTarget): Loss {
  const classification = enc.task !== 'regression';
  const name = p.loss !== 'auto' ? p.loss : enc.task === 'binary' ? 'logistic' : enc.task === 'multiclass' ? 'softmax' : 'squared_error';
  if (classification !== CLASSIFICATION_LOSSES.has(name) || (enc.task === 'multiclass' && name === 'logistic')) {
    throw new SpecmlError('usage.bad_param', `gbdt.loss: '${name}' does not fit a ${enc.task} target`, {
      hint: classification ? 'Use loss auto, logistic (binary) or softmax.' : 'Use a regression loss: squared_error, absolute_error, huber, quantile or poisson.',
      location: { path: 'gbdt.loss' },
    });
  }
  return makeLoss(name, { nClasses: enc.task === 'regression' ? 1 : enc.classes.length, alpha: p.quantile_alpha, delta: p.huber_delta });
}

/** Row weights: 1, or n / (k * count of the row's class) with class_weight 'balanced'. */
function rowWeights(p: GbdtParams, enc: EncodedTarget): Float64Array {
  if (enc.task === 'regression') return new Float64Array(enc.values.length).fill(1);
  const n = enc.codes.length;
  if (p.class_weight !== 'balanced') return new Float64Array(n).fill(1);
  const k = enc.classes.length;
  const cw = enc.counts.map((c) => (c > 0 ? n / (k * c) : 0));
  return Float64Array.from(enc.codes, (c) => cw[c]!);
}

/** The validation target in the training encoding; labels unknown to training get weight 0. */
function encodeValidation(target: Column, enc: EncodedTarget): { y: Float64Array; w: Float64Array } {
  const n = target.kind === 'categorical' ? target.codes.length : target.values.length;
  const w = new Float64Array(n).fill(1);
  if (enc.task === 'regression') {
    const v = encodeTarget(target, 'regression');
    return { y: (v as { values: Float64Array }).values, w };
  }
  const at = new Map(enc.classes.map((c, i) => [c, i]));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = cellValue(target, i);
    // cellValue writes labels as encodeClasses does (String of numbers and booleans, ISO dates).
    const code = v === null ? undefined : at.get(String(v));
    if (code === undefined) w[i] = 0;
    else y[i] = code;
  }
  return { y, w };
}
