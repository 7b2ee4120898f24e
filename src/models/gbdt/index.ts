export { GbdtEstimator, type GbdtParams } from './estimator.js';
export { GbdtModel, type GbdtState, type Importance } from './model.js';
export { GBDT_PARAMS } from './params.js';
export { predictRaw, featureColumns, applyLink, type TreeEnsemble, type FeatureSpec, type LinkName } from './predictor.js';
