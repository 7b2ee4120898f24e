import { describe, expect, it } from 'vitest';
import { randomCut } from './random-cut.js';
import { bestCut, emptyForestSplit, makeSplitScratch, nodeStats, type NodeStats } from './split.js';

/** m × Gini impurity of class counts. */
function mGini(counts: number[]): number {
  const m = counts.reduce((a, b) => a + b, 0);
  return m === 0 ? 0 : m * (1 - counts.reduce((a, c) => a + (c / m) ** 2, 0));
}

describe('forest split search', () => {
  // One feature, 8 rows, bins 0..3 plus missing bin 4; three classes.
  const n = 8;
  const bins = new Uint8Array([0, 0, 1, 1, 2, 3, 3, 4]);
  const cls = new Int32Array([0, 0, 0, 1, 1, 2, 2, 2]);
  const ones = new Float64Array(n).fill(1);
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  const stats = (): NodeStats => {
    const s: NodeStats = { sums: new Float64Array(3), sumSq: 0, count: 0 };
    nodeStats(rows, 0, n, cls, ones, s);
    return s;
  };

  it('best cut maximises the joint Gini decrease over all classes, missing on its better side', () => {
    const best = emptyForestSplit();
    expect(bestCut(bins, n, 0, 5, false, rows, 0, n, cls, ones, stats(), 1, makeSplitScratch(n, 3), best)).toBe(true);
    // Bins <= 2 left (classes 0,0,0,1,1) and {3, missing} right (2,2,2): the right child is pure.
    expect(best.bin).toBe(2);
    expect(best.missingLeft).toBe(false);
    const expected = mGini([3, 2, 3]) - mGini([3, 2, 0]) - mGini([0, 0, 3]);
    expect(expected).toBeCloseTo(2.85, 12);
    expect(best.gain).toBeCloseTo(expected, 12);
  });

  it('min leaf size is respected and a constant feature reports itself', () => {
    const best = emptyForestSplit();
    bestCut(bins, n, 0, 5, false, rows, 0, n, cls, ones, stats(), 4, makeSplitScratch(n, 3), best);
    expect(best.bin).toBe(1); // 4 | 4 is the only admissible cut
    const flat = new Uint8Array(n).fill(2);
    expect(bestCut(flat, n, 0, 5, false, rows, 0, n, cls, ones, stats(), 1, makeSplitScratch(n, 3), emptyForestSplit())).toBe(false);
  });

  it('regression channel: gain is the reduction of the sum of squared errors', () => {
    const y = new Float64Array([1, 1, 2, 2, 5, 6, 6, 7]);
    const ch = new Int32Array(n);
    const s: NodeStats = { sums: new Float64Array(1), sumSq: 0, count: 0 };
    nodeStats(rows, 0, n, ch, y, s);
    const best = emptyForestSplit();
    bestCut(bins, n, 0, 5, false, rows, 0, n, ch, y, s, 1, makeSplitScratch(n, 1), best);
    const sse = (v: number[]) => {
      const mu = v.reduce((a, b) => a + b, 0) / v.length;
      return v.reduce((a, b) => a + (b - mu) ** 2, 0);
    };
    expect(best.bin).toBe(1);
    expect(best.gain).toBeCloseTo(sse([...y]) - sse([1, 1, 2, 2]) - sse([5, 6, 6, 7]), 10);
  });

  it('random cut falls between the node minimum and maximum bin', () => {
    for (let draw = 0; draw < 3; draw++) {
      const best = emptyForestSplit();
      randomCut(bins, n, 0, 5, false, rows, 0, n, cls, ones, stats(), 1, makeSplitScratch(n, 3), () => draw, best);
      expect(best.feature).toBe(0);
      expect(best.bin).toBe(draw); // lo = 0, hi = 3: cut = lo + draw
    }
  });
});
