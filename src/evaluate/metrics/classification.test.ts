import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../../core/errors.js';
import { accuracy, balancedAccuracy, cohenKappa, mcc } from './classification.js';
import { confusionMatrix } from './confusion.js';
import { f1, precision, recall } from './prf.js';
import { code } from '../../core/errors.fixture.js';

const I = (...v: number[]): Int32Array => Int32Array.from(v);
const F = (...v: number[]): Float64Array => Float64Array.from(v);

describe('label metrics', () => {
  it('computes the documented examples', () => {
    expect(accuracy(I(0, 1, 2, 2), I(0, 1, 1, 2))).toBe(0.75);
    expect(balancedAccuracy(I(0, 0, 0, 1), I(0, 0, 0, 0))).toBe(0.5);
    expect(mcc(I(0, 0, 1, 1), I(0, 0, 1, 1))).toBe(1);
    expect(mcc(I(0, 0, 1, 1), I(1, 1, 0, 0))).toBe(-1);
    expect(cohenKappa(I(0, 1, 1, 0), I(0, 1, 0, 0))).toBe(0.5);
    expect(f1(I(0, 1, 1, 0), I(0, 1, 0, 0))).toBeCloseTo(2 / 3, 15);
    expect(f1(I(0, 1, 2, 2), I(0, 2, 2, 2), 'macro')).toBeCloseTo(0.6, 15);
    expect(f1(I(0, 1, 2), I(0, 1, 1), 'weighted')).toBeCloseTo(5 / 9, 15);
    expect(precision(I(0, 1, 1, 0), I(1, 1, 1, 0))).toBeCloseTo(2 / 3, 15);
    expect(recall(I(0, 1, 1, 0), I(0, 1, 0, 0))).toBe(0.5);
  });

  it('weights rows: a zero weight removes a row, an integer weight repeats it', () => {
    const t = I(0, 1, 1, 0, 1);
    const p = I(0, 1, 0, 1, 1);
    expect(accuracy(t, p, F(1, 1, 0, 1, 2))).toBe(accuracy(I(0, 1, 0, 1, 1), I(0, 1, 1, 1, 1)));
    expect(f1(t, p, 'macro', F(1, 1, 0, 1, 2))).toBeCloseTo(f1(I(0, 1, 0, 1, 1), I(0, 1, 1, 1, 1), 'macro'), 15);
  });

  it('zero division gives 0 like sklearn (warn → 0)', () => {
    expect(precision(I(0, 1, 1), I(0, 0, 0))).toBe(0);
    expect(recall(I(0, 0, 0), I(0, 1, 0))).toBe(0);
    expect(f1(I(0, 0, 0), I(0, 0, 0))).toBe(0);
  });

  it("macro averages over labels seen in yTrue or yPred, not over absent indices", () => {
    // Class 1 never occurs: a macro mean over {0, 2} only.
    expect(f1(I(0, 2, 2), I(0, 2, 2), 'macro')).toBe(1);
    // Class 3 is only predicted: it has no recall and is skipped, (½ + 1) / 2 rather than / 3.
    expect(balancedAccuracy(I(0, 0, 2), I(0, 3, 2))).toBe(0.75);
  });

  it('micro precision, recall and F1 equal accuracy for single-label data', () => {
    const t = I(0, 1, 2, 2, 1, 0, 2);
    const p = I(0, 2, 2, 1, 1, 0, 0);
    expect(precision(t, p, 'micro')).toBeCloseTo(accuracy(t, p), 15);
    expect(f1(t, p, 'micro')).toBeCloseTo(accuracy(t, p), 15);
  });

  it("binary average refuses multiclass labels with a hint", () => {
    try {
      f1(I(0, 1, 2), I(0, 1, 2));
      expect.unreachable();
    } catch (e) {
      expect((e as SpecmlError).code).toBe('usage.average_binary_multiclass');
      expect((e as SpecmlError).message).toMatch(/^f1:/);
      expect((e as SpecmlError).hint).toMatch(/f1_macro/);
    }
  });

  it('mcc is 0 and kappa refuses when a single class is everywhere', () => {
    expect(mcc(I(1, 1, 1), I(1, 1, 1))).toBe(0);
    expect(code(() => cohenKappa(I(1, 1, 1), I(1, 1, 1)))).toBe('data.single_class');
  });

  it('confusion matrix: rows true, columns predicted, padded to nClasses', () => {
    const cm = confusionMatrix(I(0, 2, 2), I(0, 2, 1), { nClasses: 4 });
    expect(cm.nClasses).toBe(4);
    expect([...cm.counts]).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    expect(confusionMatrix(I(0, 1), I(1, 1), { sampleWeight: F(2, 0.5) }).counts).toEqual(F(0, 2, 0, 0.5));
    expect(code(() => confusionMatrix(I(0, 3), I(0, 0), { nClasses: 2 }))).toBe('data.label_out_of_range');
  });

  it('rejects bad input with a code and the metric name', () => {
    expect(code(() => accuracy(I(), I()))).toBe('data.empty');
    expect(code(() => accuracy(I(0, 1), I(0)))).toBe('data.length_mismatch');
    expect(code(() => accuracy(I(0, -1), I(0, 0)))).toBe('data.invalid_label');
    expect(code(() => accuracy(I(0, 1), I(0, 1), F(1)))).toBe('data.length_mismatch');
    expect(code(() => accuracy(I(0, 1), I(0, 1), F(1, NaN)))).toBe('data.nan');
    expect(code(() => accuracy(I(0, 1), I(0, 1), F(1, -1)))).toBe('data.invalid_weight');
    expect(code(() => accuracy(I(0, 1), I(0, 1), F(0, 0)))).toBe('data.invalid_weight');
    expect(() => mcc(I(0, 1), I(0))).toThrow(/^mcc: yTrue has 2 rows but yPred has 1/);
  });
});
