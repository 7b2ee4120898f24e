/**
 * The parameter tables of the random forest and extra trees (STYLE.md §2). Both share one
 * builder so a range is written once; they differ only in the defaults of `bootstrap` and
 * `oob_score` (scikit-learn's defaults: bagging for forests, none for extra trees).
 *
 * @example
 * resolveParams(RANDOM_FOREST_PARAMS, { n_estimators: 100 }, 'random_forest').max_features; // 'auto'
 */
import { SpecmlError } from '../../core/errors.js';
import { defineParams, type ParamsOf } from '../../core/params.js';

function forestParams(bagging: boolean) {
  return defineParams({
    task: { type: 'enum', default: 'auto', values: ['auto', 'binary', 'multiclass', 'regression'], doc: 'learning task; auto: regression for a numeric target, else classification' },
    n_estimators: {
      type: 'int',
      default: 300,
      min: 1,
      max: 100000,
      log: true,
      doc: 'trees in the forest; 300 matches the peer benchmark (accuracy plateaus well before, cost is linear)',
    },
    max_features: {
      type: 'string',
      default: 'auto',
      doc: "features tried per split: 'auto' (sqrt for classification, all for regression, as scikit-learn), 'sqrt', 'log2', 'all', or a fraction in (0, 1] such as 0.33",
    },
    max_depth: { type: 'int', default: 0, min: 0, max: 1000, doc: 'maximum tree depth; 0 = unlimited (fully grown trees: averaging, not depth, controls variance)' },
    min_samples_leaf: { type: 'int', default: 1, min: 1, max: 100000, log: true, search: { low: 1, high: 30 }, doc: 'minimum (bootstrap-counted) rows per leaf; 1 = fully grown, as scikit-learn' },
    max_leaves: { type: 'int', default: 0, min: 0, max: 1000000, doc: 'maximum leaves per tree, grown best-first by impurity decrease; 0 = unlimited (depth-first)' },
    bootstrap: { type: 'bool', default: bagging, doc: 'fit each tree on n rows drawn with replacement (true for random forests, false for extra trees)' },
    oob_score: { type: 'bool', default: bagging, doc: 'score each row with the trees that did not draw it (accuracy or R²); needs bootstrap' },
    max_bins: { type: 'int', default: 255, min: 2, max: 255, doc: 'maximum value bins per numeric feature (+1 missing bin); 255 keeps nearly every cut of exact trees on tabular data' },
  });
}

/**
 * Random forest parameters (name 'random_forest').
 *
 * @example
 * RANDOM_FOREST_PARAMS.bootstrap.default; // true
 */
export const RANDOM_FOREST_PARAMS = forestParams(true);

/**
 * Extra trees parameters (name 'extra_trees').
 *
 * @example
 * EXTRA_TREES_PARAMS.bootstrap.default; // false
 */
export const EXTRA_TREES_PARAMS = forestParams(false);

/**
 * Resolved forest parameters (both tables have the same keys).
 *
 * @example
 * const p: ForestParams = new RandomForestEstimator({}).params;
 */
export type ForestParams = ParamsOf<typeof RANDOM_FOREST_PARAMS>;

/**
 * Normalises a `max_features` value before the table validates it: numbers become their decimal
 * string (params stay one JSON type); anything else is checked by {@link featuresPerSplit}.
 *
 * @example
 * normaliseMaxFeatures(0.5); // '0.5'
 */
export function normaliseMaxFeatures(v: unknown): unknown {
  return typeof v === 'number' ? String(v) : v;
}

/**
 * Features tried per split for `nFeatures` inputs (at least 1, at most nFeatures). Throws
 * `usage.bad_param` for a value that is neither a keyword nor a fraction in (0, 1].
 *
 * @example
 * featuresPerSplit('auto', 16, true); // 4
 * featuresPerSplit('0.5', 16, false); // 8
 */
export function featuresPerSplit(maxFeatures: string, nFeatures: number, classification: boolean, owner = 'forest'): number {
  const clamp = (k: number): number => Math.max(1, Math.min(nFeatures, Math.floor(k)));
  switch (maxFeatures) {
    case 'auto':
      return classification ? clamp(Math.sqrt(nFeatures)) : nFeatures;
    case 'sqrt':
      return clamp(Math.sqrt(nFeatures));
    case 'log2':
      return clamp(Math.log2(nFeatures));
    case 'all':
      return nFeatures;
  }
  const f = /^\s*[0-9.eE+-]+\s*$/.test(maxFeatures) ? Number(maxFeatures) : NaN;
  if (!(f > 0 && f <= 1)) {
    throw new SpecmlError('usage.bad_param', `${owner}.max_features: expected auto, sqrt, log2, all or a fraction in (0, 1] (got ${JSON.stringify(maxFeatures)})`, {
      hint: 'Use e.g. max_features: sqrt, or 0.33 for a third of the features per split.',
      location: { path: `${owner}.max_features` },
    });
  }
  return clamp(f * nFeatures);
}
