import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../../core/errors.js';
import { readCsv, readCsvBatches } from './csv.js';
import type { RawColumn, RawTable } from './raw.js';

const CORPUS = join(import.meta.dirname, '../../../test/corpus/io');
const corpus = (name: string): string => join(CORPUS, name);
const dir = mkdtempSync(join(tmpdir(), 'specml-csv-'));
let n = 0;
function tmp(content: string | Uint8Array, ext = '.csv'): string {
  const f = join(dir, `t${n++}${ext}`);
  writeFileSync(f, content);
  return f;
}

/** Column `name` as plain JS values (null for missing). */
function col(t: RawTable, name: string): unknown[] {
  const c = t.columns[t.names.indexOf(name)] as RawColumn;
  if (c.type === 'string') return [...c.codes].map((k) => (k < 0 ? null : c.levels[k]));
  if (c.type === 'boolean') return [...c.values].map((v) => (v === 255 ? null : v === 1));
  return [...c.values].map((v) => (Number.isNaN(v) ? null : v));
}

async function failure(p: Promise<unknown>): Promise<SpecmlError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SpecmlError);
    return e as SpecmlError;
  }
  throw new Error('expected a SpecmlError');
}

describe('readCsv: bad-input corpus', () => {
  const cases: [string, string, RegExp][] = [
    ['empty.csv', 'csv.empty', /empty\.csv:1: /],
    ['ragged.csv', 'csv.ragged_row', /ragged\.csv:3: expected 3 fields \(header: a, b, c\), found 2/],
    ['unterminated-quote.csv', 'csv.unterminated_quote', /unterminated-quote\.csv:2: /],
    ['invalid-utf8.csv', 'csv.invalid_utf8', /invalid-utf8\.csv:2:6: /],
    ['utf16.csv', 'csv.utf16', /utf16\.csv:1: .*UTF-16/],
    ['duplicate-columns.csv', 'csv.duplicate_column', /duplicate-columns\.csv:1: column name "x" appears twice, at positions 2 and 4/],
  ];
  for (const [file, code, message] of cases) {
    it(`${file} → ${code}`, async () => {
      const e = await failure(readCsv(corpus(file)));
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
      expect(e.hint).toBeTruthy();
      expect(e.location?.file).toBe(corpus(file));
    });
  }

  it('semicolon.csv with a forced comma → csv.wrong_delimiter naming ;', async () => {
    const e = await failure(readCsv(corpus('semicolon.csv'), { delimiter: ',' }));
    expect(e.code).toBe('csv.wrong_delimiter');
    expect(e.message).toMatch(/semicolon\.csv:1: .*';'/);
    expect(e.hint).toMatch(/';'/);
  });

  it('semicolon.csv detected: decimal commas stay text', async () => {
    const t = await readCsv(corpus('semicolon.csv'));
    expect(t.source.delimiter).toBe(';');
    expect(col(t, 'score')).toEqual(['1,5', '2,25']);
  });

  it('header-only.csv → 0 rows, 3 columns', async () => {
    const t = await readCsv(corpus('header-only.csv'));
    expect(t.nRows).toBe(0);
    expect(t.names).toEqual(['a', 'b', 'c']);
    expect(t.columns.every((c) => c.type === 'number' && c.values.length === 0)).toBe(true);
  });

  it('blank-header.csv → renamed column_2 with a warning', async () => {
    const t = await readCsv(corpus('blank-header.csv'));
    expect(t.names).toEqual(['id', 'column_2', 'score']);
    expect(t.warnings.map((w) => w.code)).toContain('csv_empty_header');
    expect(col(t, 'score')).toEqual([2.5, 3]);
  });

  it('quoted-newlines.csv: embedded newlines and "" escapes', async () => {
    const t = await readCsv(corpus('quoted-newlines.csv'));
    expect(col(t, 'text')).toEqual(['line one\nline two', 'say "hi", ok', 'plain']);
    expect(col(t, 'n')).toEqual([10, 20, 30]);
  });

  it('crlf.csv: CRLF endings, CRLF inside quotes, trailing empty field', async () => {
    const t = await readCsv(corpus('crlf.csv'));
    expect(col(t, 'v')).toEqual(['1.5', 'a\r\nb', null]);
    expect(col(t, 'id')).toEqual([1, 2, 3]);
  });

  it('bom.csv: BOM stripped, multi-byte text kept', async () => {
    const t = await readCsv(corpus('bom.csv'));
    expect(t.names).toEqual(['id', 'name']);
    expect(col(t, 'name')).toEqual(['été', '€']);
  });

  it('late-text.csv: earlier rows keep their original text ("007")', async () => {
    const t = await readCsv(corpus('late-text.csv'));
    expect(col(t, 'zip')).toEqual(['007', '010', null, 'N/A-1']);
    const c = t.columns[0]!;
    expect(c.type === 'string' && c.levels).toEqual(['007', '010', 'N/A-1']);
  });
});

