import { describe, expect, it } from 'vitest';
import { valueCounts } from './value-counts.js';

describe('valueCounts', () => {
  it('counts distinct values on the counting path (small integer range)', () => {
    const vc = valueCounts(new Float64Array([3, 1, 3, NaN, -0, 0]));
    expect([...vc.uniq]).toEqual([0, 1, 3]);
    expect([...vc.counts]).toEqual([2, 1, 2]);
    expect(vc.nPresent).toBe(5);
    expect(vc.nMissing).toBe(1);
    expect(vc.integer).toBe(true);
  });

  it('counts distinct values on the sort path (fractions, wide range), merging -0 and 0', () => {
    const vc = valueCounts(new Float64Array([0.5, 1e9, -0, 0.5, 0, NaN]));
    expect([...vc.uniq]).toEqual([0, 0.5, 1e9]);
    expect([...vc.counts]).toEqual([2, 2, 1]);
    expect(vc.integer).toBe(false);
  });

  it('returns the memoised summary for the same buffer', () => {
    const v = new Float64Array([1, 2]);
    expect(valueCounts(v)).toBe(valueCounts(v));
  });
});
