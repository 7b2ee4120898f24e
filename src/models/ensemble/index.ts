export { ensembleSelection, type SelectionResult } from './selection.js';
export { WeightedEnsembleModel } from './weighted.js';
