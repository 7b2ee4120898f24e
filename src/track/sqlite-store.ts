/**
 * The embedded store: one SQLite file (better-sqlite3, WAL) beside a folder of content-addressed
 * artifacts and registered model packages. Rules: types.ts; tables and migrations: schema.ts;
 * runs and registry queries: sqlite-runs.ts and sqlite-registry.ts.
 *
 * Why WAL: readers (a `specml runs list` while a run trains, a server resolving an alias) never
 * block the writer, and a commit is one append to the log — a kill -9 mid-run loses at most the
 * transaction in flight. `synchronous = FULL` makes each commit durable before it returns (the
 * store writes a few rows per stage, so the fsync costs nothing that matters). The prediction
 * log, written for every served request, is appended to a spool folder beside the file and
 * moved into its table a few hundred rows per transaction by a thread of its own
 * (sqlite-log-writer.ts), so that a served request waits for no commit; reads of the log ingest
 * the spool first. `busy_timeout`
 * lets two specml processes share a store; a lock held longer is reported as `store.locked`.
 *
 * @example
 * const store = openSqliteStore('/repo/.specml/store.db');
 * const run = await store.createRun({ experiment: 'credit-risk' });
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SpecmlError } from '../core/errors.js';
import { MIGRATIONS } from './schema.js';
import { BUSY_TIMEOUT_MS, guarded, storeError } from './sqlite-errors.js';
import { PredictionQueries } from './sqlite-predictions.js';
import { RegistryQueries } from './sqlite-registry.js';
import { SqliteLogWriter } from './sqlite-log-writer.js';
import { RunQueries } from './sqlite-runs.js';
import { abandoned, ingestSpool, spoolDir } from './spool-ingest.js';
import type { Store } from './types.js';

/**
 * Opens (creating if needed) the SQLite store at `file`; artifacts and registered packages live in
 * the same folder.
 *
 * @example
 * const store = openSqliteStore('.specml/store.db');
 */
export function openSqliteStore(file: string, options: { busyTimeoutMs?: number } = {}): Store {
  const abs = path.resolve(file);
  const root = path.dirname(abs);
  let db: Database.Database;
  try {
    mkdirSync(root, { recursive: true });
    db = new Database(abs, { timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, abs);
  } catch (err) {
    throw storeError(err, abs);
  }
  const runs = new RunQueries(db, abs, root);
  const registry = new RegistryQueries(db, abs, root);
  const predictions = new PredictionQueries(db, abs, root);
  let writer: SqliteLogWriter | null | undefined;
  const spoolOffsets = new Map<string, number>();
  /**
   * Before a read of the prediction log: every acknowledged batch into the table. This process's
   * spool through its writer's thread; otherwise (a `specml monitor` beside a running server, or
   * after a server was killed) on this connection, removing the segments that are abandoned.
   */
  const catchUp = async (): Promise<void> => {
    if (writer?.alive) {
      try {
        return await writer.flush();
      } catch (err) {
        if (writer.alive) throw err;
      }
    }
    guarded(abs, () => ingestSpool(db, spoolDir(abs), { offsets: spoolOffsets, finished: abandoned }));
  };
  return {
    uri: `sqlite:${abs}`,
    root,
    createRun: async (input) => runs.create(input),
    getRun: async (id) => runs.get(id),
    listRuns: async (filter) => runs.list(filter ?? {}),
    logParams: async (id, params) => runs.logParams(id, params),
    logMetric: async (id, key, value, step) => runs.logMetric(id, key, value, step ?? 0),
    setTags: async (id, tags) => runs.setTags(id, tags),
    logArtifact: (id, name, bytes) => runs.logArtifact(id, name, bytes),
    readArtifact: (sha) => runs.readArtifact(sha),
    finishRun: async (id, status, summary) => runs.finish(id, status, summary),
    registerModel: (input) => registry.register(input),
    getModelVersion: async (name, version) => registry.version(name, version),
    listModels: async () => registry.models(),
    listVersions: async (name) => registry.versions(name),
    aliases: async (name) => registry.aliases(name),
    setAlias: async (name, alias, version, note) => registry.setAlias(name, alias, version, note ?? {}),
    rollbackAlias: async (name, alias, note) => registry.rollback(name, alias, note ?? {}),
    removeAlias: async (name, alias, note) => registry.remove(name, alias, note ?? {}),
    history: async (name) => registry.history(name),
    logPredictions: async (records, o) => {
      if (records.length === 0) return;
      // Appended to the spool, ingested by the writer's thread (started on first use); on this
      // connection (always synchronous = FULL) where no thread can run.
      if (writer === undefined) writer = SqliteLogWriter.start(abs, options.busyTimeoutMs ?? BUSY_TIMEOUT_MS) ?? null;
      if (writer?.alive) return writer.write(records, o?.durability ?? 'power');
      predictions.log(records);
    },
    listPredictions: async (filter) => {
      await catchUp();
      return predictions.list(filter ?? {});
    },
    addFeedback: async (model, labels) => {
      await catchUp();
      return predictions.feedback(model, labels);
    },
    feedbackFor: async (ids) => predictions.labels(ids),
    logRolloutEvent: async (e) => predictions.rolloutEvent(e),
    rolloutEvents: async (name) => predictions.rolloutEvents(name),
    close: async () => {
      await writer?.close();
      db.close();
    },
  };
}

function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new SpecmlError('store.too_new', `${file}: the store was written by a newer specml (schema ${current}, this one knows ${MIGRATIONS.length})`, {
      hint: 'Upgrade specml, or use another store (SPECML_STORE).',
    });
  }
  if (current === MIGRATIONS.length) return;
  db.transaction(() => {
    for (const sql of MIGRATIONS.slice(current)) db.exec(sql);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
