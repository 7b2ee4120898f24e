import { describe, expect, it } from 'vitest';
import type { RawColumn, RawTable } from '../io/raw.js';
import { coerceToSchema } from './coerce.js';
import type { Schema } from './types.js';

const str = (name: string, levels: string[], codes: number[]): RawColumn => ({ type: 'string', name, levels, codes: Int32Array.from(codes) });
const num = (name: string, values: number[]): RawColumn => ({ type: 'number', name, values: Float64Array.from(values) });
const table = (columns: RawColumn[], n: number): RawTable => ({ names: columns.map((c) => c.name), columns, nRows: n, source: { file: 'new.csv', format: 'csv', bytes: 0, truncated: false }, warnings: [] });

const schema: Schema = {
  version: 1,
  columns: [
    { name: 'age', type: 'integer', nullable: false, idLike: false },
    { name: 'code', type: 'categorical', nullable: false, idLike: false, categories: ['1', '2', 'x'] },
    { name: 'flag', type: 'boolean', nullable: false, idLike: false },
    { name: 'day', type: 'datetime', nullable: false, idLike: false },
    { name: 'y', type: 'categorical', nullable: false, idLike: false },
  ],
};

describe('coerceToSchema', () => {
  it('reads columns with the saved types, whatever the batch looks like', () => {
    const raw = table([num('code', [1, 2, NaN]), str('age', ['30', '41'], [0, 1, -1]), num('flag', [1, 0, NaN]), str('day', ['2020-01-02'], [0, 0, -1]), num('extra', [0, 0, 0])], 3);
    const { frame, issues } = coerceToSchema(raw, schema, { optional: ['y'] });
    expect(issues).toEqual([]);
    expect(frame.names).toEqual(['age', 'code', 'flag', 'day']);
    expect(frame.row(0)).toEqual({ age: 30, code: '1', flag: true, day: '2020-01-02T00:00:00.000Z' });
    expect(frame.row(2)).toEqual({ age: null, code: null, flag: null, day: null });
  });

  it('reports unconvertible values and missing columns as errors with examples', () => {
    const raw = table([str('age', ['30', 'forty'], [0, 1]), str('code', ['1'], [0, 0]), str('flag', ['maybe'], [0, 0])], 2);
    const { issues } = coerceToSchema(raw, schema);
    const by = Object.fromEntries(issues.map((i) => [`${i.code}:${i.path}`, i]));
    expect(by['type_changed:age']!.message).toMatch(/"forty"/);
    expect(by['type_changed:flag']).toBeDefined();
    expect(by['missing_column:day']!.severity).toBe('error');
    expect(by['missing_column:y']).toBeDefined();
  });
});
