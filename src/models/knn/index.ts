export { KnnEstimator } from './estimator.js';
export { KnnModel, type KnnState } from './model.js';
export { KNN_PARAMS } from './params.js';
