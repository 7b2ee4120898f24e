/**
 * Delimiter detection: the candidate whose per-record count (outside quotes) is non-zero and the
 * same on every sampled record wins. Quote-aware, so `"a,b";c` counts one ';' and no ','.
 */
import { isIncomplete, readRecord } from './csv-record.js';

/** Candidates, in tie-break order (comma first: the common case). */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Bytes sampled for detection: enough for hundreds of records, cheap to scan four times. */
export const SNIFF_BYTES = 64 * 1024;

/** Per-candidate result: field counts of the sampled records (blank lines skipped). */
export interface SniffScore {
  delimiter: string;
  /** Fields per record for the first sampled records (the header first). */
  counts: number[];
  consistent: boolean;
}

/**
 * Scores each candidate on `sample` (the first bytes of the file; the last record is dropped unless
 * `atEof`, since it may be cut) and picks the best: consistent with more than one field, then most
 * fields, then the candidate order. With no consistent candidate, the one whose most common field
 * count is largest, and ',' when nothing splits.
 *
 * @example
 * sniffDelimiter(Buffer.from('a;b\n1;2\n'), true).delimiter; // ';'
 */
export function sniffDelimiter(sample: Buffer, atEof: boolean): { delimiter: string; scores: SniffScore[] } {
  const scores = DELIMITERS.map((d) => scoreDelimiter(sample, d, atEof));
  const good = scores.filter((s) => s.consistent && (s.counts[0] ?? 0) > 1);
  good.sort((a, b) => b.counts[0]! - a.counts[0]!);
  if (good[0]) return { delimiter: good[0].delimiter, scores };
  let best = ',';
  let bestCount = 1;
  for (const s of scores) {
    const mode = modeOf(s.counts);
    if (mode > bestCount) {
      best = s.delimiter;
      bestCount = mode;
    }
  }
  return { delimiter: best, scores };
}

function scoreDelimiter(sample: Buffer, delimiter: string, atEof: boolean): SniffScore {
  const d = delimiter.charCodeAt(0);
  const counts: number[] = [];
  let pos = 0;
  const end = sample.length;
  while (pos < end && counts.length < 1000) {
    let r = readRecord(sample, pos, end, d);
    if (isIncomplete(r)) {
      if (!atEof) break;
      const padded = Buffer.concat([sample.subarray(pos), Buffer.from('\n')]);
      r = readRecord(padded, 0, padded.length, d);
      if (isIncomplete(r)) break;
      if (r.fields.length > 0) counts.push(r.fields.length);
      break;
    }
    if (r.fields.length > 0) counts.push(r.fields.length);
    pos = r.next;
  }
  const consistent = counts.length > 0 && counts.every((c) => c === counts[0]);
  return { delimiter, counts, consistent };
}

function modeOf(counts: number[]): number {
  const freq = new Map<number, number>();
  let best = 0;
  let bestFreq = 0;
  for (const c of counts) {
    const f = (freq.get(c) ?? 0) + 1;
    freq.set(c, f);
    if (f > bestFreq || (f === bestFreq && c > best)) {
      best = c;
      bestFreq = f;
    }
  }
  return best;
}
