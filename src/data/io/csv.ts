/**
 * CSV reading: `readCsv` (whole file into one RawTable) and `readCsvBatches` (bounded memory).
 * The file is streamed in chunks (source.ts), validated as UTF-8 (utf8.ts), its delimiter sniffed
 * from the first 64 KB (csv-sniff.ts), its header read (csv-header.ts) and its data parsed by the
 * push parser (csv-parser.ts).
 */
import { open, stat } from 'node:fs/promises';
import { SpecmlError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import { ColumnSet, STR } from './csv-columns.js';
import { readHeader } from './csv-header.js';
import { CsvParser } from './csv-parser.js';
import { recoverText } from './csv-recover.js';
import { SNIFF_BYTES, sniffDelimiter } from './csv-sniff.js';
import { naSets } from './number.js';
import type { RawTable, ReadOptions } from './raw.js';
import { isGzipPath, readChunks } from './source.js';
import { Utf8Validator, locateOffset } from './utf8.js';

/**
 * Reads a CSV (or `.csv.gz`) file into a RawTable, typing each column as number or string.
 *
 * @example
 * const t = await readCsv('/work/shared/datasets/ames/data.csv');
 * t.nRows; // 2930
 * t.columns[0].type; // 'string'
 */
export async function readCsv(file: string, opts: ReadOptions = {}): Promise<RawTable> {
  let out: RawTable | undefined;
  for await (const t of csvTables(file, opts, Infinity)) out = t;
  return out!;
}

/**
 * Reads a CSV file as a sequence of RawTables of at most `batchRows` rows each, so a file larger
 * than memory can be processed batch by batch. Every batch has the same column names. Types are
 * decided per batch but are sticky: once a column held text it is a string column in every later
 * batch (earlier batches cannot change; a consumer that concatenates must widen them). Warnings
 * come with the first batch. A header-only file yields one empty batch.
 *
 * @example
 * for await (const batch of readCsvBatches('big.csv.gz', { batchRows: 100_000 })) {
 *   console.log(batch.nRows);
 * }
 */
export function readCsvBatches(file: string, opts: ReadOptions & { batchRows: number }): AsyncGenerator<RawTable> {
  if (!Number.isInteger(opts.batchRows) || opts.batchRows < 1) {
    throw new SpecmlError('usage.batch_rows', `batchRows must be a positive integer, got ${opts.batchRows}`, { hint: 'Pass e.g. { batchRows: 100000 }.' });
  }
  return csvTables(file, opts, opts.batchRows);
}

async function* csvTables(file: string, opts: ReadOptions, batchRows: number): AsyncGenerator<RawTable> {
  const counter = { bytes: 0 };
  const chunks = readChunks(file, counter)[Symbol.asyncIterator]();
  const validator = new Utf8Validator();
  let first = true;
  const next = async (): Promise<Uint8Array | undefined> => {
    const r = await chunks.next();
    if (r.done) {
      const bad = validator.finish();
      if (bad >= 0) await invalidUtf8(file, bad);
      return undefined;
    }
    if (first) {
      // Before UTF-8 validation, which would call a UTF-16 file merely invalid.
      first = false;
      checkUtf16(file, r.value);
    }
    const bad = validator.check(r.value);
    if (bad >= 0) await invalidUtf8(file, bad);
    return r.value;
  };

  try {
    // Head: at least SNIFF_BYTES (or the whole file), copied since chunks are reused buffers.
    const headParts: Buffer[] = [];
    let headLen = 0;
    let eof = false;
    while (headLen < SNIFF_BYTES) {
      const c = await next();
      if (!c) {
        eof = true;
        break;
      }
      headParts.push(Buffer.from(c));
      headLen += c.length;
    }
    let head = Buffer.concat(headParts);
    const warnings: Issue[] = [];
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
      head = head.subarray(3);
      warnings.push({ code: 'csv_bom', path: 'file', severity: 'info', message: `${file} starts with a UTF-8 byte-order mark; it was stripped` });
    }
    if (eof && /^[\s]*$/.test(head.toString('latin1'))) {
      throw new SpecmlError('csv.empty', `${file}:1: the file is empty${head.length > 0 ? ' (only whitespace)' : ''}`, {
        hint: 'Check the path and that the export finished; a CSV needs at least a header line.',
        location: { file, line: 1 },
      });
    }

    const forced = opts.delimiter;
    const sniff = sniffDelimiter(head, eof);
    const delimiter = forced ?? sniff.delimiter;
    checkDelimiter(file, delimiter);
    const d = delimiter.charCodeAt(0);

    // Header (read more bytes in the rare case it is longer than the head).
    let header = readHeader(file, head, d, eof);
    while (!header && !eof) {
      const c = await next();
      if (!c) eof = true;
      else head = Buffer.concat([head, c]);
      header = readHeader(file, head, d, eof);
    }
    if (!header) throw new Error('unreachable: header at eof');
    const { names, next: dataStart, line: firstLine } = header;
    warnings.push(...header.warnings);
    if (forced !== undefined && names.length === 1) {
      const better = sniff.scores.find((s) => s.delimiter !== forced && s.consistent && (s.counts[0] ?? 0) > 1);
      if (better) {
        const shown = better.delimiter === '\t' ? '\\t' : better.delimiter;
        throw new SpecmlError('csv.wrong_delimiter', `${file}:1: delimiter ${JSON.stringify(forced)} gives a single column, but '${shown}' splits every line into ${better.counts[0]} fields`, {
          hint: `Use delimiter '${shown}' (or leave the delimiter out to detect it).`,
          location: { file, line: 1 },
        });
      }
    }

    const { numeric: na, text: naText } = naSets(opts.naValues);
    const maxRows = opts.maxRows ?? Infinity;
    // Capacity estimate from the head's bytes per line, so a plain file needs no regrowth copies.
    let estimate = 1024;
    const size = await uncompressedSize(file);
    const sample = head.subarray(dataStart);
    let lines = 0;
    for (let i = 0; i < sample.length; i++) if (sample[i] === 10) lines++;
    if (lines > 0 && size > 0) estimate = Math.ceil((size / (sample.length / lines)) * 1.02) + 16;
    const nCols = names.length;
    let emitted = 0;
    let emittedAny = false;
    let sticky = new Set<number>();
    const limitFor = (): number => Math.min(batchRows, maxRows - emitted);
    const parser = new CsvParser({ file, delimiter: d, names, na, naText, firstLine }, new ColumnSet(nCols, sticky, Math.min(estimate, limitFor())), limitFor());

    const table = async (truncated: boolean): Promise<RawTable> => {
      const { columns, recover } = parser.cols.finish(names, parser.nRows);
      if (recover.size > 0) await recoverText(file, d, naText, emitted, columns, recover);
      const out: RawTable = {
        names: [...names],
        columns,
        nRows: parser.nRows,
        source: { file, format: 'csv', bytes: counter.bytes, delimiter, truncated },
        warnings: emittedAny ? [] : warnings,
      };
      emittedAny = true;
      emitted += parser.nRows;
      sticky = new Set<number>();
      for (let c = 0; c < nCols; c++) if (parser.cols.kinds[c] === STR) sticky.add(c);
      return out;
    };

    // Returns true when maxRows stopped the read and more records follow.
    const moreAfterMax = async (): Promise<boolean> => {
      if (parser.hasPendingData()) return true;
      for (let c = await next(); c; c = await next()) {
        parser.append(c);
        if (parser.hasPendingData()) return true;
      }
      return false;
    };

    parser.append(head.subarray(dataStart));
    for (let chunk: Uint8Array | undefined = new Uint8Array(0); ; ) {
      if (chunk.length > 0) parser.append(chunk);
      parser.run();
      while (parser.full) {
        if (emitted + parser.nRows >= maxRows) {
          yield await table(await moreAfterMax());
          return;
        }
        yield await table(false);
        parser.reset(new ColumnSet(nCols, sticky, Math.min(estimate, limitFor())), limitFor());
        parser.run();
      }
      chunk = await next();
      if (!chunk) break;
    }
    parser.finish();
    if (parser.nRows > 0 || !emittedAny) yield await table(false);
  } finally {
    await chunks.return?.(undefined);
  }
}

