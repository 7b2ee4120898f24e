/**
 * Recovers the original text of rows that were parsed as numbers before their column turned out
 * to hold text (e.g. a zip-code column "007", "010", ..., "N/A-1"). The parser keeps no text for
 * number fields (that is what makes it fast), so the text is re-read from the file.
 *
 * Cost: one extra streaming pass over the file up to the last affected row, only for files where a
 * column has numbers before its first text value; at most once per batch, and since column types
 * are sticky across batches, at most once per column over a whole file.
 */
import { type RawColumn } from './raw.js';
import { isIncomplete, readRecord } from './csv-record.js';
import { readChunks } from './source.js';
import { PENDING } from './csv-columns.js';

type StringColumn = Extract<RawColumn, { type: 'string' }>;

/**
 * Re-reads records [skipRows, skipRows + max(upTo)) of the file and rewrites each string column in
 * `upTo` (column index → first row whose text is known) so rows before that hold their text, with
 * levels in first-seen order.
 *
 * @example
 * await recoverText('zip.csv', 44, new Set(['']), 0, columns, new Map([[0, 120]]));
 */
export async function recoverText(
  file: string,
  delimiter: number,
  na: ReadonlySet<string>,
  skipRows: number,
  columns: RawColumn[],
  upTo: ReadonlyMap<number, number>,
): Promise<void> {
  const maxRow = Math.max(...upTo.values());
  const texts = new Map<number, (string | null)[]>();
  for (const c of upTo.keys()) texts.set(c, []);
  let headerSeen = false;
  let seen = 0;
  let buf = Buffer.alloc(0);
  let first = true;
  const take = (fields: string[]): boolean => {
    if (fields.length === 0) return true;
    if (!headerSeen) {
      headerSeen = true;
      return true;
    }
    const row = seen++ - skipRows;
    if (row < 0) return true;
    if (row >= maxRow) return false;
    for (const [c, list] of texts) {
      if (row < upTo.get(c)!) {
        const t = fields[c] ?? '';
        list.push(na.has(t) ? null : t);
      }
    }
    return true;
  };
  outer: for await (const chunk of readChunks(file, { bytes: 0 })) {
    buf = buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([buf, chunk]);
    let pos = 0;
    if (first && buf.length >= 3) {
      first = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    }
    for (;;) {
      const r = readRecord(buf, pos, buf.length, delimiter);
      if (isIncomplete(r)) break;
      pos = r.next;
      if (!take(r.fields)) break outer;
    }
    buf = buf.subarray(pos);
  }
  if (buf.length > 0) {
    const tail = Buffer.concat([buf, Buffer.from('\n')]);
    const r = readRecord(tail, 0, tail.length, delimiter);
    if (!isIncomplete(r)) take(r.fields);
  }
  for (const [c, list] of texts) {
    const col = columns[c] as StringColumn;
    columns[c] = mergeText(col, list);
  }
}

/** Rebuilds a string column: `head` gives the text of its first rows, `col` the rest. */
function mergeText(col: StringColumn, head: readonly (string | null)[]): StringColumn {
  const dict = new Map<string, number>();
  const levels: string[] = [];
  const codes = new Int32Array(col.codes.length);
  const intern = (t: string): number => {
    let k = dict.get(t);
    if (k === undefined) {
      k = levels.length;
      dict.set(t, k);
      levels.push(t);
    }
    return k;
  };
  for (let i = 0; i < codes.length; i++) {
    if (i < head.length) {
      const t = head[i];
      codes[i] = t === null || t === undefined ? -1 : intern(t);
    } else {
      const k = col.codes[i]!;
      codes[i] = k === PENDING ? -1 : k < 0 ? -1 : intern(col.levels[k]!);
    }
  }
  return { type: 'string', name: col.name, codes, levels };
}
