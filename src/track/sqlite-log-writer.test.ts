import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteLogWriter } from './sqlite-log-writer.js';
import { openSqliteStore } from './sqlite-store.js';
import type { PredictionRecord } from './types.js';

const rec = (id: string): PredictionRecord => ({ id, role: 'served', model: 'm', version: 'v1', at: 1, input: { x: 1 }, output: { prediction: 'a' }, latencyMs: 0.5, requestId: id.split('/')[0]! });

describe('prediction log writer thread', () => {
  it('commits on its own connection before resolving, refuses a failed batch whole, and stops cleanly', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'specml-logw-')), 'store.db');
    await openSqliteStore(file).close(); // creates the tables
    // The test command builds dist/ first, so the compiled worker script exists.
    const w = SqliteLogWriter.start(file, 1000);
    expect(w).toBeDefined();
    await Promise.all([w!.write([rec('a/0'), rec('a/1')]), w!.write([rec('b/0')])]);
    const other = new Database(file, { readonly: true });
    const ids = () => (other.prepare('SELECT id FROM predictions ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    expect(ids()).toEqual(['a/0', 'a/1', 'b/0']);
    // A duplicate id: the batch's transaction rolls back, the new record in it is not written.
    await expect(w!.write([rec('c/0'), rec('a/0')])).rejects.toThrow(/UNIQUE|PRIMARY/i);
    expect(ids()).toEqual(['a/0', 'a/1', 'b/0']);
    await w!.close();
    expect(w!.alive).toBe(false);
    await expect(w!.write([rec('d/0')])).rejects.toThrow(/writer thread stopped/);
    other.close();
  });

  it('is what the store logs predictions through: many concurrent writes, all durable after close', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'specml-logw-')), 'store.db');
    const s = openSqliteStore(file);
    // Both durability levels, interleaved: the thread switches its synchronous setting between commits.
    await Promise.all(Array.from({ length: 50 }, (_, i) => s.logPredictions([rec(`r${i}/0`)], { durability: i % 3 ? 'crash' : 'power' })));
    // The latest three, oldest first (a count window of `specml monitor`); `limit` takes the first ones.
    const written = (await s.listPredictions({})).map((r) => r.id);
    expect((await s.listPredictions({ last: 3 })).map((r) => r.id)).toEqual(written.slice(-3));
    expect((await s.listPredictions({ limit: 2 })).map((r) => r.id)).toEqual(written.slice(0, 2));
    await s.close();
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM predictions').get() as { n: number }).n).toBe(50);
    db.close();
  });
});
