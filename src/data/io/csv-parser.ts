/**
 * The push-based CSV data parser: `append` bytes, `run` to parse every complete record, `finish` at
 * end of input. One pass over the bytes with a byte switch; a number column parses digits straight
 * into an integer mantissa (Clinger's fast path, no JS string per field), everything else takes the
 * slower `slowField` path that decodes text.
 *
 * Chunk boundaries: only complete records are consumed. The bytes of an unfinished record are moved
 * to the front of the buffer and parsed again once more bytes arrive (a record is scanned at most
 * twice in the common case; a record larger than a chunk more often, hence MAX_RECORD_BYTES).
 * Fields of an unfinished record may already be stored at row `nRows`; that is harmless because
 * the re-parse stores the same values (interning and type conversion are idempotent).
 */
import { SpecmlError } from '../../core/errors.js';
import { ColumnSet, NUM } from './csv-columns.js';
import { CR, LF, QUOTE, isIncomplete, readRecord } from './csv-record.js';
import { MAX_EXACT_MANTISSA, POW10, parseNumber } from './number.js';

const SP = 32;
const TAB = 9;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;

/**
 * A single record longer than this is taken as a runaway quoted field: without the cap a stray
 * quote would buffer the rest of the file and rescan it once per chunk (quadratic).
 */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export interface ParserOptions {
  file: string;
  delimiter: number;
  names: readonly string[];
  /** NA tokens in number columns. */
  na: ReadonlySet<string>;
  /** NA tokens in string columns (defaults to `na`); see number.ts NUMERIC_ONLY_NA. */
  naText?: ReadonlySet<string>;
  /** Line number (1-based) of the first byte that will be appended. */
  firstLine: number;
}

/**
 * Parses data records into a {@link ColumnSet}.
 *
 * @example
 * const p = new CsvParser({ file: 'x.csv', delimiter: 44, names: ['a'], na: new Set(['']), firstLine: 2 },
 *   new ColumnSet(1, new Set(), 16), Infinity);
 * p.append(Buffer.from('1\n2\n')); p.run(); p.finish();
 * p.nRows; // 2
 */
export class CsvParser {
  private buf: Buffer = Buffer.allocUnsafe(1 << 16);
  private start = 0;
  private len = 0;
  /** Line of the next record's first byte. */
  line: number;
  nRows = 0;
  /** Lines spanned inside the quoted field that `slowField` just read. */
  private fieldLines = 0;
  /** False when an NA token looks like a number: the fast path would skip the NA check. */
  private readonly fastNumbers: boolean;

  constructor(
    private readonly opts: ParserOptions,
    public cols: ColumnSet,
    /** Stop once this many rows are parsed (batch size or maxRows). */
    public limit: number,
  ) {
    this.line = opts.firstLine;
    this.fastNumbers = ![...opts.na].some((t) => parseNumber(t) !== undefined);
  }

  /** True when `limit` rows are parsed. */
  get full(): boolean {
    return this.nRows >= this.limit;
  }

  /** Starts a new batch with fresh columns (already parsed bytes are kept). */
  reset(cols: ColumnSet, limit: number): void {
    this.cols = cols;
    this.limit = limit;
    this.nRows = 0;
  }

  /** Copies `chunk` behind the unconsumed bytes (the caller may reuse `chunk` afterwards). */
  append(chunk: Uint8Array): void {
    const rest = this.len - this.start;
    if (rest > MAX_RECORD_BYTES) {
      throw new SpecmlError('csv.unterminated_quote', `${this.opts.file}:${this.line}: a record starting on this line is longer than ${MAX_RECORD_BYTES >> 20} MB`, {
        hint: 'A quote probably opens a field and never closes. Check the quotes on that line, or escape a literal quote as "".',
        location: { file: this.opts.file, line: this.line },
      });
    }
    // +1 for the sentinel byte the number fast path may read at `len`.
    const need = rest + chunk.length + 1;
    if (need > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
      this.buf.copy(next, 0, this.start, this.len);
      this.buf = next;
    } else if (this.start > 0) {
      this.buf.copyWithin(0, this.start, this.len);
    }
    this.buf.set(chunk, rest);
    this.start = 0;
    this.len = rest + chunk.length;
    this.buf[this.len] = 0;
  }

