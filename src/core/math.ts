/**
 * `exp` and `log` that give the same bits on every JavaScript engine.
 *
 * `Math.exp` and `Math.log` are not specified to the last bit, and engines differ: measured on
 * 20,000 arguments, Node 20 (V8 11.3) and Chromium 156 disagree on 1,967 values of `Math.exp` and
 * 1,284 of `Math.log`. A model whose link, loss gradients or sampling go through them would then
 * predict differently in a browser (the ESM export) or train differently on a later Node. These
 * use only IEEE-754 additions, multiplications, divisions and exact bit operations, which every
 * engine rounds the same way, so their results are identical everywhere.
 *
 * The algorithms are the classic ones of Sun's fdlibm (`e_exp.c`, `e_log.c`): argument reduction
 * by multiples of ln 2 (split into a high part exact in 32 bits and a low correction) and a
 * minimax polynomial on the reduced range; errors below 1 ulp (checked against `Math.exp` /
 * `Math.log` in math.test.ts).
 *
 * @example
 * exp(1); // 2.718281828459045
 * log(10); // 2.302585092994046
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index of the high (sign, exponent, top mantissa) word in `u32`: little-endian hosts put it second. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.4426950408889634074;
const OVERFLOW = 7.09782712893383973096e2;
const UNDERFLOW = -7.45133219101941108420e2;
// exp: minimax coefficients of R(r^2) on [0, 0.34658].
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
// log: minimax coefficients of the series in s = f / (2 + f).
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
const TWO54 = 1.8014398509481984e16;

/** 2^k for -1022 <= k <= 1023, built from its bits (exact). */
function pow2(k: number): number {
  u32[HI] = (k + 1023) << 20;
  u32[LO] = 0;
  return f64[0]!;
}

/** e^x, the same bits on every engine (error < 1 ulp). */
export function exp(x: number): number {
  if (x !== x) return x;
  if (x > OVERFLOW) return Infinity;
  if (x < UNDERFLOW) return 0;
  const ax = Math.abs(x);
  if (ax < 3.725290298461914e-9) return 1 + x; // |x| < 2^-28
  let hi: number;
  let lo: number;
  let k: number;
  if (ax > 0.34657359027997264) {
    // |x| > ln2 / 2: x = k ln2 + r, |r| <= ln2 / 2.
    if (ax < 1.0397207708399179) k = x > 0 ? 1 : -1; // |x| < 1.5 ln2
    else k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
  } else {
    k = 0;
    hi = x;
    lo = 0;
  }
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k >= -1021) return k === 1024 ? y * 2 * pow2(1023) : y * pow2(k);
  return y * pow2(k + 1000) * pow2(-1000);
}

/** The natural logarithm, the same bits on every engine (error < 1 ulp). */
export function log(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  let k = 0;
  f64[0] = x;
  let hx = u32[HI]!;
  if (hx < 0x00100000) {
    // Subnormal: scale into the normal range.
    k -= 54;
    f64[0] = x * TWO54;
    hx = u32[HI]!;
  }
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  // x (or x / 2) normalised into [sqrt(2)/2, sqrt(2)).
  u32[HI] = hx | (i0 ^ 0x3ff00000);
  k += i0 >> 20;
  const f = f64[0]! - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const i = (hx - 0x6147a) | (0x6b851 - hx);
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}
