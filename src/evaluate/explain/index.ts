/**
 * Model explanations: exact TreeSHAP for gbdt and forest models (alone or at the end of a
 * pipeline), permutation importance and partial dependence / ICE for any predictor.
 *
 * @example
 * import { explainTrees, permutationImportance, partialDependence } from './evaluate/explain/index.js';
 * explainTrees(model, test, { background: train }).ranking;
 */
export { explainTrees, type TreeExplanation } from './explain-trees.js';
export { partialDependence, type PartialDependence, type PartialDependenceOptions } from './partial-dependence.js';
export { permutationImportance, type FeatureImportance, type PermutationImportance, type PermutationOptions } from './permutation.js';
export { pipelineParts, type PipelineParts } from './pipeline-parts.js';
export { targetScorer, type Scorer } from './scoring.js';
export { goesLeft, treeCovers, type TreeCovers } from './tree-covers.js';
export { coverFraction, expectedValue, meanAbsShap, treeShap, type EnsembleKind } from './tree-shap.js';
