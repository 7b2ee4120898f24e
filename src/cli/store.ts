/**
 * Opening the store for a command that reads or moves records: `--store URI`, else SPECML_STORE,
 * else ./.specml/store.db; it must exist (a reader never creates a store), and is closed after.
 *
 * @example
 * const runs = await withStore(flags, (s) => s.listRuns());
 */
import { openStore, type Store } from '../track/index.js';

export async function withStore<T>(flags: { store?: string }, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore(flags.store, { mustExist: true });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
