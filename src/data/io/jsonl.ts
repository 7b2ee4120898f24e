/**
 * JSON Lines reading: one JSON object per non-blank line, streamed (and `.gz`-decompressed) chunk by
 * chunk. Values are kept per column as plain JS values until the end, when each column's type is
 * decided from everything it held (a JSONL file has no header to type from); that costs one JS
 * value per cell, fine for the row counts JSONL is used for.
 */
import { SpecmlError } from '../../core/errors.js';
import type { RawColumn, RawTable, ReadOptions } from './raw.js';
import { encodeStrings } from './dictionary.js';
import { readChunks } from './source.js';

type Cell = number | string | boolean | null | undefined;

/**
 * Reads a `.jsonl` / `.ndjson` (optionally `.gz`) file. Keys are unioned in first-seen order (a
 * key absent from a line is missing there); numbers → number column, booleans → boolean column,
 * strings → string column; a column mixing types → string (numbers and booleans as their JSON
 * text); null → missing; nested objects/arrays → their JSON text.
 *
 * @example
 * const t = await readJsonl('events.jsonl');
 * t.names; // ['id', 'kind', ...]
 */
export async function readJsonl(file: string, opts: ReadOptions = {}): Promise<RawTable> {
  let table: RawTable | undefined;
  for await (const t of jsonlTables(file, opts, Infinity)) table = t;
  return table!;
}

/**
 * Reads a JSONL file in batches of `batchRows` non-blank lines (memory bounded by the batch). Each
 * batch's column types are decided from that batch; its columns are every key seen so far (a key
 * seen in an earlier batch but absent from this one is a column of missing values here).
 * `source.bytes` is the bytes read so far.
 *
 * @example
 * for await (const b of readJsonlBatches('events.jsonl', { batchRows: 50_000 })) console.log(b.nRows);
 */
export function readJsonlBatches(file: string, opts: ReadOptions & { batchRows: number }): AsyncGenerator<RawTable> {
  if (!Number.isInteger(opts.batchRows) || opts.batchRows < 1) {
    throw new SpecmlError('usage.batch_rows', `batchRows must be a positive integer, got ${opts.batchRows}`, { hint: 'Pass e.g. { batchRows: 100000 }.' });
  }
  return jsonlTables(file, opts, opts.batchRows);
}

async function* jsonlTables(file: string, opts: ReadOptions, batchRows: number): AsyncGenerator<RawTable> {
  const counter = { bytes: 0 };
  const names: string[] = [];
  const index = new Map<string, number>();
  let cells: Cell[][] = [];
  const maxRows = opts.maxRows ?? Infinity;
  const na = opts.naValues ? new Set(opts.naValues) : undefined;
  let nRows = 0; // in the current batch
  let total = 0;
  let line = 0;
  let truncated = false;
  let carry: Buffer = Buffer.alloc(0);
  let sawBytes = false;
  let yielded = false;

  const take = (text: string): boolean => {
    line++;
    if (text.trim() === '') return true;
    if (total >= maxRows) {
      truncated = true;
      return false;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      throw invalidLine(file, line, (e as Error).message, e);
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      throw invalidLine(file, line, `expected a JSON object, found ${obj === null ? 'null' : Array.isArray(obj) ? 'an array' : typeof obj}`);
    }
    for (const [k, v] of Object.entries(obj)) {
      let c = index.get(k);
      if (c === undefined) {
        c = names.length;
        index.set(k, c);
        names.push(k);
        cells.push([]);
      }
      const col = cells[c]!;
      col[nRows] = v === null || (na && typeof v === 'string' && na.has(v)) ? null : typeof v === 'object' ? JSON.stringify(v) : (v as Cell);
    }
    nRows++;
    total++;
    return true;
  };
  const table = (): RawTable => {
    const t: RawTable = { names: [...names], columns: names.map((name, c) => toColumn(name, cells[c]!, nRows)), nRows, source: { file, format: 'jsonl', bytes: counter.bytes, truncated }, warnings: [] };
    cells = names.map(() => []);
    nRows = 0;
    yielded = true;
    return t;
  };

  outer: for await (const chunk of readChunks(file, counter)) {
    if (chunk.length > 0) sawBytes = true;
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      if (!take(buf.toString('utf8', start, nl))) break outer;
      start = nl + 1;
      if (nRows >= batchRows) yield table();
    }
    carry = Buffer.from(buf.subarray(start)); // copy: chunk buffers are reused
  }
  if (!truncated && carry.length > 0) take(carry.toString('utf8'));
  if (!sawBytes || names.length === 0) {
    throw new SpecmlError('jsonl.empty', `${file}:1: the file has no JSON objects${sawBytes ? ' (only blank lines or empty objects)' : ''}`, {
      hint: 'Check the path and that the export finished; each line should be one JSON object.',
      location: { file, line: 1 },
    });
  }
  if (nRows > 0 || !yielded) yield table();
}

function invalidLine(file: string, line: number, reason: string, cause?: unknown): SpecmlError {
  return new SpecmlError('jsonl.invalid_line', `${file}:${line}: not a JSON object: ${reason}`, {
    hint: 'Each non-blank line must be one complete JSON object, e.g. {"a": 1}. Check that line for a cut or unescaped value.',
    cause,
    location: { file, line },
  });
}

/**
 * Decides the column type from all its cells (`cells` is sparse: holes are absent keys): numbers, booleans,
 * else strings (objects as their JSON). Also used for rows that arrive as JSON objects elsewhere (the
 * prediction log, a reference sample).
 */
export function toColumn(name: string, cells: Cell[], n: number): RawColumn {
  let nums = 0;
  let bools = 0;
  let strs = 0;
  for (let i = 0; i < n; i++) {
    const v = cells[i];
    if (typeof v === 'number') nums++;
    else if (typeof v === 'boolean') bools++;
    else if (typeof v === 'string') strs++;
  }
  if (strs === 0 && bools === 0) {
    const values = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) if (typeof cells[i] === 'number') values[i] = cells[i] as number;
    return { type: 'number', name, values };
  }
  if (strs === 0 && nums === 0) {
    const values = new Uint8Array(n).fill(255);
    for (let i = 0; i < n; i++) if (typeof cells[i] === 'boolean') values[i] = cells[i] ? 1 : 0;
    return { type: 'boolean', name, values };
  }
  return encodeStrings(name, n, (i) => {
    const v = cells[i];
    return v === null || v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v);
  });
}
