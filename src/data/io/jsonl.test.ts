import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../../core/errors.js';
import { readJsonl, readJsonlBatches } from './jsonl.js';

const CORPUS = join(import.meta.dirname, '../../../test/corpus/io');
const dir = mkdtempSync(join(tmpdir(), 'specml-jsonl-'));
let n = 0;
const tmp = (content: string | Uint8Array, ext = '.jsonl'): string => {
  const f = join(dir, `t${n++}${ext}`);
  writeFileSync(f, content);
  return f;
};

describe('readJsonl', () => {
  it('unions keys in first-seen order and types columns', async () => {
    const text = [
      '{"id": 1, "ok": true, "name": "a", "mix": 1.50, "nest": {"x": [1]}}',
      '',
      '{"id": 2, "extra": "e", "ok": null, "mix": "two"}',
      '{"name": null, "id": 3, "ok": false, "mix": 3, "nest": [1, "b"]}',
    ].join('\n');
    for (const f of [tmp(text), tmp(gzipSync(text), '.jsonl.gz')]) {
      const t = await readJsonl(f);
      expect(t.names).toEqual(['id', 'ok', 'name', 'mix', 'nest', 'extra']);
      expect(t.nRows).toBe(3);
      const [id, ok, name, mix, nest, extra] = t.columns;
      expect(id).toMatchObject({ type: 'number', values: new Float64Array([1, 2, 3]) });
      expect(ok).toMatchObject({ type: 'boolean', values: new Uint8Array([1, 255, 0]) });
      expect(name).toMatchObject({ type: 'string', codes: new Int32Array([0, -1, -1]), levels: ['a'] });
      expect(mix).toMatchObject({ type: 'string', codes: new Int32Array([0, 1, 2]), levels: ['1.5', 'two', '3'] });
      expect(nest).toMatchObject({ type: 'string', codes: new Int32Array([0, -1, 1]), levels: ['{"x":[1]}', '[1,"b"]'] });
      expect(extra).toMatchObject({ type: 'string', codes: new Int32Array([-1, 0, -1]) });
    }
  });

  it('bad.jsonl → jsonl.invalid_line with file:line and the parser reason', async () => {
    const f = join(CORPUS, 'bad.jsonl');
    const e = await readJsonl(f).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SpecmlError);
    const err = e as SpecmlError;
    expect(err.code).toBe('jsonl.invalid_line');
    expect(err.message).toMatch(/bad\.jsonl:2: not a JSON object: .+/);
    expect(err.hint).toBeTruthy();
  });

  it('a non-object line is invalid', async () => {
    await expect(readJsonl(tmp('{"a":1}\n[1,2]\n'))).rejects.toMatchObject({ code: 'jsonl.invalid_line', message: expect.stringMatching(/:2: .*array/) });
  });

  it('an empty file → jsonl.empty', async () => {
    await expect(readJsonl(tmp(''))).rejects.toMatchObject({ code: 'jsonl.empty', hint: expect.any(String) });
    await expect(readJsonl(tmp('\n \n'))).rejects.toMatchObject({ code: 'jsonl.empty' });
  });

  it('maxRows truncates', async () => {
    const t = await readJsonl(tmp('{"a":1}\n{"a":2}\n{"a":3}'), { maxRows: 2 });
    expect(t.nRows).toBe(2);
    expect(t.source.truncated).toBe(true);
  });
});

describe('readJsonlBatches', () => {
  it('yields batches of non-blank lines; a key seen earlier stays a column (missing) in later batches', async () => {
    const f = tmp('{"a":1,"b":"x"}\n\n{"a":2}\n{"a":3}\n{"a":4,"c":true}\n{"a":5}');
    const batches = [];
    for await (const b of readJsonlBatches(f, { batchRows: 2 })) batches.push(b);
    expect(batches.map((b) => b.nRows)).toEqual([2, 2, 1]);
    expect(batches.map((b) => b.names)).toEqual([['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c']]);
    const second = batches[1]!;
    expect(second.columns[0]).toMatchObject({ type: 'number', values: Float64Array.from([3, 4]) });
    expect(second.columns[1]).toMatchObject({ type: 'number', values: Float64Array.from([NaN, NaN]) });
    expect(second.columns[2]).toMatchObject({ type: 'boolean', values: Uint8Array.from([255, 1]) });
    expect(batches[2]!.source.bytes).toBeGreaterThan(0);
  });

  it('rejects a batch size that is not a positive integer, and an empty file', async () => {
    expect(() => readJsonlBatches(tmp('{"a":1}'), { batchRows: 0 })).toThrow(/positive integer/);
    const it = readJsonlBatches(tmp('\n'), { batchRows: 10 });
    await expect(it.next()).rejects.toMatchObject({ code: 'jsonl.empty' });
  });
});
