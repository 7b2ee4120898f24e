/**
 * Linear regression estimators with sklearn's objectives, so coefficients match sklearn's
 * `LinearRegression`, `Ridge`, `Lasso` and `ElasticNet` (see test/golden/linear):
 *
 * - `linear_regression`: min ‖y - Xw - b‖², exact solve (ridge with alpha 0);
 * - `ridge`: min ‖y - Xw - b‖² + alpha·‖w‖², Cholesky of XcᵀXc + alpha·I on centred data (exact,
 *   O(n·p² + p³): no iterations, so no tolerance and no convergence to report);
 * - `lasso` / `elastic_net`: min 1/(2n)‖y - Xw - b‖² + alpha·ρ‖w‖₁ + alpha(1-ρ)/2·‖w‖², cyclic
 *   coordinate descent on centred data with sklearn's duality-gap stop.
 *
 * With an intercept, the data are centred first: the intercept is then ȳ - x̄·w and is never
 * penalised, exactly as sklearn does it.
 *
 * @example
 * const model = await new LassoEstimator({ alpha: 0.1 }).fit(frame, frame.column('price'), { rng: new Rng(1) });
 * model.coef; // Float64Array[p], some exactly 0
 */
import { SpecmlError } from '../../core/errors.js';
import { signatureOf, type Estimator, type FitContext, requireWeightSupport } from '../../core/estimator.js';
import type { Column, Frame } from '../../core/frame.js';
import { resolveParams, type ParamsOf } from '../../core/params.js';
import { encodeTarget } from '../target.js';
import { choleskySolve } from './cholesky.js';
import { enetCoordinateDescent } from './coordinate-descent.js';
import { designMatrix } from './design.js';
import { LinearRegressorModel, type RegressorName } from './linear-model.js';
import { ELASTIC_NET_PARAMS, LASSO_PARAMS, LINEAR_REGRESSION_PARAMS, RIDGE_PARAMS } from './params.js';

/**
 * Ordinary least squares (name 'linear_regression'); parameters in {@link LINEAR_REGRESSION_PARAMS}.
 *
 * @example
 * await new LinearRegressionEstimator({}).fit(frame, target, { rng: new Rng(1) });
 */
export class LinearRegressionEstimator implements Estimator<LinearRegressorModel> {
  readonly kind = 'predictor';
  readonly name = 'linear_regression';
  readonly params: ParamsOf<typeof LINEAR_REGRESSION_PARAMS>;
  constructor(params: Record<string, unknown> = {}) {
    this.params = resolveParams(LINEAR_REGRESSION_PARAMS, params, this.name);
  }
  async fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<LinearRegressorModel> {
    return fitRidge(this.name, this.params, 0, frame, target, ctx);
  }
}

/**
 * Ridge regression (name 'ridge'); parameters in {@link RIDGE_PARAMS}.
 *
 * @example
 * await new RidgeEstimator({ alpha: 10 }).fit(frame, target, { rng: new Rng(1) });
 */
export class RidgeEstimator implements Estimator<LinearRegressorModel> {
  readonly kind = 'predictor';
  readonly name = 'ridge';
  readonly params: ParamsOf<typeof RIDGE_PARAMS>;
  constructor(params: Record<string, unknown> = {}) {
    this.params = resolveParams(RIDGE_PARAMS, params, this.name);
  }
  async fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<LinearRegressorModel> {
    return fitRidge(this.name, this.params, this.params.alpha, frame, target, ctx);
  }
}

/**
 * The lasso (name 'lasso'); parameters in {@link LASSO_PARAMS}.
 *
 * @example
 * await new LassoEstimator({ alpha: 0.1 }).fit(frame, target, { rng: new Rng(1) });
 */
export class LassoEstimator implements Estimator<LinearRegressorModel> {
  readonly kind = 'predictor';
  readonly name = 'lasso';
  readonly params: ParamsOf<typeof LASSO_PARAMS>;
  constructor(params: Record<string, unknown> = {}) {
    this.params = resolveParams(LASSO_PARAMS, params, this.name);
  }
  async fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<LinearRegressorModel> {
    return fitEnet(this.name, this.params, 1, frame, target, ctx);
  }
}

/**
 * The elastic net (name 'elastic_net'); parameters in {@link ELASTIC_NET_PARAMS}.
 *
 * @example
 * await new ElasticNetEstimator({ alpha: 0.1, l1_ratio: 0.5 }).fit(frame, target, { rng: new Rng(1) });
 */
export class ElasticNetEstimator implements Estimator<LinearRegressorModel> {
  readonly kind = 'predictor';
  readonly name = 'elastic_net';
  readonly params: ParamsOf<typeof ELASTIC_NET_PARAMS>;
  constructor(params: Record<string, unknown> = {}) {
    this.params = resolveParams(ELASTIC_NET_PARAMS, params, this.name);
  }
  async fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<LinearRegressorModel> {
    return fitEnet(this.name, this.params, this.params.l1_ratio, frame, target, ctx);
  }
}

