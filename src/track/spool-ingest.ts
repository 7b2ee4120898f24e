/**
 * Moves the prediction spool into the store's `predictions` table. The spool (spool-writer.ts) is
 * a folder of JSON-lines segments beside the store file, one line per logged batch; a server
 * appends to it and is answered at once, and this pass later inserts many batches in one
 * transaction.
 *
 * Why a spool: one SQLite commit per served request rewrote ~4 pages (15 KB of WAL for a 460-byte
 * record: the table's leaf, the primary-key index's leaf, the (model, at) index's leaf, a
 * checkpoint every ~270 commits), and at 1,000 requests/s those commits stalled for 40-80 ms now
 * and then; an append of one line does not (bench/README.md, "Serving").
 *
 * Who may remove a segment: it is removed once every line of it is in the table and that
 * commit is durable (synchronous = FULL), and only when nobody appends to it any more — its writer
 * sealed it, or it is abandoned: the process named in its file name is not running here and the
 * file has not been touched for a minute (its writer touches a live segment every 5 s, so a
 * server in another container on the same machine, whose process ids this one cannot see, keeps
 * its segments). A live segment is read up to its last complete line and left in place; rows
 * read twice are ignored by the primary key. (One machine only: SQLite's WAL mode, which the store
 * uses, cannot be shared across machines either.)
 *
 * @example
 * const offsets = new Map<string, number>();
 * ingestSpool(db, '/repo/.specml/store.db.spool', { offsets, finished: abandoned });
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { predictionInserter } from './sqlite-predictions.js';
import type { PredictionRecord } from './types.js';

/** Segment files: `<pid>-<writer token>-<sequence>.jsonl`. */
const SEGMENT = /^(\d+)-([0-9a-f]+)-(\d+)\.jsonl$/;

/** The spool folder of the store file `dbFile`. */
export function spoolDir(dbFile: string): string {
  return `${dbFile}.spool`;
}

/** A segment's file name. */
export function segmentName(pid: number, token: string, seq: number): string {
  return `${pid}-${token}-${String(seq).padStart(6, '0')}.jsonl`;
}

/** The process id and writer token in a segment's name; undefined for any other file. */
export function segmentOwner(name: string): { pid: number; token: string } | undefined {
  const m = SEGMENT.exec(name);
  return m ? { pid: Number(m[1]), token: m[2]! } : undefined;
}

/**
 * Whether the process `pid` exists on this machine. A reused pid reads as alive, which only
 * delays the removal of a dead writer's segment (its rows are ingested all the same).
 */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/** Why a minute: its writer touches a live segment every 5 s from the server's event loop (spool-writer.ts); twelve missed touches are not a busy moment. */
export const ABANDONED_AFTER_MS = 60_000;

/** A segment nobody will append to: its process is not running here and the file was last touched over a minute ago (`mtimeMs`). */
export function abandoned(name: string, mtimeMs: number, now = Date.now()): boolean {
  const owner = segmentOwner(name);
  return owner !== undefined && now - mtimeMs > ABANDONED_AFTER_MS && !processAlive(owner.pid);
}

export interface IngestOptions {
  /** Bytes of each segment already ingested by this caller (updated in place). */
  offsets: Map<string, number>;
  /** True for a segment that will not grow (sealed by its writer, or abandoned; `mtimeMs`: when it last changed): it is ingested to its end and removed. */
  finished: (name: string, mtimeMs: number) => boolean;
}

export interface IngestResult {
  /** Records inserted (not counting those already in the table). */
  inserted: number;
  /** Segments removed. */
  removed: number;
  /** Lines of finished segments that could not be read: a batch whose append failed or was torn by a power loss (never acknowledged). */
  unreadable: number;
}

/**
 * One pass over the spool folder `dir`: every segment's complete lines since `offsets`, inserted
 * in one transaction per segment (`INSERT OR IGNORE`: a batch read twice, by a reader in another
 * process and by its writer, is kept once). `db` should commit with synchronous = FULL: a
 * finished segment is removed right after its commit.
 */
export function ingestSpool(db: Database.Database, dir: string, o: IngestOptions): IngestResult {
  const out: IngestResult = { inserted: 0, removed: 0, unreadable: 0 };
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => SEGMENT.test(n)).sort();
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return out;
    throw err;
  }
  const commit = predictionInserter(db);
  for (const name of names) {
    const file = path.join(dir, name);
    const from = o.offsets.get(name) ?? 0;
    // Judged before reading: a segment found finished now has all its lines on disk already.
    const read = readFrom(file, from, (mtimeMs) => o.finished(name, mtimeMs));
    if (read === undefined) {
      o.offsets.delete(name); // removed meanwhile by another reader
      continue;
    }
    const { bytes, finished } = read;
    const { records, consumed, unreadable } = parseLines(bytes, finished);
    out.unreadable += unreadable;
    if (records.length) out.inserted += commit(records);
    o.offsets.set(name, from + consumed);
    if (finished) {
      try {
        unlinkSync(file);
        out.removed++;
      } catch (err) {
        if ((err as { code?: string }).code !== 'ENOENT') throw err;
      }
      o.offsets.delete(name);
    }
  }
  return out;
}

/** The bytes of `file` from `from` to its end as found with `finished` judged; undefined when the file is gone. */
function readFrom(file: string, from: number, judge: (mtimeMs: number) => boolean): { bytes: Buffer; finished: boolean } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const { size, mtimeMs } = fstatSync(fd);
    const finished = judge(mtimeMs);
    const buf = Buffer.alloc(Math.max(0, size - from));
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, from + at);
      if (n === 0) break;
      at += n;
    }
    return { bytes: buf.subarray(0, at), finished };
  } finally {
    closeSync(fd);
  }
}

/**
 * The records of the complete lines in `bytes`. In a live segment an unreadable line stops the
 * read (its writer may be mid-append; the next pass reads it again); in a finished one it is
 * skipped and counted, and so is a last line without its newline.
 */
function parseLines(bytes: Buffer, finished: boolean): { records: PredictionRecord[]; consumed: number; unreadable: number } {
  const records: PredictionRecord[] = [];
  let start = 0;
  let unreadable = 0;
  for (;;) {
    const end = bytes.indexOf(10, start);
    if (end < 0) break;
    const batch = parseBatch(bytes.toString('utf8', start, end));
    if (batch) records.push(...batch);
    else if (finished) unreadable++;
    else break;
    start = end + 1;
  }
  if (finished && start < bytes.length) {
    unreadable++;
    start = bytes.length;
  }
  return { records, consumed: start, unreadable };
}

function parseBatch(line: string): PredictionRecord[] | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!Array.isArray(v) || !v.every(isRecord)) return undefined;
  return v as PredictionRecord[];
}

function isRecord(r: unknown): boolean {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Record<string, unknown>;
  return typeof x.id === 'string' && (x.role === 'served' || x.role === 'shadow') && typeof x.model === 'string' && typeof x.version === 'string' && typeof x.at === 'number' && typeof x.requestId === 'string' && typeof x.latencyMs === 'number' && typeof x.input === 'object' && typeof x.output === 'object';
}
