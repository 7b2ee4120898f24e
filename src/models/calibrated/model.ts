/**
 * A classifier with its decision rule made explicit: the base model's probabilities, optionally
 * mapped through a fitted calibrator (Platt sigmoid or isotonic, one-vs-rest for multiclass), and
 * for binary targets a decision threshold on P(class 1) other than 0.5, or one threshold per group
 * of a sensitive column (the fairness mitigation). `specml run` builds it when the spec asks for
 * `calibration:`, `threshold:` or `fairness.mitigation: group_thresholds`; all are fitted on
 * out-of-fold predictions of the training rows, never on the holdout.
 *
 * Scores the calibrator sees (`scale`): 'logit' — log(p / (1 − p)) of each class probability,
 * clipped to p in [1e-15, 1 − 1e-15] — for the sigmoid, which is linear in a decision function
 * (Platt's setting; a sigmoid on probabilities barely corrects a logit-scale distortion);
 * 'proba' for isotonic, which is invariant to any monotone rescaling.
 *
 * Inference code only (STYLE.md §5): the fitting lives in evaluate/calibration.
 *
 * @example
 * const m = new CalibratedModel({ method: 'sigmoid', threshold: 0.3 }, base, { calibrator, scale: 'logit', threshold: 0.3 });
 * m.predict(frame).proba; // calibrated, rows sum to 1
 */
import { registerModel, type InputColumn, type LearningTask, type Params, type Prediction, type PredictorModel } from '../../core/estimator.js';
import { SpecmlError } from '../../core/errors.js';
import type { Frame } from '../../core/frame.js';
import type { StateValue } from '../../core/state.js';
import { sensitiveGroups } from '../../data/groups.js';
import { loadStep, saveStep } from '../../features/step-state.js';
import { applyCalibrator, type CalibratorState } from './apply.js';
import { calibratorFromState } from './state.js';
import { log } from '../../core/math.js';

export interface DecisionRule {
  /** null: the base model's probabilities as they are. */
  calibrator: CalibratorState | null;
  scale: 'logit' | 'proba';
  /** Binary only: predict class 1 when P(class 1) >= threshold; null: the most probable class. */
  threshold: number | null;
  /**
   * Binary only: one threshold per group of an input column (a fairness mitigation); rows of a
   * group not listed use `threshold` (or 0.5).
   */
  groups?: { column: string; bands: number[] | null; thresholds: Record<string, number> };
}

const EPS = 1e-15;

export class CalibratedModel implements PredictorModel {
  readonly kind = 'predictor';
  readonly name = 'calibrated';
  readonly task: LearningTask;
  readonly classes?: readonly string[];
  readonly inputs: readonly InputColumn[];

  constructor(
    readonly params: Params,
    readonly base: PredictorModel,
    readonly rule: DecisionRule,
  ) {
    if (base.task === 'regression' || !base.classes) throw new SpecmlError('usage.calibrate_regression', 'calibration and decision thresholds apply to classifiers, not regression', { hint: 'Remove calibration/threshold from the spec for a regression task.' });
    if (rule.groups && !base.inputs.some((c) => c.name === rule.groups!.column)) {
      throw new SpecmlError('usage.group_not_input', `group thresholds on '${rule.groups.column}' need it as a model input`, { hint: 'Keep the sensitive column among the features (not in data.ignore or data.id).' });
    }
    if ((rule.threshold !== null || rule.groups) && base.classes.length !== 2) throw new SpecmlError('usage.threshold_multiclass', 'a decision threshold needs a binary target', { hint: 'For multiclass targets use calibration only.' });
    this.task = base.task;
    this.classes = base.classes;
    this.inputs = base.inputs;
    Object.freeze(this);
  }

  predict(frame: Frame): Prediction {
    const p = this.base.predict(frame);
    const k = this.classes!.length;
    let proba = p.proba!;
    const c = this.rule.calibrator;
    if (c) {
      const x = new Float64Array(proba.length);
      for (let i = 0; i < proba.length; i++) {
        const v = Math.min(1 - EPS, Math.max(EPS, proba[i]!));
        x[i] = this.rule.scale === 'logit' ? log(v / (1 - v)) : proba[i]!;
      }
      proba = applyCalibrator(c, x);
    }
    const n = proba.length / k;
    const values = new Float64Array(n);
    const t = this.rule.threshold;
    const g = this.rule.groups;
    // Per-row thresholds by group label (unknown groups fall back to the global rule).
    let rowT: Float64Array | null = null;
    if (g) {
      const grouping = sensitiveGroups(frame, { column: g.column, ...(g.bands ? { bands: g.bands } : {}) });
      const byCode = grouping.labels.map((l) => (Object.hasOwn(g.thresholds, l) ? g.thresholds[l]! : (t ?? 0.5)));
      rowT = Float64Array.from(grouping.codes, (c) => byCode[c]!);
    }
    for (let i = 0; i < n; i++) {
      if (rowT) {
        values[i] = proba[i * 2 + 1]! >= rowT[i]! ? 1 : 0;
        continue;
      }
      if (t !== null) {
        values[i] = proba[i * 2 + 1]! >= t ? 1 : 0;
        continue;
      }
      let best = 0;
      for (let j = 1; j < k; j++) if (proba[i * k + j]! > proba[i * k + best]!) best = j;
      values[i] = best;
    }
    return { values, proba };
  }

  state(): StateValue {
    return {
      base: saveStep(this.base) as unknown as StateValue,
      calibrator: this.rule.calibrator as unknown as StateValue,
      scale: this.rule.scale,
      threshold: this.rule.threshold,
      groups: (this.rule.groups ?? null) as unknown as StateValue,
    };
  }
}

registerModel('calibrated', ({ params, state }) => {
  const s = state as { base?: StateValue; calibrator?: StateValue; scale?: unknown; threshold?: unknown; groups?: DecisionRule['groups'] | null };
  const base = loadStep(s.base ?? null);
  if (base.kind !== 'predictor') throw new SpecmlError('artifact.bad_state', 'a calibrated model wraps a transformer, not a predictor', { hint: 'The package is damaged; run the spec again.' });
  if (s.scale !== 'logit' && s.scale !== 'proba') throw new SpecmlError('artifact.bad_state', `calibrated model: scale is ${JSON.stringify(s.scale)}`, { hint: 'The package is damaged; run the spec again.' });
  const threshold = s.threshold === null || s.threshold === undefined ? null : Number(s.threshold);
  const groups = s.groups ? { groups: { column: String(s.groups.column), bands: s.groups.bands ? s.groups.bands.map(Number) : null, thresholds: Object.fromEntries(Object.entries(s.groups.thresholds).map(([k, v]) => [k, Number(v)])) } } : {};
  return new CalibratedModel(params, base, { calibrator: s.calibrator ? calibratorFromState(s.calibrator) : null, scale: s.scale, threshold, ...groups });
});
