import { describe, expect, it } from 'vitest';
import type { RawColumn, RawTable } from '../io/raw.js';
import { inferSchema } from './infer.js';
import { parseDate, booleanToken } from './detect.js';

function strings(name: string, values: (string | null)[]): RawColumn {
  const levels: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null) return void (codes[i] = -1);
    let c = index.get(v);
    if (c === undefined) index.set(v, (c = levels.push(v) - 1));
    codes[i] = c;
  });
  return { type: 'string', name, codes, levels };
}

function table(columns: RawColumn[]): RawTable {
  const n = columns[0]!.type === 'string' ? columns[0]!.codes.length : columns[0]!.values.length;
  return { names: columns.map((c) => c.name), columns, nRows: n, source: { file: 't.csv', format: 'csv', bytes: 0, truncated: false }, warnings: [] };
}

const n = 40;
const seq = (f: (i: number) => number): Float64Array => Float64Array.from({ length: n }, (_, i) => f(i));

describe('inferSchema', () => {
  it('types numbers as integer or numeric, and sequences as id-like', () => {
    const { schema, frame } = inferSchema(
      table([
        { type: 'number', name: 'row', values: seq((i) => i + 1) },
        { type: 'number', name: 'age', values: seq((i) => 20 + (i % 7)) },
        { type: 'number', name: 'income', values: seq((i) => (i % 5 === 0 ? NaN : i * 1.5)) },
      ]),
    );
    const [row, age, income] = schema.columns;
    expect(row).toMatchObject({ type: 'integer', idLike: true, nullable: false });
    expect(age).toMatchObject({ type: 'integer', idLike: false, min: 20, max: 26 });
    expect(income).toMatchObject({ type: 'numeric', nullable: true });
    expect(frame.column('income').kind).toBe('numeric');
  });

  it('types strings as boolean, datetime, categorical (sorted levels), text and id-like keys', () => {
    const words = (i: number): string => `this message number ${i} says several different words`;
    const { schema, frame } = inferSchema(
      table([
        strings('flag', Array.from({ length: n }, (_, i) => (i % 3 ? 'TRUE' : 'false'))),
        strings('day', Array.from({ length: n }, (_, i) => (i === 3 ? null : `2020-01-${String((i % 28) + 1).padStart(2, '0')}`))),
        strings('color', Array.from({ length: n }, (_, i) => ['red', 'blue', 'green'][i % 3]!)),
        strings('body', Array.from({ length: n }, (_, i) => words(i))),
        strings('customer', Array.from({ length: n }, (_, i) => `C${1000 + i}`)),
      ]),
    );
    expect(schema.columns.map((c) => c.type)).toEqual(['boolean', 'datetime', 'categorical', 'text', 'categorical']);
    expect(schema.columns[1]!.nullable).toBe(true);
    expect(schema.columns[2]!.categories).toEqual(['blue', 'green', 'red']);
    expect(schema.columns[4]!.idLike).toBe(true);
    const color = frame.column('color');
    expect(color.kind === 'categorical' && color.levels[color.codes[0]!]).toBe('red');
    const day = frame.column('day');
    expect(day.kind === 'datetime' && day.values[0]).toBe(Date.UTC(2020, 0, 1));
    expect(frame.row(0).flag).toBe(false);
  });

  it('keeps Yes/No as a categorical so labels survive', () => {
    const { schema } = inferSchema(table([strings('left', Array.from({ length: n }, (_, i) => (i % 2 ? 'Yes' : 'No')))]));
    expect(schema.columns[0]).toMatchObject({ type: 'categorical', categories: ['No', 'Yes'] });
  });

  it('marks declared id columns and rejects unknown ones', () => {
    const t = table([{ type: 'number', name: 'acct', values: seq((i) => i % 3) }]);
    expect(inferSchema(t, { idColumns: ['acct'] }).schema.columns[0]!.idLike).toBe(true);
    expect(() => inferSchema(t, { idColumns: ['nope'] })).toThrow(/id column 'nope'/);
  });
});

describe('detectors', () => {
  it('parses ISO dates strictly', () => {
    expect(parseDate('2012-01-01')).toBe(Date.UTC(2012, 0, 1));
    expect(parseDate('2012/01/01 13:45')).toBe(Date.UTC(2012, 0, 1, 13, 45));
    expect(parseDate('2012-01-01T00:00:00+0100')).toBe(Date.UTC(2011, 11, 31, 23));
    expect(parseDate('2021-02-30')).toBeNaN();
    expect(parseDate('01/02/2020')).toBeNaN();
    expect(parseDate('20200101')).toBeNaN();
  });
  it('reads only true/false literals as booleans', () => {
    expect(booleanToken(' True ')).toBe(1);
    expect(booleanToken('F')).toBe(0);
    expect(booleanToken('no')).toBeUndefined();
  });
});
