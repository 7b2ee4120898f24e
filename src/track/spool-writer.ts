/**
 * The append side of the prediction spool (see spool-ingest.ts for why it exists): each logged
 * batch becomes one JSON line, written with one `write` on the caller's thread (~10 us for a
 * served row), so a batch is in the spool whole or not at all. Once `write` returns, the kernel
 * holds the line: a kill -9 of the process cannot lose it (durability `crash`). Durability
 * `power` also waits for an `fdatasync` of the segment, shared by every batch appended while the
 * previous one ran (group commit), and for the `fsync` of the folder that made the segment's name
 * durable; both run on libuv's thread pool, never blocking the event loop.
 *
 * A segment is sealed at 8 MiB (about 18,000 served single-row requests) and a new one begun;
 * `onSeal` tells the ingester, which removes a sealed segment once its rows are in the store. The
 * live segment's modification time is touched every 5 s, so that no reader takes it for abandoned
 * while the server is idle (spool-ingest.ts).
 *
 * @example
 * const spool = new SpoolWriter('/repo/.specml/store.db.spool', (name) => ingester.sealed(name));
 * await spool.append(records, 'power'); // on disk now
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fdatasync, ftruncateSync, futimes, mkdirSync, openSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { SpecmlError } from '../core/errors.js';
import { segmentName } from './spool-ingest.js';
import type { LogDurability, PredictionRecord } from './types.js';

/** Why 8 MiB: a sealed segment is read whole by the ingester; at 1,000 rows/s it lasts ~18 s. */
const SEGMENT_BYTES = 8 * 1024 * 1024;
/** Why 5 s: a twelfth of ABANDONED_AFTER_MS, so a late tick or two cannot make a live segment look abandoned. */
const TOUCH_MS = 5_000;

export class SpoolWriter {
  /** Tells this writer's segments from those of other stores opened in the same process. */
  readonly token = randomBytes(4).toString('hex');
  private seq = 0;
  private seg: Segment | undefined;
  private closed = false;
  private readonly touch: NodeJS.Timeout;

  constructor(
    private readonly dir: string,
    private readonly onSeal: (name: string) => void,
    private readonly segmentBytes = SEGMENT_BYTES,
  ) {
    this.touch = setInterval(() => this.seg?.touch(), TOUCH_MS).unref();
  }

  /** Appends `records` as one line; resolves when they are as durable as `durability` asks. Rejects (`store.unwritable`) when the line could not be written whole; nothing of it is then left in the spool. */
  append(records: readonly PredictionRecord[], durability: LogDurability): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the prediction spool is closed'));
    let seg: Segment;
    try {
      seg = this.seg ??= this.begin();
      seg.write(Buffer.from(`${JSON.stringify(records)}\n`));
    } catch (err) {
      return Promise.reject(spoolError(err, this.dir));
    }
    const done = durability === 'power' ? seg.sync().catch((err: unknown) => Promise.reject(spoolError(err, this.dir))) : Promise.resolve();
    if (seg.size >= this.segmentBytes) this.seal();
    return done;
  }

  /** Seals the current segment; later appends are refused. Resolves when its pending syncs have finished. */
  async close(): Promise<void> {
    if (this.closed) return;
    const seg = this.seg;
    this.closed = true;
    clearInterval(this.touch);
    this.seal();
    await seg?.idle();
  }

  private begin(): Segment {
    mkdirSync(this.dir, { recursive: true });
    return new Segment(this.dir, segmentName(process.pid, this.token, ++this.seq));
  }

  private seal(): void {
    const seg = this.seg;
    if (!seg) return;
    this.seg = undefined;
    seg.seal();
    this.onSeal(seg.name);
  }
}

class Segment {
  size = 0;
  private readonly fd: number;
  /** The fsync of the folder after this file was created (a power-loss-proof name). */
  private readonly named: Promise<void>;
  /** The next fdatasync, joined by every power-durable append made while one runs. */
  private next: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | undefined;
  private syncing: Promise<void> | undefined;
  private sealed = false;

  constructor(
    dir: string,
    readonly name: string,
  ) {
    this.fd = openSync(path.join(dir, name), 'a');
    this.named = syncFolder(dir);
    this.named.catch(() => undefined); // awaited (and reported) by the first power-durable append
  }

  /** Writes `buf` whole or, on failure, cuts the file back to where it was and throws. */
  write(buf: Buffer): void {
    let at = 0;
    try {
      while (at < buf.length) at += writeSync(this.fd, buf, at, buf.length - at);
    } catch (err) {
      if (at > 0) ftruncateSync(this.fd, this.size);
      throw err;
    }
    this.size += buf.length;
  }

  /** Marks the segment as in use (its modification time, which every append also sets), on the thread pool. */
  touch(): void {
    if (this.sealed) return;
    const now = new Date();
    futimes(this.fd, now, now, () => undefined);
  }

  sync(): Promise<void> {
    if (!this.next) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      this.next = { promise, resolve, reject };
    }
    const joined = this.next.promise;
    this.syncing ??= this.drain();
    return joined;
  }

  seal(): void {
    this.sealed = true;
    if (!this.syncing) closeSync(this.fd);
  }

  async idle(): Promise<void> {
    await this.syncing;
  }

  private async drain(): Promise<void> {
    while (this.next) {
      const waiting = this.next;
      this.next = undefined;
      try {
        await this.named;
        await new Promise<void>((resolve, reject) => fdatasync(this.fd, (err) => (err ? reject(err) : resolve())));
        waiting.resolve();
      } catch (err) {
        waiting.reject(err);
      }
    }
    this.syncing = undefined;
    if (this.sealed) closeSync(this.fd);
  }
}

/** A failed append or sync, as a SpecmlError naming the spool folder (disk full, read-only, no permission). */
function spoolError(err: unknown, dir: string): SpecmlError {
  return new SpecmlError('store.unwritable', `${dir}: cannot append to the prediction log's spool (${(err as Error).message})`, {
    hint: 'Free disk space or make the folder writable; the request was not acknowledged, so the client can retry it.',
    cause: err,
  });
}

/** fsync of a folder, so that a file created in it keeps its name after a power loss; a no-op where folders cannot be synced (Windows). */
async function syncFolder(dir: string): Promise<void> {
  const h = await open(dir, 'r');
  try {
    await h.sync();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw err;
  } finally {
    await h.close();
  }
}
