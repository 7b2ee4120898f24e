export { RandomForestEstimator, ExtraTreesEstimator } from './estimator.js';
export { ForestModel, type ForestState, type ForestName } from './model.js';
export { RANDOM_FOREST_PARAMS, EXTRA_TREES_PARAMS, type ForestParams } from './params.js';
