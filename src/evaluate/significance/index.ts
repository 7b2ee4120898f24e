/**
 * Significance tests between candidate models: on cross-validation folds (corrected resampled
 * t-test, 5×2cv t and F, the leaderboard's compareToBest) and on one test set's predictions
 * (McNemar, DeLong, paired bootstrap).
 *
 * @example
 * import { compareToBest, delongTest } from './evaluate/significance/index.js';
 */
export { correctedResampledTTest, type CorrectedTTestOptions, type TTestResult } from './corrected-t-test.js';
export { fiveByTwoFTest, fiveByTwoTTest, type FiveByTwoFResult, type FiveByTwoTResult } from './five-by-two.js';
export { MCNEMAR_EXACT_BELOW, mcnemarTest, type McNemarOptions, type McNemarResult } from './mcnemar.js';
export { delongAucCi, delongTest, midranks, type AucInterval, type DelongResult } from './delong.js';
export { BOOTSTRAP_ROUNDS, pairedBootstrap, type PairedBootstrapOptions, type PairedBootstrapResult } from './paired-bootstrap.js';
export { compareToBest, holm, type CandidateComparison, type CompareToBestOptions } from './compare-to-best.js';
