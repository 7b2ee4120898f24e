import { describe, expect, it } from 'vitest';
import { BOOL_MISSING, booleanColumn, categoricalColumn, datetimeColumn, numericColumn, textColumn } from '../core/frame.js';
import { encodeClasses } from './classes.js';

describe('encodeClasses', () => {
  it('categorical: level order, unused levels dropped, codes renumbered', () => {
    const e = encodeClasses(categoricalColumn('y', Int32Array.of(2, -1, 2, 0), ['bad', 'unused', 'good']));
    expect(e).toEqual({ codes: Int32Array.of(1, -1, 1, 0), classes: ['bad', 'good'], counts: [1, 2] });
  });
  it('numbers in numeric order (not string order), -0 and 0 one class', () => {
    const e = encodeClasses(numericColumn('y', Float64Array.of(10, 2, NaN, -0, 0, 2)));
    expect(e.classes).toEqual(['0', '2', '10']);
    expect(Array.from(e.codes)).toEqual([2, 1, -1, 0, 0, 1]);
    expect(e.counts).toEqual([2, 2, 1]);
  });
  it('booleans, datetimes and text', () => {
    expect(encodeClasses(booleanColumn('y', Uint8Array.of(1, BOOL_MISSING, 1))).classes).toEqual(['true']);
    expect(encodeClasses(datetimeColumn('y', Float64Array.of(0))).classes).toEqual(['1970-01-01T00:00:00.000Z']);
    const t = encodeClasses(textColumn('y', ['b', null, 'a', 'b']));
    expect(t.classes).toEqual(['a', 'b']);
    expect(Array.from(t.codes)).toEqual([1, -1, 0, 1]);
  });
});
