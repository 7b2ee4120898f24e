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
