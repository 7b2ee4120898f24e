/**
 * Operating thresholds for binary scores: the precision-recall curve (scikit-learn 1.2.1's),
 * a threshold meeting a precision or recall floor, and the confusion counts at a cut.
 *
 * @example
 * import { chooseThreshold } from './evaluate/threshold/index.js';
 * const { threshold, met } = chooseThreshold(yTrue01, score, { target: 'precision', min: 0.9 });
 */
export { chooseThreshold, type ThresholdChoice, type ThresholdTarget } from './choose-threshold.js';
export { confusionAt, type BinaryConfusion } from './confusion-at.js';
export { precisionRecallCurve, type PrecisionRecallCurve } from './pr-curve.js';
