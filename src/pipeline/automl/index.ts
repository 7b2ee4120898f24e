export { automl, type AutomlInput, type AutomlResult } from './automl.js';
export { assemble, singleRowLatencyMs, type Assembled } from './assemble.js';
export { blendCv, coveredRows, selectEnsemble, type EnsembleResult } from './ensemble.js';
export { portfolioFor, type Config, type PortfolioEntry } from './portfolio.js';
export { PRESET_NAMES, resolveBudget, type Budget, type DeployMode, type PresetName } from './presets.js';
export { describeConfig, searchConfigs, type Member, type MemberCache, type TrialRecord } from './search.js';
export { chooseFinal, SELECT_ALPHA, type Choice } from './select.js';
export { automlSummary } from './summary.js';
export { cvData, foldsOf, type CvData } from './search.js';