  /** True when unconsumed bytes hold anything but line breaks and spaces (more records follow). */
  hasPendingData(): boolean {
    for (let i = this.start; i < this.len; i++) {
      const c = this.buf[i];
      if (c !== LF && c !== CR && c !== SP && c !== TAB) return true;
    }
    return false;
  }

  /** Call at end of input: parses a last record with no line break, or reports an open quote. */
  finish(): void {
    if (this.full || !this.hasPendingData()) return;
    const recLine = this.line;
    this.append(Buffer.from('\n'));
    this.run();
    if (this.full || !this.hasPendingData()) return;
    const r = readRecord(this.buf, this.start, this.len, this.opts.delimiter);
    const openLine = recLine + (isIncomplete(r) ? Math.max(0, r.openQuoteLines) : 0);
    throw new SpecmlError('csv.unterminated_quote', `${this.opts.file}:${openLine}: a quoted field opens on this line and is never closed`, {
      hint: 'Close the quote, or write a literal quote inside a quoted field as "" (RFC 4180).',
      location: { file: this.opts.file, line: openLine },
    });
  }

  /** Parses every complete record in the buffer, up to `limit` rows. */
  run(): void {
    const b = this.buf;
    const end = this.len;
    const d = this.opts.delimiter;
    const nCols = this.opts.names.length;
    const fast = this.fastNumbers;
    let cols = this.cols;
    let pos = this.start;
    let line = this.line;
    let row = this.nRows;
    const limit = this.limit;
    while (pos < end && row < limit) {
      const recStart = pos;
      const recLine = line;
      let c = b[pos]!;
      if (c === LF) {
        pos++;
        line++;
        continue;
      }
      if (c === CR) {
        if (pos + 1 >= end) break;
        pos += b[pos + 1] === LF ? 2 : 1;
        line++;
        continue;
      }
      if ((c === SP || c === TAB) && d !== c) {
        // A line of only spaces is blank too; anything else is a record.
        let p = pos;
        while (p < end && (b[p] === SP || (b[p] === TAB && d !== TAB))) p++;
        if (p >= end) break;
        if (b[p] === LF || b[p] === CR) {
          pos = p;
          continue;
        }
      }
      if (row >= cols.capacity) cols.grow(row + 1);
      cols = this.cols;
      const kinds = cols.kinds;
      const nums = cols.nums;
      let col = 0;
      let complete = true;
      for (;;) {
        let q = -1;
        if (fast && col < nCols && kinds[col] === NUM) {
          // Fast path: [+-]digits[.digits][(e|E)[+-]digits] directly followed by a terminator.
          // b[end] is a 0 sentinel, so the loops stop there without bounds checks.
          let p = pos;
          let ch = b[p]!;
          let neg = false;
          if (ch === MINUS) {
            neg = true;
            ch = b[++p]!;
          } else if (ch === PLUS) ch = b[++p]!;
          let m = 0;
          const ds = p;
          while (ch >= 48 && ch <= 57) {
            m = m * 10 + (ch - 48);
            ch = b[++p]!;
          }
          let nd = p - ds;
          let frac = 0;
          if (ch === DOT) {
            const fs = ++p;
            ch = b[p]!;
            while (ch >= 48 && ch <= 57) {
              m = m * 10 + (ch - 48);
              ch = b[++p]!;
            }
            frac = p - fs;
            nd += frac;
          }
          if (nd > 0) {
            let e = 0;
            let eok = true;
            if (ch === 101 || ch === 69) {
              ch = b[++p]!;
              let eneg = false;
              if (ch === MINUS) {
                eneg = true;
                ch = b[++p]!;
              } else if (ch === PLUS) ch = b[++p]!;
              const es = p;
              while (ch >= 48 && ch <= 57) {
                e = e * 10 + (ch - 48);
                ch = b[++p]!;
              }
              eok = p > es;
              if (eneg) e = -e;
            }
            if (eok && p < end && (ch === d || ch === LF || ch === CR)) {
              const k = e - frac;
              let v: number;
              // m < 2^53 (strict: an inexact running m can round down to 2^53 but never below).
              if (m < MAX_EXACT_MANTISSA && k >= -22 && k <= 22) v = k >= 0 ? m * POW10[k]! : m / POW10[-k]!;
              else v = Number(b.toString('latin1', neg ? ds : pos, p));
              nums[col]![row] = neg ? -v : v;
              q = p;
            }
          }
        }
        if (q < 0) {
          q = this.slowField(b, pos, end, col, row, nCols);
          if (q < 0) {
            complete = false;
            break;
          }
          line += this.fieldLines;
        }
        c = b[q]!;
        if (c === d) {
          col++;
          pos = q + 1;
          continue;
        }
        if (c === CR) {
          if (q + 1 >= end) {
            complete = false;
            break;
          }
          pos = b[q + 1] === LF ? q + 2 : q + 1;
        } else pos = q + 1;
        break;
      }
      if (!complete) {
        pos = recStart;
        line = recLine;
        break;
      }
      if (col + 1 !== nCols) this.ragged(b, recStart, end, recLine, col + 1);
      line++;
      row++;
    }
    this.start = pos;
    this.line = line;
    this.nRows = row;
  }

