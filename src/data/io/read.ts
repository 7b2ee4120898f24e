/**
 * `readTable`: one entry point for every supported file, dispatching on the extension.
 */
import { stat } from 'node:fs/promises';
import { SpecmlError } from '../../core/errors.js';
import { readCsv } from './csv.js';
import { readJsonl } from './jsonl.js';
import { readParquet } from './parquet.js';
import type { RawTable, ReadOptions } from './raw.js';

const FORMATS: { ext: string; read: (file: string, opts: ReadOptions) => Promise<RawTable> }[] = [
  { ext: '.csv', read: readCsv },
  { ext: '.tsv', read: readCsv },
  { ext: '.txt', read: readCsv },
  { ext: '.csv.gz', read: readCsv },
  { ext: '.tsv.gz', read: readCsv },
  { ext: '.jsonl', read: readJsonl },
  { ext: '.ndjson', read: readJsonl },
  { ext: '.jsonl.gz', read: readJsonl },
  { ext: '.parquet', read: readParquet },
];

/** Extensions `readTable` understands. */
export const SUPPORTED_EXTENSIONS: readonly string[] = FORMATS.map((f) => f.ext);

/**
 * Reads a CSV, JSONL or Parquet file into a RawTable, choosing the reader by extension
 * (case-insensitive). Checks first that the path exists and is a readable file.
 *
 * @example
 * const t = await readTable('/work/shared/datasets/letter/data.csv');
 * console.log(t.nRows, t.names.length);
 */
export async function readTable(file: string, opts: ReadOptions = {}): Promise<RawTable> {
  if (/^(sqlite|postgres|postgresql):/i.test(file)) {
    throw new SpecmlError('io.unsupported_source', `${file}: reading from a database is not supported yet`, {
      hint: 'Export the table to CSV or Parquet (e.g. sqlite3 -csv -header db.sqlite "select * from t" > t.csv) and point data.train at the file.',
      location: { file },
    });
  }
  let info;
  try {
    info = await stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new SpecmlError('io.not_found', `${file}: no such file`, { hint: 'Check the path (it is resolved from the current directory).', cause: e, location: { file } });
    }
    throw new SpecmlError('io.unreadable', `${file}: cannot access the file (${code ?? String(e)})`, { hint: 'Check the file permissions.', cause: e, location: { file } });
  }
  if (!info.isFile()) {
    throw new SpecmlError('io.not_a_file', `${file}: is ${info.isDirectory() ? 'a directory' : 'not a regular file'}`, { hint: 'Pass the path of a data file, e.g. data.csv.', location: { file } });
  }
  const lower = file.toLowerCase();
  const format = FORMATS.filter((f) => lower.endsWith(f.ext)).sort((a, b) => b.ext.length - a.ext.length)[0];
  if (!format) {
    throw new SpecmlError('io.unknown_format', `${file}: unknown file type`, {
      hint: `Supported extensions: ${SUPPORTED_EXTENSIONS.join(', ')}. Rename the file if it is one of these formats.`,
      location: { file },
    });
  }
  try {
    return await format.read(file, opts);
  } catch (e) {
    if (e instanceof SpecmlError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') {
      throw new SpecmlError('io.unreadable', `${file}: cannot read the file (${code})`, { hint: 'Check the file permissions.', cause: e, location: { file } });
    }
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
      throw new SpecmlError('io.unreadable', `${file}: the gzip data is corrupt or cut short (${(e as Error).message})`, { hint: 'Re-download or re-compress the file.', cause: e, location: { file } });
    }
    throw e;
  }
}
