/**
 * Every file of the bad-input corpus (test/corpus/) through the real CLI: exit code 2, a message
 * naming the file and the line/column or field, a hint, and never a stack trace.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, STACK_TRACE } from './run-cli.js';

const reports = mkdtempSync(path.join(tmpdir(), 'specml-bad-'));
const io = (f: string): string => `test/corpus/io/${f}`;

interface Case {
  name: string;
  args: string[];
  /** Patterns that must all appear in stderr. */
  expect: RegExp[];
}

const cases: Case[] = [
  { name: 'empty file', args: ['--data', io('empty.csv'), '--target', 'y'], expect: [/empty\.csv/, /empty/i] },
  { name: 'header only', args: ['--data', io('header-only.csv'), '--target', 'label'], expect: [/header-only\.csv/, /no data rows/] },
  { name: 'ragged rows', args: ['--data', io('ragged.csv'), '--target', 'label'], expect: [/ragged\.csv:\d+/, /expected \d+ fields/i] },
  { name: 'unterminated quote', args: ['--data', io('unterminated-quote.csv'), '--target', 'label'], expect: [/unterminated-quote\.csv:\d+/, /quote/i] },
  { name: 'wrong delimiter', args: ['--data', io('semicolon.csv'), '--target', 'label', '--delimiter', ','], expect: [/semicolon\.csv/, /';'/] },
  { name: 'invalid UTF-8', args: ['--data', io('invalid-utf8.csv'), '--target', 'label'], expect: [/invalid-utf8\.csv:\d+/, /UTF-8/] },
  { name: 'UTF-16', args: ['--data', io('utf16.csv'), '--target', 'label'], expect: [/utf16\.csv/, /UTF-16/] },
  { name: 'duplicate column names', args: ['--data', io('duplicate-columns.csv'), '--target', 'label'], expect: [/duplicate-columns\.csv/, /duplicate/i] },
  { name: 'bad JSONL line', args: ['--data', io('bad.jsonl'), '--target', 'label'], expect: [/bad\.jsonl:\d+/] },
  { name: 'not a parquet file', args: ['--data', io('not-parquet.parquet'), '--target', 'label'], expect: [/not-parquet\.parquet/, /Parquet/i] },
  { name: 'missing file', args: ['--data', 'test/corpus/io/does-not-exist.csv', '--target', 'y'], expect: [/does-not-exist\.csv/] },
  { name: 'target absent', args: ['--data', 'examples/credit/credit.csv', '--target', 'Statu'], expect: [/credit\.csv/, /'Statu' is not in the file/, /Did you mean 'Status'/] },
  { name: 'all-missing target', args: ['--data', 'test/corpus/data/all-missing-target.csv', '--target', 'label'], expect: [/all-missing-target\.csv/, /empty in all 3 rows/] },
  { name: 'constant target', args: ['--data', 'test/corpus/data/constant-target.csv', '--target', 'label'], expect: [/single value/] },
  { name: "spec's data file missing", args: ['test/corpus/data/missing-data.yaml'], expect: [/missing-data\.yaml: data\.train 'no-such-file\.csv' does not exist/] },
  { name: 'database URI', args: ['--data', 'sqlite:db.sqlite', '--target', 'y'], expect: [/not supported yet/] },
  { name: 'unknown option', args: ['--data', 'examples/credit/credit.csv', '--target', 'Status', '--fast'], expect: [/unknown option '--fast'/] },
];

describe('bad input through `specml analyze`', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = runCli(['analyze', ...c.args, '--reports', reports]);
      expect(r.code, r.stderr).toBe(2);
      for (const re of c.expect) expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      if (!c.args.includes('--fast')) expect(r.stderr).toMatch(/hint: \S/);
    });
  }
});

describe('bad specs through `specml analyze SPEC`', () => {
  const corpus = path.join(ROOT, 'test/corpus/spec');
  const { bad } = JSON.parse(readFileSync(path.join(corpus, 'cases.json'), 'utf8')) as {
    bad: Record<string, { code: string; contains: string[] }>;
  };
  for (const [file, c] of Object.entries(bad)) {
    it(file, () => {
      const r = runCli(['analyze', path.join('test/corpus/spec', file), '--reports', reports, '--json']);
      expect(r.code, r.stderr).toBe(2);
      // The first expected fragment carries file:line:col (or the file) and the field path.
      expect(r.stderr).toContain(c.contains[0]!);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      const doc = JSON.parse(r.stdout) as { ok: boolean; error: { code: string; issues?: unknown[] } };
      expect(doc.ok).toBe(false);
      expect(doc.error.code).toBe(c.code);
    });
  }
});
