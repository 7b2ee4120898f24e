import { describe, expect, it } from 'vitest';
import { compareToBest, holm } from './compare-to-best.js';
import { code } from '../../core/errors.fixture.js';

const opts = { greaterIsBetter: true, nTrain: 900, nTest: 100 };
const base = Float64Array.of(0.81, 0.79, 0.83, 0.8, 0.82, 0.78, 0.84, 0.8, 0.81, 0.82);
const shift = (s: number, noise = 0): Float64Array => base.map((v, i) => v + s + noise * Math.sin(7 * i));

const codeOf = (f: () => unknown): string => code(f) ?? 'no error';

describe('compareToBest', () => {
  it('picks the best by mean in either direction; first wins a tie', () => {
    const m = new Map([['x', shift(-0.01, 0.01)], ['y', base], ['z', base.slice()]]);
    const up = compareToBest(m, opts);
    expect(up.map((r) => r.isBest)).toEqual([false, true, false]);
    expect(up[2]).toMatchObject({ pValueVsBest: 1, significantlyWorse: false });
    const down = compareToBest(m, { ...opts, greaterIsBetter: false });
    expect(down[0]!.isBest).toBe(true);
    expect(compareToBest(new Map([['only', base]]), opts)).toEqual([
      { name: 'only', mean: expect.closeTo(0.81, 12), std: expect.any(Number), isBest: true, pValueVsBest: 1, pValueAdjusted: 1, significantlyWorse: false },
    ]);
  });

  it('p falls as a candidate falls further behind; Holm never lowers a p-value', () => {
    const m = new Map([['best', base], ...[0.002, 0.005, 0.01, 0.02].map((g) => [`gap${g}`, shift(-g, 0.01)] as [string, Float64Array])]);
    const rows = compareToBest(m, opts);
    const p = rows.slice(1).map((r) => r.pValueVsBest);
    for (let i = 1; i < p.length; i++) expect(p[i]).toBeLessThan(p[i - 1]!);
    for (const r of rows) expect(r.pValueAdjusted).toBeGreaterThanOrEqual(r.pValueVsBest);
    const none = compareToBest(m, { ...opts, correction: 'none' });
    expect(none.map((r) => r.pValueAdjusted)).toEqual(none.map((r) => r.pValueVsBest));
    expect(none.filter((r) => r.significantlyWorse).length).toBeGreaterThanOrEqual(rows.filter((r) => r.significantlyWorse).length);
  });

  it('holm matches the textbook example', () => {
    expect(holm([1, 0.01, 0.04, 0.03], 0)).toEqual([1, 0.03, 0.06, 0.06]);
    expect(holm([0.5, 0.9, 1], 2)).toEqual([1, 1, 1]);
  });

  it('refuses empty, ragged, short and non-finite input', () => {
    expect(codeOf(() => compareToBest(new Map(), opts))).toBe('data.empty');
    expect(codeOf(() => compareToBest(new Map([['a', base], ['b', base.subarray(1)]]), opts))).toBe('data.length_mismatch');
    expect(codeOf(() => compareToBest(new Map([['a', Float64Array.of(0.8)]]), opts))).toBe('data.too_few_folds');
    expect(codeOf(() => compareToBest(new Map([['a', Float64Array.of(0.8, NaN)]]), opts))).toBe('data.nan');
    expect(codeOf(() => compareToBest(new Map([['a', base]]), { ...opts, alpha: 5 }))).toBe('usage.bad_param');
    expect(codeOf(() => compareToBest(new Map([['a', base]]), { ...opts, nTest: -1 }))).toBe('no error'); // one candidate: no test runs
    expect(codeOf(() => compareToBest(new Map([['a', base], ['b', base]]), { ...opts, nTest: -1 }))).toBe('usage.bad_param');
  });
});
