/**
 * The SQLite store's prediction log for a server: batches are appended to the spool on the
 * caller's thread (spool-writer.ts: one `write`, plus a shared `fdatasync` under `power`) and moved
 * into the `predictions` table by an ingester thread (sqlite-log-worker.ts) every 250 ms. So a
 * served request waits for neither a SQLite commit nor its checkpoints, and the table is filled a
 * few hundred rows per transaction.
 *
 * Reads in the same process see every acknowledged batch: `flush` has the thread ingest
 * everything first. A writer that cannot start (no compiled worker script) is not created, and
 * one whose thread died reports `alive` false: the store then writes on its own connection, and
 * what the spool holds is ingested by the next reader.
 *
 * The thread holds the process open only while a flush or close is in flight.
 *
 * @example
 * const w = SqliteLogWriter.start('/repo/.specml/store.db', 10_000);
 * if (w) await w.write(records, 'crash'); // survives a kill -9 now
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { compiledWorkerUrl } from '../core/worker-url.js';
import { storeError } from './sqlite-errors.js';
import { spoolDir } from './spool-ingest.js';
import { SpoolWriter } from './spool-writer.js';
import type { LogDurability, PredictionRecord } from './types.js';

interface Pending {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class SqliteLogWriter {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private dead: Error | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly spool: SpoolWriter,
    private readonly file: string,
  ) {
    worker.unref();
    worker.on('message', (m: { seq: number; error?: { message: string; code?: string } }) => {
      const p = this.pending.get(m.seq);
      if (!p) return;
      this.settled(m.seq);
      if (!m.error) p.resolve();
      else p.reject(storeError(Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {}), this.file));
    });
    const fail = (err: Error): void => {
      this.dead ??= err;
      for (const [seq, p] of this.pending) {
        this.settled(seq);
        p.reject(err);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the prediction log's ingester thread stopped (exit code ${code})`)));
  }

  /** A writer for the store file `file`, or undefined where no worker script is available. */
  static start(file: string, busyTimeoutMs: number): SqliteLogWriter | undefined {
    const url = compiledWorkerUrl(import.meta.url, 'sqlite-log-worker.js');
    if (!url) return undefined;
    const dir = spoolDir(file);
    // The seal callback runs on a later append, once `worker` is assigned.
    const spool: SpoolWriter = new SpoolWriter(dir, (name) => worker.postMessage({ sealed: name }));
    const worker = new Worker(url, { workerData: { file, dir, token: spool.token, busyTimeoutMs } });
    return new SqliteLogWriter(worker, spool, file);
  }

  /** False once the ingester thread has died (the caller writes on its own connection then). */
  get alive(): boolean {
    return this.dead === undefined;
  }

  /**
   * Appends `records` to the spool as one batch. `'crash'`: resolved once the kernel holds the
   * line (a crash of this process cannot lose it; an OS crash or power loss can); `'power'`: once
   * it is also fsynced.
   */
  write(records: readonly PredictionRecord[], durability: LogDurability = 'power'): Promise<void> {
    if (this.dead) return Promise.reject(this.dead);
    return this.spool.append(records, durability);
  }

  /** Resolves once every batch appended so far is in the `predictions` table. */
  flush(): Promise<void> {
    if (this.dead) return Promise.reject(this.dead);
    const seq = ++this.seq;
    return new Promise<void>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(seq, { resolve, reject });
      this.worker.postMessage({ seq, flush: true });
    });
  }

  private settled(seq: number): void {
    this.pending.delete(seq);
    if (this.pending.size === 0) this.worker.unref();
  }

  /** Refuses further writes, lets the thread ingest the whole spool of this writer, then stops it. */
  async close(): Promise<void> {
    await this.spool.close();
    if (this.dead) return;
    const exited = once(this.worker, 'exit');
    this.worker.ref();
    this.worker.postMessage({ close: true });
    await exited;
  }
}
