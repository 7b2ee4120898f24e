/**
 * Parameters of k-nearest neighbours (STYLE.md §2). Names follow scikit-learn's
 * KNeighborsClassifier / KNeighborsRegressor.
 *
 * @example
 * resolveParams(KNN_PARAMS, { n_neighbors: 15 }, 'knn').weights; // 'uniform'
 */
import { defineParams } from '../../core/params.js';

export const KNN_PARAMS = defineParams({
  task: { type: 'enum', default: 'auto', values: ['auto', 'binary', 'multiclass', 'regression'], doc: 'learning task; auto: regression for a numeric target, else classification' },
  n_neighbors: { type: 'int', default: 5, min: 1, max: 10000, log: true, search: { low: 3, high: 50 }, doc: "neighbours that vote (scikit-learn's default 5); more smooths the decision, fewer follows the data" },
  weights: { type: 'enum', default: 'uniform', values: ['uniform', 'distance'], search: ['uniform', 'distance'], doc: 'uniform: each neighbour counts the same; distance: by 1/distance (an exact match decides alone)' },
});
