/**
 * Parquet reading with the pure-JS `hyparquet` package (no native build). The file is opened as an
 * async buffer, so only the footer and the requested column chunks are read from disk (a `maxRows`
 * read touches only the first row groups), never the whole file at once.
 */
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema, toJson } from 'hyparquet';
import type { FileMetaData } from 'hyparquet';
import { SpecmlError } from '../../core/errors.js';
import { encodeStrings } from './dictionary.js';
import type { RawColumn, RawTable, ReadOptions } from './raw.js';

/**
 * Reads a `.parquet` file. Types: floats/ints → number; int64 (bigint) → number when every value is
 * within ±2^53, else string; strings (and bytes, as UTF-8) → string; booleans → boolean;
 * dates/timestamps → datetime (ms since epoch UTC); nested values → their JSON text. Nulls are
 * missing.
 *
 * @example
 * const t = await readParquet('src/data/io/fixtures/small.parquet');
 * t.columns.map((c) => c.type); // ['number', 'string', 'boolean', 'datetime', ...]
 */
export async function readParquet(file: string, opts: ReadOptions = {}): Promise<RawTable> {
  const p = await openParquet(file);
  const nRows = Math.min(p.total, opts.maxRows ?? Infinity);
  return { ...(await readRange(p, 0, nRows, opts)), source: { file, format: 'parquet', bytes: p.buffer.byteLength, truncated: nRows < p.total } };
}

/**
 * Reads a `.parquet` file in batches of whole row groups (consecutive groups are joined until a
 * batch holds at least `batchRows` rows), so memory is bounded by the batch, or by one row group
 * when a group alone is larger (Parquet's unit of reading). Each batch's column types are decided
 * from that batch; `source.bytes` grows with the row groups read so far, `source.rows` is the
 * file's total row count (for progress).
 *
 * @example
 * for await (const b of readParquetBatches('big.parquet', { batchRows: 50_000 })) console.log(b.nRows);
 */
export async function* readParquetBatches(file: string, opts: ReadOptions & { batchRows: number }): AsyncGenerator<RawTable & { source: { rows: number } }> {
  const p = await openParquet(file);
  let start = 0;
  let bytes = 0;
  let end = 0;
  for (let g = 0; g < p.metadata.row_groups.length; g++) {
    const group = p.metadata.row_groups[g]!;
    end += Number(group.num_rows);
    bytes += Number(group.total_compressed_size ?? group.total_byte_size);
    if (end - start < opts.batchRows && g < p.metadata.row_groups.length - 1) continue;
    if (end > start) yield { ...(await readRange(p, start, end, opts)), source: { file, format: 'parquet', bytes, truncated: false, rows: p.total } };
    start = end;
  }
}

interface OpenParquet {
  file: string;
  buffer: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  metadata: FileMetaData;
  names: string[];
  total: number;
}

async function openParquet(file: string): Promise<OpenParquet> {
  const buffer = await asyncBufferFromFile(file);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (e) {
    throw new SpecmlError('parquet.invalid', `${file}: not a readable Parquet file (${(e as Error).message})`, {
      hint: 'Check that the file is Parquet (it starts and ends with the bytes "PAR1") and was written completely; re-export it if it was cut short.',
      cause: e,
      location: { file },
    });
  }
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  return { file, buffer, metadata, names, total: Number(metadata.num_rows) };
}

/** Rows `[from, to)` as a RawTable (its `source` is the caller's to fill). */
async function readRange(p: OpenParquet, from: number, to: number, opts: ReadOptions): Promise<Omit<RawTable, 'source'>> {
  const nRows = to - from;
  const cells = p.names.map(() => new Array<unknown>(nRows));
  const index = new Map(p.names.map((n, i) => [n, i]));
  if (nRows > 0) {
    await parquetRead({
      file: p.buffer,
      metadata: p.metadata,
      rowStart: from,
      rowEnd: to,
      onChunk: ({ columnName, columnData, rowStart }) => {
        const out = cells[index.get(columnName)!]!;
        // Chunks may extend outside the requested range: copy only the overlap.
        for (let i = 0; i < columnData.length; i++) {
          const r = rowStart + i - from;
          if (r >= 0 && r < nRows) out[r] = columnData[i];
        }
      },
    });
  }
  const na = opts.naValues ? new Set(opts.naValues) : undefined;
  return { names: p.names, columns: p.names.map((name, c) => toColumn(name, cells[c]!, nRows, na)), nRows, warnings: [] };
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function toColumn(name: string, cells: unknown[], n: number, na: ReadonlySet<string> | undefined): RawColumn {
  let kind: 'number' | 'bigint' | 'boolean' | 'date' | 'text' | undefined;
  let bigOk = true;
  for (let i = 0; i < n; i++) {
    const v = cells[i];
    if (v === null || v === undefined) continue;
    const k = typeof v === 'number' ? 'number' : typeof v === 'bigint' ? 'bigint' : typeof v === 'boolean' ? 'boolean' : v instanceof Date ? 'date' : 'text';
    if (k === 'bigint' && ((v as bigint) > MAX_SAFE || (v as bigint) < -MAX_SAFE)) bigOk = false;
    kind = kind === undefined || kind === k ? k : 'text';
  }
  if (kind === undefined || kind === 'number' || (kind === 'bigint' && bigOk)) {
    const values = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      const v = cells[i];
      if (v !== null && v !== undefined) values[i] = Number(v);
    }
    return { type: 'number', name, values };
  }
  if (kind === 'boolean') {
    const values = new Uint8Array(n).fill(255);
    for (let i = 0; i < n; i++) if (typeof cells[i] === 'boolean') values[i] = cells[i] ? 1 : 0;
    return { type: 'boolean', name, values };
  }
  if (kind === 'date') {
    const values = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) if (cells[i] instanceof Date) values[i] = (cells[i] as Date).getTime();
    return { type: 'datetime', name, values };
  }
  const decoder = new TextDecoder();
  return encodeStrings(name, n, (i) => {
    const v = cells[i];
    if (v === null || v === undefined) return undefined;
    const t = typeof v === 'string' ? v : v instanceof Uint8Array ? decoder.decode(v) : typeof v === 'object' ? JSON.stringify(toJson(v)) : String(v);
    return na?.has(t) ? undefined : t;
  });
}
