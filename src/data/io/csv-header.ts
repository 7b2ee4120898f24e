/**
 * The header record: names trimmed, empty names renamed `column_<k>` with a warning, duplicate
 * names rejected (a later step keys everything by name, so a duplicate would silently shadow).
 */
import { SpecmlError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import { isIncomplete, readRecord } from './csv-record.js';

/** The parsed header: names, the offset of the first data byte, and the first data line. */
export interface Header {
  names: string[];
  next: number;
  /** 1-based line number of the first byte after the header. */
  line: number;
  warnings: Issue[];
}

/**
 * Reads the first non-blank record of `head` as the header; `undefined` when `head` ends inside it
 * and more bytes may follow (`atEof` false).
 *
 * @example
 * readHeader('x.csv', Buffer.from(' a ,b\n1,2\n'), 44, true)?.names; // ['a', 'b']
 */
export function readHeader(file: string, head: Buffer, delimiter: number, atEof: boolean): Header | undefined {
  let pos = 0;
  let line = 1;
  let buf = head;
  for (;;) {
    let r = readRecord(buf, pos, buf.length, delimiter);
    if (isIncomplete(r)) {
      if (!atEof) return undefined;
      buf = Buffer.concat([buf, Buffer.from('\n')]);
      r = readRecord(buf, pos, buf.length, delimiter);
      if (isIncomplete(r)) {
        const at = line + Math.max(0, r.openQuoteLines);
        throw new SpecmlError('csv.unterminated_quote', `${file}:${at}: a quoted field in the header opens on this line and is never closed`, {
          hint: 'Close the quote in the header line.',
          location: { file, line: at },
        });
      }
    }
    if (r.fields.length === 0) {
      pos = r.next;
      line += r.lines;
      continue;
    }
    const warnings: Issue[] = [];
    const names = r.fields.map((f, i) => {
      const t = f.trim();
      if (t !== '') return t;
      const name = `column_${i + 1}`;
      warnings.push({
        code: 'csv_empty_header', path: name, severity: 'warning',
        message: `${file}:${line}: header field ${i + 1} is empty; named it ${name}`,
        hint: 'Give the column a name in the header line.',
      });
      return name;
    });
    const seen = new Map<string, number>();
    names.forEach((n, i) => {
      const prev = seen.get(n);
      if (prev !== undefined) {
        throw new SpecmlError('csv.duplicate_column', `${file}:${line}: column name "${n}" appears twice, at positions ${prev + 1} and ${i + 1}`, {
          hint: 'Rename one of the columns in the header so every name is unique.',
          location: { file, line, column: i + 1 },
        });
      }
      seen.set(n, i);
    });
    return { names, next: Math.min(r.next, head.length), line: line + r.lines, warnings };
  }
}
