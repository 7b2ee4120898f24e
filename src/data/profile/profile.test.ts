import { describe, expect, it } from 'vitest';
import { Frame, categoricalColumn, numericColumn, textColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import type { Schema } from '../schema/types.js';
import { correlationRatio, discretize, entropy, mutualInformation, pearson } from './association.js';
import { profileFrame } from './profile.js';
import { histogram, numericStats } from './stats.js';
import { quantile, valueCounts } from './value-counts.js';

describe('stats', () => {
  it('quantiles interpolate like numpy (type 7)', () => {
    const vc = valueCounts(new Float64Array([4, 1, 3, 2]));
    // numpy.quantile([1,2,3,4], [0, .25, .5, .9, 1]) = [1, 1.75, 2.5, 3.7, 4]
    expect([0, 0.25, 0.5, 0.9, 1].map((p) => quantile(vc, p))).toEqual([1, 1.75, 2.5, expect.closeTo(3.7, 12), 4]);
  });

  it('numericStats skips NaN and matches hand-computed moments', () => {
    const st = numericStats(valueCounts(new Float64Array([2, 4, NaN, 4, 4, 5, 5, 7, 9])), true)!;
    expect(st.mean).toBe(5);
    // sample std of [2,4,4,4,5,5,7,9] = sqrt(32/7)
    expect(st.std).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(st.min).toBe(2);
    expect(st.max).toBe(9);
    // scipy.stats.skew([2,4,4,4,5,5,7,9], bias=False) = 0.8184875...
    expect(st.skewness).toBeCloseTo(0.81848755, 6);
    expect(st.histogram.counts.reduce((a, b) => a + b, 0)).toBe(8);
    expect(valueCounts(new Float64Array([3, 1, NaN, 3, 2])).uniq.length).toBe(3);
  });

  it('histograms put whole numbers in unit bins and cover every value', () => {
    const h = histogram(valueCounts(new Float64Array([1, 1, 2, 5])), 30, true);
    expect(h.edges[0]).toBe(0.5);
    expect(h.counts).toEqual([2, 1, 0, 0, 1]);
    const g = histogram(valueCounts(Float64Array.from({ length: 100 }, (_, i) => i / 7)), 30, false);
    expect(g.counts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(g.counts.length).toBe(10);
  });
});

describe('association', () => {
  it('mutual information is H(Y) for a perfect predictor and ~0 for noise', () => {
    const y = Int32Array.from({ length: 1000 }, (_, i) => i % 2);
    expect(mutualInformation(y, 2, y, 2)).toBeCloseTo(entropy(y, 2), 12);
    const rng = new Rng(1);
    const noise = Int32Array.from({ length: 1000 }, () => rng.int(4));
    expect(mutualInformation(noise, 4, y, 2)).toBeLessThan(0.01);
  });

  it('pearson and correlation ratio', () => {
    const x = Float64Array.from({ length: 50 }, (_, i) => i);
    expect(pearson(x, x.map((v) => 3 * v + 1))).toBeCloseTo(1, 12);
    expect(pearson(x, x.map((v) => -v))).toBeCloseTo(-1, 12);
    const g = Int32Array.from({ length: 50 }, (_, i) => i % 2);
    expect(correlationRatio(g, 2, Float64Array.from(g, (v) => v * 10))).toBeCloseTo(1, 12);
  });
});

describe('profileFrame', () => {
  it('profiles every column and ranks the informative feature above noise', () => {
    const rng = new Rng(2);
    const n = 500;
    const y = Int32Array.from({ length: n }, () => rng.int(2));
    const signal = Float64Array.from(y, (v) => v * 2 + rng.normal());
    const noise = Float64Array.from({ length: n }, () => rng.normal());
    const frame = Frame.fromColumns([
      numericColumn('signal', signal),
      numericColumn('noise', noise),
      textColumn('note', Array.from({ length: n }, (_, i) => (i % 10 ? `note ${i}` : null))),
      categoricalColumn('y', y, ['no', 'yes']),
    ]);
    const schema: Schema = {
      version: 1,
      columns: [
        { name: 'signal', type: 'numeric', nullable: false, idLike: false },
        { name: 'noise', type: 'numeric', nullable: false, idLike: false },
        { name: 'note', type: 'text', nullable: true, idLike: false },
        { name: 'y', type: 'categorical', nullable: false, idLike: false },
      ],
    };
    const p = profileFrame(frame, schema, { target: 'y', classification: true });
    const by = new Map(p.columns.map((c) => [c.name, c]));
    expect(by.get('signal')!.association!.normalized).toBeGreaterThan(5 * by.get('noise')!.association!.normalized);
    expect(by.get('note')!.missing).toBe(50);
    expect(by.get('note')!.text!.meanTokens).toBe(2);
    expect(by.get('note')!.association).toBeUndefined();
    expect(by.get('y')!.categorical!.top.map((t) => t.value).sort()).toEqual(['no', 'yes']);
    expect(p.missingCells).toBe(50);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

describe('discretize', () => {
  it('gives the same codes through the lookup table as through the binary search', () => {
    const rng = new Rng(4);
    const ints = Float64Array.from({ length: 3000 }, (_, i) => (i % 50 === 0 ? NaN : rng.int(40)));
    const col = numericColumn('a', ints);
    const asInt = discretize(col)!;
    // The same summary marked as not whole numbers takes the binary-search path.
    const viaSearch = discretize(col, { ...valueCounts(ints), integer: false })!;
    expect(asInt.k).toBe(viaSearch.k);
    expect(Array.from(asInt.codes)).toEqual(Array.from(viaSearch.codes));
    expect(asInt.k).toBeGreaterThan(8);
  });
});
