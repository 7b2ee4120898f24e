import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../track/index.js';
import { main } from './main.js';
import type { Io } from './output.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += s), err: (s) => (err += s), tty: false };
  const code = await main(args, io);
  return { code, out, err };
}

describe('specml models / runs', () => {
  let dir: string;
  let storeFile: string;
  const saved = process.env['SPECML_STORE'];
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'specml-cli-'));
    storeFile = path.join(dir, 'store.db');
    process.env['SPECML_STORE'] = `sqlite:${storeFile}`;
    const pkg = path.join(dir, 'pkg');
    mkdirSync(pkg);
    writeFileSync(path.join(pkg, 'model.json'), '{}');
    const s = openSqliteStore(storeFile);
    const run = await s.createRun({ experiment: 'credit', seed: 1, params: { model: 'gbdt' } });
    await s.logMetric(run.id, 'holdout_roc_auc', 0.8);
    await s.finishRun(run.id, 'finished');
    const run2 = await s.createRun({ experiment: 'credit', seed: 2, params: { model: 'linear' } });
    await s.logMetric(run2.id, 'holdout_roc_auc', 0.75);
    await s.finishRun(run2.id, 'finished');
    await s.registerModel({ name: 'credit', runId: run.id, packageDir: pkg, packageSha256: 'a' });
    await s.registerModel({ name: 'credit', runId: run2.id, packageDir: pkg, packageSha256: 'b' });
    await s.setAlias('credit', 'staging', 2, { reason: 'gates passed' });
    await s.close();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['SPECML_STORE'];
    else process.env['SPECML_STORE'] = saved;
  });

  it('promotes, rolls back and shows the history, each move recorded', async () => {
    expect((await cli(['models', 'promote', 'credit@v1', '--to', 'champion', '--reason', 'first'])).code).toBe(0);
    const p = await cli(['models', 'promote', 'credit@staging', '--to', 'champion', '--json']);
    expect(p.code).toBe(0);
    expect(JSON.parse(p.out).event).toMatchObject({ alias: 'champion', from: 1, to: 2 });
    const rb = await cli(['models', 'rollback', 'credit@champion', '--reason', 'latency']);
    expect(rb.out).toContain('v2 -> v1');
    const h = await cli(['models', 'history', 'credit', '--json']);
    expect(JSON.parse(h.out).history.map((e: { alias: string; action: string }) => `${e.alias}:${e.action}`)).toEqual(['staging:set', 'champion:set', 'champion:set', 'champion:rollback']);
    const show = await cli(['models', 'show', 'credit@champion']);
    expect(show.out).toMatch(/credit v1 \(champion\)/);
    const list = await cli(['models', 'list']);
    expect(list.out).toMatch(/credit\s+latest v2\s+champion=v1 staging=v2/);
  });

  it('lists, shows and compares runs', async () => {
    const list = await cli(['runs', 'list', '--json']);
    const runs = JSON.parse(list.out).runs as { id: string }[];
    expect(runs).toHaveLength(2);
    const cmp = await cli(['runs', 'compare', runs[0]!.id, runs[1]!.id]);
    expect(cmp.code).toBe(0);
    expect(cmp.out).toMatch(/\* model\s+"linear"\s+"gbdt"/);
    expect(cmp.out).toMatch(/\* holdout_roc_auc\s+0\.75000\s+0\.80000/);
    expect((await cli(['runs', 'show', runs[1]!.id])).out).toContain('model = "gbdt"');
  });

  it('gives clear errors with exit code 2 for user mistakes', async () => {
    const bad = await cli(['models', 'rollback', 'credit@staging']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/no earlier version to roll back to/);
    const unknown = await cli(['models', 'show', 'credit@prod']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/hint: Aliases of credit: staging -> v2/);
    process.env['SPECML_STORE'] = `sqlite:${path.join(dir, 'none.db')}`;
    const missing = await cli(['runs', 'list']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no specml store at/);
  });
});
