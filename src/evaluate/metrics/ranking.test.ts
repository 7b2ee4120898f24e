import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { brier, logLoss, LOG_LOSS_EPS } from './probabilistic.js';
import { averagePrecision, rocAuc } from './ranking.js';
import { code } from '../../core/errors.fixture.js';

const I = (...v: number[]): Int32Array => Int32Array.from(v);
const F = (...v: number[]): Float64Array => Float64Array.from(v);
/** Binary proba matrix from positive-class scores. */
const P = (...p1: number[]): Float64Array => Float64Array.from(p1.flatMap((p) => [1 - p, p]));

/** O(n²) pair-counting AUC: the Mann-Whitney statistic, ties counting half. */
function pairAuc(y: Int32Array, s: Float64Array): number {
  let win = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++) {
    for (let j = 0; j < y.length; j++) {
      if (y[i] !== 1 || y[j] !== 0) continue;
      pairs++;
      win += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
    }
  }
  return win / pairs;
}

describe('ranking metrics', () => {
  it('computes the documented examples', () => {
    expect(rocAuc(I(0, 0, 1, 1), F(0.9, 0.1, 0.6, 0.4, 0.65, 0.35, 0.2, 0.8))).toBe(0.75);
    expect(rocAuc(I(0, 1, 1), P(0.3, 0.6, 0.3))).toBe(0.75);
    expect(averagePrecision(I(0, 1, 1), P(0.2, 0.6, 0.9))).toBe(1);
  });

  it('ROC AUC equals the pair-counting statistic, ties counting half', () => {
    const rng = new Rng(7);
    const n = 500;
    const y = new Int32Array(n);
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = rng.float() < 0.3 ? 1 : 0;
      s[i] = Math.round((rng.float() + 0.3 * y[i]!) * 10) / 13; // few distinct values: many ties
    }
    const proba = Float64Array.from([...s].flatMap((p) => [1 - p, p]));
    expect(rocAuc(y, proba)).toBeCloseTo(pairAuc(y, s), 12);
  });

  it('average precision is step-wise: Σ ΔR · P at each distinct threshold', () => {
    // Ranked: 0.9 (pos), 0.8 (neg), 0.7 (pos) → AP = ½·1 + ½·⅔.
    expect(averagePrecision(I(1, 0, 1), P(0.9, 0.8, 0.7))).toBeCloseTo(0.5 + 1 / 3, 15);
    // All tied: one threshold, precision = prevalence.
    expect(averagePrecision(I(1, 0, 0, 1), P(0.5, 0.5, 0.5, 0.5))).toBe(0.5);
  });

  it('multiclass is the macro mean of one-vs-rest scores', () => {
    const y = I(0, 1, 2, 2);
    const proba = F(0.6, 0.2, 0.2, 0.3, 0.4, 0.3, 0.2, 0.5, 0.3, 0.1, 0.1, 0.8);
    const col = (c: number): Float64Array => Float64Array.from([0, 1, 2, 3].flatMap((i) => [1 - proba[i * 3 + c]!, proba[i * 3 + c]!]));
    const ovr = [0, 1, 2].map((c) => rocAuc(Int32Array.from(y, (v) => (v === c ? 1 : 0)), col(c)));
    expect(rocAuc(y, proba)).toBeCloseTo((ovr[0]! + ovr[1]! + ovr[2]!) / 3, 15);
  });

  it('a single class (binary) or an absent class (multiclass) is a clear error', () => {
    expect(code(() => rocAuc(I(1, 1), P(0.2, 0.9)))).toBe('data.single_class');
    expect(code(() => averagePrecision(I(0, 0), P(0.2, 0.9)))).toBe('data.single_class');
    expect(code(() => rocAuc(I(0, 1), F(0.5, 0.5, 0, 0.5, 0.5, 0)))).toBe('data.absent_class');
    expect(code(() => rocAuc(I(0, 1), P(0.2, 0.9), F(0, 1)))).toBe('data.single_class');
    expect(() => rocAuc(I(1, 1), P(0.2, 0.9))).toThrow(/^roc_auc: only class 1/);
  });
});

describe('probability checks', () => {
  it('rejects malformed probability matrices', () => {
    expect(code(() => logLoss(I(0, 1), F(0.5, 0.5, 0.5)))).toBe('data.length_mismatch');
    expect(code(() => logLoss(I(0, 1), F(0.5, 0.5)))).toBe('data.invalid_proba'); // one column
    expect(code(() => logLoss(I(0, 1), F(0.5, 0.6, 0.5, 0.5)))).toBe('data.invalid_proba'); // sums to 1.1
    expect(code(() => logLoss(I(0, 1), F(1.5, -0.5, 0.5, 0.5)))).toBe('data.invalid_proba');
    expect(code(() => brier(I(0, 1), F(NaN, 0.5, 0.5, 0.5)))).toBe('data.nan');
    expect(code(() => rocAuc(I(0, 2), P(0.2, 0.9)))).toBe('data.label_out_of_range');
    expect(code(() => logLoss(I(), F()))).toBe('data.empty');
    // Within 1e-6 is accepted (float32 softmax output).
    expect(logLoss(I(0), F(0.5000004, 0.5))).toBeCloseTo(Math.log(1.0000004 / 0.5000004), 12);
  });
});

describe('probabilistic metrics', () => {
  it('computes the documented examples', () => {
    expect(logLoss(I(1, 0), P(0.8, 0.4))).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 15);
    expect(logLoss(I(0, 2), F(0.5, 0.25, 0.25, 0.1, 0.1, 0.8))).toBeCloseTo((Math.log(2) - Math.log(0.8)) / 2, 15);
    expect(brier(I(1, 0), P(0.8, 0.4))).toBeCloseTo(0.1, 15);
  });

  it('log loss clips a certain wrong answer to −ln(eps) instead of Infinity', () => {
    expect(logLoss(I(1), P(0))).toBeCloseTo(-Math.log(LOG_LOSS_EPS), 12);
    expect(logLoss(I(1), P(1))).toBeCloseTo(0, 15);
  });

  it('multiclass Brier sums over classes; binary keeps the one-column form', () => {
    expect(brier(I(2), F(0.2, 0.3, 0.5))).toBeCloseTo(0.04 + 0.09 + 0.25, 15);
    expect(brier(I(1), P(0.7))).toBeCloseTo(0.09, 15);
  });
});
