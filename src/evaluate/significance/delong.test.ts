import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rocAuc } from '../metrics/index.js';
import { delongAucCi, delongTest, midranks } from './delong.js';
import { code } from '../../core/errors.fixture.js';

// Real holdout probabilities (credit_data, 891 rows) from the significance goldens.
const hold = JSON.parse(readFileSync(new URL('../../../test/golden/stats/significance.json', import.meta.url), 'utf8')).holdout as {
  yTrue: number[];
  proba: Record<string, number[]>;
};
const y = Int32Array.from(hold.yTrue);
const lr = Float64Array.from(hold.proba.logistic!);
const hgb = Float64Array.from(hold.proba.hgb!);
const twoCol = (p: Float64Array): Float64Array => Float64Array.from({ length: 2 * p.length }, (_, i) => (i % 2 ? p[i >> 1]! : 1 - p[i >> 1]!));

const codeOf = (f: () => unknown): string => code(f) ?? 'no error';

describe('delongTest', () => {
  it('AUCs equal the metrics registry ROC AUC (ties half credit)', () => {
    const r = delongTest(y, hgb, lr);
    expect(r.aucA).toBeCloseTo(rocAuc(y, twoCol(hgb)), 14);
    expect(r.aucB).toBeCloseTo(rocAuc(y, twoCol(lr)), 14);
    expect(r.covariance).toBeGreaterThan(0); // same rows, correlated errors
  });

  it('swapping A and B flips z and keeps p; identical scores give p = 1', () => {
    const r = delongTest(y, hgb, lr);
    const s = delongTest(y, lr, hgb);
    expect(s.z).toBe(-r.z);
    expect(s.pValue).toBe(r.pValue);
    expect([s.varianceA, s.varianceB]).toEqual([r.varianceB, r.varianceA]);
    expect(delongTest(y, lr, lr)).toMatchObject({ z: 0, pValue: 1 });
  });

  it('is invariant to monotone transforms of a score', () => {
    const r = delongTest(y, hgb, lr);
    const t = delongTest(y, hgb.map((v) => Math.log(v + 1e-3) * 7 - 2), lr);
    expect(t.z).toBeCloseTo(r.z, 12);
    expect(t.varianceA).toBeCloseTo(r.varianceA, 15);
  });

  it('refuses one-class, non-binary, mismatched and tiny inputs', () => {
    expect(codeOf(() => delongTest(new Int32Array(4), lr.subarray(0, 4), hgb.subarray(0, 4)))).toBe('data.single_class');
    expect(codeOf(() => delongTest(Int32Array.of(0, 1, 2, 1), lr.subarray(0, 4), hgb.subarray(0, 4)))).toBe('data.invalid_label');
    expect(codeOf(() => delongTest(y, lr, hgb.subarray(1)))).toBe('data.length_mismatch');
    expect(codeOf(() => delongTest(Int32Array.of(0, 0, 1), Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3)))).toBe('data.too_few_rows');
    expect(codeOf(() => delongTest(new Int32Array(0), new Float64Array(0), new Float64Array(0)))).toBe('data.empty');
    expect(codeOf(() => delongAucCi(y, Float64Array.from(lr, (v, i) => (i === 3 ? NaN : v))))).toBe('data.nan');
  });
});

describe('delongAucCi and midranks', () => {
  it('interval contains the AUC and widens with the level', () => {
    const a = delongAucCi(y, hgb, 0.9);
    const b = delongAucCi(y, hgb, 0.99);
    expect(a.ci[0]).toBeLessThan(a.auc);
    expect(a.ci[1]).toBeGreaterThan(a.auc);
    expect(b.ci[0]).toBeLessThan(a.ci[0]);
    expect(b.ci[1]).toBeGreaterThan(a.ci[1]);
    expect(delongTest(y, hgb, lr).varianceA).toBe(a.variance);
    // A perfect score: AUC 1, variance 0, interval clipped to [1, 1].
    expect(delongAucCi(Int32Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.2, 0.8, 0.9)).ci).toEqual([1, 1]);
  });

  it('midranks share ranks among ties', () => {
    expect([...midranks(Float64Array.of(3, 1, 3, 2, 3))]).toEqual([4, 1, 4, 2, 4]);
  });
});
