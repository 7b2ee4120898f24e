import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../../core/errors.js';
import { mcnemarTest } from './mcnemar.js';

// 3-class labels: only right/wrong matters. A right on rows 0–9, B right on rows 5–19.
const y = Int32Array.from({ length: 30 }, (_, i) => i % 3);
const a = Int32Array.from(y, (v, i) => (i < 10 ? v : (v + 1) % 3));
const b = Int32Array.from(y, (v, i) => (i >= 5 && i < 20 ? v : (v + 2) % 3));

describe('mcnemarTest', () => {
  it('counts the 2×2 table and swaps b and c when A and B swap, keeping p', () => {
    const r = mcnemarTest(y, a, b);
    expect(r).toMatchObject({ bothCorrect: 5, onlyA: 5, onlyB: 10, bothWrong: 10, method: 'exact' });
    const s = mcnemarTest(y, b, a);
    expect([s.onlyA, s.onlyB]).toEqual([10, 5]);
    expect(s.pValue).toBe(r.pValue);
    // 2·P(X ≤ 5), X ~ Binomial(15, ½) = 2·4944/32768.
    expect(r.pValue).toBeCloseTo((2 * 4944) / 32768, 14);
  });

  it('follows the forced method and the 25-row switch', () => {
    expect(mcnemarTest(y, a, b, { method: 'chi2' })).toMatchObject({ method: 'chi2', statistic: 16 / 15 });
    const n = 40;
    const yy = new Int32Array(n);
    const pa = Int32Array.from({ length: n }, (_, i) => (i < 13 ? 0 : 1));
    const pb = Int32Array.from({ length: n }, (_, i) => (i < 13 ? 1 : i < 25 ? 0 : 1));
    expect(mcnemarTest(yy, pa, pb).method).toBe('chi2'); // b + c = 25
    expect(mcnemarTest(yy.subarray(0, 24), pa.subarray(0, 24), pb.subarray(0, 24)).method).toBe('exact');
    // All discordant rows one way: p = 2·2^−n.
    expect(mcnemarTest(new Int32Array(7), new Int32Array(7), new Int32Array(7).fill(1)).pValue).toBeCloseTo(2 / 128, 15);
  });

  it('refuses mismatched or empty input', () => {
    for (const [f, want] of [
      [() => mcnemarTest(y, a.subarray(1), b), 'data.length_mismatch'],
      [() => mcnemarTest(new Int32Array(0), new Int32Array(0), new Int32Array(0)), 'data.empty'],
      [() => mcnemarTest(y, a, b, { method: 'fisher' as never }), 'usage.bad_param'],
    ] as const) {
      expect(f).toThrow(SpecmlError);
      try {
        f();
      } catch (e) {
        expect((e as SpecmlError).code).toBe(want);
      }
    }
  });
});