  /**
   * Reads one field (quoted or not) at `pos`, stores it in column `col` (ignored past the last
   * column), and returns the index of its terminator byte, or -1 when the buffer ends first.
   */
  private slowField(b: Buffer, pos: number, end: number, col: number, row: number, nCols: number): number {
    this.fieldLines = 0;
    let p = pos;
    const d = this.opts.delimiter;
    let text: string;
    if (b[p] === QUOTE) {
      const s = p + 1;
      let q = s;
      let escaped = false;
      let lines = 0;
      for (;;) {
        if (q >= end) return -1;
        const c = b[q]!;
        if (c === QUOTE) {
          if (q + 1 >= end) return -1;
          if (b[q + 1] === QUOTE) {
            escaped = true;
            q += 2;
            continue;
          }
          break;
        }
        if (c === LF) lines++;
        q++;
      }
      p = q + 1;
      const t = p;
      while (p < end && b[p] !== d && b[p] !== LF && b[p] !== CR) p++;
      if (p >= end) return -1;
      if (col >= nCols) return p;
      text = b.toString('utf8', s, q);
      if (escaped) text = text.replaceAll('""', '"');
      if (p > t) text += b.toString('utf8', t, p);
      this.fieldLines = lines;
    } else {
      while (p < end && b[p] !== d && b[p] !== LF && b[p] !== CR) p++;
      if (p >= end) return -1;
      if (col >= nCols) return p;
      text = b.toString('utf8', pos, p);
    }
    this.store(col, row, text);
    return p;
  }

  private store(col: number, row: number, text: string): void {
    const cols = this.cols;
    const naText = this.opts.naText ?? this.opts.na;
    if (cols.kinds[col] === NUM) {
      if (this.opts.na.has(text)) {
        cols.nums[col]![row] = NaN;
        return;
      }
      const v = parseNumber(text);
      if (v !== undefined) {
        cols.nums[col]![row] = v;
        return;
      }
      // Earlier missing rows may hold a token that is a level in a string column ('None'): re-read them.
      cols.convert(col, row, naText !== this.opts.na);
    }
    cols.codes[col]![row] = naText.has(text) ? -1 : cols.intern(col, text);
  }

  private ragged(b: Buffer, recStart: number, end: number, recLine: number, found: number): never {
    const { file, names } = this.opts;
    const expected = names.length;
    const r = readRecord(b, recStart, end, this.opts.delimiter);
    const shown = isIncomplete(r) ? '' : ` (${JSON.stringify(r.fields.slice(0, 8)).slice(0, 200)})`;
    const header = names.length > 12 ? `${names.slice(0, 12).join(', ')}, ...` : names.join(', ');
    throw new SpecmlError('csv.ragged_row', `${file}:${recLine}: expected ${expected} fields (header: ${header}), found ${found}${shown}`, {
      hint: found > expected
        ? 'A field probably contains the delimiter without quotes: quote it ("a,b"), or fix the delimiter.'
        : 'A field or delimiter is probably missing on that line; every record needs one field per header column.',
      location: { file, line: recLine },
    });
  }
}
