import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../../core/errors.js';
import { readParquet } from './parquet.js';

// small.parquet is written by fixtures/make-parquet.mjs (DuckDB); see the values there.
const FIXTURE = join(import.meta.dirname, 'fixtures/small.parquet');

describe('readParquet', () => {
  it('maps every Parquet type to a RawColumn type', async () => {
    const t = await readParquet(FIXTURE);
    expect(t.nRows).toBe(3);
    expect(t.names).toEqual(['f', 'i32', 'i64', 'big', 's', 'b', 'ts', 'd', 'list']);
    const by = Object.fromEntries(t.columns.map((c) => [c.name, c]));
    expect(by.f).toMatchObject({ type: 'number', values: new Float64Array([1.5, NaN, -3.25]) });
    expect(by.i32).toMatchObject({ type: 'number', values: new Float64Array([1, 2, NaN]) });
    expect(by.i64).toMatchObject({ type: 'number', values: new Float64Array([10, 20, NaN]) });
    // 2^53 + 1 does not fit a double: the column stays exact as text.
    expect(by.big).toMatchObject({ type: 'string', levels: ['9007199254740993', '1', '2'] });
    expect(by.s).toMatchObject({ type: 'string', codes: new Int32Array([0, -1, 1]), levels: ['a', 'b'] });
    expect(by.b).toMatchObject({ type: 'boolean', values: new Uint8Array([1, 0, 255]) });
    expect(by.ts).toMatchObject({ type: 'datetime', values: new Float64Array([Date.UTC(2024, 0, 2, 3, 4, 5), NaN, 0]) });
    expect(by.d).toMatchObject({ type: 'datetime', values: new Float64Array([Date.UTC(2024, 0, 2), Date.UTC(2024, 1, 3), NaN]) });
    expect(by.list).toMatchObject({ type: 'string', levels: ['[1,2]', '[]', '[3]'] });
  });

  it('maxRows truncates', async () => {
    const t = await readParquet(FIXTURE, { maxRows: 2 });
    expect(t.nRows).toBe(2);
    expect(t.source.truncated).toBe(true);
  });

  it('not-parquet.parquet → parquet.invalid with a hint', async () => {
    const f = join(import.meta.dirname, '../../../test/corpus/io/not-parquet.parquet');
    const e = await readParquet(f).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SpecmlError);
    expect((e as SpecmlError).code).toBe('parquet.invalid');
    expect((e as SpecmlError).message).toContain('not-parquet.parquet');
    expect((e as SpecmlError).hint).toMatch(/PAR1/);
  });
});
