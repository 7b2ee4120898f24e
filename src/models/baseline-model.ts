/**
 * The fitted baseline model (inference only: serving loads this file, never the estimator).
 *
 * @example
 * new BaselineModel(params, inputs, { task: 'regression', center: 3 }).predict(frame).values; // all 3
 */
import { registerModel, selectInputs, type InputColumn, type LearningTask, type Params, type Prediction, type PredictorModel } from '../core/estimator.js';
import type { Frame } from '../core/frame.js';
import type { StateValue } from '../core/state.js';

export type BaselineState = { task: 'regression'; center: number } | { task: 'binary' | 'multiclass'; classes: string[]; priors: Float64Array };

export class BaselineModel implements PredictorModel {
  readonly kind = 'predictor';
  readonly name = 'baseline';
  readonly task: LearningTask;
  readonly classes?: readonly string[];

  constructor(
    readonly params: Params,
    readonly inputs: readonly InputColumn[],
    private readonly s: BaselineState,
  ) {
    this.task = s.task;
    if (s.task !== 'regression') this.classes = s.classes;
    Object.freeze(this);
  }

  predict(frame: Frame): Prediction {
    const n = selectInputs(this, frame).nRows;
    if (this.s.task === 'regression') return { values: new Float64Array(n).fill(this.s.center) };
    const k = this.s.priors.length;
    const proba = new Float64Array(n * k);
    for (let i = 0; i < n; i++) proba.set(this.s.priors, i * k);
    let best = 0;
    for (let j = 1; j < k; j++) if (this.s.priors[j]! > this.s.priors[best]!) best = j;
    return { values: new Float64Array(n).fill(best), proba };
  }

  state(): StateValue {
    return this.s.task === 'regression' ? { task: 'regression', center: this.s.center } : { task: this.s.task, classes: this.s.classes, priors: this.s.priors };
  }
}

registerModel('baseline', ({ params, inputs, state }) => new BaselineModel(params, inputs, state as unknown as BaselineState));
