/**
 * Runs, their params, metrics, tags and artifacts in the SQLite store (rules 1-4 and 7 of types.ts).
 * Every write that touches a run checks, inside its transaction, that the run is still running.
 *
 * Artifacts are files under `<root>/artifacts/<sha[0:2]>/<sha>`, written atomically and once per
 * distinct content; the database only references them, so a crash between the file and the row
 * leaves an unreferenced file, never a dangling reference.
 *
 * @example
 * const runs = new RunQueries(db, file, root);
 * runs.logMetric(id, 'roc_auc', 0.8, 0);
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../core/atomic.js';
import { SpecmlError } from '../core/errors.js';
import { SqliteQueries } from './sqlite-queries.js';
import type { ArtifactRef, JsonValue, MetricPoint, Run, RunFilter, RunInput, RunStatus } from './types.js';

interface RunRow {
  id: string;
  experiment: string;
  status: RunStatus;
  started_at: number;
  ended_at: number | null;
  seed: number | null;
  spec_hash: string | null;
  specml_version: string | null;
  data: string;
  environment: string;
  summary: string | null;
}

/**
 * A new run id: UTC time to the second (runs sort by id as they sort by start) and 6 random hex
 * digits (two runs started in the same second by two processes do not collide).
 *
 * @example
 * newRunId(); // '20261126-120501-3f9a1c'
 */
