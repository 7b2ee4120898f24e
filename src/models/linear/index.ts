/**
 * Linear models: logistic regression (binary and multinomial; l2, l1, elastic-net or no penalty)
 * and linear regression (least squares, ridge, lasso, elastic net), with sklearn's objectives.
 * Importing this module registers the fitted models' loaders.
 *
 * @example
 * import { LogisticRegressionEstimator } from './models/linear/index.js';
 * const model = await new LogisticRegressionEstimator({ C: 1 }).fit(frame, target, { rng: new Rng(1) });
 */
export { designMatrix, type Design } from './design.js';
export { LinearRegressorModel, LogisticRegressionModel, type LogisticState, type RegressorState } from './linear-model.js';
export { LogisticRegressionEstimator } from './logistic.js';
export { ElasticNetEstimator, LassoEstimator, LinearRegressionEstimator, RidgeEstimator } from './regression.js';
export { ELASTIC_NET_PARAMS, LASSO_PARAMS, LINEAR_REGRESSION_PARAMS, LOGISTIC_PARAMS, RIDGE_PARAMS } from './params.js';
