/** The library entry point (`import ... from 'specml'`) works from the built package. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.js';

describe("import from 'specml'", () => {
  it('exposes readTable, inferSchema and inferTask that work together', () => {
    const code = `
      import { readTable, inferSchema, inferTask, Rng } from 'specml';
      const raw = await readTable('examples/credit/credit.csv');
      const { frame, schema } = inferSchema(raw);
      const t = inferTask(frame, schema, 'Status');
      console.log(JSON.stringify({ rows: frame.nRows, task: t.task, positive: t.positiveClass, r: new Rng(1).fork('x').int(10) >= 0 }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ rows: 4454, task: 'binary', positive: 'bad', r: true });
  });

  it('exposes the drift report: a file read against itself shows no drift', () => {
    const code = `
      import { readTable, inferSchema, driftReport } from 'specml';
      const { frame, schema } = inferSchema(await readTable('examples/credit/credit.csv'));
      const half = frame.take(Int32Array.from({ length: 2000 }, (_, i) => 2 * i));
      const r = driftReport(frame, half, schema);
      console.log(JSON.stringify({ detected: r.detected, tested: r.features.length }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ detected: false, tested: 14 });
  });
});

describe('the README library example', () => {
  it('runs as written and prints a cross-validated ROC AUC', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Library API'));
    const code = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const auc = Number(r.stdout.trim());
    expect(auc).toBeGreaterThan(0.8);
    expect(auc).toBeLessThan(0.9);
  });
});
