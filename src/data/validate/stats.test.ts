import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, textColumn } from '../../core/frame.js';
import { quantile, valueAtRank, valueCounts } from '../profile/value-counts.js';
import { formatPct, mad, topValue } from './stats.js';

describe('quantile and mad', () => {
  it('match numpy type-7 quantiles and the median absolute deviation', () => {
    const vc = valueCounts(new Float64Array([1, 2, 3, 4]));
    expect(quantile(vc, 0.5)).toBe(2.5);
    expect(quantile(vc, 0.25)).toBe(1.75); // numpy.quantile([1,2,3,4], 0.25)
    expect(valueAtRank(vc, 3)).toBe(4);
    // deviations from 2.5: 1.5, 0.5, 0.5, 1.5 → median 1
    expect(mad(vc, 2.5)).toBe(1);
  });

  it('computes the MAD with repeated values and an outlier', () => {
    const x = new Float64Array([1, 1, 2, 2, 2, 3, 100]);
    const vc = valueCounts(x);
    const med = quantile(vc, 0.5);
    expect(med).toBe(2);
    // |x - 2| = 1,1,0,0,0,1,98 → sorted 0,0,0,1,1,1,98 → median 1
    expect(mad(vc, med)).toBe(1);
    // Brute force on random data.
    const y = Float64Array.from({ length: 101 }, (_, i) => ((i * 7919) % 101) / 3);
    const vy = valueCounts(y);
    const my = quantile(vy, 0.5);
    const dev = [...y].map((v) => Math.abs(v - my)).sort((a, b) => a - b);
    expect(mad(vy, my)).toBeCloseTo(dev[50]!, 12);
  });
});

describe('topValue', () => {
  it('works for categorical, boolean and text columns', () => {
    expect(topValue(categoricalColumn('u', new Int32Array([0, 0, 1, -1]), ['AllPub', 'NoSeWa', 'Unused']))).toEqual({ label: 'AllPub', count: 2, distinct: 2, nPresent: 3 });
    expect(topValue(booleanColumn('b', new Uint8Array([1, 1, 255])))).toEqual({ label: 'true', count: 2, distinct: 1, nPresent: 2 });
    expect(topValue(textColumn('t', ['a', null, 'b', 'b']))).toEqual({ label: 'b', count: 2, distinct: 2, nPresent: 3 });
  });
});

describe('formatPct', () => {
  it('keeps tiny and near-total ratios truthful', () => {
    expect(formatPct(2927 / 2930)).toBe('99.9%');
    expect(formatPct(0.99999)).toBe('99.9%');
    expect(formatPct(1)).toBe('100.0%');
    expect(formatPct(3 / 100000)).toBe('0.003%');
    expect(formatPct(0.25)).toBe('25.0%');
  });
});
