export { makeLoss, registerLoss, lossNames, type Loss, type LossFactory, type LossOptions, type InverseLink } from './loss.js';
export { logistic, softmax } from './classification.js';
export { squaredError, quantile, huber, poisson, weightedQuantile } from './regression.js';
