import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, Frame, numericColumn, textColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import type { Schema } from '../schema/types.js';
import { constantColumn, nearConstantColumn } from './constant.js';

const schemaOf = (frame: Frame): Schema => ({ version: 1, columns: frame.columns.map((c) => ({ name: c.name, type: c.kind === 'numeric' ? 'numeric' : c.kind, nullable: true, idLike: false })) });
const ctx = (frame: Frame, target?: string) => ({ frame, schema: schemaOf(frame), rng: new Rng(1), ...(target ? { target } : {}) });

/** `top` rows of value 0 and `n - top` rows of distinct other values. */
function withTop(n: number, top: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (i < top ? 0 : i));
}

describe('constant_column', () => {
  it('flags single-valued columns of every kind, noting missing cells, and skips the target', () => {
    const frame = Frame.fromColumns([
      numericColumn('n', new Float64Array([5, 5, NaN])),
      categoricalColumn('c', new Int32Array([1, 1, 1]), ['unused', 'US']),
      booleanColumn('b', new Uint8Array([0, 0, 0])),
      textColumn('t', ['x', 'y', 'x']),
      numericColumn('y', new Float64Array([1, 1, 1])),
    ]);
    const issues = constantColumn.run(ctx(frame, 'y'));
    expect(issues.map((i) => i.path)).toEqual(['n', 'c', 'b']);
    expect(issues[0]).toMatchObject({ severity: 'warning', details: { value: '5', present: 2, missing: 1 } });
    expect(issues[0]!.message).toBe("n: every present value is '5' (2 rows; the other 1 are missing)");
    expect(issues[1]!.details).toMatchObject({ value: 'US' });
  });

  it('ignores all-missing columns (high_missing reports those)', () => {
    const frame = Frame.fromColumns([numericColumn('n', new Float64Array([NaN, NaN]))]);
    expect(constantColumn.run(ctx(frame))).toEqual([]);
  });
});

describe('near_constant_column', () => {
  it('fires at exactly 99% of present rows and not at 98.9%', () => {
    const at = Frame.fromColumns([numericColumn('x', withTop(1000, 990))]);
    const below = Frame.fromColumns([numericColumn('x', withTop(1000, 989))]);
    const issues = nearConstantColumn.run(ctx(at));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'near_constant_column', path: 'x', severity: 'info', details: { count: 990, present: 1000, share: 0.99 } });
    expect(nearConstantColumn.run(ctx(below))).toEqual([]);
  });

  it('states the numbers like the Ames Utilities example, ignoring missing rows', () => {
    const codes = Int32Array.from({ length: 2935 }, (_, i) => (i < 2927 ? 0 : i < 2930 ? 1 : -1));
    const frame = Frame.fromColumns([categoricalColumn('Utilities', codes, ['AllPub', 'NoSewr'])]);
    expect(nearConstantColumn.run(ctx(frame))[0]!.message).toBe("Utilities: 99.9% of rows are 'AllPub' (2927 of 2930)");
  });

  it('leaves constant columns to constant_column and skips the target', () => {
    const frame = Frame.fromColumns([numericColumn('k', new Float64Array(200)), numericColumn('y', withTop(200, 199))]);
    expect(nearConstantColumn.run(ctx(frame, 'y'))).toEqual([]);
  });
});