export function newRunId(now = new Date()): string {
  const t = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${t}-${randomBytes(3).toString('hex')}`;
}

/** Runs against one open database (see the module doc). */
export class RunQueries extends SqliteQueries {
  private row(id: string): RunRow {
    const r = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    if (!r) throw new SpecmlError('store.unknown_run', `no run '${id}' in ${this.file}`, { hint: 'List runs with `specml runs list`.' });
    return r;
  }

  /** The run's row, which must be running (rule 2). */
  private running(id: string): RunRow {
    const r = this.row(id);
    if (r.status !== 'running') {
      throw new SpecmlError('store.run_finished', `run '${id}' is ${r.status}: a finished run is immutable`, { hint: 'Start a new run to record new results.' });
    }
    return r;
  }

  create(input: RunInput): Run {
    const id = newRunId();
    this.guard(() =>
      this.db.transaction(() => {
        this.db
          .prepare('INSERT INTO runs (id, experiment, status, started_at, seed, spec_hash, specml_version, data, environment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(id, input.experiment, 'running', Date.now(), input.seed ?? null, input.specHash ?? null, input.specmlVersion ?? null, JSON.stringify(input.data ?? {}), JSON.stringify(input.environment ?? {}));
        this.insertParams(id, input.params ?? {});
        this.insertTags(id, input.tags ?? {});
      }).immediate(),
    );
    return this.get(id);
  }

  private insertParams(id: string, params: Record<string, JsonValue>): void {
    const get = this.db.prepare('SELECT value FROM params WHERE run_id = ? AND key = ?');
    const put = this.db.prepare('INSERT INTO params (run_id, key, value) VALUES (?, ?, ?)');
    for (const [k, v] of Object.entries(params)) {
      const json = JSON.stringify(v);
      const old = get.get(id, k) as { value: string } | undefined;
      if (old && old.value !== json) {
        throw new SpecmlError('store.param_changed', `run '${id}': param '${k}' is already ${old.value}, cannot become ${json}`, { hint: 'Params describe what was run and are written once; log changing values as metrics.' });
      }
      if (!old) put.run(id, k, json);
    }
  }

  private insertTags(id: string, tags: Record<string, string>): void {
    const put = this.db.prepare('INSERT INTO tags (run_id, key, value) VALUES (?, ?, ?) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value');
    for (const [k, v] of Object.entries(tags)) put.run(id, k, String(v));
  }

  logParams(id: string, params: Record<string, JsonValue>): void {
    this.guard(() =>
      this.db.transaction(() => {
        this.running(id);
        this.insertParams(id, params);
      }).immediate(),
    );
  }

  setTags(id: string, tags: Record<string, string>): void {
    this.guard(() =>
      this.db.transaction(() => {
        this.running(id);
        this.insertTags(id, tags);
      }).immediate(),
    );
  }

  logMetric(id: string, key: string, value: number, step: number): void {
    if (typeof value !== 'number') throw new TypeError(`metric '${key}' must be a number, got ${typeof value}`);
    this.guard(() =>
      this.db.transaction(() => {
        this.running(id);
        // NaN is stored as NULL (SQLite has no NaN) and read back as NaN.
        this.db.prepare('INSERT INTO metrics (run_id, key, value, step, at) VALUES (?, ?, ?, ?, ?)').run(id, key, Number.isNaN(value) ? null : value, step, Date.now());
      }).immediate(),
    );
  }

  async logArtifact(id: string, name: string, bytes: Uint8Array): Promise<ArtifactRef> {
    this.guard(() => this.running(id));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = this.artifactPath(sha256);
    if (!existsSync(file)) await writeFileAtomic(file, bytes);
    this.guard(() =>
      this.db.transaction(() => {
        this.running(id);
        this.db.prepare('INSERT INTO artifacts (run_id, name, sha256, bytes) VALUES (?, ?, ?, ?) ON CONFLICT (run_id, name) DO UPDATE SET sha256 = excluded.sha256, bytes = excluded.bytes').run(id, name, sha256, bytes.length);
      }).immediate(),
    );
    return { name, sha256, bytes: bytes.length };
  }

  private artifactPath(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new SpecmlError('store.bad_artifact', `'${sha256}' is not a sha256 artifact id`, { hint: 'Artifact ids are 64 hex digits, as `specml runs show` prints them.' });
    return path.join(this.root, 'artifacts', sha256.slice(0, 2), sha256);
  }

  async readArtifact(sha256: string): Promise<Uint8Array> {
    const file = this.artifactPath(sha256);
    const bytes = await readFile(file).catch((err: unknown) => {
      throw new SpecmlError('store.missing_artifact', `artifact ${sha256} is missing from ${path.dirname(file)}`, { hint: 'The artifacts folder beside the store was moved or pruned.', cause: err });
    });
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw new SpecmlError('store.corrupt', `artifact ${file} does not match its sha256`, { hint: 'The file was changed on disk; restore it from a backup.' });
    }
    return bytes;
  }

  finish(id: string, status: Exclude<RunStatus, 'running'>, summary: JsonValue | undefined): Run {
    if (!['finished', 'failed', 'killed'].includes(status)) {
      throw new SpecmlError('store.illegal_transition', `a run can end as finished, failed or killed, not '${status}'`, { hint: 'Pass one of the final states.' });
    }
    this.guard(() =>
      this.db.transaction(() => {
        const r = this.row(id);
        if (r.status !== 'running') {
          throw new SpecmlError('store.illegal_transition', `run '${id}' is already ${r.status}; it cannot become ${status}`, { hint: 'A run ends once (running -> finished | failed | killed).' });
        }
        this.db.prepare('UPDATE runs SET status = ?, ended_at = ?, summary = ? WHERE id = ?').run(status, Date.now(), summary === undefined ? null : JSON.stringify(summary), id);
      }).immediate(),
    );
    return this.get(id);
  }

  get(id: string): Run {
    return this.guard(() => {
      const r = this.row(id);
      const params = Object.fromEntries((this.db.prepare('SELECT key, value FROM params WHERE run_id = ? ORDER BY key').all(id) as { key: string; value: string }[]).map((p) => [p.key, JSON.parse(p.value) as JsonValue]));
      const tags = Object.fromEntries((this.db.prepare('SELECT key, value FROM tags WHERE run_id = ? ORDER BY key').all(id) as { key: string; value: string }[]).map((t) => [t.key, t.value]));
      const metrics = (this.db.prepare('SELECT key, value, step, at FROM metrics WHERE run_id = ? ORDER BY seq').all(id) as (Omit<MetricPoint, 'value'> & { value: number | null })[]).map((m) => ({ ...m, value: m.value ?? NaN }));
      const artifacts = this.db.prepare('SELECT name, sha256, bytes FROM artifacts WHERE run_id = ? ORDER BY name').all(id) as ArtifactRef[];
      return {
        id: r.id,
        experiment: r.experiment,
        status: r.status,
        startedAt: r.started_at,
        endedAt: r.ended_at,
        seed: r.seed,
        specHash: r.spec_hash,
        specmlVersion: r.specml_version,
        params,
        tags,
        data: JSON.parse(r.data) as Record<string, string>,
        environment: JSON.parse(r.environment) as Record<string, string>,
        metrics,
        artifacts,
        summary: r.summary === null ? null : (JSON.parse(r.summary) as JsonValue),
      };
    });
  }

  list(filter: RunFilter): Run[] {
    const ids = this.guard(() => {
      const where: string[] = [];
      const args: unknown[] = [];
      if (filter.experiment !== undefined) {
        where.push('experiment = ?');
        args.push(filter.experiment);
      }
      if (filter.status !== undefined) {
        where.push('status = ?');
        args.push(filter.status);
      }
      const sql = `SELECT id FROM runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY started_at DESC, id DESC LIMIT ?`;
      return (this.db.prepare(sql).all(...args, filter.limit ?? 100) as { id: string }[]).map((r) => r.id);
    });
    return ids.map((id) => this.get(id));
  }
}
