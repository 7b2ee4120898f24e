/**
 * `explainTrees(model, frame, { background })`: TreeSHAP values for a fitted gbdt or forest, or a
 * pipeline ending in one, with the bookkeeping done: inputs selected and encoded as the model
 * reads them, covers counted on the background rows, outputs named.
 *
 * Attributions are per input column of the tree model. For a pipeline that is the columns its
 * last step sees (TF-IDF terms, one-hot indicators, scaled numbers), not the raw columns the
 * pipeline was given: SHAP values of derived columns do not sum back to raw columns in general.
 * For attributions per raw column of any model use permutation importance.
 *
 * @example
 * const ex = explainTrees(model, test, { background: train });
 * ex.ranking[0]; // { feature: 'Income', meanAbs: 0.41 }
 */
import { SpecmlError } from '../../core/errors.js';
import { selectInputs, type PredictorModel } from '../../core/estimator.js';
import type { Frame } from '../../core/frame.js';
import { ForestModel } from '../../models/forest/model.js';
import { GbdtModel } from '../../models/gbdt/model.js';
import { featureColumns, type FeatureSpec, type LinkName, type TreeEnsemble } from '../../models/gbdt/predictor.js';
import { pipelineParts } from './pipeline-parts.js';
import { treeCovers } from './tree-covers.js';
import { expectedValue, meanAbsShap, treeShap, type EnsembleKind } from './tree-shap.js';

/**
 * TreeSHAP values of n rows. `values: Float64Array[n * k * (p + 1)]`: row i, output c, feature j at
 * `(i * k + c) * (p + 1) + j`, slot p the expected value (see tree-shap.ts). Each row's p values
 * plus the expected value equal the raw score of that output: before the inverse `link` (gbdt:
 * log-odds of `outputs[0]` for binary, class margins for multiclass) or, for forests (`link`
 * 'identity'), the averaged class probability or value itself.
 *
 * @example
 * const phiIncome = ex.values[(i * ex.outputs.length + 0) * (ex.features.length + 1) + ex.features.indexOf('Income')];
 */
export interface TreeExplanation {
  /** The tree model's name: 'gbdt', 'random_forest' or 'extra_trees'. */
  model: string;
  /** The tree model's input columns (p), in the order of `values`. */
  features: string[];
  /** What each of the k outputs scores: a class label, or 'value' for regression. */
  outputs: string[];
  link: LinkName;
  values: Float64Array;
  /** Expected raw score per output, `Float64Array[k]`. */
  expected: Float64Array;
  /** Mean |SHAP| per output and feature, `Float64Array[k * p]` (output c, feature j at c * p + j). */
  importance: Float64Array;
  /** Features by mean |SHAP| summed over outputs, largest first. */
  ranking: { feature: string; meanAbs: number }[];
}

interface TreeParts {
  ensemble: TreeEnsemble;
  specs: FeatureSpec[];
  kind: EnsembleKind;
  link: LinkName;
}

function treeParts(m: PredictorModel): TreeParts | undefined {
  if (m instanceof GbdtModel) return { ensemble: m.s.ensemble, specs: m.s.specs, kind: 'gbdt', link: m.s.link };
  if (m instanceof ForestModel) return { ensemble: m.s.ensemble, specs: m.s.specs, kind: 'forest', link: 'identity' };
  return undefined;
}

/**
 * Explains `frame`'s rows with TreeSHAP. `background` (default: `frame`) supplies the covers; pass
 * the training rows so "feature absent" means "averaged over the training distribution", as in
 * the trees' own covers. Cost O(background x T x D) for the covers plus O(n T L D²).
 *
 * @example
 * explainTrees(model, test, { background: train }).importance; // Float64Array[k * p]
 */
export function explainTrees(model: PredictorModel, frame: Frame, opts: { background?: Frame } = {}): TreeExplanation {
  const { transform, last } = pipelineParts(model);
  const tree = treeParts(last);
  if (!tree) {
    throw new SpecmlError('usage.not_tree_model', `TreeSHAP explains gbdt, random_forest and extra_trees models, not '${last.name}'`, {
      hint: 'Use permutationImportance (any model) for global importance, or partialDependence for effects.',
    });
  }
  const encode = (f: Frame): Float32Array[] => featureColumns(selectInputs(last, transform(f)).columns, tree.specs);
  const cols = encode(frame);
  const covers = treeCovers(tree.ensemble, encode(opts.background ?? frame));
  const values = treeShap(tree.ensemble, tree.kind, cols, covers);
  const n = frame.nRows;
  const p = cols.length;
  const k = tree.ensemble.nOutputs;
  const expected = expectedValue(tree.ensemble, tree.kind, covers);
  const importance = meanAbsShap(values, n, p, k);
  const features = last.inputs.map((c) => c.name);
  const classes = last.classes ?? [];
  // A binary gbdt has one output, the log-odds of the second class (see applyLink's twoClass).
  const outputs = last.task === 'regression' ? ['value'] : k === 1 ? [classes[1]!] : [...classes];
  const ranking = features
    .map((feature, j) => {
      let s = 0;
      for (let c = 0; c < k; c++) s += importance[c * p + j]!;
      return { feature, meanAbs: s };
    })
    .sort((a, b) => b.meanAbs - a.meanAbs || a.feature.localeCompare(b.feature));
  return { model: last.name, features, outputs, link: tree.link, values, expected, importance, ranking };
}
