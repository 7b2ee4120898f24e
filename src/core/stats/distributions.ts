/**
 * The distributions the significance tests read p-values and intervals from: standard normal,
 * Student's t (any real df > 0), chi-square, F and the binomial CDF. Survival functions are
 * computed on their own, never as `1 − cdf`, so a p-value of 1e-30 keeps its digits.
 *
 * Accuracy against mpmath (golden.test.ts): normal ≲ 1e-15 relative (tails: the rounding of
 * z/√2 costs z²·1e-16, as in SciPy's `ndtr`); t, chi-square, F ≲ 1e-13 relative;
 * quantiles ≲ 1e-14 relative.
 *
 * @example
 * normalSf(1.959963984540054); // ≈ 0.025
 * studentTSf(2.228138851986274, 10); // ≈ 0.025
 * chi2Sf(3.841458820694124, 1); // ≈ 0.05
 */
import { erf, erfc } from './erf.js';
import { betaIncPair } from './beta.js';
import { gammaIncQ, logBeta, logGamma } from './special.js';

/**
 * Standard normal CDF Φ(z), as SciPy's `ndtr`: ½ + ½·erf(z/√2) near 0, ½·erfc(|z|/√2) outside.
 *
 * @example
 * normalCdf(0); // 0.5
 */
export function normalCdf(z: number): number {
  const x = z * Math.SQRT1_2;
  if (Math.abs(x) < Math.SQRT1_2) return 0.5 + 0.5 * erf(x);
  const t = 0.5 * erfc(Math.abs(x));
  return x > 0 ? 1 - t : t;
}

/**
 * Standard normal survival function 1 − Φ(z) = Φ(−z), accurate in the upper tail.
 *
 * @example
 * normalSf(10); // ≈ 7.619853024160527e-24
 */
export function normalSf(z: number): number {
  return normalCdf(-z);
}

/**
 * Standard normal density.
 *
 * @example
 * normalPdf(0); // ≈ 0.3989422804014327
 */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

// Wichura, Algorithm AS 241 (PPND16), Applied Statistics 37 (1988): relative error ~1e-16.
const Q_A = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727];
const Q_B = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561];
const Q_C = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
const Q_D = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
const Q_E = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const Q_F = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

function ratio(num: readonly number[], den: readonly number[], r: number): number {
  let n = 0;
  let d = 0;
  for (let i = 7; i >= 0; i--) {
    n = n * r + num[i]!;
    d = d * r + den[i]!;
  }
  return n / d;
}

/**
 * Standard normal quantile Φ⁻¹(p) by Wichura's AS 241 (full double precision). p = 0 and 1 give
 * ∓Infinity; p outside [0, 1] gives NaN.
 *
 * @example
 * normalQuantile(0.975); // ≈ 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) return q * ratio(Q_A, Q_B, 0.180625 - q * q);
  // 1 − p is exact for p ≥ 0.5 (Sterbenz), so the upper tail loses nothing here.
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  r = r <= 5 ? ratio(Q_C, Q_D, r - 1.6) : ratio(Q_E, Q_F, r - 5);
  return q < 0 ? -r : r;
}

function checkDf(df: number): boolean {
  return df > 0;
}

/**
 * Student's t survival function P(T > t) for df > 0 (not necessarily an integer; Infinity gives
 * the normal). For t > 0 it is ½·I_x(df/2, ½) with x = df/(df + t²), and the complement
 * t²/(df + t²) is formed directly so a tail probability never goes through `1 − cdf`.
 *
 * @example
 * studentTSf(1, 1); // ≈ 0.25 (Cauchy)
 */
export function studentTSf(t: number, df: number): number {
  if (Number.isNaN(t) || !checkDf(df)) return NaN;
  if (df === Infinity) return normalSf(t);
  if (t === 0) return 0.5;
  const a = Math.abs(t);
  let tail: number;
  if (a === Infinity) tail = 0;
  else if (a / df > 1e140) {
    // x = df/(df + t²) < 1e-280 would underflow (t² itself overflows past 1e154), yet the tail
    // (~1e-161 at t = 1e160, df = 1) is representable: I_x(a, b) = x^a / (a·B(a, b))·(1 + O(x)),
    // and O(x) is far below rounding here, so take the leading term in logs.
    const h = df / 2;
    tail = 0.5 * Math.exp(h * (Math.log(df) - 2 * Math.log(a)) - Math.log(h) - logBeta(h, 0.5));
  } else {
    const t2 = a * a;
    tail = 0.5 * betaIncPair(df / 2, 0.5, df / (df + t2), t2 / (df + t2))[0];
  }
  return t > 0 ? tail : 1 - tail;
}

