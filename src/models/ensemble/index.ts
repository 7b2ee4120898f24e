export { ensembleSelection, type SelectionResult } from './selection.js';
export { WeightedEnsembleModel } from './weighted.js';
export { augmentFrame, stackColumnNames, stackWidth, StackedModel } from './stacked.js';