describe('readCsv: values', () => {
  it('numbers equal Number(text) bit for bit', async () => {
    const texts = ['0', '-0', '1', '+1', '.5', '-.5', '5.', '1e5', '1E-5', '2.5e+3', '123456789012345678', '0.1', '0.30000000000000004',
      '9007199254740993', '1.7976931348623157e308', '1e400', '4.9e-324', '1e-400', '00012', '3.14159265358979323846', '-123.456e-7', '1e22', '1e23', '  7 '];
    const f = tmp(`x\n${texts.join('\n')}\n`);
    const t = await readCsv(f);
    const c = t.columns[0]!;
    expect(c.type).toBe('number');
    if (c.type !== 'number') return;
    texts.forEach((s, i) => expect(Object.is(c.values[i], Number(s)), s).toBe(true));
  });

  it('inf/Infinity and NA tokens', async () => {
    const t = await readCsv(tmp('a,b\ninf,x\n-Infinity,NA\nNaN,\n1,null\n'));
    expect(col(t, 'a')).toEqual([Infinity, -Infinity, null, 1]);
    expect(col(t, 'b')).toEqual(['x', null, null, null]);
  });

  it('naValues replaces the default list (numeric NA token too)', async () => {
    const t = await readCsv(tmp('a,b\n-999,NA\n2,x\n'), { naValues: ['-999'] });
    expect(col(t, 'a')).toEqual([null, 2]);
    expect(col(t, 'b')).toEqual(['NA', 'x']);
  });

  it('no trailing newline, blank lines in the middle and at the end', async () => {
    const t = await readCsv(tmp('a,b\n1,2\n\n3,4\n  \n5,6\n\n\n'));
    expect(col(t, 'a')).toEqual([1, 3, 5]);
    const u = await readCsv(tmp('a,b\n1,2\n3,4'));
    expect(col(u, 'b')).toEqual([2, 4]);
  });

  it('detects tab and pipe; quoted delimiters do not count', async () => {
    expect((await readCsv(tmp('a\tb\n1\t2\n'))).names).toEqual(['a', 'b']);
    const t = await readCsv(tmp('a|b\n"x|y"|2\n'));
    expect(t.source.delimiter).toBe('|');
    expect(col(t, 'a')).toEqual(['x|y']);
  });

  it('header values are trimmed', async () => {
    expect((await readCsv(tmp(' a , b\n1,2\n'))).names).toEqual(['a', 'b']);
  });

  it('maxRows stops early and marks the table truncated', async () => {
    const t = await readCsv(tmp('a\n1\n2\n3\n'), { maxRows: 2 });
    expect(t.nRows).toBe(2);
    expect(t.source.truncated).toBe(true);
    const u = await readCsv(tmp('a\n1\n2\n\n'), { maxRows: 2 });
    expect(u.source.truncated).toBe(false);
  });

  it('too many fields is ragged too', async () => {
    const e = await failure(readCsv(tmp('a,b\n1,2\n3,4,5\n')));
    expect(e.code).toBe('csv.ragged_row');
    expect(e.message).toMatch(/:3: expected 2 fields .*found 3/);
  });

  it('an unterminated quote reports the line where it opened', async () => {
    const e = await failure(readCsv(tmp('a,b\n1,2\n3,"x\ny\nz\n')));
    expect(e.code).toBe('csv.unterminated_quote');
    expect(e.message).toMatch(/:3: /);
  });

  it('whitespace-only file is empty', async () => {
    expect((await failure(readCsv(tmp(' \n\n')))).code).toBe('csv.empty');
  });
});

