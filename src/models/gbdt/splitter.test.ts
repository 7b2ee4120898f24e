import { describe, expect, it } from 'vitest';
import { emptySplit, findBestSplit, leafScore, leafWeight, thresholdL1, type SplitParams } from './splitter.js';

const P: SplitParams = { lambdaL1: 0, lambdaL2: 1, minChildSamples: 1, minChildWeight: 0, minGain: 0, catSmooth: 0, catL2: 0, maxCatThreshold: 32 };

/** A one-feature histogram from per-bin (g, h, count) triples. */
function hist(bins: [number, number, number][]) {
  return { hist: Float64Array.from(bins.flat()), layout: { offsets: new Int32Array([0]), nBins: new Int32Array([bins.length]), isCat: new Uint8Array([0]) } };
}
const sums = (b: [number, number, number][]) => b.reduce((s, x) => [s[0]! + x[0], s[1]! + x[1], s[2]! + x[2]], [0, 0, 0]);

describe('splitter', () => {
  it('leaf formulas follow LightGBM', () => {
    expect(thresholdL1(5, 2)).toBe(3);
    expect(thresholdL1(-5, 2)).toBe(-3);
    expect(thresholdL1(1, 2)).toBe(0);
    expect(leafWeight(-6, 2, 0, 1)).toBe(2);
    expect(leafWeight(-6, 2, 3, 1)).toBe(1);
    expect(leafScore(-6, 2, 0, 1)).toBe(12);
  });

  it('numeric split gain equals the hand computation', () => {
    // bins: (g, h, n); missing bin last and empty.
    const b: [number, number, number][] = [[-4, 2, 2], [-2, 2, 2], [3, 2, 2], [5, 2, 2], [0, 0, 0]];
    const { hist: h, layout } = hist(b);
    const [G, H, C] = sums(b);
    const best = emptySplit();
    findBestSplit(h, layout, new Int32Array([0]), 1, G!, H!, C!, P, best);
    // Left = bins 0,1: G=-6, H=4 -> 36/5; right G=8,H=4 -> 64/5; parent G=2,H=8 -> 4/9.
    expect(best.bin).toBe(1);
    expect(best.gain).toBeCloseTo(36 / 5 + 64 / 5 - 4 / 9, 12);
    // No missing rows: unseen missing goes to the bigger side (a tie goes right).
    expect(best.missingLeft).toBe(false);
  });

  it('sends missing values to the side with more gain', () => {
    // Missing rows have large negative gradients like bin 0.
    const b: [number, number, number][] = [[-4, 2, 2], [3, 2, 2], [4, 2, 2], [-5, 2, 2]];
    const { hist: h, layout } = hist(b);
    const [G, H, C] = sums(b);
    const best = emptySplit();
    findBestSplit(h, layout, new Int32Array([0]), 1, G!, H!, C!, P, best);
    expect(best.bin).toBe(0);
    expect(best.missingLeft).toBe(true);
    expect(best.leftG).toBe(-9);
  });

  it('respects min_child_samples and min_gain', () => {
    const b: [number, number, number][] = [[-4, 1, 1], [1, 1, 10], [0, 0, 0]];
    const { hist: h, layout } = hist(b);
    const [G, H, C] = sums(b);
    const s1 = emptySplit();
    findBestSplit(h, layout, new Int32Array([0]), 1, G!, H!, C!, { ...P, minChildSamples: 2 }, s1);
    expect(s1.feature).toBe(-1);
    const s2 = emptySplit();
    findBestSplit(h, layout, new Int32Array([0]), 1, G!, H!, C!, { ...P, minGain: 100 }, s2);
    expect(s2.feature).toBe(-1);
  });

  it('categorical split groups categories by gradient sign (many-vs-many)', () => {
    // Categories 0 and 2 push down, 1 and 3 up: the best split is {0, 2} vs {1, 3}.
    const b: [number, number, number][] = [[-5, 2, 2], [5, 2, 2], [-5, 2, 2], [5, 2, 2], [0, 0, 0]];
    const { hist: h } = hist(b);
    const layout = { offsets: new Int32Array([0]), nBins: new Int32Array([5]), isCat: new Uint8Array([1]) };
    const [G, H, C] = sums(b);
    const best = emptySplit();
    findBestSplit(h, layout, new Int32Array([0]), 1, G!, H!, C!, P, best);
    const left = Array.from(best.catLeft!).flatMap((v, i) => (v ? [i] : []));
    expect(left.length === 2 && (left.join() === '0,2' || left.join() === '1,3')).toBe(true);
    expect(best.gain).toBeCloseTo(2 * (100 / 5), 12);
  });
});
