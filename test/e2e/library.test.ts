/** The library entry point (`import ... from 'specml'`) works from the built package. */
import { spawnSync } from 'node:child_process';
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
});
