import { describe, expect, it } from 'vitest';
import { Frame, categoricalColumn, numericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { binColumn, binOf, categoricalMapper, levelRemap, numericMapper, type NumericMapper } from './binning.js';
import { fitMappers } from './dataset.js';

const opts = { maxBins: 255, maxCatBins: 64, minCatCount: 1 };

describe('numericMapper', () => {
  it('constant column: one value bin plus the missing bin', () => {
    const m = numericMapper(new Float64Array([3, 3, 3]), 255);
    expect(m.edges.length).toBe(0);
    expect(m.nBins).toBe(2);
    expect(binOf(m, 3)).toBe(0);
    expect(binOf(m, NaN)).toBe(1);
  });
  it('all missing: only the missing bin is used', () => {
    const m = numericMapper(new Float64Array([NaN, NaN]), 255);
    expect(m.nBins).toBe(2);
    expect(binOf(m, NaN)).toBe(1);
  });
  it('fewer distinct values than bins: one bin each, edges at midpoints', () => {
    const m = numericMapper(new Float64Array([1, 2, 2, 4, NaN]), 255);
    expect(Array.from(m.edges)).toEqual([1.5, 3]);
    expect([1, 2, 4, NaN].map((x) => binOf(m, x))).toEqual([0, 1, 2, 3]);
  });
  it('many distinct values: at most maxBins bins of roughly equal counts', () => {
    const v = Float64Array.from({ length: 10000 }, (_, i) => i);
    const m = numericMapper(v, 10);
    expect(m.nBins).toBe(11);
    const counts = new Array(m.nBins).fill(0);
    for (const x of v) counts[binOf(m, x)]++;
    expect(counts.slice(0, 10).every((c) => c === 1000)).toBe(true);
  });
  it('edges are float32 values and float32-equal inputs share a bin', () => {
    const a = 0.1;
    const b = 0.1 + 1e-12; // same float32 as a
    const c = 0.2;
    const m = numericMapper(new Float64Array([a, b, c]), 255);
    expect(m.edges.length).toBe(1);
    for (const e of m.edges) expect(Math.fround(e)).toBe(e);
    expect(binOf(m, a)).toBe(binOf(m, b));
    // Routing by binned comparison equals fround(x) <= edge for any x.
    for (const x of [0.1, 0.15, Math.fround(m.edges[0]!), m.edges[0]! + 1e-12, 0.2]) expect(binOf(m, x) === 0).toBe(Math.fround(x) <= m.edges[0]!);
  });
  it('close float32 neighbours keep the edge inside [lo, hi)', () => {
    const lo = Math.fround(1);
    const hi = 1 + 2 ** -23; // next float32
    const m = numericMapper(new Float64Array([lo, hi]), 255);
    expect(m.edges[0]).toBe(lo);
    expect(binOf(m, lo)).toBe(0);
    expect(binOf(m, hi)).toBe(1);
  });
});

describe('categoricalMapper', () => {
  it('one bin per category, rare ones pooled, unseen and missing in the missing bin', () => {
    const codes = new Int32Array([0, 0, 0, 1, 1, 1, 2, -1]); // level 3 never seen
    const m = categoricalMapper(codes, 4, { ...opts, minCatCount: 2 });
    expect(m.nBins).toBe(4); // 0, 1, pooled(2), missing
    expect(Array.from(m.levelBin)).toEqual([0, 1, 2, 3]);
  });
  it('caps at maxCatBins keeping the most frequent', () => {
    const codes = new Int32Array([0, 1, 1, 2, 2, 2]);
    const m = categoricalMapper(codes, 3, { ...opts, maxCatBins: 3 });
    // 2 kept (levels 2 and 1, in code order), level 0 pooled.
    expect(Array.from(m.levelBin)).toEqual([2, 0, 1]);
    expect(m.nBins).toBe(4);
  });
  it('bins a frame whose levels are ordered differently by name', () => {
    const m = categoricalMapper(new Int32Array([0, 1]), 2, opts);
    const col = categoricalColumn('c', new Int32Array([0, 1, 2, -1]), ['b', 'a', 'new']);
    const out = new Uint8Array(4);
    binColumn(col, m, ['a', 'b'], out);
    expect(Array.from(out)).toEqual([1, 0, 2, 2]);
    expect(Array.from(levelRemap(['b', 'a', 'z'], ['a', 'b']))).toEqual([1, 0, -1]);
  });
});

it('binColumn on numeric columns matches binOf', () => {
  const m = numericMapper(new Float64Array([1, 2, 3]), 255);
  const out = new Uint8Array(3);
  binColumn(numericColumn('x', new Float64Array([3, NaN, 1])), m, undefined, out);
  expect(Array.from(out)).toEqual([2, 3, 0]);
});

describe('fitMappers with bin_sample', () => {
  const r = new Rng(3);
  const n = 5000;
  const x = Float64Array.from({ length: n }, () => r.normal());
  const frame = Frame.fromColumns([
    numericColumn('x', x),
    numericColumn('u', Float64Array.from({ length: n }, (_, i) => i % 20)),
  ]);
  const opts = { maxBins: 32, maxCatBins: 64, minCatCount: 1 };

  it('places edges on a seeded sample: deterministic, and all rows when the sample is not smaller', () => {
    const a = fitMappers(frame, { ...opts, sampleRows: 1000 }) as NumericMapper[];
    const b = fitMappers(frame, { ...opts, sampleRows: 1000 }) as NumericMapper[];
    const full = fitMappers(frame, opts) as NumericMapper[];
    expect(Array.from(a[0]!.edges)).toEqual(Array.from(b[0]!.edges));
    expect(Array.from(a[0]!.edges)).not.toEqual(Array.from(full[0]!.edges));
    expect(Array.from((fitMappers(frame, { ...opts, sampleRows: n }) as NumericMapper[])[0]!.edges)).toEqual(Array.from(full[0]!.edges));
    // 20 distinct values (fewer than 32 bins: one bin each): a 1000-row sample sees them all.
    expect(Array.from(a[1]!.edges)).toEqual(Array.from(full[1]!.edges));
  });

  it("keeps every bin's share of all rows near 1/32 (edges from a 20% sample)", () => {
    const m = (fitMappers(frame, { ...opts, sampleRows: 1000 }) as NumericMapper[])[0]!;
    const counts = new Array<number>(m.nBins).fill(0);
    for (const v of x) counts[binOf(m, v)]!++;
    for (const c of counts.slice(0, -1)) expect(Math.abs(c / n - 1 / 32)).toBeLessThan(0.012);
  });
});
