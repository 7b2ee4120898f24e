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
