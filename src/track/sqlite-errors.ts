/**
 * SQLite failures a person can act on, as SpecmlErrors: a store locked by another process, a file
 * that is not a store (or is damaged), a location that cannot be written.
 *
 * @example
 * try { db.exec(sql); } catch (e) { throw storeError(e, file); }
 */
import { SpecmlError } from '../core/errors.js';

/** How long a writer waits for another process's lock before `store.locked`. */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Maps SQLite failures a person can act on to SpecmlErrors (locked, corrupt, read-only); anything
 * else is rethrown as it is (a bug, exit code 3).
 *
 * @example
 * try { db.exec(sql); } catch (e) { throw storeError(e, file); }
 */
export function storeError(err: unknown, file: string): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return err;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new SpecmlError('store.locked', `${file}: the store is locked by another process`, {
      hint: 'Another specml command is writing to this store; wait for it to finish, or point SPECML_STORE at another store.',
      cause: err,
    });
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new SpecmlError('store.corrupt', `${file}: not a readable specml store (${(err as Error).message})`, {
      hint: 'Move the file aside (nothing is deleted by specml) and run again to start a new store, or restore it from a backup.',
      cause: err,
    });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR')) {
    return new SpecmlError('store.unwritable', `${file}: cannot write the store (${(err as Error).message})`, {
      hint: 'Check that the folder exists and is writable, or set SPECML_STORE to a writable location.',
      cause: err,
    });
  }
  return err;
}


/**
 * Runs `fn`, turning SQLite failures a person can act on into SpecmlErrors (see {@link storeError}).
 *
 * @example
 * const row = guarded(file, () => db.prepare('SELECT 1').get());
 */
export function guarded<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw storeError(err, file);
  }
}
