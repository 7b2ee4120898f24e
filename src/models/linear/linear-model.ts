/**
 * Fitted linear models: inference only (STYLE.md §5). Nothing here imports a solver, so serving a
 * linear model loads this file and `design.ts` alone. State is the coefficients as typed arrays.
 *
 * Prediction cost: O(n·p·k) after building the n x p design matrix.
 *
 * @example
 * const model = await new RidgeEstimator({ alpha: 1 }).fit(frame, frame.column('price'), { rng: new Rng(1) });
 * model.coef; // Float64Array[p]
 * model.predict(frame).values; // n predictions
 */
import { registerModel, selectInputs, type InputColumn, type LearningTask, type Params, type Prediction, type PredictorModel } from '../../core/estimator.js';
import type { Frame } from '../../core/frame.js';
import type { StateValue } from '../../core/state.js';
import { designMatrix } from './design.js';
import { exp } from '../../core/math.js';

/**
 * Regression state: `coef: Float64Array[p]` in input order, and the intercept.
 *
 * @example
 * const s: RegressorState = { coef: Float64Array.of(2, -1), intercept: 0.5 };
 */
export interface RegressorState {
  coef: Float64Array;
  intercept: number;
}

/**
 * The names under which fitted linear regressors are registered (one per estimator).
 *
 * @example
 * REGRESSOR_NAMES.includes('ridge'); // true
 */
export const REGRESSOR_NAMES = ['linear_regression', 'ridge', 'lasso', 'elastic_net'] as const;
/**
 * One of {@link REGRESSOR_NAMES}.
 *
 * @example
 * const name: RegressorName = 'lasso';
 */
export type RegressorName = (typeof REGRESSOR_NAMES)[number];

/**
 * A fitted linear regressor (ridge, lasso, elastic net or least squares): ŷ = x·coef + intercept.
 *
 * @example
 * new LinearRegressorModel('ridge', params, inputs, { coef: Float64Array.of(2), intercept: 1 }).predict(frame).values;
 */
export class LinearRegressorModel implements PredictorModel {
  readonly kind = 'predictor';
  readonly task: LearningTask = 'regression';

  constructor(
    readonly name: RegressorName,
    readonly params: Params,
    readonly inputs: readonly InputColumn[],
    private readonly s: RegressorState,
  ) {
    Object.freeze(this);
  }

  /** Coefficients, p, in input order (a copy). */
  get coef(): Float64Array {
    return Float64Array.from(this.s.coef);
  }

  get intercept(): number {
    return this.s.intercept;
  }

  predict(frame: Frame): Prediction {
    const { x, n, p } = designMatrix(selectInputs(this, frame), this.name);
    const values = new Float64Array(n);
    const w = this.s.coef;
    for (let i = 0; i < n; i++) {
      let s = this.s.intercept;
      for (let j = 0; j < p; j++) s += w[j]! * x[i * p + j]!;
      values[i] = s;
    }
    return { values };
  }

  state(): StateValue {
    return { coef: this.s.coef, intercept: this.s.intercept };
  }
}

/**
 * Classifier state. `coef: Float64Array[k * p]` row-major (class c's weights at c·p), `intercept:
 * Float64Array[k]`; k = 1 for binary (scores for the second class, as in sklearn), else one row
 * per class (multinomial, intercepts centred to sum to 0).
 *
 * @example
 * const s: LogisticState = { task: 'binary', classes: ['no', 'yes'], coef: Float64Array.of(0.7, -1.2), intercept: Float64Array.of(-0.3) };
 */
export interface LogisticState {
  task: 'binary' | 'multiclass';
  classes: string[];
  coef: Float64Array;
  intercept: Float64Array;
}

/**
 * A fitted logistic regression: sigmoid (binary) or softmax (multinomial) of x·Wᵀ + b.
 *
 * @example
 * model.predict(frame).proba; // n x classes.length, row-major
 */
export class LogisticRegressionModel implements PredictorModel {
  readonly kind = 'predictor';
  readonly name = 'logistic_regression';
  readonly task: LearningTask;
  readonly classes: readonly string[];

  constructor(
    readonly params: Params,
    readonly inputs: readonly InputColumn[],
    private readonly s: LogisticState,
  ) {
    this.task = s.task;
    this.classes = s.classes;
    Object.freeze(this);
  }

  /** Coefficients, k x p row-major (a copy); k = 1 for binary. */
  get coef(): Float64Array {
    return Float64Array.from(this.s.coef);
  }

  /** Intercepts, k (a copy). */
  get intercept(): Float64Array {
    return Float64Array.from(this.s.intercept);
  }

  predict(frame: Frame): Prediction {
    const { x, n, p } = designMatrix(selectInputs(this, frame), this.name);
    const { coef, intercept } = this.s;
    const k = intercept.length;
    const nc = this.classes.length;
    const proba = new Float64Array(n * nc);
    const values = new Float64Array(n);
    const z = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        let s = intercept[c]!;
        for (let j = 0; j < p; j++) s += coef[c * p + j]! * x[i * p + j]!;
        z[c] = s;
      }
      if (k === 1) {
        const p1 = z[0]! >= 0 ? 1 / (1 + exp(-z[0]!)) : exp(z[0]!) / (1 + exp(z[0]!));
        proba[i * 2] = 1 - p1;
        proba[i * 2 + 1] = p1;
        values[i] = z[0]! > 0 ? 1 : 0; // sklearn's rule: the positive class only for a positive score
        continue;
      }
      let m = -Infinity;
      let best = 0;
      for (let c = 0; c < k; c++) {
        if (z[c]! > m) {
          m = z[c]!;
          best = c;
        }
      }
      let sum = 0;
      for (let c = 0; c < k; c++) sum += exp(z[c]! - m);
      for (let c = 0; c < k; c++) proba[i * nc + c] = exp(z[c]! - m) / sum;
      values[i] = best;
    }
    return { values, proba };
  }

  state(): StateValue {
    return { task: this.s.task, classes: this.s.classes, coef: this.s.coef, intercept: this.s.intercept };
  }
}

for (const name of REGRESSOR_NAMES) {
  registerModel(name, ({ params, inputs, state }) => new LinearRegressorModel(name, params, inputs, state as unknown as RegressorState));
}
registerModel('logistic_regression', ({ params, inputs, state }) => new LogisticRegressionModel(params, inputs, state as unknown as LogisticState));
