/**
 * A simple, quote-aware reader of one CSV record as strings. The hot data loop is in
 * csv-parser.ts; this slower reader serves the header, delimiter sniffing, error messages and the
 * rare re-read that recovers original text (csv-recover.ts), so all of them agree on RFC 4180.
 */

export const LF = 10;
export const CR = 13;
export const QUOTE = 34;

/** One record: its fields, the offset just past it, and how many line breaks it spans. */
export interface TextRecord {
  /** Empty for a blank line. */
  fields: string[];
  next: number;
  lines: number;
}

/** Result when the buffer ends inside a record: where the last quote opened (lines from start). */
export interface Incomplete {
  incomplete: true;
  /** Line breaks between the record start and the opening quote of the unfinished field, or -1. */
  openQuoteLines: number;
}

/**
 * Reads the record starting at `pos` in `b[pos, end)`. Returns `Incomplete` when the record does not
 * end before `end` (append more bytes, or a final '\n', and call again).
 *
 * @example
 * const b = Buffer.from('a,"b,""c"""\nx');
 * readRecord(b, 0, b.length, 44); // { fields: ['a', 'b,"c"'], next: 12, lines: 1 }
 */
export function readRecord(b: Buffer, pos: number, end: number, delim: number): TextRecord | Incomplete {
  const fields: string[] = [];
  let lines = 0;
  if (pos < end && (b[pos] === LF || b[pos] === CR)) {
    if (b[pos] === CR) {
      if (pos + 1 >= end) return { incomplete: true, openQuoteLines: -1 };
      return { fields, next: b[pos + 1] === LF ? pos + 2 : pos + 1, lines: 1 };
    }
    return { fields, next: pos + 1, lines: 1 };
  }
  let p = pos;
  for (;;) {
    if (p >= end) return { incomplete: true, openQuoteLines: -1 };
    let text: string;
    if (b[p] === QUOTE) {
      const openLines = lines;
      const s = p + 1;
      let q = s;
      let escaped = false;
      for (;;) {
        if (q >= end) return { incomplete: true, openQuoteLines: openLines };
        const c = b[q]!;
        if (c === QUOTE) {
          if (q + 1 >= end) return { incomplete: true, openQuoteLines: openLines };
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
      text = b.toString('utf8', s, q);
      if (escaped) text = text.replaceAll('""', '"');
      // Lenient like pandas: bytes between the closing quote and the delimiter are kept.
      p = q + 1;
      const t = p;
      while (p < end && b[p] !== delim && b[p] !== LF && b[p] !== CR) p++;
      if (p > t) text += b.toString('utf8', t, p);
    } else {
      const s = p;
      while (p < end && b[p] !== delim && b[p] !== LF && b[p] !== CR) p++;
      text = b.toString('utf8', s, p);
    }
    if (p >= end) return { incomplete: true, openQuoteLines: -1 };
    fields.push(text);
    const c = b[p];
    if (c === delim) {
      p++;
      continue;
    }
    if (c === CR) {
      if (p + 1 >= end) return { incomplete: true, openQuoteLines: -1 };
      p = b[p + 1] === LF ? p + 2 : p + 1;
    } else {
      p++;
    }
    return { fields, next: p, lines: lines + 1 };
  }
}

/** Type guard for {@link readRecord}'s incomplete result. */
export function isIncomplete(r: TextRecord | Incomplete): r is Incomplete {
  return 'incomplete' in r;
}
