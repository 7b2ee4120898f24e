/**
 * The output file of `specml predict`, written batch by batch in CSV, JSON lines or Parquet (by
 * extension), into a temporary file beside the target that is renamed over it only when the run
 * finishes: an interrupted run leaves no half file, and memory holds one batch at a time.
 *
 * Parquet goes through `hyparquet-writer` (pure JS, the writing half of the `hyparquet` reader we
 * use): one row group per batch, flushed to disk after each. Its column types are fixed by the
 * first batch: a column whose values there are all numbers is DOUBLE, every other one a UTF-8
 * string; a later number in a string column is written as its text.
 *
 * @example
 * const out = await openRowsOutput('scored.parquet', ['id', 'prediction']);
 * await out.write([['a', 0.5]]);
 * await out.close(); // renamed into place
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { SpecmlError } from '../core/errors.js';
import { rowsToCsv, rowsToJsonl } from './write-rows.js';

export type Cell = string | number | null;

export interface RowsOutput {
  /** Appends rows (one array of cells per row, in the columns' order). */
  write(rows: readonly (readonly Cell[])[]): Promise<void>;
  /** Finishes the file and renames it into place. */
  close(): Promise<void>;
  /** Removes the temporary file (after an error). */
  abort(): Promise<void>;
}

/** The output format of a path, by extension: `.parquet`, `.jsonl` / `.ndjson`, else CSV. */
export function outputFormat(file: string): 'csv' | 'jsonl' | 'parquet' {
  return /\.parquet$/i.test(file) ? 'parquet' : /\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : 'csv';
}

/** A temporary path beside `file` (same directory, so the final rename is atomic). */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.tmp-${randomBytes(4).toString('hex')}`);
}

export async function openRowsOutput(file: string, columns: readonly string[]): Promise<RowsOutput> {
  const tmp = tempPathFor(file);
  const stream = createWriteStream(tmp);
  await Promise.race([once(stream, 'open'), once(stream, 'error').then(([e]) => Promise.reject(cannotWrite(file, e as Error)))]);
  const put = async (bytes: string | Uint8Array): Promise<void> => {
    if (!stream.write(bytes)) await once(stream, 'drain');
  };
  const finish = async (): Promise<void> => {
    stream.end();
    await once(stream, 'finish');
    await rename(tmp, file);
  };
  const abort = async (): Promise<void> => {
    stream.destroy();
    await rm(tmp, { force: true });
  };
  const format = outputFormat(file);
  if (format === 'csv') {
    await put(rowsToCsv([columns]));
    return { write: (rows) => put(rowsToCsv(rows)), close: finish, abort };
  }
  if (format === 'jsonl') return { write: (rows) => put(rowsToJsonl(columns, rows)), close: finish, abort };
  return parquetOutput(columns, put, finish, abort);
}

function parquetOutput(columns: readonly string[], put: (b: Uint8Array) => Promise<void>, finish: () => Promise<void>, abort: () => Promise<void>): RowsOutput {
  // A ByteWriter whose bytes go to the stream after each row group (hyparquet-writer calls flush
  // then, and awaits it); `offset` keeps counting the whole file, which the footer needs.
  const bytes = new ByteWriter();
  const flush = async (): Promise<void> => {
    if (bytes.index === 0) return;
    const chunk = new Uint8Array(bytes.buffer.slice(0, bytes.index));
    bytes.index = 0;
    await put(chunk);
  };
  Object.assign(bytes, { flush, finish: flush });
  let writer: ParquetWriter | undefined;
  let numeric: boolean[] = [];
  const open = (rows: readonly (readonly Cell[])[]): ParquetWriter => {
    numeric = columns.map((_, j) => rows.some((r) => r[j] !== null) && rows.every((r) => r[j] === null || typeof r[j] === 'number'));
    const schema = [
      { name: 'root', num_children: columns.length },
      ...columns.map((name, j) => (numeric[j] ? { name, type: 'DOUBLE' as const, repetition_type: 'OPTIONAL' as const } : { name, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: 'OPTIONAL' as const })),
    ];
    return new ParquetWriter({ writer: bytes, schema, createdBy: 'specml' });
  };
  return {
    async write(rows) {
      if (rows.length === 0) return;
      writer ??= open(rows);
      const columnData = columns.map((name, j) => ({
        name,
        data: numeric[j] ? rows.map((r) => toDouble(r[j]!, name)) : rows.map((r) => (r[j] === null || r[j] === undefined ? null : String(r[j]))),
      }));
      await writer.write({ columnData, rowGroupSize: rows.length });
    },
    async close() {
      // An empty output still gets a valid file: the columns, typed as strings, and no rows.
      writer ??= open([]);
      await writer.finish();
      await flush();
      await finish();
    },
    abort,
  };
}

function toDouble(v: Cell, column: string): number | null {
  if (v === null || typeof v === 'number') return v;
  const n = Number(v);
  if (v.trim() === '' || Number.isNaN(n)) {
    throw new SpecmlError('data.mixed_types', `column ${column}: the Parquet output typed it as numbers from the first batch, then met the text ${JSON.stringify(v)}`, {
      hint: 'Write CSV or JSON lines instead (--output scored.csv), or make the id column hold one type throughout.',
    });
  }
  return n;
}

function cannotWrite(file: string, e: Error): SpecmlError {
  return new SpecmlError('io.write', `${file}: cannot write here (${e.message})`, { hint: 'Check that the directory exists and is writable.', cause: e, location: { file } });
}