/** The design, target and (when fitting an intercept) their column means. */
function prepare(name: string, frame: Frame, target: Column | undefined, fitIntercept: boolean) {
  if (!target) throw new SpecmlError('usage.missing_target', `${name} needs a target column`, { hint: 'Pass the numeric target column to fit.' });
  const t = encodeTarget(target, 'regression');
  if (t.task !== 'regression') throw new Error('unreachable: regression was requested');
  const { x, n, p } = designMatrix(frame, name);
  if (n === 0) throw new SpecmlError('data.empty', `${name}: no rows to fit on`, { hint: 'Check the row filter and the split.' });
  const xMean = new Float64Array(p);
  let yMean = 0;
  if (fitIntercept) {
    for (let i = 0; i < n; i++) {
      yMean += t.values[i]!;
      for (let j = 0; j < p; j++) xMean[j]! += x[i * p + j]!;
    }
    yMean /= n;
    for (let j = 0; j < p; j++) xMean[j]! /= n;
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = t.values[i]! - yMean;
  return { x, n, p, y, xMean, yMean };
}

function intercept(xMean: Float64Array, yMean: number, w: Float64Array): number {
  let s = yMean;
  for (let j = 0; j < w.length; j++) s -= xMean[j]! * w[j]!;
  return s;
}

async function fitRidge(name: RegressorName, params: ParamsOf<typeof LINEAR_REGRESSION_PARAMS>, alpha: number, frame: Frame, target: Column | undefined, ctx: FitContext): Promise<LinearRegressorModel> {
  requireWeightSupport(ctx, frame.nRows, name, false);
  const { x, n, p, y, xMean, yMean } = prepare(name, frame, target, params.fit_intercept);
  // Gram matrix G = XcᵀXc + alpha·I (p x p) and rhs = Xcᵀyc: O(n·p²), the dominant cost.
  const gram = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  const row = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) row[j] = x[i * p + j]! - xMean[j]!;
    for (let j = 0; j < p; j++) {
      const v = row[j]!;
      rhs[j]! += v * y[i]!;
      for (let l = 0; l <= j; l++) gram[j * p + l]! += v * row[l]!;
    }
  }
  let trace = 0;
  for (let j = 0; j < p; j++) trace += gram[j * p + j]!;
  for (let j = 0; j < p; j++) gram[j * p + j]! += alpha;
  let w = choleskySolve(gram, p, rhs);
  if (!w) {
    // Collinear or constant columns and (almost) no penalty: a tiny ridge gives the minimum-norm
    // least-squares solution in the limit, the answer sklearn's lstsq gives.
    const jitter = ((trace / p) || 1) * 1e-10;
    for (let j = 0; j < p; j++) gram[j * p + j]! += jitter;
    w = choleskySolve(gram, p, rhs) ?? new Float64Array(p);
    ctx.emit?.({
      level: 'warning',
      code: 'linear.rank_deficient',
      message: `${name}: the inputs are collinear (or a column is constant), so the coefficients are not unique; added a ridge of ${jitter.toExponential(1)} to pick the smallest. Drop redundant columns or use ridge with a larger alpha.`,
      details: { alpha, jitter },
    });
  }
  return new LinearRegressorModel(name, params, signatureOf(frame), { coef: w, intercept: intercept(xMean, yMean, w) });
}

async function fitEnet(name: RegressorName, params: ParamsOf<typeof LASSO_PARAMS>, rho: number, frame: Frame, target: Column | undefined, ctx: FitContext): Promise<LinearRegressorModel> {
  requireWeightSupport(ctx, frame.nRows, name, false);
  const { x, n, p, y, xMean, yMean } = prepare(name, frame, target, params.fit_intercept);
  // Column-major centred copy (p x n): coordinate descent reads one column per update.
  const xc = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) xc[j * n + i] = x[i * p + j]! - xMean[j]!;
  const { alpha, max_iter: maxIter, tol } = params;
  const r = enetCoordinateDescent({ xc, n, p, y, l1: n * alpha * rho, l2: n * alpha * (1 - rho), maxIter, tol });
  if (!r.converged) {
    ctx.emit?.({
      level: 'warning',
      code: 'linear.not_converged',
      message: `${name} stopped after ${r.iterations} coordinate-descent sweeps with duality gap ${r.gap.toExponential(2)} above tol·‖y‖²; the coefficients are approximate. Increase max_iter, standardise the inputs, or raise alpha.`,
      details: { iterations: r.iterations, tol, gap: r.gap },
    });
  }
  return new LinearRegressorModel(name, params, signatureOf(frame), { coef: r.w, intercept: intercept(xMean, yMean, r.w) });
}
