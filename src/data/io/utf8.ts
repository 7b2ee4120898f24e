/**
 * Chunked UTF-8 validation. Node's native `buffer.isUtf8` validates at memory speed, but a
 * multi-byte character can be split across two chunks, so the last incomplete sequence of each
 * chunk is carried over and validated together with the start of the next one.
 */
import { isUtf8 } from 'node:buffer';
import { type ByteCounter, readChunks } from './source.js';

/** Expected length of a UTF-8 sequence from its lead byte (0 for a continuation or invalid byte). */
function seqLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Validates a stream chunk by chunk. `check` returns -1 when all bytes so far are valid, else the
 * absolute offset (from the start of the stream) of the first bad sequence, found by a slow scan
 * that only runs on failure.
 *
 * @example
 * const v = new Utf8Validator();
 * v.check(Buffer.from([0xe2, 0x82])); // -1: incomplete, carried
 * v.check(Buffer.from([0xac]));       // -1: '€' completed
 * v.finish();                          // -1
 */
export class Utf8Validator {
  private carry: number[] = [];
  private offset = 0;

  check(chunk: Uint8Array): number {
    const base = this.offset;
    this.offset += chunk.length;
    let start = 0;
    if (this.carry.length > 0) {
      const need = seqLength(this.carry[0]!) - this.carry.length;
      const head = [...this.carry];
      for (let i = 0; i < need && i < chunk.length; i++) head.push(chunk[i]!);
      start = Math.min(need, chunk.length);
      if (head.length < seqLength(head[0]!)) {
        this.carry = head;
        return -1;
      }
      const carryStart = base - this.carry.length;
      this.carry = [];
      if (!isUtf8(Uint8Array.from(head))) return carryStart;
    }
    // Cut before a trailing incomplete sequence (at most 3 bytes back).
    let cut = chunk.length;
    for (let k = 1; k <= 3 && chunk.length - k >= start; k++) {
      const b = chunk[chunk.length - k]!;
      if ((b & 0xc0) === 0x80) continue;
      if (b >= 0xc0 && seqLength(b) > k) cut = chunk.length - k;
      break;
    }
    const body = chunk.subarray(start, cut);
    if (!isUtf8(body)) return base + start + firstInvalid(body);
    for (let i = cut; i < chunk.length; i++) this.carry.push(chunk[i]!);
    return -1;
  }

  /** Call at end of stream: a dangling partial sequence is invalid. */
  finish(): number {
    return this.carry.length > 0 ? this.offset - this.carry.length : -1;
  }
}

/** Offset of the first invalid sequence in `b` (slow; only called once isUtf8 said no). */
function firstInvalid(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const n = seqLength(b[i]!);
    if (n === 0 || i + n > b.length) return i;
    if (!isUtf8(b.subarray(i, i + n))) return i;
    i += n;
  }
  return b.length;
}

/**
 * Finds the 1-based line and byte column of an absolute offset in the decompressed stream by
 * re-reading the file up to it. Costs one partial pass; only used to report an error.
 *
 * @example
 * await locateOffset('data.csv', 120); // { line: 3, column: 17 }
 */
export async function locateOffset(file: string, offset: number): Promise<{ line: number; column: number }> {
  let line = 1;
  let lineStart = 0;
  let pos = 0;
  for await (const chunk of readChunks(file, { bytes: 0 } satisfies ByteCounter)) {
    const stop = Math.min(chunk.length, offset - pos);
    for (let i = 0; i < stop; i++) {
      if (chunk[i] === 10) {
        line++;
        lineStart = pos + i + 1;
      }
    }
    pos += chunk.length;
    if (pos >= offset) break;
  }
  return { line, column: offset - lineStart + 1 };
}
