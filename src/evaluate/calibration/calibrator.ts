/**
 * Fitting a calibrator for a whole prediction, and rebuilding one from saved state.
 *
 * Binary targets get one calibrator on the positive-class score; multiclass targets get one per
 * class, one-vs-rest (class c against the rest, on score column c), and applying them divides
 * each row by its sum — scikit-learn's `CalibratedClassifierCV` with `cv='prefit'`
 * (`_fit_calibrator` + `_CalibratedClassifier.predict_proba`). Fit on rows the model did not
 * train on (a calibration split), or the calibrator learns the model's overconfidence on its own
 * training data.
 *
 * @example
 * const cal = fitCalibrator('isotonic', yCal, decisionCal);          // Float64Array[n * k] scores
 * const proba = applyCalibrator(cal, decisionTest);                   // Float64Array[m * k]
 * const again = calibratorFromState(decodeState(saved.json, saved.buffers)); // same mapping
 */
import { checkFinite, checkLabels, checkRows, checkWeights, fail } from '../metrics/validate.js';
import type { BinaryCalibratorState, CalibratorState } from '../../models/calibrated/apply.js';
import { fitIsotonic } from './isotonic.js';
import { fitSigmoid } from './sigmoid.js';

/** 'sigmoid': Platt scaling, 2 parameters, for small calibration sets; 'isotonic': non-parametric, needs ~1000+ rows not to overfit. */
export type CalibrationMethod = 'sigmoid' | 'isotonic';

export interface FitCalibratorOptions {
  sampleWeight?: Float64Array;
  /** Number of classes when `yTrue` may miss some (multiclass only); defaults to the score columns. */
  nClasses?: number;
}

/**
 * Fits a calibrator to `yTrue: Int32Array[n]` (class indices) and row-major
 * `scores: Float64Array[n * c]`: c = 1 (one binary score per row, e.g. a decision function or
 * P(class 1)), c = 2 (a binary probability or score matrix; column 1 is used, as sklearn does), or
 * c = k ≥ 3 (one score per class: decision functions or probabilities).
 *
 * @example
 * fitCalibrator('sigmoid', Int32Array.of(0, 1, 1, 0), Float64Array.of(-1.2, 0.8, 2.1, 0.3)).perClass[0]; // { method: 'sigmoid', a, b }
 */
export function fitCalibrator(method: CalibrationMethod, yTrue: Int32Array, scores: Float64Array, options: FitCalibratorOptions = {}): CalibratorState {
  const fn = 'fitCalibrator';
  if (method !== 'sigmoid' && method !== 'isotonic') fail(fn, 'usage.invalid_method', `method is '${String(method)}'; use 'sigmoid' or 'isotonic'.`);
  const n = yTrue.length;
  checkRows(fn, n, []);
  const cols = scores.length / n;
  if (!Number.isInteger(cols) || cols < 1) {
    fail(fn, 'data.length_mismatch', `scores has ${scores.length} values, not a multiple of the ${n} rows in yTrue.`, 'Pass scores row-major: n rows × 1, 2 or k columns.');
  }
  checkFinite(fn, 'scores', scores);
  checkWeights(fn, options.sampleWeight, n);
  const seen = checkLabels(fn, 'yTrue', yTrue);
  const nClasses = cols <= 2 ? 2 : cols;
  if (seen > nClasses) fail(fn, 'data.label_out_of_range', `yTrue holds class ${seen - 1} but scores have ${cols} column(s).`, 'Pass one score column per class (or one column for a binary target).');
  if (options.nClasses !== undefined && options.nClasses !== nClasses) {
    fail(fn, 'data.length_mismatch', `nClasses is ${options.nClasses} but scores have ${cols} column(s).`);
  }
  const fitOne = (c: number, col: number): BinaryCalibratorState => {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = scores[i * cols + col]!;
    const target = Int32Array.from(yTrue, (v) => (v === c ? 1 : 0));
    return method === 'sigmoid' ? fitSigmoid(x, target, options.sampleWeight) : fitIsotonic(x, Float64Array.from(target), options.sampleWeight);
  };
  const perClass = nClasses === 2 ? [fitOne(1, cols === 1 ? 0 : 1)] : Array.from({ length: nClasses }, (_, c) => fitOne(c, c));
  return { kind: 'calibrator', method, nClasses, inputColumns: cols, perClass };
}