function checkUtf16(file: string, head: Uint8Array): void {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new SpecmlError('csv.utf16', `${file}:1: the file is UTF-16 encoded (byte-order mark ${head[0] === 0xff ? 'FF FE' : 'FE FF'})`, {
      hint: 'Re-save the file as UTF-8 (e.g. in Excel: "CSV UTF-8"; or `iconv -f UTF-16 -t UTF-8`).',
      location: { file, line: 1 },
    });
  }
}

/**
 * Bytes of CSV text, for sizing the column arrays up front: growing wide tables by doubling
 * touches (and page-faults) several times their final memory. For `.gz` the gzip trailer's ISIZE
 * field (uncompressed size mod 2^32) is used when it is plausible; 0 when unknown.
 */
async function uncompressedSize(file: string): Promise<number> {
  const { size } = await stat(file);
  if (!isGzipPath(file)) return size;
  if (size < 18) return 0;
  const fh = await open(file, 'r');
  try {
    const b = Buffer.alloc(4);
    await fh.read(b, 0, 4, size - 4);
    const isize = b.readUInt32LE(0);
    return isize > size ? isize : 0;
  } finally {
    await fh.close();
  }
}

function checkDelimiter(file: string, delimiter: string): void {
  const c = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || c >= 128 || c === 10 || c === 13 || c === 34) {
    throw new SpecmlError('csv.bad_delimiter', `${file}: delimiter ${JSON.stringify(delimiter)} is not a single ASCII character other than a quote or line break`, {
      hint: "Use one of ',', ';', '\\t', '|', or leave it out to detect it.",
      location: { file },
    });
  }
}

async function invalidUtf8(file: string, offset: number): Promise<never> {
  const { line, column } = await locateOffset(file, offset);
  throw new SpecmlError('csv.invalid_utf8', `${file}:${line}:${column}: invalid UTF-8 byte sequence`, {
    hint: 'The file is not UTF-8 (often Latin-1 / Windows-1252 from Excel). Re-save it as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv`.',
    location: { file, line, column },
  });
}
