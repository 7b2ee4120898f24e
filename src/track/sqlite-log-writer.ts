/**
 * Prediction-log writes of the SQLite store on a worker thread (sqlite-log-worker.ts), so that a
 * server's event loop never waits for the fsync of a commit: `write` resolves once the records are
 * committed and rejects (with the store's error) when they are not. A writer that cannot start (no
 * compiled worker script) is not created, and a writer whose thread dies rejects what it held and
 * refuses the rest: the store then writes on its own connection, as before.
 *
 * The thread holds the process open only while a write is in flight.
 *
 * @example
 * const w = SqliteLogWriter.start('/repo/.specml/store.db', 10_000);
 * if (w) await w.write(records); // durable now
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { compiledWorkerUrl } from '../core/worker-url.js';
import { storeError } from './sqlite-errors.js';
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
    worker.on('exit', (code) => fail(new Error(`the prediction log's writer thread stopped (exit code ${code})`)));
  }

  /** A writer for the store file `file`, or undefined where no worker script is available. */
  static start(file: string, busyTimeoutMs: number): SqliteLogWriter | undefined {
    const url = compiledWorkerUrl(import.meta.url, 'sqlite-log-worker.js');
    return url ? new SqliteLogWriter(new Worker(url, { workerData: { file, busyTimeoutMs } }), file) : undefined;
  }

  /** False once the thread has died (the caller writes on its own connection then). */
  get alive(): boolean {
    return this.dead === undefined;
  }

  /**
   * Commits `records` on the thread. `'power'`: the commit waits for an fsync (synchronous =
   * FULL); `'crash'`: it ends with the write to the WAL file (synchronous = NORMAL), which a
   * crash of this process cannot undo but an OS crash or power loss can.
   */
  write(records: readonly PredictionRecord[], durability: LogDurability = 'power'): Promise<void> {
    if (this.dead) return Promise.reject(this.dead);
    const seq = ++this.seq;
    return new Promise<void>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(seq, { resolve, reject });
      this.worker.postMessage({ seq, records, fsync: durability === 'power' });
    });
  }

  private settled(seq: number): void {
    this.pending.delete(seq);
    if (this.pending.size === 0) this.worker.unref();
  }

  /** Lets the writes already sent finish, then closes the thread's connection. */
  async close(): Promise<void> {
    if (this.dead) return;
    const exited = once(this.worker, 'exit');
    this.worker.ref();
    this.worker.postMessage({ close: true });
    await exited;
  }
}
