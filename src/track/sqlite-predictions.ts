/**
 * The prediction log, label feedback and the rollout history in the SQLite store (rules 7 and 8
 * of types.ts): one transaction per batch. A server's batches reach the table through the spool
 * (spool-writer.ts, spool-ingest.ts), a few hundred per transaction; `log` is the direct path,
 * used where no ingester thread can run.
 */
import type Database from 'better-sqlite3';
import { SqliteQueries } from './sqlite-queries.js';
import type { JsonValue, PredictionFilter, PredictionRecord, RolloutEventRecord } from './types.js';

interface Row {
  id: string;
  role: 'served' | 'shadow';
  model: string;
  version: string;
  at: number;
  input: string;
  output: string;
  latency_ms: number;
  request_id: string;
  client_request_id: string | null;
}

/**
 * A function that writes prediction records in one transaction (one commit, one fsync under
 * `synchronous = FULL`) and returns how many were new: a record whose (id, role) is already in
 * the log is ignored (rule 8: the first one stays). Shared by this class and the spool's ingester
 * (spool-ingest.ts).
 */
export function predictionInserter(db: Database.Database): (rows: readonly PredictionRecord[]) => number {
  const insert = db.prepare('INSERT OR IGNORE INTO predictions (id, role, model, version, at, input, output, latency_ms, request_id, client_request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  return db.transaction((rows: readonly PredictionRecord[]) => {
    let n = 0;
    for (const r of rows) n += insert.run(r.id, r.role, r.model, r.version, r.at, JSON.stringify(r.input), JSON.stringify(r.output), r.latencyMs, r.requestId, r.clientRequestId ?? null).changes;
    return n;
  });
}

export class PredictionQueries extends SqliteQueries {
  private readonly insertMany: (rows: readonly PredictionRecord[]) => number;

  constructor(db: Database.Database, file: string, root: string) {
    super(db, file, root);
    this.insertMany = predictionInserter(db);
  }

  log(rows: readonly PredictionRecord[]): void {
    if (rows.length) this.guard(() => this.insertMany(rows));
  }

  list(f: PredictionFilter): PredictionRecord[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (clause: string, arg: string | number): void => {
      where.push(clause);
      args.push(arg);
    };
    if (f.model !== undefined) add('model = ?', f.model);
    if (f.role !== undefined) add('role = ?', f.role);
    if (f.since !== undefined) add('at >= ?', f.since);
    const filtered = `SELECT * FROM predictions${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    // The latest N: newest first with a limit (the index on `at` serves both orders), then turned around.
    const latest = f.limit === undefined && f.last !== undefined;
    const sql = latest ? `${filtered} ORDER BY at DESC, rowid DESC LIMIT ${Math.max(0, Math.floor(f.last!))}` : `${filtered} ORDER BY at, rowid${f.limit ? ` LIMIT ${Math.max(0, Math.floor(f.limit))}` : ''}`;
    return this.guard(() => {
      const rows = (this.db.prepare(sql).all(...args) as Row[]).map(toRecord);
      return latest ? rows.reverse() : rows;
    });
  }

  feedback(model: string, labels: readonly { id: string; label: JsonValue }[]): { accepted: number; unknown: string[] } {
    return this.guard(() =>
      this.db.transaction(() => {
        const known = this.db.prepare("SELECT 1 FROM predictions WHERE id = ? AND role = 'served' AND model = ?");
        const put = this.db.prepare('INSERT OR IGNORE INTO feedback (id, label, at) VALUES (?, ?, ?)');
        const unknown: string[] = [];
        let accepted = 0;
        const now = Date.now();
        for (const l of labels) {
          if (!known.get(l.id, model) || put.run(l.id, JSON.stringify(l.label), now).changes === 0) unknown.push(l.id);
          else accepted++;
        }
        return { accepted, unknown };
      })(),
    );
  }

  rolloutEvent(e: Omit<RolloutEventRecord, 'seq' | 'at'>): RolloutEventRecord {
    const at = Date.now();
    return this.guard(() => {
      const r = this.db
        .prepare('INSERT INTO rollout_events (name, action, from_state, to_state, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(e.name, e.action, JSON.stringify(e.from), JSON.stringify(e.to), e.reason, e.actor, at);
      return { ...e, seq: Number(r.lastInsertRowid), at };
    });
  }

  rolloutEvents(name: string): RolloutEventRecord[] {
    type Raw = { seq: number; name: string; action: string; from_state: string; to_state: string; reason: string; actor: string; at: number };
    return this.guard(() =>
      (this.db.prepare('SELECT * FROM rollout_events WHERE name = ? ORDER BY seq').all(name) as Raw[]).map((r) => ({
        seq: r.seq,
        name: r.name,
        action: r.action,
        from: JSON.parse(r.from_state) as JsonValue,
        to: JSON.parse(r.to_state) as JsonValue,
        reason: r.reason,
        actor: r.actor,
        at: r.at,
      })),
    );
  }

  labels(ids: readonly string[]): Map<string, JsonValue> {
    const get = this.db.prepare('SELECT label FROM feedback WHERE id = ?');
    const out = new Map<string, JsonValue>();
    this.guard(() => {
      for (const id of ids) {
        const r = get.get(id) as { label: string } | undefined;
        if (r) out.set(id, JSON.parse(r.label) as JsonValue);
      }
    });
    return out;
  }
}

function toRecord(r: Row): PredictionRecord {
  return {
    id: r.id,
    role: r.role,
    model: r.model,
    version: r.version,
    at: r.at,
    input: JSON.parse(r.input) as Record<string, JsonValue>,
    output: JSON.parse(r.output) as Record<string, JsonValue>,
    latencyMs: r.latency_ms,
    requestId: r.request_id,
    ...(r.client_request_id !== null ? { clientRequestId: r.client_request_id } : {}),
  };
}
