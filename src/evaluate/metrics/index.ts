export { accuracy, balancedAccuracy, cohenKappa, mcc } from './classification.js';
export { confusionMatrix, type ConfusionMatrix } from './confusion.js';
export { f1, precision, recall, type Average } from './prf.js';
export { brier, logLoss, LOG_LOSS_EPS } from './probabilistic.js';
export { averagePrecision, rocAuc } from './ranking.js';
export { mae, mape, medianAbsoluteError, poissonDeviance, r2, rmse, rmsle } from './regression.js';
export { metric, metricNames, registerMetric, type LabelMetric, type Metric, type ProbaMetric, type ValueMetric } from './registry.js';
export { PROBA_SUM_TOLERANCE } from './validate.js';
