// Expected values were printed by numpy 1.24.2 (np.argsort with the default kind, np.sum).
import { describe, expect, it } from 'vitest';
import { numpyArgsort, pairwiseSum } from './numpy-compat.js';

describe('numpy 1.24 internals', () => {
  it("argsort leaves ties where numpy's introsort leaves them", () => {
    // 20 equal values: one partition step swaps the middle rows (n > 16 is partitioned).
    expect([...numpyArgsort(new Array<number>(20).fill(1))]).toEqual([0, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 18, 19]);
    const alternating = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 2 : 1));
    expect([...numpyArgsort(alternating)]).toEqual([9, 17, 15, 13, 11, 7, 19, 5, 3, 1, 8, 18, 10, 4, 12, 14, 2, 16, 6, 0]);
    // 16 or fewer values: insertion sort, which is stable.
    expect([...numpyArgsort([2, 1, 2, 1])]).toEqual([1, 3, 0, 2]);
  });

  it('sorts correctly whatever the size', () => {
    const v = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 613);
    const order = numpyArgsort(v);
    for (let i = 1; i < order.length; i++) expect(v[order[i]!]!).toBeGreaterThanOrEqual(v[order[i - 1]!]!);
    expect(new Set(order).size).toBe(1000);
  });

  it('sums pairwise like np.sum', () => {
    expect(pairwiseSum(Float64Array.of(0.1, 0.2, 0.3), 0, 3, 1)).toBe(0.6000000000000001);
    // 10 terms: 8 accumulators then the rest; np.sum([0.1]*10) == 1.0 while a plain loop gives 0.9999999999999999.
    expect(pairwiseSum(new Float64Array(10).fill(0.1), 0, 10, 1)).toBe(1);
  });
});
