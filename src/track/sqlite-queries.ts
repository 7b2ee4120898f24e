/**
 * What the SQLite store's query classes share: the open database, its file (for messages) and
 * root folder (for artifacts and packages), and the guard that maps SQLite failures a person can
 * act on (store.locked, store.corrupt) to SpecmlErrors.
 */
import type Database from 'better-sqlite3';
import { guarded } from './sqlite-errors.js';

export abstract class SqliteQueries {
  constructor(
    protected readonly db: Database.Database,
    protected readonly file: string,
    protected readonly root: string,
  ) {}

  /** Runs `fn`, mapping SQLite failures a person can act on (store.locked, store.corrupt). */
  protected guard<T>(fn: () => T): T {
    return guarded(this.file, fn);
  }
}