/**
 * Student's t CDF P(T ≤ t) for df > 0.
 *
 * @example
 * studentTCdf(0, 7.5); // 0.5
 */
export function studentTCdf(t: number, df: number): number {
  return studentTSf(-t, df);
}

/**
 * Student's t density, for Newton steps in {@link studentTQuantile}.
 *
 * @example
 * studentTPdf(0, 1); // ≈ 1/π
 */
export function studentTPdf(t: number, df: number): number {
  if (df === Infinity) return normalPdf(t);
  const logC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Quantile of Student's t for df > 0: the t with P(T ≤ t) = p. Closed forms for df = 1 and 2;
 * otherwise Newton on log P(T > t) for the tail q = min(p, 1 − p), started at the normal
 * quantile and kept inside a bracket that bisects (geometrically, for heavy tails) whenever a
 * Newton step would leave it. Converges to ~1e-15 relative in < 10 steps typically.
 *
 * @example
 * studentTQuantile(0.975, 10); // ≈ 2.2281388519862735
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !checkDf(df)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  const sign = p < 0.5 ? -1 : 1;
  const q = p < 0.5 ? p : 1 - p;
  if (df === 1) return sign / Math.tan(Math.PI * q);
  if (df === 2) return (sign * (1 - 2 * q)) / Math.sqrt(2 * q * (1 - q));
  return sign * upperTailRoot(q, df);
}

/** The t > 0 with studentTSf(t, df) = q, q in (0, 0.5). */
function upperTailRoot(q: number, df: number): number {
  const logQ = Math.log(q);
  let lo = 0;
  let hi = Math.max(1, -normalQuantile(q));
  while (studentTSf(hi, df) > q) {
    lo = hi;
    hi *= 4;
    if (hi === Infinity) return Infinity;
  }
  let t = Math.min(Math.max(-normalQuantile(q), lo), hi);
  if (t <= lo || t >= hi) t = 0.5 * (lo + hi);
  for (let it = 0; it < 200; it++) {
    const sf = studentTSf(t, df);
    if (sf === q) return t;
    if (sf > q) lo = t;
    else hi = t;
    // Newton on g(t) = log sf(t) − log q: g' = −pdf/sf, so the step is (log sf − log q)·sf/pdf.
    const step = ((Math.log(sf) - logQ) * sf) / studentTPdf(t, df);
    let next = t + step;
    if (!(next > lo && next < hi)) next = lo === 0 ? hi / 2 : Math.sqrt(lo * hi);
    if (Math.abs(next - t) <= 2 * Number.EPSILON * t || hi - lo <= 2 * Number.EPSILON * hi) return next;
    t = next;
  }
  return t;
}

/**
 * Chi-square survival function P(X > x) for df > 0 = Q(df/2, x/2).
 *
 * @example
 * chi2Sf(10.827566170662733, 1); // ≈ 0.001
 */
export function chi2Sf(x: number, df: number): number {
  if (Number.isNaN(x) || !checkDf(df)) return NaN;
  if (x <= 0) return 1;
  return gammaIncQ(df / 2, x / 2);
}

/**
 * F distribution survival function P(F > f) with (d1, d2) degrees of freedom:
 * I_x(d2/2, d1/2) with x = d2/(d2 + d1·f).
 *
 * @example
 * fSf(1, 5, 5); // ≈ 0.5
 */
export function fSf(f: number, d1: number, d2: number): number {
  if (Number.isNaN(f) || !checkDf(d1) || !checkDf(d2)) return NaN;
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  const den = d2 + d1 * f;
  return betaIncPair(d2 / 2, d1 / 2, d2 / den, (d1 * f) / den)[0];
}

/**
 * Binomial CDF P(X ≤ k) for X ~ Binomial(n, p), k and n integers: I_(1−p)(n − k, k + 1).
 *
 * @example
 * binomialCdf(2, 10, 0.5); // ≈ 56/1024 = 0.0546875
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (!(p >= 0 && p <= 1) || !Number.isInteger(n) || n < 0 || Number.isNaN(k)) return NaN;
  const kk = Math.floor(k);
  if (kk < 0) return 0;
  if (kk >= n) return 1;
  return betaIncPair(n - kk, kk + 1, 1 - p, p)[0];
}
