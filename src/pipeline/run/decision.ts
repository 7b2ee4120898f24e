/**
 * The spec's decision rule for classifiers: `calibration: sigmoid | isotonic` and, for binary
 * targets, `threshold: { precision: P }` or `{ recall: R }`. Both are fitted on the selected
 * candidate's out-of-fold probabilities of the training rows (every row scored by a fold model that
 * did not see it), so the holdout stays untouched until it scores the final model; the refitted
 * model is then wrapped in a CalibratedModel carrying both into the package.
 *
 * @example
 * const d = decisionRule(spec, p, oofProba, model);
 * d?.model.predict(testFrame);
 */
import type { PredictorModel } from '../../core/estimator.js';
import { SpecmlError } from '../../core/errors.js';
import { encodeClasses } from '../../data/classes.js';
import { fitCalibrator } from '../../evaluate/calibration/index.js';
import { chooseThreshold } from '../../evaluate/threshold/index.js';
import { applyCalibrator } from '../../models/calibrated/apply.js';
import { CalibratedModel, type DecisionRule } from '../../models/calibrated/model.js';
import type { RunReport } from '../../report/index.js';
import type { Spec } from '../../spec/index.js';
import type { Prepared } from './prepare.js';
import { log } from '../../core/math.js';

const EPS = 1e-15;
const logit = (p: Float64Array): Float64Array =>
  Float64Array.from(p, (v) => {
    const q = Math.min(1 - EPS, Math.max(EPS, v));
    return log(q / (1 - q));
  });

const f = (v: number): string => v.toPrecision(3);

/**
 * The wrapped model, the report's description and the calibrated out-of-fold probabilities, or
 * undefined when the spec keeps the defaults.
 */
export function decisionRule(
  spec: Spec,
  p: Prepared,
  oofProba: Float64Array | undefined,
  model: PredictorModel,
): { model: PredictorModel; decision: NonNullable<RunReport['decision']>; oofProba: Float64Array } | undefined {
  if (spec.calibration === 'none' && !spec.threshold) return undefined;
  const where = { ...(spec.file ? { file: spec.file } : {}), path: spec.threshold ? 'threshold' : 'calibration' };
  if (p.task === 'regression') throw new SpecmlError('spec.not_for_regression', 'calibration and threshold apply to classification, but this is a regression task', { hint: 'Remove them from the spec.', location: where });
  if (spec.threshold && p.task !== 'binary') throw new SpecmlError('spec.threshold_not_binary', `threshold needs a binary target; '${spec.data.target}' has ${p.classes!.length} classes`, { hint: 'Remove threshold; calibration works for multiclass targets.', location: { ...where, path: 'threshold' } });
  if (!oofProba) throw new Error('decisionRule: the selected candidate has no out-of-fold probabilities');
  const y = encodeClasses(p.yTrain).codes;
  const scale = spec.calibration === 'sigmoid' ? 'logit' : 'proba';
  const calibrator = spec.calibration === 'none' ? null : fitCalibrator(spec.calibration, y, scale === 'logit' ? logit(oofProba) : oofProba);
  const calibrated = calibrator ? applyCalibrator(calibrator, scale === 'logit' ? logit(oofProba) : oofProba) : oofProba;
  const notes: string[] = [];
  if (calibrator) notes.push(`Probabilities are calibrated (${spec.calibration === 'sigmoid' ? 'Platt sigmoid on the logit' : 'isotonic'}), fitted on out-of-fold predictions of the training rows.`);
  let threshold: number | null = null;
  if (spec.threshold) {
    const target = 'precision' in spec.threshold ? 'precision' : 'recall';
    const min = 'precision' in spec.threshold ? spec.threshold.precision : spec.threshold.recall;
    const score = Float64Array.from({ length: y.length }, (_, i) => calibrated[i * 2 + 1]!);
    const c = chooseThreshold(y, score, { target, min });
    threshold = c.threshold;
    notes.push(
      c.met
        ? `Class ${p.classes![1]} is predicted when its probability is at least ${f(threshold)}: the threshold that reached ${target} ${f(min)} with the most ${target === 'precision' ? 'recall' : 'precision'} on out-of-fold predictions (precision ${f(c.precision)}, recall ${f(c.recall)} there).`
        : `No threshold reached ${target} ${f(min)} on out-of-fold predictions; the closest (${f(threshold)}: precision ${f(c.precision)}, recall ${f(c.recall)}) is used.`,
    );
  }
  const rule: DecisionRule = { calibrator, scale, threshold };
  return {
    model: new CalibratedModel({ calibration: spec.calibration, threshold }, model, rule),
    decision: { calibration: spec.calibration === 'none' ? null : spec.calibration, threshold, note: notes.join(' ') },
    // The out-of-fold probabilities as the wrapped model would give them (for the fairness offer).
    oofProba: calibrated,
  };
}
