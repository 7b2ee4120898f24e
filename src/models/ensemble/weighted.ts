/**
 * A weighted average of fitted models (the result of ensemble selection): classification averages
 * the members' class probabilities (then argmax), regression their values. Members with weight 0
 * are not kept. Every member sees the same input frame and selects its own columns, so members may
 * be pipelines with different preprocessing. Inference only; members are saved as steps
 * (features/step-state), so the package rebuilds them with their own loaders.
 *
 * @example
 * const ens = new WeightedEnsembleModel({}, [gbdtModel, linearModel], [0.6, 0.4]);
 * ens.predict(frame).proba;
 */
import { registerModel, type InputColumn, type LearningTask, type Params, type Prediction, type PredictorModel } from '../../core/estimator.js';
import { SpecmlError } from '../../core/errors.js';
import type { Frame } from '../../core/frame.js';
import type { StateValue } from '../../core/state.js';
import { loadStep, saveStep } from '../../features/step-state.js';

export class WeightedEnsembleModel implements PredictorModel {
  readonly kind = 'predictor';
  readonly name = 'weighted_ensemble';
  readonly task: LearningTask;
  readonly classes?: readonly string[];
  readonly inputs: readonly InputColumn[];
  readonly members: readonly PredictorModel[];
  readonly weights: readonly number[];

  constructor(
    readonly params: Params,
    members: readonly PredictorModel[],
    weights: readonly number[],
  ) {
    if (members.length === 0 || members.length !== weights.length) throw new SpecmlError('usage.bad_ensemble', `an ensemble needs one weight per member (${members.length} members, ${weights.length} weights)`, { hint: 'Pass the weights ensemble selection returned.' });
    const keep = weights.map((w, i) => [w, i] as const).filter(([w]) => w > 0);
    const total = keep.reduce((a, [w]) => a + w, 0);
    if (!(total > 0) || weights.some((w) => !(w >= 0))) throw new SpecmlError('usage.bad_ensemble', 'ensemble weights must be >= 0 with a positive sum', { hint: 'Pass the weights ensemble selection returned.' });
    this.members = keep.map(([, i]) => members[i]!);
    this.weights = keep.map(([w]) => w / total);
    const first = this.members[0]!;
    this.task = first.task;
    if (first.classes) this.classes = first.classes;
    for (const m of this.members) {
      if (m.task !== first.task || JSON.stringify(m.classes ?? null) !== JSON.stringify(first.classes ?? null)) {
        throw new SpecmlError('usage.bad_ensemble', `ensemble members disagree on the task or classes ('${first.name}' and '${m.name}')`, { hint: 'Ensemble models fitted on the same target.' });
      }
    }
    // The union of the members' inputs, first occurrence first.
    const seen = new Map<string, InputColumn>();
    for (const m of this.members) for (const c of m.inputs) if (!seen.has(c.name)) seen.set(c.name, c);
    this.inputs = [...seen.values()];
    Object.freeze(this);
  }

  predict(frame: Frame): Prediction {
    let values: Float64Array | undefined;
    let proba: Float64Array | undefined;
    for (const [j, m] of this.members.entries()) {
      const p = m.predict(frame);
      const w = this.weights[j]!;
      if (this.task === 'regression') {
        values ??= new Float64Array(p.values.length);
        for (let i = 0; i < values.length; i++) values[i] = values[i]! + w * p.values[i]!;
      } else {
        proba ??= new Float64Array(p.proba!.length);
        for (let i = 0; i < proba.length; i++) proba[i] = proba[i]! + w * p.proba![i]!;
      }
    }
    if (this.task === 'regression') return { values: values! };
    const k = this.classes!.length;
    const n = proba!.length / k;
    const labels = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (proba![i * k + c]! > proba![i * k + best]!) best = c;
      labels[i] = best;
    }
    return { values: labels, proba: proba! };
  }

  state(): StateValue {
    return { members: this.members.map((m) => saveStep(m) as unknown as StateValue), weights: Float64Array.from(this.weights) };
  }
}

registerModel('weighted_ensemble', ({ params, state }) => {
  const s = state as { members?: StateValue[]; weights?: Float64Array };
  if (!Array.isArray(s.members) || !(s.weights instanceof Float64Array)) throw new SpecmlError('artifact.bad_state', 'a saved ensemble has no members or weights', { hint: 'The package is damaged; train it again.' });
  const members = s.members.map(loadStep);
  if (members.some((m) => m.kind !== 'predictor')) throw new SpecmlError('artifact.bad_state', 'a saved ensemble holds a transformer', { hint: 'The package is damaged; train it again.' });
  return new WeightedEnsembleModel(params, members as PredictorModel[], Array.from(s.weights));
});
