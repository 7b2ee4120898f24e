/** `specml analyze` and `specml init` end to end, on the example data shipped in the repo. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'specml-e2e-'));

describe('specml --help', () => {
  it('lists the commands and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/analyze/);
    expect(r.stdout).toMatch(/init/);
    expect(runCli(['analyze', '--help']).stdout).toMatch(/--target <column>/);
  });
  it('an unknown command is a usage error (exit 2)', () => {
    const r = runCli(['anlyze']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'anlyze'/);
  });
});

describe('specml analyze', () => {
  it('analyses the credit example from its spec: binary, positive class bad, report written', () => {
    const reports = path.join(tmp, 'r1');
    const r = runCli(['analyze', 'examples/credit/specml.yaml', '--json', '--reports', reports]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: true, name: 'credit-risk', task: 'binary', positive_class: 'bad', metric: 'roc_auc', rows: 4454, columns: 14 });
    expect(doc.issues.some((i: { code: string }) => i.code === 'duplicate_rows')).toBe(true);
    // The report is self-contained HTML with plots, and its Markdown twin.
    const html = readFileSync(doc.report.html, 'utf8');
    expect(doc.report.html).toBe(path.join(reports, 'credit-risk', 'analysis.html'));
    expect(html).toMatch(/<svg/);
    expect(html).toMatch(/Seniority/);
    expect(html).not.toMatch(/<script/);
    expect(readFileSync(doc.report.markdown, 'utf8')).toMatch(/Status/);
  });

  it('prints a readable summary without --json', () => {
    const r = runCli(['analyze', 'examples/credit/specml.yaml', '--reports', path.join(tmp, 'r2')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Task\s+binary/);
    expect(r.stdout).toMatch(/Metric\s+roc_auc/);
    expect(r.stdout).toMatch(/Report\s+.*analysis\.html/);
  });

  it('reads a PRP markdown spec', () => {
    const r = runCli(['analyze', 'examples/attrition/attrition.prp.md', '--json', '--reports', path.join(tmp, 'r3')]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ task: 'binary', positive_class: 'Yes', metric: 'average_precision', rows: 1470 });
  });

  it('takes --data/--target without a spec: imbalanced multiclass gets macro F1', () => {
    const r = runCli(['analyze', '--data', 'examples/seattle-weather/seattle-weather.csv', '--target', 'weather', '--json', '--reports', path.join(tmp, 'r4')]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ task: 'multiclass', metric: 'f1_macro', name: 'seattle-weather' });
    expect(doc.schema.columns.find((c: { name: string }) => c.name === 'date').type).toBe('datetime');
  });

  it('gives the same report bytes for the same data', () => {
    const a = runCli(['analyze', '--data', 'examples/seattle-weather/seattle-weather.csv', '--target', 'weather', '--json', '--reports', path.join(tmp, 'r5')]);
    const b = runCli(['analyze', '--data', 'examples/seattle-weather/seattle-weather.csv', '--target', 'weather', '--json', '--reports', path.join(tmp, 'r6')]);
    const read = (r: typeof a): string => readFileSync(JSON.parse(r.stdout).report.markdown, 'utf8').replace(/\d+(\.\d+)? s\b.*$/gm, '');
    expect(read(a)).toBe(read(b));
  });
});

describe('specml init', () => {
  it('writes a spec that analyze then reads, and refuses to overwrite without --force', () => {
    const dir = mkdtempSync(path.join(tmp, 'init-'));
    const out = path.join(dir, 'specml.yaml');
    const data = path.join(ROOT, 'examples/credit/credit.csv');
    const r = runCli(['init', '--data', data, '--target', 'Status', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ task: 'binary', metric: 'roc_auc' });
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/target: Status/);
    expect(existsSync(out)).toBe(true);
    const again = runCli(['init', '--data', data, '--target', 'Status', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    // analyze with no argument reads ./specml.yaml from the working directory.
    const a = runCli(['analyze', '--json', '--reports', path.join(dir, 'reports')], { cwd: dir });
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ task: 'binary', rows: 4454 });
  });

  it('analyze with neither a spec nor --data explains what to pass', () => {
    const dir = mkdtempSync(path.join(tmp, 'empty-'));
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    const r = runCli(['analyze'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--data FILE and --target COLUMN/);
  });
});

describe('spec metric and other formats', () => {
  it("uses the spec's metric and keeps the recommendation visible", () => {
    const dir = mkdtempSync(path.join(tmp, 'metric-'));
    const spec = path.join(dir, 'weather.yaml');
    const data = path.join(ROOT, 'examples/seattle-weather/seattle-weather.csv');
    writeFileSync(spec, `data:\n  train: ${data}\n  target: weather\nmetric: accuracy\n`);
    const r = runCli(['analyze', spec, '--json', '--reports', path.join(dir, 'r')]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.metric).toBe('accuracy');
    expect(doc.secondary_metrics[0]).toBe('f1_macro');
    expect(doc.metric_notes.join(' ')).toMatch(/would recommend f1_macro/);
  });

  it('analyses JSONL the same way as the CSV it came from', () => {
    const dir = mkdtempSync(path.join(tmp, 'jsonl-'));
    const csv = readFileSync(path.join(ROOT, 'examples/seattle-weather/seattle-weather.csv'), 'utf8').trim().split('\n');
    const names = csv[0]!.split(',');
    const lines = csv.slice(1).map((l) => {
      const v = l.split(',');
      return JSON.stringify(Object.fromEntries(names.map((n, i) => [n, i === 0 || i === 5 ? v[i] : Number(v[i])])));
    });
    const file = path.join(dir, 'weather.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const fromJsonl = JSON.parse(runCli(['analyze', '--data', file, '--target', 'weather', '--json', '--reports', path.join(dir, 'a')]).stdout);
    const fromCsv = JSON.parse(
      runCli(['analyze', '--data', 'examples/seattle-weather/seattle-weather.csv', '--target', 'weather', '--json', '--reports', path.join(dir, 'b')]).stdout,
    );
    expect(fromJsonl.format).toBe('jsonl');
    expect(fromJsonl.task).toBe(fromCsv.task);
    expect(fromJsonl.rows).toBe(fromCsv.rows);
    expect(fromJsonl.schema.columns.map((c: { type: string }) => c.type)).toEqual(fromCsv.schema.columns.map((c: { type: string }) => c.type));
  });
});

describe('train/test overlap', () => {
  it('flags test rows that also appear in the training data', () => {
    const dir = mkdtempSync(path.join(tmp, 'overlap-'));
    const lines = readFileSync(path.join(ROOT, 'examples/credit/credit.csv'), 'utf8').trim().split('\n');
    const [header, ...rows] = lines;
    writeFileSync(path.join(dir, 'train.csv'), [header, ...rows.slice(0, 3000)].join('\n') + '\n');
    // The test file holds 400 new rows and 100 rows copied from training.
    writeFileSync(path.join(dir, 'test.csv'), [header, ...rows.slice(3000, 3400), ...rows.slice(0, 100)].join('\n') + '\n');
    const r = runCli(['analyze', '--data', path.join(dir, 'train.csv'), '--test', path.join(dir, 'test.csv'), '--target', 'Status', '--json', '--reports', path.join(dir, 'r')]);
    expect(r.code, r.stderr).toBe(0);
    const overlap = JSON.parse(r.stdout).issues.find((i: { code: string }) => i.code === 'train_test_overlap');
    expect(overlap).toBeDefined();
    // At least the 100 copied rows (the data has a few exact duplicates of its own).
    expect(overlap.details.count).toBeGreaterThanOrEqual(100);
    expect(overlap.details.count).toBeLessThan(110);
  });
});

describe('analyze --schema', () => {
  it('checks new data against the schema.json an earlier analysis wrote', () => {
    const dir = mkdtempSync(path.join(tmp, 'schema-'));
    const first = JSON.parse(runCli(['analyze', 'examples/credit/specml.yaml', '--json', '--reports', path.join(dir, 'r')]).stdout);
    expect(first.report.schema).toBe(path.join(dir, 'r', 'credit-risk', 'schema.json'));
    const saved = JSON.parse(readFileSync(first.report.schema, 'utf8'));
    expect(saved.columns.find((c: { name: string }) => c.name === 'Home').categories).toContain('rent');

    // Same data: compatible.
    const same = runCli(['analyze', 'examples/credit/specml.yaml', '--schema', first.report.schema, '--json', '--reports', path.join(dir, 'r2')]);
    expect(same.code, same.stderr).toBe(0);
    expect(JSON.parse(same.stdout).issues.filter((i: { code: string }) => i.code.startsWith('schema_'))).toEqual([]);

    // New data without Income and with an unseen Home category: an error and a warning, exit 2.
    const rows = readFileSync(path.join(ROOT, 'examples/credit/credit.csv'), 'utf8').trim().split('\n');
    const income = rows[0]!.split(',').indexOf('Income');
    const edited = rows.map((l, i) => {
      const v = l.split(',');
      if (i === 5) v[2] = 'houseboat';
      v.splice(income, 1);
      return v.join(',');
    });
    writeFileSync(path.join(dir, 'new.csv'), edited.join('\n') + '\n');
    const r = runCli(['analyze', '--data', path.join(dir, 'new.csv'), '--target', 'Status', '--schema', first.report.schema, '--json', '--reports', path.join(dir, 'r3')]);
    expect(r.code).toBe(2);
    const codes = JSON.parse(r.stdout).issues.map((i: { code: string; path: string }) => `${i.code}:${i.path}`);
    expect(codes).toContain('schema_missing_column:Income');
    expect(codes).toContain('schema_unseen_category:Home');
  });

  it('a broken schema file is an input error naming the field', () => {
    const dir = mkdtempSync(path.join(tmp, 'schema-bad-'));
    writeFileSync(path.join(dir, 's.json'), JSON.stringify({ version: 1, columns: [{ name: 'a', type: 'float', nullable: false, idLike: false }] }));
    const r = runCli(['analyze', 'examples/credit/specml.yaml', '--schema', path.join(dir, 's.json'), '--reports', path.join(dir, 'r')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/s\.json: columns\.0\.type/);
  });
});

describe('analyze --max-rows', () => {
  it('reads only the first N rows and says so', () => {
    const r = runCli(['analyze', 'examples/credit/specml.yaml', '--max-rows', '500', '--json', '--reports', path.join(tmp, 'max')]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 500, truncated: true, task: 'binary' });
    expect(runCli(['analyze', 'examples/credit/specml.yaml', '--max-rows', 'lots']).code).toBe(2);
  });
});
