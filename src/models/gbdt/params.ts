/**
 * The gbdt parameter table (STYLE.md §2): defaults, validation, docs, spec/CLI keys and the tuning
 * search space in one place. Names follow LightGBM where a concept is shared, so its docs apply.
 * Each default carries its reason.
 *
 * @example
 * resolveParams(GBDT_PARAMS, { learning_rate: 0.05 }, 'gbdt').max_leaves; // 31
 */
import { defineParams } from '../../core/params.js';

export const GBDT_PARAMS = defineParams({
  task: { type: 'enum', default: 'auto', values: ['auto', 'binary', 'multiclass', 'regression'], doc: 'learning task; auto: regression for a numeric target, else classification' },
  loss: {
    type: 'enum',
    default: 'auto',
    values: ['auto', 'logistic', 'softmax', 'squared_error', 'absolute_error', 'huber', 'quantile', 'poisson'],
    doc: 'loss to minimise; auto: logistic (binary), softmax (multiclass), squared_error (regression)',
  },
  trees: {
    type: 'int',
    default: 300,
    min: 1,
    max: 100000,
    log: true,
    doc: 'boosting rounds (trees per output); with early stopping, the most rounds tried. 300 at rate 0.05 reaches the plateau of the benchmark sets; early stopping trims it when validation data is given',
  },
  learning_rate: { type: 'float', default: 0.05, min: 0, exclusiveMin: true, max: 1, log: true, search: { low: 0.01, high: 0.3 }, doc: 'shrinkage of each tree; 0.05 trades 2x the trees of 0.1 for smoother, better-generalising ensembles' },
  max_leaves: { type: 'int', default: 31, min: 2, max: 4096, log: true, search: { low: 8, high: 255 }, doc: 'leaves per tree (leaf-wise growth); 31 is LightGBM and scikit-learn HGB default' },
  max_depth: { type: 'int', default: 0, min: 0, max: 64, doc: 'maximum tree depth; 0 = limited by max_leaves only' },
  min_child_samples: { type: 'int', default: 20, min: 1, max: 100000, log: true, search: { low: 2, high: 200 }, doc: 'minimum rows per leaf (LightGBM min_data_in_leaf); 20 stops leaves fitting a handful of rows' },
  min_child_weight: { type: 'float', default: 1e-3, min: 0, doc: 'minimum sum of hessians per leaf (LightGBM min_sum_hessian_in_leaf)' },
  lambda_l1: { type: 'float', default: 0, min: 0, doc: 'L1 penalty on leaf values (soft threshold on the gradient sum)' },
  lambda_l2: { type: 'float', default: 1, min: 0, log: true, search: { low: 1e-3, high: 30 }, doc: 'L2 penalty on leaf values; 1 (XGBoost default) shrinks leaves with little hessian, which matters for small data' },
  min_gain: { type: 'float', default: 0, min: 0, doc: 'minimum gain for a split (LightGBM min_gain_to_split)' },
  max_bins: { type: 'int', default: 255, min: 2, max: 255, doc: 'maximum value bins per numeric feature (+1 missing bin; bin codes are one byte)' },
  bin_sample: {
    type: 'int',
    default: 200000,
    min: 0,
    doc: 'rows sampled (seeded, the same for every column) to place numeric bin edges when there are more; 0 = all rows. as LightGBM bin_construct_sample_cnt (200,000 there too): placing the edges of 1M x 50 on all rows took 6.8 s, on the sample 1.5 s',
  },
  max_cat_bins: { type: 'int', default: 64, min: 2, max: 255, doc: 'maximum bins per categorical feature; rarer categories share one pooled bin' },
  min_cat_count: { type: 'int', default: 5, min: 1, doc: 'categories with fewer training rows are pooled (a lone category cannot support a split)' },
  cat_smooth: { type: 'float', default: 10, min: 0, doc: 'added to a category hessian when sorting categories by G/H, damping rare ones (LightGBM cat_smooth)' },
  cat_l2: { type: 'float', default: 10, min: 0, doc: 'extra L2 in categorical split gains: many-vs-many splits overfit more easily (LightGBM cat_l2)' },
  max_cat_threshold: { type: 'int', default: 32, min: 1, max: 255, doc: 'maximum categories on the scanned side of a categorical split (LightGBM max_cat_threshold)' },
  bagging_fraction: { type: 'float', default: 1, min: 0, exclusiveMin: true, max: 1, search: { low: 0.5, high: 1 }, doc: 'fraction of rows sampled (without replacement) for each round; 1 = no bagging' },
  feature_fraction: { type: 'float', default: 1, min: 0, exclusiveMin: true, max: 1, search: { low: 0.4, high: 1 }, doc: 'fraction of features sampled for each tree; 1 = all' },
  class_weight: { type: 'enum', default: 'none', values: ['none', 'balanced'], doc: "balanced: weight rows n / (k * count of their class), so each class weighs the same in total" },
  early_stopping_rounds: { type: 'int', default: 20, min: 0, doc: 'stop when the validation loss has not improved for this many rounds (0 = off); only used with validation data' },
  validation_fraction: {
    type: 'float',
    default: 0,
    min: 0,
    max: 0.5,
    doc: 'when no validation data is given, hold out this fraction of training rows for early stopping (0 = none: small tabular sets lose more from fewer rows than they gain)',
  },
  threads: {
    type: 'int',
    default: 0,
    min: 0,
    max: 64,
    doc: 'threads for histograms and batch prediction (worker_threads running the WebAssembly kernels, the calling thread included); 0 = the available cores, at most 8. The model is bit-identical for any value, so it is not a tuning knob',
  },
  quantile_alpha: { type: 'float', default: 0.5, min: 0, exclusiveMin: true, max: 0.999, doc: 'quantile loss: the quantile to predict' },
  huber_delta: { type: 'float', default: 1, min: 0, exclusiveMin: true, doc: 'huber loss: residuals larger than this count linearly (in target units)' },
});
