import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTable } from './read.js';

const dir = mkdtempSync(join(tmpdir(), 'specml-read-'));
// ../shared beside the repository (the development machines and CI have it; a fresh clone does not).
const DATASETS = fileURLToPath(new URL('../../../../shared/datasets', import.meta.url));

describe('readTable', () => {
  it('io.not_found, io.not_a_file, io.unknown_format with hints', async () => {
    await expect(readTable(join(dir, 'nope.csv'))).rejects.toMatchObject({ code: 'io.not_found', message: expect.stringContaining('nope.csv'), hint: expect.any(String) });
    await expect(readTable(dir)).rejects.toMatchObject({ code: 'io.not_a_file', hint: expect.any(String) });
    const x = join(dir, 'data.xlsx');
    writeFileSync(x, 'x');
    await expect(readTable(x)).rejects.toMatchObject({ code: 'io.unknown_format', hint: expect.stringContaining('.parquet') });
  });

  it('dispatches on extension (.tsv, .ndjson, upper case)', async () => {
    const tsv = join(dir, 'a.TSV');
    writeFileSync(tsv, 'a\tb\n1\t2\n');
    expect((await readTable(tsv)).source).toMatchObject({ format: 'csv', delimiter: '\t' });
    const nd = join(dir, 'a.ndjson');
    writeFileSync(nd, '{"a":1}\n');
    expect((await readTable(nd)).source.format).toBe('jsonl');
    expect((await readTable(join(import.meta.dirname, 'fixtures/small.parquet'))).source.format).toBe('parquet');
  });

  // Real data: shapes must match the datasets' meta.json.
  it('reads the example data shipped in the repo', async () => {
    const t = await readTable(fileURLToPath(new URL('../../../examples/credit/credit.csv', import.meta.url)));
    expect(t.nRows).toBe(4454);
    expect(t.names[0]).toBe('Status');
    expect(t.columns.find((c) => c.name === 'Income')!.type).toBe('number');
  });
});

describe.skipIf(!existsSync(DATASETS))('readTable on ../shared/datasets', () => {
  for (const name of ['ames', 'attrition', 'seattle_weather', 'credit_data']) {
    it(`reads ${name} with the rows and columns of its meta.json`, async () => {
      const meta = JSON.parse(readFileSync(join(DATASETS, name, 'meta.json'), 'utf8')) as { rows: number; columns: number; file: string; column_names?: string[] };
      const t = await readTable(join(DATASETS, name, meta.file));
      expect(t.nRows).toBe(meta.rows);
      expect(t.names.length).toBe(meta.columns);
      if (meta.column_names) expect(t.names).toEqual(meta.column_names);
    });
  }
});

describe('readTable on database URIs', () => {
  it('says plainly that SQL sources are not supported yet', async () => {
    await expect(readTable('sqlite:db.sqlite')).rejects.toMatchObject({ code: 'io.unsupported_source', hint: expect.stringContaining('CSV') });
  });
});
