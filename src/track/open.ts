/**
 * Stores chosen by URI (STYLE.md §6, MLflow's store registry): `sqlite:PATH` (the embedded default,
 * `./.specml/store.db`) today; `postgres://…` is the team store that a later issue adds, refused
 * here with a clear message rather than half-supported.
 *
 * @example
 * const store = await openStore();                       // SPECML_STORE, else ./.specml/store.db
 * const other = await openStore('sqlite:/tmp/s.db');
 */
import path from 'node:path';
import { SpecmlError } from '../core/errors.js';
import { Registry } from '../core/registry.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './types.js';

type Opener = (rest: string, uri: string) => Promise<Store>;

const schemes = new Registry<Opener>('store scheme');
schemes.register('sqlite', async (rest) => openSqliteStore(rest || path.join('.specml', 'store.db')));
schemes.register('postgres', async (_rest, uri) => {
  throw new SpecmlError('store.unsupported', `the PostgreSQL store (${uri.replace(/\/\/[^@/]*@/, '//***@')}) is not available yet`, {
    hint: 'Use the embedded store: unset SPECML_STORE or set it to sqlite:PATH.',
  });
});

/** The default store URI: SPECML_STORE, else `sqlite:` + `./.specml/store.db` under `cwd`. */
export function defaultStoreUri(cwd = process.cwd()): string {
  return process.env['SPECML_STORE'] || `sqlite:${path.join(cwd, '.specml', 'store.db')}`;
}

export async function openStore(uri = defaultStoreUri()): Promise<Store> {
  const m = /^([a-z][a-z0-9+.-]*):(?:\/\/)?(.*)$/i.exec(uri);
  // A bare path means a SQLite file.
  if (!m || m[1]!.length === 1) return openSqliteStore(uri);
  const scheme = m[1]!.toLowerCase() === 'postgresql' ? 'postgres' : m[1]!.toLowerCase();
  if (!schemes.has(scheme)) {
    throw new SpecmlError('store.unknown_scheme', `store URI '${uri}': unknown scheme '${scheme}'`, { hint: `Known schemes: ${schemes.names().join(', ')} (e.g. sqlite:.specml/store.db).` });
  }
  return schemes.get(scheme)(scheme === 'sqlite' ? m[2]! : uri, uri);
}
