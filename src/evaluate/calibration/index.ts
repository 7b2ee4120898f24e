/**
 * Probability calibration: reliability curves and expected calibration error to measure it,
 * Platt (sigmoid) and isotonic calibrators to fix it, matching scikit-learn 1.2.1.
 * Brier score is the metrics registry's `brier`.
 *
 * @example
 * import { fitCalibrator, applyCalibrator, expectedCalibrationError } from './evaluate/calibration/index.js';
 * const cal = fitCalibrator('sigmoid', yCal, scoresCal);
 * expectedCalibrationError(yTest, applyCalibrator(cal, scoresTest));
 */
export { applyBinary, applyCalibrator, type BinaryCalibratorState, type CalibratorState, type IsotonicState, type SigmoidState } from '../../models/calibrated/apply.js';
export { fitCalibrator, type CalibrationMethod, type FitCalibratorOptions } from './calibrator.js';
export { calibratorFromState } from '../../models/calibrated/state.js';
export { expectedCalibrationError, type EceOptions } from './ece.js';
export { fitIsotonic } from './isotonic.js';
export { reliabilityCurve, type BinStrategy, type ReliabilityCurve, type ReliabilityOptions } from './reliability.js';
export { fitSigmoid } from './sigmoid.js';
