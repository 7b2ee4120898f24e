/**
 * The server's prediction log with group commit: records of the requests that arrive while one
 * write is in progress go into the next write together, and each request is answered only after
 * the write holding its records has committed, so a kill -9 right after an answer loses nothing.
 * With the SQLite store the write is one line appended to its spool (`specml serve
 * --log-durability crash`, the default), plus an fdatasync per group, not per request (`power`:
 * an OS crash or power loss loses nothing either), run off the event loop.
 *
 * @example
 * const log = new PredictionLog((records) => store.logPredictions(records));
 * await log.append(records); // durable now
 */
import type { PredictionRecord } from '../track/index.js';

interface Waiting {
  records: readonly PredictionRecord[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class PredictionLog {
  private pending: Waiting[] = [];
  private scheduled = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly write: (records: readonly PredictionRecord[]) => Promise<void>) {}

  /** Resolves once `records` are committed; rejects when the write failed (the request must then not be acknowledged). */
  append(records: readonly PredictionRecord[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ records, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the current turn of the event loop: every request already parsed joins this group.
        setImmediate(() => {
          this.writing = this.writing.then(() => this.flush());
        });
      }
    });
  }

  private async flush(): Promise<void> {
    const group = this.pending;
    this.pending = [];
    this.scheduled = false;
    try {
      await this.write(group.flatMap((g) => g.records));
      for (const g of group) g.resolve();
    } catch (err) {
      for (const g of group) g.reject(err);
    }
  }

  /** Waits for every write started so far (shutdown). */
  async drain(): Promise<void> {
    while (this.scheduled || this.pending.length) await new Promise((r) => setImmediate(r));
    await this.writing;
  }
}
