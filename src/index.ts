/**
 * specml's library API: what a TypeScript program imports instead of shelling out to the CLI.
 * Deliberately small; everything here is covered by the same tests as the CLI.
 */
export * from './core/index.js';
export { readTable, readCsv, readCsvBatches, readJsonl, readParquet } from './data/io/index.js';
export type { RawTable, RawColumn, ReadOptions } from './data/io/index.js';
export { inferSchema, checkCompatibility, toJsonSchema, loadSchema, saveSchema } from './data/schema/index.js';
export type { Schema, ColumnSchema, SemanticType } from './data/schema/index.js';
export { profileFrame } from './data/profile/index.js';
export type { Profile, ColumnProfile } from './data/profile/index.js';
export { runChecks } from './data/validate/index.js';
export { inferTask } from './data/infer-task.js';
export { recommendMetric } from './data/recommend-metric.js';
export type { Task, TaskInference, MetricRecommendation } from './data/task.js';
export type { Analysis } from './data/analysis.js';
export { loadSpec, parseSpecText, parseGate } from './spec/index.js';
export type { Spec, Gate } from './spec/index.js';
export { analyze, inspectData } from './pipeline/analyze.js';
export { train } from './pipeline/train.js';
export { predict } from './pipeline/predict.js';
export { family, familyNames } from './pipeline/families.js';
export { loadModelPackage, saveModelPackage } from './artifact/index.js';
export * from './evaluate/metrics/index.js';
export * from './evaluate/cv/index.js';
export { pipeline, columns, SimpleImputer, StandardScaler, RobustScaler, OneHot, Ordinal, DatetimeParts, TargetEncoder, Tfidf, HashingVectorizer } from './features/index.js';
export { BaselineEstimator } from './models/baseline.js';
export { LogisticRegressionEstimator, LinearRegressionEstimator, RidgeEstimator, LassoEstimator, ElasticNetEstimator } from './models/linear/index.js';
export * from './core/stats/index.js';
export * from './evaluate/significance/index.js';
export * from './evaluate/interval/index.js';
export * from './evaluate/calibration/index.js';
export * from './evaluate/threshold/index.js';
export * from './evaluate/fairness/index.js';
export * from './evaluate/explain/index.js';
export { openStore, openSqliteStore, checkStore, resolveModelRef, parseModelRef } from './track/index.js';
export type { Store, Run, RunStatus, ModelVersion, AliasEvent } from './track/index.js';
export { Study, TrialPruned, RandomSampler, TpeSampler, MedianPruner, SuccessiveHalvingPruner, NopPruner, searchSpace } from './tune/index.js';
export type { SearchSpace, Distribution, FrozenTrial, Sampler, Pruner, TrialHandle } from './tune/index.js';
export { augmentFrame, ensembleSelection, StackedModel, WeightedEnsembleModel } from './models/ensemble/index.js';
export { KNN_PARAMS, KnnEstimator } from './models/knn/index.js';
export { automl, automlSummary, resolveBudget, PRESET_NAMES, portfolioFor, type AutomlInput, type AutomlResult, type Budget } from './pipeline/automl/index.js';
export { runSpec } from './pipeline/run/run.js';
export type { RunSummary } from './pipeline/run/summary.js';
export { testGates } from './pipeline/gate-test.js';
export { GbdtEstimator, GBDT_PARAMS } from './models/gbdt/index.js';
export { RandomForestEstimator, ExtraTreesEstimator } from './models/forest/index.js';
