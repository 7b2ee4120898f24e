import { describe, expect, it } from 'vitest';
import { BOOL_MISSING, Frame, booleanColumn, categoricalColumn, cellValue, datetimeColumn, isMissing, numericColumn, textColumn } from './frame.js';

function sample(): Frame {
  return Frame.fromColumns([
    numericColumn('x', new Float64Array([1.5, NaN, 3])),
    categoricalColumn('c', new Int32Array([0, 1, -1]), ['a', 'b']),
    booleanColumn('b', new Uint8Array([1, 0, BOOL_MISSING])),
    datetimeColumn('d', new Float64Array([Date.UTC(2020, 0, 1), NaN, 0])),
    textColumn('t', ['hello world', null, 'x']),
  ]);
}

describe('Frame', () => {
  it('holds typed columns and reports missing cells per kind', () => {
    const f = sample();
    expect(f.nRows).toBe(3);
    expect(f.names).toEqual(['x', 'c', 'b', 'd', 't']);
    expect(f.row(0)).toEqual({ x: 1.5, c: 'a', b: true, d: '2020-01-01T00:00:00.000Z', t: 'hello world' });
    expect(f.row(1)).toEqual({ x: null, c: 'b', b: false, d: null, t: null });
    expect(isMissing(f.column('c'), 2)).toBe(true);
    expect(isMissing(f.column('b'), 2)).toBe(true);
    expect(cellValue(f.column('x'), 2)).toBe(3);
  });

  it('flags whole-number numeric columns as integer', () => {
    expect(numericColumn('a', new Float64Array([1, 2, NaN])).integer).toBe(true);
    expect(numericColumn('a', new Float64Array([1, 2.5])).integer).toBe(false);
  });

  it('rejects duplicate names and ragged columns', () => {
    expect(() => Frame.fromColumns([numericColumn('a', new Float64Array(2)), numericColumn('a', new Float64Array(2))])).toThrow(/duplicate/);
    expect(() => Frame.fromColumns([numericColumn('a', new Float64Array(2)), numericColumn('b', new Float64Array(3))])).toThrow(/3 rows/);
  });

  it('take copies rows in the given order; select shares buffers; drop removes', () => {
    const f = sample();
    const t = f.take([2, 0]);
    expect(t.nRows).toBe(2);
    expect(t.row(0).x).toBe(3);
    expect(t.row(1).t).toBe('hello world');
    expect(t.column('x')).not.toBe(f.column('x'));
    const s = f.select(['t', 'x']);
    expect(s.names).toEqual(['t', 'x']);
    expect(s.column('x')).toBe(f.column('x'));
    expect(f.drop(['x', 'c']).names).toEqual(['b', 'd', 't']);
    expect(() => f.column('nope')).toThrow(/no column 'nope'/);
    expect(f.head(1).nRows).toBe(1);
  });
});
