/**
 * Special functions and distributions for p-values and intervals (float64, no dependencies). In
 * core because every layer that tests or samples needs them: evaluate (significance, CIs), tune
 * (TPE's truncated normals), monitor (drift tests).
 *
 * @example
 * import { studentTSf, normalQuantile } from './core/stats/index.js';
 * const p = 2 * studentTSf(2.5, 9); // two-sided p of t = 2.5 on 9 df
 */
export { LN_SQRT_2PI, gammaIncP, gammaIncQ, logBeta, logGamma } from './special.js';
export { betaIncPair, betaIncReg } from './beta.js';
export { erf, erfc } from './erf.js';
export {
  binomialCdf,
  chi2Sf,
  fSf,
  normalCdf,
  normalPdf,
  normalQuantile,
  normalSf,
  studentTCdf,
  studentTPdf,
  studentTQuantile,
  studentTSf,
} from './distributions.js';
export { kolmogorovSf } from './kolmogorov.js';
export { quantileSorted } from './quantile.js';
