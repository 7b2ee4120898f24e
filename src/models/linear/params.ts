/**
 * The parameter tables of the linear models (STYLE.md §2): defaults with their reasons, ranges,
 * docs and the tuning space, each written once. Names and meanings follow scikit-learn so that a
 * user's sklearn settings carry over (`C` is the inverse regularisation strength, `alpha` the
 * strength itself, as there).
 *
 * @example
 * resolveParams(LOGISTIC_PARAMS, { C: 0.1, penalty: 'l1' }, 'logistic_regression');
 */
import { defineParams, type ParamSpec } from '../../core/params.js';

// Shared specs, so a range shared by several models is still written once.
const fitIntercept = { type: 'bool', default: true, doc: 'fit an unpenalised intercept (the data are centred for it); false when the inputs already hold a constant column' } as const satisfies ParamSpec;
const l1Ratio = {
  type: 'float',
  default: 0.5,
  min: 0,
  max: 1,
  doc: 'elastic-net mixing: 1 is pure L1 (lasso), 0 pure L2 (ridge); 0.5 is the usual starting point that keeps some sparsity and the grouping of correlated features',
} as const satisfies ParamSpec;
const tol = {
  type: 'float',
  default: 1e-4,
  min: 0,
  exclusiveMin: true,
  log: true,
  doc: "stopping tolerance, sklearn's default 1e-4 (see each model for what it bounds); smaller is more exact and slower",
} as const satisfies ParamSpec;

/**
 * Logistic regression: minimises Σᵢ sᵢ·loss(xᵢ) + (1/C)·R(w), with R = ½‖w‖² (l2),
 * ‖w‖₁ (l1), ρ‖w‖₁ + (1-ρ)/2‖w‖² (elasticnet, ρ = l1_ratio) or 0 (none); sᵢ are the class weights.
 * The intercept is not penalised.
 *
 * @example
 * new LogisticRegressionEstimator({ penalty: 'elasticnet', C: 0.5, l1_ratio: 0.5 });
 */
export const LOGISTIC_PARAMS = defineParams({
  penalty: {
    type: 'enum',
    default: 'l2',
    values: ['l2', 'l1', 'elasticnet', 'none'],
    doc: 'regularisation: l2 (smooth, solved by L-BFGS), l1 or elasticnet (sparse, solved by accelerated proximal gradient), none (unregularised L-BFGS; diverges on separable data)',
  },
  C: { type: 'float', default: 1, min: 0, exclusiveMin: true, log: true, search: { low: 1e-3, high: 100 }, doc: 'inverse regularisation strength, as in sklearn: smaller C, stronger penalty; 1 is sklearn\'s default and sensible for standardised inputs' },
  l1_ratio: l1Ratio,
  fit_intercept: fitIntercept,
  max_iter: {
    type: 'int',
    default: 1000,
    min: 1,
    max: 1_000_000,
    doc: 'iteration cap (L-BFGS or proximal steps); each costs O(n·p·k). Higher than sklearn\'s 100 because unscaled inputs need more steps, and converging is worth more than the time',
  },
  tol: { ...tol, doc: 'stop when the largest entry of the (minimum-norm sub)gradient of the mean loss + penalty/(C·n) is below tol' },
  class_weight: { type: 'enum', default: 'none', values: ['none', 'balanced'], doc: 'balanced weighs class c by n / (k · count_c), so each class carries equal total weight' },
  task: { type: 'enum', default: 'auto', values: ['auto', 'binary', 'multiclass'], doc: 'auto: binary for two classes, multinomial (softmax) for more; numeric targets are treated as class labels' },
});

/**
 * Ridge regression: minimises ‖y - Xw - b‖² + alpha·‖w‖² (sklearn's Ridge), solved exactly.
 *
 * @example
 * new RidgeEstimator({ alpha: 10 });
 */
export const RIDGE_PARAMS = defineParams({
  alpha: { type: 'float', default: 1, min: 0, log: true, search: { low: 1e-3, high: 1e3 }, doc: "L2 penalty on the summed squared error, as in sklearn's Ridge; 1 is sklearn's default" },
  fit_intercept: fitIntercept,
});

/**
 * Ordinary least squares (ridge with alpha 0; a rank-deficient XᵀX gets a tiny jitter and a warning).
 *
 * @example
 * new LinearRegressionEstimator({});
 */
export const LINEAR_REGRESSION_PARAMS = defineParams({ fit_intercept: fitIntercept });

const cdCommon = {
  fit_intercept: fitIntercept,
  max_iter: { type: 'int', default: 1000, min: 1, max: 1_000_000, doc: "cap on coordinate-descent sweeps over all features (each O(n·p)); sklearn's default" },
  tol: { ...tol, doc: "stop when the duality gap is below tol·‖y - ȳ‖², checked after a sweep whose largest update is below tol·max|w| (sklearn's rule)" },
} as const;

/**
 * Lasso: minimises 1/(2n)‖y - Xw - b‖² + alpha·‖w‖₁ (sklearn's Lasso), by coordinate descent.
 *
 * @example
 * new LassoEstimator({ alpha: 0.1 });
 */
export const LASSO_PARAMS = defineParams({
  alpha: { type: 'float', default: 1, min: 0, exclusiveMin: true, log: true, doc: "L1 penalty strength on the mean squared error scale; sklearn's default 1 (use linear_regression for alpha 0)" },
  ...cdCommon,
});

/**
 * Elastic net: minimises 1/(2n)‖y - Xw - b‖² + alpha·ρ‖w‖₁ + alpha(1-ρ)/2·‖w‖² (ρ = l1_ratio).
 *
 * @example
 * new ElasticNetEstimator({ alpha: 0.1, l1_ratio: 0.5 });
 */
export const ELASTIC_NET_PARAMS = defineParams({
  alpha: { type: 'float', default: 1, min: 0, exclusiveMin: true, log: true, doc: "overall penalty strength on the mean squared error scale; sklearn's default 1" },
  l1_ratio: l1Ratio,
  ...cdCommon,
});
