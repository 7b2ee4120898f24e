/**
 * The prediction log's ingester thread (started by sqlite-log-writer.ts): its own connection to
 * the store (synchronous = FULL, so a segment is removed only after a durable commit) and one
 * pass of `ingestSpool` every 250 ms and whenever asked. A pass over a server's quarter second
 * (~250 rows at 1,000 requests/s) is one transaction; it runs here, off the server's event loop.
 * A pass that fails (the store locked by another process for longer than the busy timeout) leaves
 * the rows in the spool for the next one.
 *
 * Besides its own writer's segments, it ingests those of other writers, and removes those
 * abandoned (a server killed before it could ingest its spool).
 *
 * Messages in: `{ sealed: name }` (the writer will not append to that segment again),
 * `{ seq, flush: true }` (a pass now; answered `{ seq }` or `{ seq, error: { message, code } }`)
 * and `{ close: true }` (a last pass with every segment of this writer finished, then exit).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { abandoned, ingestSpool, segmentOwner } from './spool-ingest.js';

/** Why 250 ms: short enough that the spool stays small, long enough that a pass holds hundreds of rows at a served load. */
const PASS_MS = 250;

const { file, dir, token, busyTimeoutMs } = workerData as { file: string; dir: string; token: string; busyTimeoutMs: number };
const db = new Database(file, { timeout: busyTimeoutMs });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const offsets = new Map<string, number>();
const sealed = new Set<string>();
let closing = false;

/** This writer's segments: its process (a worker shares the process id) and its token. */
const mine = (name: string): boolean => {
  const owner = segmentOwner(name);
  return owner !== undefined && owner.pid === process.pid && owner.token === token;
};
const finished = (name: string, mtimeMs: number): boolean => sealed.has(name) || (mine(name) ? closing : abandoned(name, mtimeMs));

function pass(): void {
  ingestSpool(db, dir, { offsets, finished });
  // Every sealed segment that existed was read to its end and removed by that pass.
  sealed.clear();
}

const timer = setInterval(() => {
  try {
    pass();
  } catch {
    // Left in the spool; the next pass (or a reader) takes it.
  }
}, PASS_MS);

parentPort!.on('message', (m: { sealed: string } | { seq: number; flush: true } | { close: true }) => {
  if ('sealed' in m) {
    sealed.add(m.sealed);
    return;
  }
  if ('close' in m) {
    clearInterval(timer);
    closing = true;
    try {
      pass();
    } catch {
      // What is left stays in the spool: the next process that reads the store ingests it.
    }
    db.close();
    parentPort!.close();
    return;
  }
  try {
    pass();
    parentPort!.postMessage({ seq: m.seq });
  } catch (err) {
    const e = err as { message?: unknown; code?: unknown };
    parentPort!.postMessage({ seq: m.seq, error: { message: String(e.message ?? err), ...(typeof e.code === 'string' ? { code: e.code } : {}) } });
  }
});
