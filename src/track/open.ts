/**
 * Stores chosen by URI (STYLE.md §6, MLflow's store registry): `sqlite:PATH` (the embedded default,
 * `./.specml/store.db`) today; `postgres://…` is the team store that a later issue adds, refused
 * here with a clear message rather than half-supported.
 *
 * @example
 * const store = await openStore();                       // SPECML_STORE, else ./.specml/store.db
 * const other = await openStore('sqlite:/tmp/s.db');
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SpecmlError } from '../core/errors.js';
import { Registry } from '../core/registry.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './types.js';

type Opener = (uri: string) => Promise<Store>;

/** Networked stores by URI scheme; SQLite (`sqlite:PATH` or a bare path) is built in. */
const schemes = new Registry<Opener>('store scheme');
schemes.register('postgres', async (uri) => {
  throw new SpecmlError('store.unsupported', `the PostgreSQL store (${uri.replace(/\/\/[^@/]*@/, '//***@')}) is not available yet`, {
    hint: 'Use the embedded store: unset SPECML_STORE or set it to sqlite:PATH.',
  });
});

/** The default store URI: SPECML_STORE, else `sqlite:` + `./.specml/store.db` under `cwd`. */
export function defaultStoreUri(cwd = process.cwd()): string {
  return process.env['SPECML_STORE'] || `sqlite:${path.join(cwd, '.specml', 'store.db')}`;
}

/**
 * Opens the store at `uri`. With `mustExist`, a SQLite store that has no file yet is a
 * `store.not_found` error instead of a new empty store (readers such as `specml predict
 * --model NAME@ALIAS` must not create stores as a side effect).
 */
export async function openStore(uri = defaultStoreUri(), options: { mustExist?: boolean } = {}): Promise<Store> {
  const m = /^([a-z][a-z0-9+.-]*):(?:\/\/)?(.*)$/i.exec(uri);
  // A bare path (or a Windows drive letter) means a SQLite file.
  const scheme = !m || m[1]!.length === 1 ? 'sqlite' : m[1]!.toLowerCase() === 'postgresql' ? 'postgres' : m[1]!.toLowerCase();
  if (scheme === 'sqlite') {
    const sqliteFile = !m || m[1]!.length === 1 ? uri : m[2] || path.join('.specml', 'store.db');
    if (options.mustExist && !existsSync(sqliteFile)) {
      throw new SpecmlError('store.not_found', `no specml store at ${path.resolve(sqliteFile)}`, {
        hint: 'Run `specml run` here first (it registers models), or point SPECML_STORE at the store that holds the model.',
      });
    }
    return openSqliteStore(sqliteFile);
  }
  if (!schemes.has(scheme)) {
    throw new SpecmlError('store.unknown_scheme', `store URI '${uri}': unknown scheme '${scheme}'`, { hint: `Known schemes: sqlite, ${schemes.names().join(', ')} (e.g. sqlite:.specml/store.db).` });
  }
  return schemes.get(scheme)(uri);
}
