import { describe, expect, it } from 'vitest';
import { selectInputs, signatureOf } from './estimator.js';
import { Frame, categoricalColumn, numericColumn } from './frame.js';

const training = Frame.fromColumns([numericColumn('x', Float64Array.of(1, 2)), categoricalColumn('c', Int32Array.of(0, 1), ['a', 'b'])]);
const model = { name: 'm', inputs: signatureOf(training) };

describe('selectInputs', () => {
  it('records categorical levels in the signature', () => {
    expect(model.inputs).toEqual([
      { name: 'x', kind: 'numeric' },
      { name: 'c', kind: 'categorical', levels: ['a', 'b'] },
    ]);
  });

  it('orders columns as in training, ignores extras, and re-codes categories onto the training levels', () => {
    const data = Frame.fromColumns([
      categoricalColumn('c', Int32Array.of(0, 1, 2, -1), ['b', 'zz', 'a']),
      numericColumn('extra', new Float64Array(4)),
      numericColumn('x', Float64Array.of(5, 6, 7, 8)),
    ]);
    const out = selectInputs(model, data);
    expect(out.names).toEqual(['x', 'c']);
    const c = out.column('c');
    expect(c.kind === 'categorical' && c.levels).toEqual(['a', 'b', 'zz']);
    // b → 1, zz (unseen) → 2 (appended), a → 0, missing stays -1.
    expect(c.kind === 'categorical' && Array.from(c.codes)).toEqual([1, 2, 0, -1]);
  });

  it('keeps the column as is when its levels match training', () => {
    const same = Frame.fromColumns([numericColumn('x', Float64Array.of(1)), categoricalColumn('c', Int32Array.of(1), ['a', 'b'])]);
    expect(selectInputs(model, same).column('c')).toBe(same.column('c'));
  });

  it('names a missing column and a column of the wrong kind', () => {
    expect(() => selectInputs(model, training.drop(['c']))).toThrow(/'c' missing/);
    const wrong = Frame.fromColumns([numericColumn('x', Float64Array.of(1)), numericColumn('c', Float64Array.of(1))]);
    expect(() => selectInputs(model, wrong)).toThrow(/'c' is numeric, but the m model was fitted on a categorical column/);
  });
});
