import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, Frame, numericColumn, textColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import type { Schema } from '../schema/types.js';
import { highMissing, missingCount } from './missing.js';

const schemaOf = (frame: Frame): Schema => ({ version: 1, columns: frame.columns.map((c) => ({ name: c.name, type: c.kind === 'numeric' ? 'numeric' : c.kind, nullable: true, idLike: false })) });
const ctx = (frame: Frame, target?: string) => ({ frame, schema: schemaOf(frame), rng: new Rng(1), ...(target ? { target } : {}) });

/** A numeric column of 100 rows with `k` missing. */
const withMissing = (name: string, k: number) => numericColumn(name, Float64Array.from({ length: 100 }, (_, i) => (i < k ? NaN : i)));

describe('high_missing', () => {
  it('grades each threshold at its edge', () => {
    const frame = Frame.fromColumns([
      withMissing('m4', 4),
      withMissing('m5', 5),
      withMissing('m49', 49),
      withMissing('m50', 50),
      withMissing('m94', 94),
      withMissing('m95', 95),
      withMissing('y', 60),
    ]);
    const got = Object.fromEntries(highMissing.run(ctx(frame, 'y')).map((i) => [i.path, i.severity]));
    expect(got).toEqual({ m5: 'info', m49: 'info', m50: 'warning', m94: 'warning', m95: 'warning' });
    const empty = highMissing.run(ctx(frame)).find((i) => i.path === 'm95')!;
    expect(empty.message).toBe('m95 is almost empty: 95.0% missing (95 of 100 rows)');
    expect(empty.details).toEqual({ missing: 95, rows: 100, ratio: 0.95 });
  });

  it('counts missing cells of every kind', () => {
    expect(missingCount(categoricalColumn('c', new Int32Array([-1, 0]), ['a']))).toBe(1);
    expect(missingCount(booleanColumn('b', new Uint8Array([255, 255, 1])))).toBe(2);
    expect(missingCount(textColumn('t', [null, 'x']))).toBe(1);
  });

  it('is silent on complete data', () => {
    expect(highMissing.run(ctx(Frame.fromColumns([withMissing('x', 0)])))).toEqual([]);
  });
});
