/**
 * Dictionary encoding of string cells (`textAt(row)` gives a row's text, undefined when missing) into a RawColumn of `codes` + `levels` (levels in first-seen
 * order, -1 for missing): the one way readers build string columns outside the CSV hot path.
 *
 * @example
 * const cells = ['red', null, 'red'];
 * encodeStrings('color', cells.length, (i) => cells[i] ?? undefined);
 * // { type: 'string', name: 'color', codes: Int32Array [0, -1, 0], levels: ['red'] }
 */
import type { RawColumn } from './raw.js';

export function encodeStrings(name: string, n: number, textAt: (row: number) => string | undefined): Extract<RawColumn, { type: 'string' }> {
  const dict = new Map<string, number>();
  const levels: string[] = [];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = textAt(i);
    if (t === undefined) {
      codes[i] = -1;
      continue;
    }
    let k = dict.get(t);
    if (k === undefined) {
      k = levels.length;
      dict.set(t, k);
      levels.push(t);
    }
    codes[i] = k;
  }
  return { type: 'string', name, codes, levels };
}
