import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { SqliteLogWriter } from './sqlite-log-writer.js';
import { openSqliteStore } from './sqlite-store.js';
import { spoolDir } from './spool-ingest.js';
import type { PredictionRecord } from './types.js';

const rec = (id: string): PredictionRecord => ({ id, role: 'served', model: 'm', version: 'v1', at: 1, input: { x: 1 }, output: { prediction: 'a' }, latencyMs: 0.5, requestId: id.split('/')[0]! });

describe('prediction log writer', () => {
  it('appends to the spool at once, fills the table from its thread, and leaves an empty spool when closed', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'specml-logw-')), 'store.db');
    await openSqliteStore(file).close(); // creates the tables
    // The test command builds dist/ first, so the compiled worker script exists.
    const w = SqliteLogWriter.start(file, 1000);
    expect(w).toBeDefined();
    await Promise.all([w!.write([rec('a/0'), rec('a/1')], 'crash'), w!.write([rec('b/0')], 'power')]);
    // Acknowledged = in the spool: one line per batch, before any commit to the table.
    const dir = spoolDir(file);
    const lines = readdirSync(dir).flatMap((n) => readFileSync(path.join(dir, n), 'utf8').split('\n').filter(Boolean));
    expect(lines.map((l) => (JSON.parse(l) as PredictionRecord[]).map((r) => r.id))).toEqual([['a/0', 'a/1'], ['b/0']]);
    const other = new Database(file, { readonly: true });
    const ids = () => (other.prepare('SELECT id FROM predictions ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    // The thread's own passes (every 250 ms) move them without being asked.
    await vi.waitFor(() => expect(ids()).toEqual(['a/0', 'a/1', 'b/0']), { timeout: 5000, interval: 50 });
    await w!.write([rec('c/0')], 'crash');
    await w!.flush();
    expect(ids()).toEqual(['a/0', 'a/1', 'b/0', 'c/0']);
    await w!.write([rec('d/0')], 'crash');
    await w!.close();
    expect(ids()).toEqual(['a/0', 'a/1', 'b/0', 'c/0', 'd/0']);
    expect(readdirSync(dir)).toEqual([]);
    expect(w!.alive).toBe(false);
    await expect(w!.write([rec('e/0')])).rejects.toThrow(/stopped|closed/);
    other.close();
  });

  it('is what the store logs predictions through: many concurrent writes, readable at once, all in the table after close', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'specml-logw-')), 'store.db');
    const s = openSqliteStore(file);
    await Promise.all(Array.from({ length: 50 }, (_, i) => s.logPredictions([rec(`r${i}/0`)], { durability: i % 3 ? 'crash' : 'power' })));
    // Read-your-writes: a read ingests the spool first.
    const written = (await s.listPredictions({})).map((r) => r.id);
    expect(written).toHaveLength(50);
    // The latest three, oldest first (a count window of `specml monitor`); `limit` takes the first ones.
    expect((await s.listPredictions({ last: 3 })).map((r) => r.id)).toEqual(written.slice(-3));
    expect((await s.listPredictions({ limit: 2 })).map((r) => r.id)).toEqual(written.slice(0, 2));
    // Feedback joins a prediction acknowledged a moment ago.
    await s.logPredictions([rec('late/0')], { durability: 'crash' });
    expect(await s.addFeedback('m', [{ id: 'late/0', label: 'a' }])).toEqual({ accepted: 1, unknown: [] });
    await s.close();
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM predictions').get() as { n: number }).n).toBe(51);
    db.close();
    expect(existsSync(spoolDir(file)) ? readdirSync(spoolDir(file)) : []).toEqual([]);
  });
});
