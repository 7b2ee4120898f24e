export * from './types.js';
export { searchSpace, contains, snap, checkDistribution } from './space.js';
export { RandomSampler, sampleUniform } from './random-sampler.js';
export { TpeSampler } from './tpe.js';
export { PortfolioSampler } from './portfolio-sampler.js';
export { MedianPruner, NopPruner, SuccessiveHalvingPruner } from './pruners.js';
export { Study, TrialPruned, type StudyOptions, type TrialHandle, type TrialOutcome } from './study.js';
