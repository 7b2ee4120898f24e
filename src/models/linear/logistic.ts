/**
 * Logistic regression, binary and multinomial, with sklearn's objective so that coefficients
 * match sklearn's `LogisticRegression` (see test/golden/linear):
 *
 *   min  Σᵢ sᵢ·ℓᵢ + (1/C)·R(W),  intercepts unpenalised,
 *
 * R = ½‖W‖² (l2), ‖W‖₁ (l1), ρ‖W‖₁ + (1-ρ)/2·‖W‖² (elasticnet), 0 (none).
 *
 * Solvers: L-BFGS for l2 and none (smooth: superlinear, one gradient per step); accelerated
 * proximal gradient (FISTA with restart) for l1 and elasticnet, whose |·| term L-BFGS cannot
 * handle and whose prox gives exact zeros. Both stop on the same first-order optimality measure,
 * and a fit that runs out of iterations is still returned, with a `linear.not_converged` warning.
 *
 * @example
 * const est = new LogisticRegressionEstimator({ C: 0.5 });
 * const model = await est.fit(frame, frame.column('Status'), { rng: new Rng(1), emit: console.warn });
 * model.predict(frame).proba; // n x k, row-major
 */
import { SpecmlError } from '../../core/errors.js';
import { signatureOf, type Estimator, type FitContext, requireWeightSupport } from '../../core/estimator.js';
import type { Column, Frame } from '../../core/frame.js';
import { resolveParams, type ParamsOf } from '../../core/params.js';
import { encodeTarget } from '../target.js';
import { designMatrix } from './design.js';
import { minimizeLbfgs } from './lbfgs.js';
import { LogisticRegressionModel } from './linear-model.js';
import { logisticObjective } from './logistic-loss.js';
import { LOGISTIC_PARAMS } from './params.js';
import { minimizeProximal } from './proximal.js';

/**
 * The logistic regression estimator (name 'logistic_regression'); parameters in
 * {@link LOGISTIC_PARAMS}.
 *
 * @example
 * await new LogisticRegressionEstimator({ penalty: 'l1', C: 0.1 }).fit(frame, target, { rng: new Rng(1) });
 */
export class LogisticRegressionEstimator implements Estimator<LogisticRegressionModel> {
  readonly kind = 'predictor';
  readonly name = 'logistic_regression';
  readonly params: ParamsOf<typeof LOGISTIC_PARAMS>;

  constructor(params: Record<string, unknown> = {}) {
    this.params = resolveParams(LOGISTIC_PARAMS, params, 'logistic_regression');
  }

  async fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<LogisticRegressionModel> {
    if (!target) throw new SpecmlError('usage.missing_target', 'logistic_regression needs a target column', { hint: 'Pass the label column to fit.' });
    requireWeightSupport(ctx, frame.nRows, 'logistic_regression', false);
    const pr = this.params;
    const y = classTarget(target, pr.task as 'auto' | 'binary' | 'multiclass');
    const { x, n, p } = designMatrix(frame, this.name);
    const nClasses = y.classes.length;
    const k = y.task === 'binary' ? 1 : nClasses;
    const sw = new Float64Array(n).fill(1);
    if (pr.class_weight === 'balanced') {
      const weights = y.counts.map((c) => n / (nClasses * c));
      for (let i = 0; i < n; i++) sw[i] = weights[y.codes[i]!]!;
    }
    // sklearn's Σ sᵢℓᵢ + (1/C)·R divided by n: the same minimiser, on the mean scale tol refers to.
    const scale = 1 / (pr.C * n);
    const rho = pr.penalty === 'l1' ? 1 : pr.penalty === 'elasticnet' ? pr.l1_ratio : 0;
    const l2 = pr.penalty === 'none' ? 0 : (1 - rho) * scale;
    const fitIntercept = pr.fit_intercept;
    const q = p + (fitIntercept ? 1 : 0);
    const fg = logisticObjective({ x, n, p, y: y.codes, sw, k, fitIntercept, l2 });
    const theta0 = new Float64Array(k * q);
    const opts = { maxIter: pr.max_iter, tol: pr.tol };
    let result;
    if (rho === 0) {
      result = minimizeLbfgs(fg, theta0, opts);
    } else {
      const l1 = new Float64Array(k * q);
      for (let c = 0; c < k; c++) l1.fill(rho * scale, c * q, c * q + p);
      result = minimizeProximal(fg, l1, theta0, opts);
    }
    if (!result.converged) {
      ctx.emit?.({
        level: 'warning',
        code: 'linear.not_converged',
        message: `logistic_regression (${pr.penalty}) stopped after ${result.iterations} iterations with max |gradient| ${result.gradNorm.toExponential(2)} > tol ${pr.tol}; the coefficients are approximate. Increase max_iter, standardise the inputs, or regularise more (lower C).`,
        details: { iterations: result.iterations, tol: pr.tol, gradNorm: result.gradNorm },
      });
    }
    const coef = new Float64Array(k * p);
    const intercept = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      coef.set(result.x.subarray(c * q, c * q + p), c * p);
      if (fitIntercept) intercept[c] = result.x[c * q + p]!;
    }
    if (k > 1 && fitIntercept) {
      // Softmax is invariant to a shift of all intercepts and they are unpenalised: centre them so
      // the stored solution is the unique one with Σ b = 0 (sklearn's iterates stay there too).
      const mean = intercept.reduce((a, b) => a + b, 0) / k;
      for (let c = 0; c < k; c++) intercept[c]! -= mean;
    }
    return new LogisticRegressionModel(pr, signatureOf(frame), { task: y.task, classes: y.classes, coef, intercept });
  }
}

/** The target as classes; a numeric target under task 'auto' is taken as class labels. */
function classTarget(target: Column, task: 'auto' | 'binary' | 'multiclass'): { task: 'binary' | 'multiclass'; classes: string[]; codes: Int32Array; counts: number[] } {
  const y = encodeTarget(target, task === 'auto' && target.kind === 'numeric' ? 'multiclass' : task);
  if (y.task === 'regression') throw new Error('unreachable: a classification task was requested');
  const kind = task === 'auto' ? (y.classes.length === 2 ? 'binary' : 'multiclass') : y.task;
  return { task: kind, classes: y.classes, codes: y.codes, counts: y.counts };
}
