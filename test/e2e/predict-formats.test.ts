/**
 * `specml predict` streams every input format in batches and writes CSV, JSON lines or Parquet:
 * the same model on the same rows gives the same predictions whatever the formats and batch sizes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv, readParquet } from '../../src/data/io/index.js';
import type { RawTable } from '../../src/data/io/index.js';
import { predict } from '../../src/pipeline/predict.js';
import { ROOT, runCli } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'specml-pf-'));
const credit = path.join(ROOT, 'examples/credit/credit.csv');
const lines = readFileSync(credit, 'utf8').trim().split('\n');
const withId = path.join(tmp, 'credit-id.csv');
writeFileSync(withId, lines.map((l, i) => (i === 0 ? `customer_id,${l}` : `C${String(i).padStart(5, '0')},${l}`)).join('\n') + '\n');
const model = path.join(tmp, 'model');
const jsonl = path.join(tmp, 'credit.jsonl');
const parquet = path.join(tmp, 'credit.parquet');

function cell(t: RawTable, c: number, i: number): string | number | null {
  const col = t.columns[c]!;
  if (col.type === 'string') return col.codes[i]! < 0 ? null : col.levels[col.codes[i]!]!;
  if (col.type === 'number') return Number.isNaN(col.values[i]!) ? null : col.values[i]!;
  throw new Error(`unexpected ${col.type}`);
}

beforeAll(async () => {
  const r = runCli(['train', '--data', withId, '--target', 'Status', '--model', 'gbdt', '--trees', '20', '--out', model]);
  expect(r.code, r.stderr).toBe(0);
  const t = await readCsv(withId);
  // JSON lines: null values omitted from their line, as many writers do.
  const out: string[] = [];
  for (let i = 0; i < t.nRows; i++) {
    const o: Record<string, unknown> = {};
    t.names.forEach((n, c) => {
      const v = cell(t, c, i);
      if (v !== null) o[n] = v;
    });
    out.push(JSON.stringify(o));
  }
  writeFileSync(jsonl, out.join('\n') + '\n');
  // Parquet: row groups of 500 rows, so batches join several groups.
  parquetWriteFile({
    filename: parquet,
    columnData: t.names.map((name, c) => ({ name, data: Array.from({ length: t.nRows }, (_, i) => cell(t, c, i)), type: t.columns[c]!.type === 'number' ? ('DOUBLE' as const) : ('STRING' as const) })),
    rowGroupSize: 500,
  });
}, 120_000);

describe('specml predict: formats in and out', () => {
  it('CSV, JSON lines and Parquet inputs in batches give the same predictions, written as CSV, JSON lines and Parquet', async () => {
    const a = path.join(tmp, 'a.csv');
    const b = path.join(tmp, 'b.jsonl');
    const c = path.join(tmp, 'c.parquet');
    const ra = await predict({ model, input: withId, output: a, batchRows: 1000 });
    const rb = await predict({ model, input: jsonl, output: b, batchRows: 700 });
    const rc = await predict({ model, input: parquet, output: c, batchRows: 1200 });
    expect([ra.rows, rb.rows, rc.rows]).toEqual([4454, 4454, 4454]);
    const csvRows = readFileSync(a, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const jsonRows = readFileSync(b, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string | number>);
    const pq = await readParquet(c);
    expect(pq.names).toEqual(['customer_id', 'prediction', 'proba_bad', 'proba_good']);
    expect(pq.columns.map((col) => col.type)).toEqual(['string', 'string', 'number', 'number']);
    expect(new Set(csvRows.map((r) => r[2])).size).toBeGreaterThan(50);
    for (let i = 0; i < 4454; i++) {
      const [id, pred, pBad, pGood] = csvRows[i]!;
      expect(jsonRows[i]).toEqual({ customer_id: id, prediction: pred, proba_bad: Number(pBad), proba_good: Number(pGood) });
      expect([cell(pq, 0, i), cell(pq, 1, i), cell(pq, 2, i), cell(pq, 3, i)]).toEqual([id, pred, Number(pBad), Number(pGood)]);
    }
  }, 60_000);

  it('the CLI reads Parquet and JSON lines and reports the rows', () => {
    for (const input of [parquet, jsonl]) {
      const out = path.join(tmp, `cli-${path.basename(input)}.csv`);
      const r = runCli(['predict', '--model', model, '--input', input, '--output', out, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, rows: 4454 });
      // Not a terminal: no progress bar on stderr.
      expect(r.stderr).not.toMatch(/rows\/s/);
    }
  }, 60_000);

  it('a JSON lines batch where a column is absent on every line predicts it as missing (the key was seen before)', async () => {
    // Home omitted from every line after the first 100: with 100-line batches, whole batches lack it.
    const src = readFileSync(jsonl, 'utf8').trim().split('\n');
    const sparse = path.join(tmp, 'sparse.jsonl');
    writeFileSync(sparse, src.map((l, i) => (i < 100 ? l : JSON.stringify({ ...JSON.parse(l), Home: undefined }))).join('\n') + '\n');
    const r = await predict({ model, input: sparse, output: path.join(tmp, 'sparse.csv'), batchRows: 100 });
    expect(r.rows).toBe(4454);
  }, 60_000);

  it('a Parquet output whose id column turns from numbers to text stops with a clear error and leaves no file', async () => {
    const mixed = path.join(tmp, 'mixed.csv');
    const body = readFileSync(withId, 'utf8').trim().split('\n');
    // Numeric ids in the first batch, text ids later.
    writeFileSync(mixed, body.map((l, i) => (i > 0 && i <= 1000 ? l.replace(/^C0*/, '') : l)).join('\n') + '\n');
    const out = path.join(tmp, 'mixed.parquet');
    await expect(predict({ model, input: mixed, output: out, batchRows: 1000 })).rejects.toMatchObject({ code: 'data.mixed_types', message: expect.stringMatching(/customer_id/) });
    expect(() => readFileSync(out)).toThrow();
  }, 60_000);
});
