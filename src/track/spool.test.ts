import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from './sqlite-store.js';
import { ABANDONED_AFTER_MS, abandoned, ingestSpool, processAlive, segmentName, segmentOwner, spoolDir } from './spool-ingest.js';
import { SpoolWriter } from './spool-writer.js';
import type { PredictionRecord } from './types.js';

const rec = (id: string): PredictionRecord => ({ id, role: 'served', model: 'm', version: 'v1', at: 1, input: { x: 1, s: 'é\n"' }, output: { prediction: 'a' }, latencyMs: 0.5, requestId: id.split('/')[0]! });

async function freshStore(): Promise<{ file: string; dir: string; db: Database.Database }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'specml-spool-')), 'store.db');
  await openSqliteStore(file).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return { file, dir: spoolDir(file), db };
}
const ids = (db: Database.Database) => (db.prepare('SELECT id FROM predictions ORDER BY id').all() as { id: string }[]).map((r) => r.id);

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

describe('prediction spool', () => {
  it('seals segments as they fill; a pass ingests sealed ones whole and removes them, and reads the live one up to its end', async () => {
    const { dir, db } = await freshStore();
    const sealed = new Set<string>();
    // A segment holds 2.8 lines: the third append seals it; the fourth, fifth (and a half-line sixth) go to the next.
    const lineBytes = Buffer.byteLength(`${JSON.stringify([rec('r0/0'), rec('r0/1')])}\n`);
    const w = new SpoolWriter(dir, (name) => sealed.add(name), 2.8 * lineBytes);
    for (let i = 0; i < 5; i++) await w.append([rec(`r${i}/0`), rec(`r${i}/1`)], i % 2 ? 'power' : 'crash');
    expect(sealed.size).toBe(1);
    expect(readdirSync(dir)).toHaveLength(2);
    const offsets = new Map<string, number>();
    const first = ingestSpool(db, dir, { offsets, finished: (n) => sealed.has(n) });
    expect(first).toEqual({ inserted: 10, removed: 1, unreadable: 0 });
    expect(readdirSync(dir)).toHaveLength(1); // the live segment stays
    expect(ids(db)).toHaveLength(10);
    // A second pass reads only what was appended since.
    await w.append([rec('r6/0')], 'crash');
    expect(ingestSpool(db, dir, { offsets, finished: (n) => sealed.has(n) })).toMatchObject({ inserted: 1 });
    // Closing seals the last segment; once it is ingested the folder is empty.
    await w.close();
    await expect(w.append([rec('x/0')], 'crash')).rejects.toThrow(/closed/);
    expect(ingestSpool(db, dir, { offsets, finished: (n) => sealed.has(n) })).toMatchObject({ inserted: 0, removed: 1 });
    expect(readdirSync(dir)).toEqual([]);
    expect((db.prepare("SELECT input FROM predictions WHERE id = 'r0/0'").get() as { input: string }).input).toBe(JSON.stringify(rec('r0/0').input));
    db.close();
  });

  it('leaves a live segment\'s half-written line for the next pass, and skips a torn line only in a finished one', async () => {
    const { dir, db } = await freshStore();
    mkdirSync(dir, { recursive: true });
    const live = segmentName(process.pid, 'aa11', 1);
    const line = (r: PredictionRecord[]) => `${JSON.stringify(r)}\n`;
    const half = line([rec('b/0')]);
    writeFileSync(path.join(dir, live), line([rec('a/0')]) + half.slice(0, 20));
    const offsets = new Map<string, number>();
    expect(ingestSpool(db, dir, { offsets, finished: () => false })).toEqual({ inserted: 1, removed: 0, unreadable: 0 });
    appendFileSync(path.join(dir, live), half.slice(20));
    expect(ingestSpool(db, dir, { offsets, finished: () => false })).toEqual({ inserted: 1, removed: 0, unreadable: 0 });
    // A dead writer's segment: a garbled line and a last line cut short (a power loss mid-append) are skipped, the rest kept.
    const gone = segmentName(deadPid(), 'bb22', 1);
    writeFileSync(path.join(dir, gone), line([rec('c/0')]) + '{"not a batch"}\n' + line([rec('d/0')]) + half.slice(0, 30));
    // Touched a moment ago: its writer may be a process this one cannot see (another container), so it is read but kept.
    expect(ingestSpool(db, dir, { offsets, finished: abandoned })).toEqual({ inserted: 1, removed: 0, unreadable: 0 });
    expect(readdirSync(dir).sort()).toEqual([gone, live].sort());
    const past = new Date(Date.now() - ABANDONED_AFTER_MS - 5_000);
    utimesSync(path.join(dir, gone), past, past);
    expect(ingestSpool(db, dir, { offsets, finished: abandoned })).toEqual({ inserted: 1, removed: 1, unreadable: 2 });
    expect(ids(db)).toEqual(['a/0', 'b/0', 'c/0', 'd/0']);
    expect(readdirSync(dir)).toEqual([live]);
    db.close();
  });

  it('lets a reader of another store take a live spool\'s rows without removing it; its writer then adds nothing twice', async () => {
    const { file, dir, db } = await freshStore();
    const sealed = new Set<string>();
    const w = new SpoolWriter(dir, (name) => sealed.add(name));
    await w.append([rec('a/0'), rec('a/1')], 'crash');
    const reader = openSqliteStore(file); // no writer of its own: it ingests on its connection
    expect((await reader.listPredictions({})).map((p) => p.id)).toEqual(['a/0', 'a/1']);
    expect(readdirSync(dir)).toHaveLength(1); // this process is alive: the segment is not the reader's to remove
    await w.close();
    expect(ingestSpool(db, dir, { offsets: new Map(), finished: (n) => sealed.has(n) })).toEqual({ inserted: 0, removed: 1, unreadable: 0 });
    expect(ids(db)).toEqual(['a/0', 'a/1']);
    await reader.close();
    db.close();
  });

  it('touches its live segment every 5 s, so an idle server\'s segment never looks abandoned', async () => {
    const { dir, db } = await freshStore();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const w = new SpoolWriter(dir, () => undefined);
      await w.append([rec('a/0')], 'crash');
      const [name] = readdirSync(dir);
      const past = new Date(Date.now() - ABANDONED_AFTER_MS - 5_000);
      utimesSync(path.join(dir, name!), past, past);
      vi.advanceTimersByTime(5_000);
      await vi.waitFor(() => expect(Date.now() - statSync(path.join(dir, name!)).mtimeMs).toBeLessThan(ABANDONED_AFTER_MS), { timeout: 2000, interval: 10 });
      await w.close();
    } finally {
      vi.useRealTimers();
      db.close();
    }
  });

  it('names segments by process and writer, and calls a segment abandoned only when its process is gone and it is a minute old', () => {
    expect(segmentOwner(segmentName(123, 'beef', 7))).toEqual({ pid: 123, token: 'beef' });
    expect(segmentOwner('store.db')).toBeUndefined();
    expect(processAlive(process.pid)).toBe(true);
    const dead = deadPid();
    expect(processAlive(dead)).toBe(false);
    const now = Date.now();
    const old = now - ABANDONED_AFTER_MS - 1;
    expect(abandoned(segmentName(dead, 'ab', 1), old, now)).toBe(true);
    expect(abandoned(segmentName(dead, 'ab', 1), now - 1_000, now)).toBe(false);
    expect(abandoned(segmentName(process.pid, 'ab', 1), old, now)).toBe(false);
    expect(abandoned('notes.txt', old, now)).toBe(false);
    expect(spoolDir('/repo/.specml/store.db')).toBe('/repo/.specml/store.db.spool');
  });
});
