/**
 * The fitted forest (random forest or extra trees): the GBDT's flat {@link TreeEnsemble} with K
 * values per leaf, averaged over trees. Imports only core and the GBDT's serving file
 * (predictor.ts), so loading and serving a forest pulls in no training code; registers loaders
 * under 'random_forest' and 'extra_trees'.
 *
 * Layout: `ensemble` as in gbdt/predictor.ts, except `nOutputs` = K values per leaf and
 * `leafValue: Float64Array[leaves * K]` (leaf-major): class proportions of the leaf's (bootstrap)
 * rows for classification (K = classes), the leaf mean for regression (K = 1). `init` is unused
 * (zeros).
 *
 * @example
 * const model = (await new RandomForestEstimator({}).fit(frame, target, { rng: new Rng(1) })) as ForestModel;
 * model.predict(frame).proba; // n x k, mean of the trees' leaf proportions
 * model.oobScore; // out-of-bag accuracy (classification) or R² (regression), or null
 */
import { SpecmlError } from '../../core/errors.js';
import { registerModel, selectInputs, type InputColumn, type LearningTask, type Params, type Prediction, type PredictorModel } from '../../core/estimator.js';
import type { Frame } from '../../core/frame.js';
import type { StateValue } from '../../core/state.js';
import { featureColumns, leafOf, type FeatureSpec, type TreeEnsemble } from '../gbdt/predictor.js';

/**
 * Everything a fitted forest holds besides params and inputs (JSON + typed arrays).
 *
 * @example
 * const s: ForestState = (model as ForestModel).s;
 */
export interface ForestState {
  task: LearningTask;
  classes: string[] | null;
  specs: FeatureSpec[];
  ensemble: TreeEnsemble;
  /** Out-of-bag accuracy or R²; null without bootstrap / oob_score, or when no row was out of bag. */
  oobScore: number | null;
  /** Total impurity decrease per input column, normalised to sum 1 (MDI), `Float64Array[inputs]`. */
  importance: Float64Array;
}

/**
 * Names a forest model can have.
 *
 * @example
 * const name: ForestName = 'extra_trees';
 */
export type ForestName = 'random_forest' | 'extra_trees';

/**
 * A fitted forest: predicts from raw column values by averaging the trees' leaf values;
 * `state()` round-trips through the model registry bit for bit.
 *
 * @example
 * const m = (await new ExtraTreesEstimator({ n_estimators: 100 }).fit(frame, target, { rng: new Rng(1) })) as ForestModel;
 * m.predict(frame).values; m.importances();
 */
export class ForestModel implements PredictorModel {
  readonly kind = 'predictor';
  readonly task: LearningTask;
  readonly classes?: readonly string[];
  readonly oobScore: number | null;

  constructor(
    readonly name: ForestName,
    readonly params: Params,
    readonly inputs: readonly InputColumn[],
    readonly s: ForestState,
  ) {
    this.task = s.task;
    if (s.classes) this.classes = s.classes;
    this.oobScore = s.oobScore;
    Object.freeze(this);
  }

  /**
   * Mean leaf values over trees, `Float64Array[n * K]` row-major (class probabilities, or the
   * prediction with K = 1). Trees are added in training order, so results are bit-reproducible.
   * Cost O(trees x n x (depth + K)).
   *
   * @example
   * model.meanLeafValues(frame); // n x k
   */
  meanLeafValues(frame: Frame): Float64Array {
    const sel = selectInputs(this, frame);
    const cols = featureColumns(sel.columns, this.s.specs);
    const e = this.s.ensemble;
    const n = sel.nRows;
    const k = e.nOutputs;
    const out = new Float64Array(n * k);
    const nTrees = e.root.length;
    for (let t = 0; t < nTrees; t++) {
      for (let i = 0; i < n; i++) {
        const base = leafOf(e, cols, t, i) * k;
        for (let c = 0; c < k; c++) out[i * k + c] = out[i * k + c]! + e.leafValue[base + c]!;
      }
    }
    for (let j = 0; j < out.length; j++) out[j] = out[j]! / nTrees;
    return out;
  }

  predict(frame: Frame): Prediction {
    const mean = this.meanLeafValues(frame);
    if (this.task === 'regression') return { values: mean };
    const k = this.s.ensemble.nOutputs;
    const n = mean.length / k;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (mean[i * k + c]! > mean[i * k + best]!) best = c;
      values[i] = best;
    }
    return { values, proba: mean };
  }

  /**
   * Input columns by mean impurity decrease (normalised to sum 1), largest first.
   *
   * @example
   * model.importances()[0]; // { feature: 'x1', importance: 0.61 }
   */
  importances(): { feature: string; importance: number }[] {
    return this.inputs.map((c, j) => ({ feature: c.name, importance: this.s.importance[j]! })).sort((a, b) => b.importance - a.importance || a.feature.localeCompare(b.feature));
  }

  state(): StateValue {
    return {
      task: this.s.task,
      classes: this.s.classes,
      specs: this.s.specs.map((sp): StateValue => (sp.kind === 'numeric' ? { kind: 'numeric' } : { kind: 'categorical', levels: sp.levels, known: sp.known })),
      ensemble: { ...this.s.ensemble } as unknown as StateValue,
      oobScore: this.s.oobScore,
      importance: this.s.importance,
    };
  }
}

function loader(name: ForestName) {
  return ({ params, inputs, state }: { params: Params; inputs: InputColumn[]; state: StateValue }): ForestModel => {
    const s = state as unknown as ForestState;
    if (!s || typeof s !== 'object' || !s.ensemble || !(s.ensemble.root instanceof Int32Array) || !(s.ensemble.leafValue instanceof Float64Array)) {
      throw new SpecmlError('artifact.bad_state', `${name} model state has no tree ensemble`, { hint: 'The model package is damaged or was written by another model; re-export it.' });
    }
    return new ForestModel(name, params, inputs, s);
  };
}

registerModel('random_forest', loader('random_forest'));
registerModel('extra_trees', loader('extra_trees'));
