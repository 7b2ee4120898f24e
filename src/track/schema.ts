/**
 * The SQLite store's tables and their migrations. `PRAGMA user_version` holds the number of
 * migrations applied; opening a store applies the missing ones in one transaction, so a store is
 * never half-migrated. A store newer than this code (user_version above the list) is refused
 * rather than written with an older idea of the tables.
 *
 * Triggers back the store's rules (types.ts) inside the database itself, so even a stray UPDATE
 * from a bug or a hand-run `sqlite3` session cannot rewrite history: the alias history and metric
 * points are append-only, and a run leaves `running` once.
 *
 * @example
 * for (const sql of MIGRATIONS.slice(current)) db.exec(sql);
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    experiment TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'killed')),
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    seed INTEGER,
    spec_hash TEXT,
    specml_version TEXT,
    data TEXT NOT NULL DEFAULT '{}',
    environment TEXT NOT NULL DEFAULT '{}',
    summary TEXT
  );
  CREATE INDEX runs_experiment ON runs (experiment, started_at);
  CREATE TABLE params (run_id TEXT NOT NULL REFERENCES runs(id), key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key));
  CREATE TABLE tags (run_id TEXT NOT NULL REFERENCES runs(id), key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key));
  CREATE TABLE metrics (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id TEXT NOT NULL REFERENCES runs(id),
    key TEXT NOT NULL,
    value REAL,
    step INTEGER NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX metrics_run ON metrics (run_id, seq);
  CREATE TABLE artifacts (run_id TEXT NOT NULL REFERENCES runs(id), name TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, PRIMARY KEY (run_id, name));
  CREATE TABLE model_versions (
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    run_id TEXT REFERENCES runs(id),
    package_dir TEXT NOT NULL,
    package_sha256 TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    summary TEXT,
    PRIMARY KEY (name, version)
  );
  CREATE TABLE aliases (name TEXT NOT NULL, alias TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (name, alias), FOREIGN KEY (name, version) REFERENCES model_versions(name, version));
  CREATE TABLE alias_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    alias TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('set', 'rollback', 'remove')),
    from_version INTEGER,
    to_version INTEGER,
    actor TEXT NOT NULL,
    reason TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX alias_events_name ON alias_events (name, seq);
  CREATE TRIGGER alias_events_no_update BEFORE UPDATE ON alias_events BEGIN SELECT RAISE(ABORT, 'the alias history is append-only'); END;
  CREATE TRIGGER alias_events_no_delete BEFORE DELETE ON alias_events BEGIN SELECT RAISE(ABORT, 'the alias history is append-only'); END;
  CREATE TRIGGER metrics_no_update BEFORE UPDATE ON metrics BEGIN SELECT RAISE(ABORT, 'metric points are append-only'); END;
  CREATE TRIGGER model_versions_no_update BEFORE UPDATE ON model_versions BEGIN SELECT RAISE(ABORT, 'model versions are immutable'); END;
  CREATE TRIGGER runs_final BEFORE UPDATE ON runs WHEN OLD.status != 'running' BEGIN SELECT RAISE(ABORT, 'a finished run is immutable'); END;
  `,
  // 2: the prediction log of `specml serve` (append-only) and label feedback joined by prediction id.
  `
  CREATE TABLE predictions (
    id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('served', 'shadow')),
    model TEXT NOT NULL,
    version TEXT NOT NULL,
    at INTEGER NOT NULL,
    input TEXT NOT NULL,
    output TEXT NOT NULL,
    latency_ms REAL NOT NULL,
    request_id TEXT NOT NULL,
    client_request_id TEXT,
    PRIMARY KEY (id, role)
  );
  CREATE INDEX predictions_model_at ON predictions (model, at);
  CREATE TABLE feedback (id TEXT PRIMARY KEY, label TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE TRIGGER predictions_no_update BEFORE UPDATE ON predictions BEGIN SELECT RAISE(ABORT, 'the prediction log is append-only'); END;
  CREATE TRIGGER predictions_no_delete BEFORE DELETE ON predictions BEGIN SELECT RAISE(ABORT, 'the prediction log is append-only'); END;
  `,
  // 3: what `specml serve` did with a rollout (start, advance, promote, rollback), append-only.
  `
  CREATE TABLE rollout_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    reason TEXT NOT NULL,
    actor TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX rollout_events_name ON rollout_events (name, seq);
  CREATE TRIGGER rollout_events_no_update BEFORE UPDATE ON rollout_events BEGIN SELECT RAISE(ABORT, 'the rollout history is append-only'); END;
  CREATE TRIGGER rollout_events_no_delete BEFORE DELETE ON rollout_events BEGIN SELECT RAISE(ABORT, 'the rollout history is append-only'); END;
  `,
];
