/**
 * The fitted gbdt model: the flat ensemble, how to read each input column, and the inverse link.
 * Imports only core and predictor.ts, so loading and serving a model pulls in no training code;
 * registers its loader under 'gbdt'.
 *
 * @example
 * const model = await new GbdtEstimator({}).fit(frame, target, { rng: new Rng(1) });
 * model.predict(test).proba; // n x k, row-major
 * (model as GbdtModel).importances(); // [{ feature, gain, splits }, ...] by gain
 */
import { SpecmlError } from '../../core/errors.js';
import { registerModel, selectInputs, type InputColumn, type LearningTask, type Params, type Prediction, type PredictorModel } from '../../core/estimator.js';
import type { Frame } from '../../core/frame.js';
import type { StateValue } from '../../core/state.js';
import { resolveThreads } from '../../kernels/pool.js';
import { predictRawWasm } from './wasm-predict.js';
import { applyLink, featureColumns, predictRaw, type FeatureSpec, type LinkName, type TreeEnsemble } from './predictor.js';

/** Everything a fitted model holds besides params and inputs (JSON + typed arrays). */
export interface GbdtState {
  task: LearningTask;
  classes: string[] | null;
  link: LinkName;
  /** Rounds kept (after early stopping). */
  rounds: number;
  specs: FeatureSpec[];
  ensemble: TreeEnsemble;
  /** Per input column: total split gain and number of splits, `Float64Array[inputs]`. */
  gain: Float64Array;
  splits: Float64Array;
  /** Validation loss per round when early stopping ran (else empty). */
  validLoss: number[];
}

/**
 * One row of {@link GbdtModel.importances}.
 *
 * @example
 * const top: Importance = model.importances()[0];
 */
export interface Importance {
  feature: string;
  gain: number;
  splits: number;
}

/**
 * A fitted gbdt: predicts from raw column values with the flat ensemble; `state()` round-trips
 * through the model registry bit for bit.
 *
 * @example
 * const m = (await new GbdtEstimator({}).fit(frame, target, { rng: new Rng(1) })) as GbdtModel;
 * m.predict(frame).values; m.importances();
 */
export class GbdtModel implements PredictorModel {
  readonly kind = 'predictor';
  readonly name = 'gbdt';
  readonly task: LearningTask;
  readonly classes?: readonly string[];

  constructor(
    readonly params: Params,
    readonly inputs: readonly InputColumn[],
    readonly s: GbdtState,
  ) {
    this.task = s.task;
    if (s.classes) this.classes = s.classes;
    Object.freeze(this);
  }

  /**
   * Raw scores (before the inverse link), `Float64Array[k * n]` output-major.
   *
   * @example
   * model.rawScores(frame); // log-odds for binary
   */
  rawScores(frame: Frame): Float64Array {
    const sel = selectInputs(this, frame);
    const cols = featureColumns(sel.columns, this.s.specs);
    const raw = new Float64Array(this.s.ensemble.nOutputs * sel.nRows);
    if (!predictRawWasm(this.s.ensemble, cols, sel.nRows, raw, resolveThreads(this.params.threads))) predictRaw(this.s.ensemble, cols, sel.nRows, raw);
    return raw;
  }

  predict(frame: Frame): Prediction {
    const raw = this.rawScores(frame);
    const n = frame.nRows;
    const k = this.s.ensemble.nOutputs;
    if (this.task === 'regression') {
      const values = new Float64Array(n);
      applyLink(this.s.link, raw, n, 1, false, values);
      return { values };
    }
    const nc = this.s.classes!.length;
    const proba = new Float64Array(n * nc);
    applyLink(this.s.link, raw, n, k, k === 1, proba);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < nc; c++) if (proba[i * nc + c]! > proba[i * nc + best]!) best = c;
      values[i] = best;
    }
    return { values, proba };
  }

  /**
   * Input columns by total split gain (largest first), with their split counts.
   *
   * @example
   * model.importances()[0]; // { feature: 'Income', gain: 812.4, splits: 97 }
   */
  importances(): Importance[] {
    return this.inputs.map((c, j) => ({ feature: c.name, gain: this.s.gain[j]!, splits: this.s.splits[j]! })).sort((a, b) => b.gain - a.gain || a.feature.localeCompare(b.feature));
  }

  state(): StateValue {
    const e = this.s.ensemble;
    return {
      task: this.s.task,
      classes: this.s.classes,
      link: this.s.link,
      rounds: this.s.rounds,
      specs: this.s.specs.map((sp): StateValue => (sp.kind === 'numeric' ? { kind: 'numeric' } : { kind: 'categorical', levels: sp.levels, known: sp.known })),
      ensemble: { ...e } as unknown as StateValue,
      gain: this.s.gain,
      splits: this.s.splits,
      validLoss: this.s.validLoss,
    };
  }
}

function load(params: Params, inputs: InputColumn[], state: StateValue): GbdtModel {
  const s = state as unknown as GbdtState;
  if (!s || typeof s !== 'object' || !s.ensemble || !(s.ensemble.root instanceof Int32Array)) {
    throw new SpecmlError('artifact.bad_state', 'gbdt model state has no tree ensemble', { hint: 'The model package is damaged or was written by another model; re-export it.' });
  }
  return new GbdtModel(params, inputs, s);
}

registerModel('gbdt', ({ params, inputs, state }) => load(params, inputs, state));
