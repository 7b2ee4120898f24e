export { binaryDisparities, FOUR_FIFTHS, spread, type BinaryDisparities, type DisparityResult, type Exclusion, type UndefinedRatePolicy } from './disparity.js';
export { BINARY_RATES, binaryGroupMetrics, DEFAULT_MIN_GROUP_SIZE, type BinaryGroupMetrics, type BinaryRateName, type GroupRateOptions, type Rate } from './group-rates.js';
export { groupingFromLabels, MAX_UNBANDED_GROUPS, MISSING_GROUP, sensitiveGroups, type Grouping, type SensitiveAttribute } from '../../data/groups.js';
export { INTERSECTION_SEPARATOR, intersectGroups } from './intersect.js';
export { regressionFairnessReport, type RegressionAttributeFairness, type RegressionDisparities, type RegressionFairnessReport, type RegressionGroupMetrics } from './regression.js';
export { fairnessReport, type AttributeFairness, type FairnessReport, type FairnessReportOptions } from './report.js';
export { resolveGroupings, type IntersectionOption } from './resolve.js';
export { applyGroupThresholds, groupThresholds, type GroupThresholdOptions, type GroupThresholdResult, type ThresholdMetrics } from './thresholds.js';
export { wilsonInterval, Z_95, type Interval } from './wilson.js';
