/**
 * The prediction log's writer thread (started by sqlite-log-writer.ts): its own connection to the
 * store, one transaction per message, answered after the commit. A message with `fsync` commits
 * under `synchronous = FULL` (the commit waits for an fsync; here that wait blocks this thread, not
 * the server's event loop); one without, under `synchronous = NORMAL`, which in WAL mode makes a
 * commit survive a crash of the process but not of the OS (SQLite's "WAL mode" documentation).
 *
 * Messages in: `{ seq, records, fsync }` (write) and `{ close: true }`; out: `{ seq }` when committed,
 * `{ seq, error: { message, code } }` when not (nothing of that message was written).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { predictionInserter } from './sqlite-predictions.js';
import type { PredictionRecord } from './types.js';

const { file, busyTimeoutMs } = workerData as { file: string; busyTimeoutMs: number };
const db = new Database(file, { timeout: busyTimeoutMs });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
let fsyncing = true;
const insert = predictionInserter(db);

parentPort!.on('message', (m: { seq: number; records: PredictionRecord[]; fsync: boolean } | { close: true }) => {
  if ('close' in m) {
    db.close();
    parentPort!.close();
    return;
  }
  try {
    if (m.fsync !== fsyncing) {
      db.pragma(`synchronous = ${m.fsync ? 'FULL' : 'NORMAL'}`);
      fsyncing = m.fsync;
    }
    insert(m.records);
    parentPort!.postMessage({ seq: m.seq });
  } catch (err) {
    const e = err as { message?: unknown; code?: unknown };
    parentPort!.postMessage({ seq: m.seq, error: { message: String(e.message ?? err), ...(typeof e.code === 'string' ? { code: e.code } : {}) } });
  }
});
