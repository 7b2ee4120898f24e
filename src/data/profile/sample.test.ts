import { describe, expect, it } from 'vitest';
import { Frame, categoricalColumn, numericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { REFERENCE_SAMPLE_CELLS, referenceSample } from './sample.js';

const frame = (n: number): Frame =>
  Frame.fromColumns([numericColumn('x', Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? NaN : i))), categoricalColumn('c', Int32Array.from({ length: n }, (_, i) => (i % 5 === 0 ? -1 : i % 3)), ['a', 'b', 'c'])]);

describe('referenceSample', () => {
  it('keeps every row of a small frame, in order, as JSON values (null for missing)', () => {
    const s = referenceSample(frame(10), ['x', 'c', 'absent'], new Rng(1));
    expect(s).toMatchObject({ rows: 10, of: 10, seed: 1 });
    expect(s.columns['x']).toEqual([null, 1, 2, 3, 4, 5, 6, null, 8, 9]);
    expect(s.columns['c']!.slice(0, 4)).toEqual([null, 'b', 'c', 'a']);
    expect(Object.keys(s.columns)).toEqual(['x', 'c']);
  });

  it('draws a seeded uniform sample without replacement from a large frame, in row order', () => {
    const a = referenceSample(frame(20_000), ['x'], new Rng(42), 500);
    const b = referenceSample(frame(20_000), ['x'], new Rng(42), 500);
    const c = referenceSample(frame(20_000), ['x'], new Rng(43), 500);
    expect(a.rows).toBe(500);
    expect(a.columns).toEqual(b.columns);
    expect(a.columns).not.toEqual(c.columns);
    const rows = (a.columns['x'] as (number | null)[]).filter((v): v is number => v !== null);
    expect([...rows].sort((p, q) => p - q)).toEqual(rows);
    expect(new Set(rows).size).toBe(rows.length);
    // Uniform: the mean row index is near the middle (sd of the mean ~ 260 here).
    expect(Math.abs(rows.reduce((p, q) => p + q, 0) / rows.length - 10_000)).toBeLessThan(1500);
  });

  it('keeps fewer rows of a wide table: at most a million cells', () => {
    const wide = Frame.fromColumns(Array.from({ length: 800 }, (_, j) => numericColumn(`p${j}`, new Float64Array(3000))));
    const s = referenceSample(wide, wide.names, new Rng(1));
    expect(s.rows).toBe(Math.floor(REFERENCE_SAMPLE_CELLS / 800));
  });
});
