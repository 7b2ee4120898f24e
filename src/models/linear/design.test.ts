import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../../core/errors.js';
import { BOOL_MISSING, Frame, booleanColumn, categoricalColumn, datetimeColumn, numericColumn, textColumn } from '../../core/frame.js';
import { designMatrix } from './design.js';

function codeOf(run: () => unknown): { code: string; message: string; hint: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof SpecmlError) return { code: e.code, message: e.message, hint: e.hint ?? '' };
    throw e;
  }
  throw new Error('expected a SpecmlError');
}

describe('designMatrix', () => {
  it('lays numeric and boolean columns out row-major, booleans as 0/1', () => {
    const f = Frame.fromColumns([numericColumn('a', Float64Array.of(1.5, -2, 3)), booleanColumn('b', Uint8Array.of(1, 0, 1))]);
    const d = designMatrix(f, 'ridge');
    expect([d.n, d.p]).toEqual([3, 2]);
    expect(Array.from(d.x)).toEqual([1.5, 1, -2, 0, 3, 1]);
    expect(d.names).toEqual(['a', 'b']);
  });

  it('refuses categorical, text and datetime columns, pointing at the encoders', () => {
    const cat = codeOf(() => designMatrix(Frame.fromColumns([categoricalColumn('colour', Int32Array.of(0, 1), ['red', 'blue'])]), 'lasso'));
    expect(cat).toMatchObject({ code: 'data.not_numeric' });
    expect(cat.message).toContain("'colour' is categorical");
    expect(cat.hint).toMatch(/one-hot or ordinal encoder/);
    expect(codeOf(() => designMatrix(Frame.fromColumns([textColumn('note', ['a', 'b'])]), 'lasso')).code).toBe('data.not_numeric');
    expect(codeOf(() => designMatrix(Frame.fromColumns([datetimeColumn('when', Float64Array.of(0, 1))]), 'lasso')).code).toBe('data.not_numeric');
  });

  it('refuses missing values naming the column and the count, with an imputer hint', () => {
    const e = codeOf(() => designMatrix(Frame.fromColumns([numericColumn('ok', Float64Array.of(1, 2, 3)), numericColumn('age', Float64Array.of(1, NaN, NaN))]), 'ridge'));
    expect(e.code).toBe('data.missing_values');
    expect(e.message).toContain("'age' is missing in 2 of 3 rows");
    expect(e.hint).toMatch(/imputer/);
    const b = codeOf(() => designMatrix(Frame.fromColumns([booleanColumn('flag', Uint8Array.of(1, BOOL_MISSING))]), 'ridge'));
    expect(b.code).toBe('data.missing_values');
    expect(b.message).toContain("'flag' is missing in 1 of 2 rows");
  });

  it('refuses infinite values naming the column', () => {
    const e = codeOf(() => designMatrix(Frame.fromColumns([numericColumn('ratio', Float64Array.of(1, -Infinity))]), 'ridge'));
    expect(e.code).toBe('data.not_finite');
    expect(e.message).toContain("'ratio'");
  });
});
