import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exp, log } from './math.js';

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  const v = new Float64Array([a, b]);
  const i = new BigInt64Array(v.buffer);
  const d = i[0]! - i[1]!;
  return Number(d < 0n ? -d : d);
}

/** Arguments across the whole range: a fixed grid plus values spread over many binades. */
function args(lo: number, hi: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(lo + ((hi - lo) * i) / (n - 1));
  return out;
}

describe('exp and log (engine-independent)', () => {
  it('exp is within 1 ulp of Math.exp over [-745, 709.7], with the edge cases right', () => {
    let worst = 0;
    for (const x of [...args(-745, 709.78, 200_001), ...args(-1, 1, 20_001), ...args(-1e-6, 1e-6, 2_001)]) {
      const a = exp(x);
      const b = Math.exp(x);
      if (b === 0 || !Number.isFinite(b)) expect(a).toBe(b);
      else worst = Math.max(worst, ulps(a, b));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect([exp(0), exp(-0), exp(NaN), exp(Infinity), exp(-Infinity), exp(710), exp(-746)]).toEqual([1, 1, NaN, Infinity, 0, Infinity, 0]);
    // fdlibm's exp(1) is 1 ulp above e (as Java's StrictMath.exp(1)): within the bound, not rounded.
    expect(ulps(exp(1), Math.E)).toBe(1);
    expect(exp(-740)).toBeGreaterThan(0); // subnormal results
  });

  it('log is within 1 ulp of Math.log from subnormals to the largest double, with the edge cases right', () => {
    let worst = 0;
    const xs = [...args(1e-6, 10, 100_001), ...args(0.999, 1.001, 10_001)];
    for (let e = -1074; e <= 1023; e += 0.37) xs.push(2 ** e);
    xs.push(Number.MAX_VALUE, Number.MIN_VALUE, 5e-324, 2.2250738585072014e-308);
    for (const x of xs) {
      const a = log(x);
      const b = Math.log(x);
      if (b === 0) expect(a).toBe(0);
      else worst = Math.max(worst, ulps(a, b));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect([log(1), log(0), log(-0), log(-1), log(NaN), log(Infinity), log(Math.E)]).toEqual([0, -Infinity, -Infinity, NaN, NaN, Infinity, 1]);
  });

  it('gives pinned bits (the same on every engine: only IEEE-754 arithmetic)', () => {
    // The SHA-256 of exp and log over a fixed grid, computed once; any engine must reproduce it.
    const out = new Float64Array(40_000);
    for (let i = 0; i < 20_000; i++) {
      const x = (i - 10_000) / 997.3;
      out[2 * i] = exp(x);
      out[2 * i + 1] = log(Math.abs(x) + 1e-3);
    }
    expect(createHash('sha256').update(new Uint8Array(out.buffer)).digest('hex')).toBe(PINNED);
  });
});

const PINNED = 'ec3370c10a80c3f36570157a12c36d4ccb97aab2fd53e4a63e58beade0d15188';