describe('readCsv: streaming', () => {
  // A file far larger than one read chunk, with multi-line quoted fields and multi-byte text
  // everywhere, so fields, CRLFs and UTF-8 sequences fall across chunk boundaries.
  const rows = 200_000;
  const lines = ['id,name,x,note'];
  for (let i = 0; i < rows; i++) lines.push(`${i},"n€${i % 7}\r\nq",${(i * 0.37).toFixed(2)},${i % 3 === 0 ? '' : 'é'}`);
  const text = `${lines.join('\r\n')}\r\n`;

  it('gives the same table for plain and .gz, across chunk boundaries', async () => {
    const plain = await readCsv(tmp(text));
    const gz = await readCsv(tmp(gzipSync(Buffer.from(text)), '.csv.gz'));
    for (const t of [plain, gz]) {
      expect(t.nRows).toBe(rows);
      expect(col(t, 'x')[rows - 1]).toBe(Number(((rows - 1) * 0.37).toFixed(2)));
      expect(col(t, 'name')[12345]).toBe(`n€${12345 % 7}\r\nq`);
      expect(col(t, 'note').slice(0, 3)).toEqual([null, 'é', 'é']);
    }
    expect(gz.source.bytes).toBeLessThan(plain.source.bytes);
  });

  it('reports a ragged row deep in the file with its line', async () => {
    const bad = `a,b\n${'1,2\n'.repeat(3_000_000)}3\n`;
    const e = await failure(readCsv(tmp(bad)));
    expect(e.message).toMatch(/:3000002: expected 2 fields/);
  });

  it('batches: at most batchRows rows, same names, sticky string type, text recovered per batch', async () => {
    const f = tmp('k,v\n1,a\n2,b\n3,c\n04,d\nx,e\n6,f\n7,g\n');
    const batches: RawTable[] = [];
    for await (const b of readCsvBatches(f, { batchRows: 3 })) batches.push(b);
    expect(batches.map((b) => b.nRows)).toEqual([3, 3, 1]);
    expect(batches.every((b) => b.names.join() === 'k,v')).toBe(true);
    expect(batches[0]!.columns[0]!.type).toBe('number');
    expect(col(batches[1]!, 'k')).toEqual(['04', 'x', '6']);
    expect(col(batches[2]!, 'k')).toEqual(['7']);
  });

  it('invalid UTF-8 after a multi-byte character split across chunks', async () => {
    const good = `a\n${'é\n'.repeat(3_000_000)}`;
    const f = tmp(Buffer.concat([Buffer.from(good), Buffer.from([0x78, 0xc3, 0x28, 0x0a])]));
    const e = await failure(readCsv(f));
    expect(e.code).toBe('csv.invalid_utf8');
    expect(e.message).toMatch(/:3000002:2: /);
  });
});

describe('readCsv: None is missing in number columns only', () => {
  it('keeps None as a level in a string column, even when it comes before the first text value', async () => {
    const t = await readCsv(tmp('veneer,area,kind\nNone,None,None\nStone,12,None\n,3.5,BrkFace\nNA,NA,None\n'));
    expect(col(t, 'veneer')).toEqual(['None', 'Stone', null, null]);
    expect(col(t, 'area')).toEqual([null, 12, 3.5, null]);
    expect(col(t, 'kind')).toEqual(['None', 'None', 'BrkFace', 'None']);
  });

  it('an explicit naValues list applies to every column', async () => {
    const t = await readCsv(tmp('kind\nNone\nStone\n'), { naValues: ['None'] });
    expect(col(t, 'kind')).toEqual([null, 'Stone']);
  });
});
