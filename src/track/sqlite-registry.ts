/**
 * The model registry in the SQLite store (rules 5-7 of types.ts): numbered versions with lineage,
 * aliases, and the append-only history of every alias move.
 *
 * Registering copies the package into `<root>/models/<name>/v<version>/` (first into a temporary
 * folder, then renamed), so a registered version cannot change when the folder it came from does,
 * and a crash leaves either a complete registered package or none.
 *
 * @example
 * const reg = new RegistryQueries(db, file, root);
 * await reg.register({ name: 'credit-risk', packageDir: 'out/model', packageSha256: sha });
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { SpecmlError } from '../core/errors.js';
import { checkName } from './names.js';
import { SqliteQueries } from './sqlite-queries.js';
import type { AliasAction, AliasEvent, JsonValue, ModelVersion, ModelVersionInput, MoveNote } from './types.js';

interface VersionRow {
  name: string;
  version: number;
  run_id: string | null;
  package_dir: string;
  package_sha256: string;
  created_at: number;
  summary: string | null;
}

interface EventRow {
  seq: number;
  name: string;
  alias: string;
  action: AliasAction;
  from_version: number | null;
  to_version: number | null;
  actor: string;
  reason: string;
  at: number;
}

const toVersion = (r: VersionRow): ModelVersion => ({
  name: r.name,
  version: r.version,
  runId: r.run_id,
  packageDir: r.package_dir,
  packageSha256: r.package_sha256,
  createdAt: r.created_at,
  summary: r.summary === null ? null : (JSON.parse(r.summary) as JsonValue),
});

const toEvent = (r: EventRow): AliasEvent => ({ seq: r.seq, name: r.name, alias: r.alias, action: r.action, from: r.from_version, to: r.to_version, actor: r.actor, reason: r.reason, at: r.at });

/** Registry queries against one open database (see the module doc). */
export class RegistryQueries extends SqliteQueries {
  async register(input: ModelVersionInput): Promise<ModelVersion> {
    checkName(input.name, 'model name');
    if (!existsSync(path.join(input.packageDir, 'model.json'))) {
      throw new SpecmlError('store.not_a_package', `${input.packageDir} is not a model package (no model.json)`, { hint: 'Register the folder `specml train --out` wrote.' });
    }
    const dir = path.join(this.root, 'models', input.name);
    await mkdir(dir, { recursive: true });
    const tmp = path.join(dir, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    await cp(input.packageDir, tmp, { recursive: true });
    try {
      return this.guard(() =>
        this.db.transaction(() => {
          if (input.runId !== undefined && !this.db.prepare('SELECT 1 FROM runs WHERE id = ?').get(input.runId)) {
            throw new SpecmlError('store.unknown_run', `no run '${input.runId}' to register a model from`, { hint: 'Pass the id of a run in this store.' });
          }
          const last = this.db.prepare('SELECT MAX(version) AS v FROM model_versions WHERE name = ?').get(input.name) as { v: number | null };
          const version = (last.v ?? 0) + 1;
          const target = path.join(dir, `v${version}`);
          // A folder left by a registration that crashed before its commit holds no row: replace it.
          // (Synchronous moves: they run inside the transaction, which cannot await.)
          if (existsSync(target)) rmSync(target, { recursive: true, force: true });
          renameSync(tmp, target);
          this.db
            .prepare('INSERT INTO model_versions (name, version, run_id, package_dir, package_sha256, created_at, summary) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(input.name, version, input.runId ?? null, target, input.packageSha256, Date.now(), input.summary === undefined ? null : JSON.stringify(input.summary));
          return this.version(input.name, version);
        }).immediate(),
      );
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  version(name: string, version: number): ModelVersion {
    const r = this.guard(() => this.db.prepare('SELECT * FROM model_versions WHERE name = ? AND version = ?').get(name, version) as VersionRow | undefined);
    if (!r) {
      const known = this.versions(name).map((v) => v.version);
      throw new SpecmlError('store.unknown_model', known.length ? `model '${name}' has no version ${version} (versions: ${known.join(', ')})` : `no model named '${name}' in the registry`, {
        hint: 'List models with `specml models list`.',
      });
    }
    return toVersion(r);
  }

  versions(name: string): ModelVersion[] {
    return this.guard(() => (this.db.prepare('SELECT * FROM model_versions WHERE name = ? ORDER BY version').all(name) as VersionRow[]).map(toVersion));
  }

  models(): { name: string; latest: number; aliases: Record<string, number> }[] {
    const rows = this.guard(() => this.db.prepare('SELECT name, MAX(version) AS latest FROM model_versions GROUP BY name ORDER BY name').all() as { name: string; latest: number }[]);
    return rows.map((r) => ({ ...r, aliases: this.aliases(r.name) }));
  }

  aliases(name: string): Record<string, number> {
    return this.guard(() => Object.fromEntries((this.db.prepare('SELECT alias, version FROM aliases WHERE name = ? ORDER BY alias').all(name) as { alias: string; version: number }[]).map((a) => [a.alias, a.version])));
  }

  private current(name: string, alias: string): number | null {
    const r = this.db.prepare('SELECT version FROM aliases WHERE name = ? AND alias = ?').get(name, alias) as { version: number } | undefined;
    return r ? r.version : null;
  }

  private record(name: string, alias: string, action: AliasAction, from: number | null, to: number | null, note: MoveNote): AliasEvent {
    const info = this.db
      .prepare('INSERT INTO alias_events (name, alias, action, from_version, to_version, actor, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(name, alias, action, from, to, note.actor ?? defaultActor(), note.reason ?? '', Date.now());
    return toEvent(this.db.prepare('SELECT * FROM alias_events WHERE seq = ?').get(info.lastInsertRowid) as EventRow);
  }

  setAlias(name: string, alias: string, version: number, note: MoveNote): AliasEvent {
    checkName(alias, 'alias');
    return this.guard(() =>
      this.db.transaction(() => {
        this.version(name, version);
        const from = this.current(name, alias);
        this.db.prepare('INSERT INTO aliases (name, alias, version) VALUES (?, ?, ?) ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version').run(name, alias, version);
        return this.record(name, alias, 'set', from, version, note);
      }).immediate(),
    );
  }

  rollback(name: string, alias: string, note: MoveNote): AliasEvent {
    return this.guard(() =>
      this.db.transaction(() => {
        const from = this.current(name, alias);
        const last = this.db.prepare('SELECT * FROM alias_events WHERE name = ? AND alias = ? ORDER BY seq DESC LIMIT 1').get(name, alias) as EventRow | undefined;
        if (from === null || !last || last.from_version === null) {
          throw new SpecmlError('store.nothing_to_roll_back', `${name}@${alias} has no earlier version to roll back to`, { hint: `See \`specml models history ${name}\`; set the alias explicitly with \`specml models promote\`.` });
        }
        this.db.prepare('UPDATE aliases SET version = ? WHERE name = ? AND alias = ?').run(last.from_version, name, alias);
        return this.record(name, alias, 'rollback', from, last.from_version, note);
      }).immediate(),
    );
  }

  remove(name: string, alias: string, note: MoveNote): AliasEvent {
    return this.guard(() =>
      this.db.transaction(() => {
        const from = this.current(name, alias);
        if (from === null) throw new SpecmlError('store.unknown_alias', `model '${name}' has no alias '${alias}'`, { hint: `Aliases: ${Object.keys(this.aliases(name)).join(', ') || 'none'}.` });
        this.db.prepare('DELETE FROM aliases WHERE name = ? AND alias = ?').run(name, alias);
        return this.record(name, alias, 'remove', from, null, note);
      }).immediate(),
    );
  }

  history(name: string): AliasEvent[] {
    return this.guard(() => (this.db.prepare('SELECT * FROM alias_events WHERE name = ? ORDER BY seq').all(name) as EventRow[]).map(toEvent));
  }
}

/** The OS user, as the default actor of an alias move. */
function defaultActor(): string {
  return process.env['SPECML_ACTOR'] ?? process.env['USER'] ?? process.env['USERNAME'] ?? 'unknown';
}
