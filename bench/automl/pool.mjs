// The pool of configurations the portfolio study (portfolio-study.mjs) chooses from: hand-picked
// shapes that are known to differ (after the configuration families of AutoGluon's and FLAML's
// defaults: shallow and deep boosting, slow and fast learning rates, row and column subsampling,
// strong and weak regularisation, bagged and randomised trees, linear models at three penalties,
// k-nearest neighbours at two neighbourhood sizes)
// plus six draws from the GBDT search space (seeded), so the list is not only our guesses. Two
// 100-tree forests give the cost-aware selection cheap tree ensembles to start with.
// `params` are the family's parameters; `regression` replaces some of them for regression tasks
// (the linear family is ridge there, with `alpha` instead of `C`).
import { Rng } from '../../dist/core/rng.js';
import { GBDT_PARAMS } from '../../dist/models/gbdt/index.js';
import { RandomSampler, searchSpace } from '../../dist/tune/index.js';

const gbdt = [
  { id: 'gbdt_default', params: {} },
  { id: 'gbdt_fast', params: { learning_rate: 0.1, trees: 100 } },
  { id: 'gbdt_small_leaves', params: { learning_rate: 0.05, trees: 400, max_leaves: 8, min_child_samples: 10 } },
  { id: 'gbdt_big_leaves', params: { learning_rate: 0.05, trees: 300, max_leaves: 127, min_child_samples: 10, feature_fraction: 0.8 } },
  { id: 'gbdt_slow_sub', params: { learning_rate: 0.03, trees: 600, max_leaves: 31, bagging_fraction: 0.8, feature_fraction: 0.7 } },
  { id: 'gbdt_regularised', params: { learning_rate: 0.05, trees: 300, max_leaves: 15, lambda_l2: 10, min_child_samples: 50 } },
  { id: 'gbdt_depth4', params: { max_depth: 4, max_leaves: 16, learning_rate: 0.1, trees: 200 } },
  { id: 'gbdt_colsample', params: { learning_rate: 0.08, trees: 250, max_leaves: 63, feature_fraction: 0.5, bagging_fraction: 0.7, min_child_samples: 5 } },
  { id: 'gbdt_xgb_like', params: { max_depth: 6, max_leaves: 64, learning_rate: 0.3, trees: 100, min_child_samples: 1 } },
];

const space = searchSpace(GBDT_PARAMS);
const sampler = new RandomSampler();
const round = (v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(3)) : v);
for (let i = 1; i <= 6; i++) {
  const drawn = sampler.sample(space, [], 'maximize', new Rng(2026).fork(`pool-${i}`));
  gbdt.push({ id: `gbdt_random_${i}`, params: Object.fromEntries(Object.entries(drawn).map(([k, v]) => [k, round(v)])) });
}

export const POOL = [
  ...gbdt.map((c) => ({ ...c, family: 'gbdt' })),
  { id: 'linear_default', family: 'linear', params: {} },
  { id: 'linear_strong', family: 'linear', params: { C: 0.05 }, regression: { alpha: 30 } },
  { id: 'linear_weak', family: 'linear', params: { C: 20 }, regression: { alpha: 0.03 } },
  { id: 'rf_default', family: 'forest', params: {} },
  { id: 'rf_leaf3_half', family: 'forest', params: { min_samples_leaf: 3, max_features: '0.5' } },
  { id: 'et_default', family: 'extra_trees', params: {} },
  { id: 'et_leaf2_half', family: 'extra_trees', params: { min_samples_leaf: 2, max_features: '0.5' } },
  { id: 'rf_100_sqrt', family: 'forest', params: { n_estimators: 100, max_features: 'sqrt' } },
  { id: 'et_100_half', family: 'extra_trees', params: { n_estimators: 100, max_features: '0.5', min_samples_leaf: 2 } },
  { id: 'knn_distance_15', family: 'knn', params: { n_neighbors: 15, weights: 'distance' } },
  { id: 'knn_uniform_5', family: 'knn', params: {} },
];
