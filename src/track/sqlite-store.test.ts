import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../core/errors.js';
import { checkStore } from './check-store.js';
import { openStore } from './open.js';
import { looksLikeModelRef, parseModelRef, resolveModelRef } from './refs.js';
import { openSqliteStore } from './sqlite-store.js';

const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'specml-store-'));

function fakePackage(): string {
  const dir = path.join(tmp(), 'pkg');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'model.json'), '{"format":"specml.package"}');
  writeFileSync(path.join(dir, 'weights.bin'), new Uint8Array([1, 2, 3]));
  return dir;
}

describe('SQLite store', () => {
  it('keeps every rule of the store contract (checkStore)', async () => {
    await checkStore(async () => openSqliteStore(path.join(tmp(), 'store.db')), fakePackage());
  });

  it('keeps runs and the registry across reopening, and resolves NAME@ALIAS', async () => {
    const file = path.join(tmp(), 'store.db');
    const a = openSqliteStore(file);
    const run = await a.createRun({ experiment: 'e' });
    await a.logMetric(run.id, 'rmse', 1.5);
    await a.finishRun(run.id, 'finished');
    const v = await a.registerModel({ name: 'ames', runId: run.id, packageDir: fakePackage(), packageSha256: 's' });
    await a.setAlias('ames', 'staging', v.version);
    await a.close();
    const b = await openStore(`sqlite:${file}`);
    expect((await b.getRun(run.id)).metrics[0]!.value).toBe(1.5);
    expect((await resolveModelRef(b, 'ames@staging')).version).toBe(1);
    expect((await resolveModelRef(b, 'ames@v1')).packageDir).toBe(v.packageDir);
    expect((await resolveModelRef(b, 'ames')).version).toBe(1);
    await expect(resolveModelRef(b, 'ames@champion')).rejects.toMatchObject({ code: 'store.unknown_alias' });
    await expect(resolveModelRef(b, 'nope@x')).rejects.toMatchObject({ code: 'store.unknown_alias' });
    await b.close();
  });

  it('refuses to rewrite history even from raw SQL (triggers)', async () => {
    const file = path.join(tmp(), 'store.db');
    const s = openSqliteStore(file);
    const run = await s.createRun({ experiment: 'e' });
    await s.finishRun(run.id, 'finished');
    await s.registerModel({ name: 'm', packageDir: fakePackage(), packageSha256: 's' });
    await s.setAlias('m', 'champion', 1);
    await s.close();
    const db = new Database(file);
    expect(() => db.prepare("UPDATE runs SET status = 'running' WHERE id = ?").run(run.id)).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM alias_events').run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE alias_events SET to_version = 9').run()).toThrow(/append-only/);
    db.close();
  });

  it('keeps the prediction log append-only and joins each label once to a served prediction', async () => {
    const file = path.join(tmp(), 'store.db');
    const s = openSqliteStore(file);
    const rec = (id: string, role: 'served' | 'shadow', at: number) => ({ id, role, model: 'm', version: 'v1', at, input: { x: 1 }, output: { prediction: 'a' }, latencyMs: 0.4, requestId: id.split('/')[0]! });
    await s.logPredictions([rec('r1/0', 'served', 10), rec('r1/1', 'served', 10), rec('r1/0', 'shadow', 10), rec('r2/0', 'served', 20)]);
    expect((await s.listPredictions({ model: 'm', role: 'served' })).map((p) => p.id)).toEqual(['r1/0', 'r1/1', 'r2/0']);
    expect((await s.listPredictions({ since: 20 })).map((p) => p.id)).toEqual(['r2/0']);
    expect((await s.listPredictions({}))[0]).toMatchObject({ input: { x: 1 }, output: { prediction: 'a' }, latencyMs: 0.4 });
    // A (id, role) logged again is ignored: the log keeps the first record, never rewrites it.
    await s.logPredictions([rec('r3/0', 'served', 30), rec('r1/0', 'served', 30)]);
    expect((await s.listPredictions({ since: 30 })).map((p) => p.id)).toEqual(['r3/0']);
    expect((await s.listPredictions({ model: 'm', role: 'served' })).filter((p) => p.id === 'r1/0').map((p) => p.at)).toEqual([10]);
    expect(await s.addFeedback('m', [{ id: 'r1/0', label: 'a' }, { id: 'nope', label: 'b' }, { id: 'r1/0', label: 'b' }])).toEqual({ accepted: 1, unknown: ['nope', 'r1/0'] });
    expect(await s.addFeedback('other', [{ id: 'r2/0', label: 'a' }])).toEqual({ accepted: 0, unknown: ['r2/0'] });
    expect(await s.feedbackFor(['r1/0', 'r2/0'])).toEqual(new Map([['r1/0', 'a']]));
    await s.close();
    const s2 = openSqliteStore(file);
    await s2.logRolloutEvent({ name: 'm', action: 'start', from: { mode: 'single' }, to: { mode: 'canary' }, reason: 'canary of v2', actor: 'test' });
    expect((await s2.rolloutEvents('m')).map((e) => [e.seq, e.action, e.to])).toEqual([[1, 'start', { mode: 'canary' }]]);
    await s2.close();
    const db = new Database(file);
    expect(() => db.prepare('DELETE FROM rollout_events').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM predictions').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE predictions SET output = '{}'").run()).toThrow(/append-only/);
    db.close();
  });

  it('reports a file that is not a store as store.corrupt, and leaves it alone', async () => {
    const file = path.join(tmp(), 'store.db');
    writeFileSync(file, 'this is not a database, it is a text file that someone put here'.repeat(100));
    let err: unknown;
    try {
      openSqliteStore(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SpecmlError);
    expect((err as SpecmlError).code).toBe('store.corrupt');
    expect((err as SpecmlError).message).toContain(file);
    expect((err as SpecmlError).hint).toMatch(/Move the file aside/);
  });

  it('reports a store held by another writer as store.locked', async () => {
    const file = path.join(tmp(), 'store.db');
    // A short wait keeps the test quick; the store waits 10 s by default.
    const s = openSqliteStore(file, { busyTimeoutMs: 200 });
    const holder = new Database(file);
    holder.prepare('BEGIN IMMEDIATE').run();
    const started = Date.now();
    await expect(s.createRun({ experiment: 'e' })).rejects.toMatchObject({ code: 'store.locked' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    holder.prepare('ROLLBACK').run();
    holder.close();
    await s.close();
  }, 30_000);

  it('loses no acknowledged write when the writing process is killed with SIGKILL', async () => {
    const file = path.join(tmp(), 'store.db');
    const init = openSqliteStore(file);
    const run = await init.createRun({ experiment: 'kill' });
    await init.close();
    // The child logs metrics and prints each step after logMetric returned (acknowledged).
    const child = spawn(process.execPath, ['--input-type=module', '-e', `
      import Database from 'better-sqlite3';
      const db = new Database(${JSON.stringify(file)});
      db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL');
      const ins = db.prepare("INSERT INTO metrics (run_id, key, value, step, at) VALUES (?, 'x', ?, ?, 0)");
      for (let i = 0; ; i++) { db.transaction(() => ins.run(${JSON.stringify(run.id)}, i, i)).immediate(); process.stdout.write(i + '\\n'); }
    `], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    let acked = -1;
    let buf = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const l of lines) acked = Number(l);
        if (acked >= 200 && !child.killed) {
          child.kill('SIGKILL');
        }
      });
      child.on('exit', () => resolve());
    });
    expect(acked).toBeGreaterThanOrEqual(200);
    const s = openSqliteStore(file);
    const steps = (await s.getRun(run.id)).metrics.map((m) => m.step);
    // Every acknowledged step is there, in order, with nothing half-written.
    expect(steps.length).toBeGreaterThanOrEqual(acked + 1);
    expect(steps.slice(0, acked + 1)).toEqual(Array.from({ length: acked + 1 }, (_, i) => i));
    await s.close();
  }, 30_000);
});

describe('store URIs and model references', () => {
  it('refuses unknown schemes and the not-yet PostgreSQL store with clear errors', async () => {
    await expect(openStore('mysql://x')).rejects.toMatchObject({ code: 'store.unknown_scheme' });
    await expect(openStore('postgres://user:secret@localhost/db')).rejects.toMatchObject({ code: 'store.unsupported' });
    await expect(openStore('postgres://user:secret@localhost/db')).rejects.toThrow(/\*\*\*@localhost/);
  });

  it('parses NAME, NAME@ALIAS and NAME@vN, and tells references from paths', () => {
    expect(parseModelRef('credit@staging')).toEqual({ name: 'credit', alias: 'staging' });
    expect(parseModelRef('credit@v3')).toEqual({ name: 'credit', version: 3 });
    expect(parseModelRef('credit@3')).toEqual({ name: 'credit', version: 3 });
    expect(parseModelRef('credit')).toEqual({ name: 'credit' });
    expect(() => parseModelRef('../x@y')).toThrow(SpecmlError);
    expect(looksLikeModelRef('credit@staging')).toBe(true);
    expect(looksLikeModelRef('models/credit')).toBe(false);
    expect(looksLikeModelRef('./credit')).toBe(false);
  });
});
