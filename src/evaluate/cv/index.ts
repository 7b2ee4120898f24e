/**
 * Cross-validation splitters (scikit-learn 1.2's folds where the algorithm is deterministic).
 *
 * @example
 * import { StratifiedKFold } from './evaluate/cv/index.js';
 * const folds = new StratifiedKFold({ n_splits: 5 }).split({ n: y.length, y });
 */
export type { Fold, SplitInput, Splitter } from './splitter.js';
export { KFold, KFOLD_PARAMS } from './kfold.js';
export { StratifiedKFold, STRATIFIED_KFOLD_PARAMS } from './stratified-kfold.js';
export { GroupKFold, GROUP_KFOLD_PARAMS } from './group-kfold.js';
export { StratifiedGroupKFold, STRATIFIED_GROUP_KFOLD_PARAMS } from './stratified-group-kfold.js';
export { TimeSeriesSplit, TIME_SERIES_SPLIT_PARAMS } from './time-series-split.js';
export { RepeatedKFold, RepeatedStratifiedKFold, REPEATED_KFOLD_PARAMS } from './repeated.js';
export { trainTestSplit, TRAIN_TEST_SPLIT_PARAMS, type TrainTestSplitOptions } from './holdout.js';
export { checkFolds, type CheckFoldsOptions } from './check-folds.js';
export * from './cross-validate.js';
