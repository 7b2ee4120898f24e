/**
 * Row hashing for duplicate and overlap checks, without building a string per row.
 *
 * Each column contributes a 32-bit value hash per row (bits of the float, a hash of the level's
 * string, …), folded column by column into two independent 32-bit row hashes. The loops run down
 * columns, so they stream through each typed array, with no allocation per row, and rows whose
 * partial hash is already unique drop out early (see {@link candidateRows}). Categorical cells hash their level string, not their code, so two frames with different
 * level orders agree. The two hashes give a 53-bit key; candidates with equal keys are still
 * compared cell by cell ({@link rowsEqual}), so a collision can never report a false duplicate.
 */
import type { Column } from '../../core/frame.js';

/**
 * Rows that may equal another row, found by hashing column by column and dropping, every few
 * columns, each row whose partial hash is unique among those still in play: two equal rows have
 * equal partial hashes at every stage, so no true match is ever dropped. On data whose rows
 * become distinct after a few columns (70,000 images of 784 pixels are all distinct after ~20
 * pixels) this costs O(rows × those few columns) instead of O(rows × all columns).
 *
 * `sides` holds one or two frames' columns, paired by position; rows are numbered globally,
 * side 0 first. With one side a row survives when another row shares its key; with two sides,
 * when a row of the other side does. Returns the surviving global row numbers, ascending, and their
 * 53-bit keys over all columns (`rows: Int32Array[k]`, `keys: Float64Array[k]`).
 *
 * @example
 * const { rows } = candidateRows([[numericColumn('x', new Float64Array([1, 2, 1]))]], [3]);
 * [...rows]; // [0, 2]
 */
export function candidateRows(sides: readonly (readonly Column[])[], sizes: readonly number[]): { rows: Int32Array; keys: Float64Array } {
  const n0 = sizes[0]!;
  const total = sizes.reduce((s, v) => s + v, 0);
  const nCols = sides[0]!.length;
  let rows = Int32Array.from({ length: total }, (_, i) => i);
  let h1 = new Int32Array(total).fill(SEED_1);
  let h2 = new Int32Array(total).fill(SEED_2);
  const a = new Int32Array(total);
  const b = new Int32Array(total);
  let nextPrune = 1;
  for (let j = 0; j < nCols; j++) {
    // Active rows are ascending, so side 0 rows form a prefix [0, split).
    let split = 0;
    while (split < rows.length && rows[split]! < n0) split++;
    foldColumn(sides[0]![j]!, rows, 0, split, 0, h1, h2, a, b);
    if (sides.length > 1) foldColumn(sides[1]![j]!, rows, split, rows.length, n0, h1, h2, a, b);
    if (j + 1 === nextPrune || j + 1 === nCols) {
      // Prune after 1, 2, 4, …, 32 columns, then every 32: cheap once few rows remain.
      nextPrune = nextPrune < 32 ? nextPrune * 2 : nextPrune + 32;
      const keep = survivors(rows, h1, h2, n0, sides.length > 1);
      if (keep.length < rows.length) {
        rows = keep.map((k) => rows[k]!);
        h1 = keep.map((k) => h1[k]!);
        h2 = keep.map((k) => h2[k]!);
      }
      if (rows.length === 0) break;
    }
  }
  const keys = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) keys[k] = rowKey(h1, h2, k);
  return { rows, keys };
}

/**
 * Positions in `rows` whose key is shared (one side) or shared across sides (two sides).
 * Sorting a Float64Array of keys (native) and binary-searching it is several times faster than a
 * Map keyed by 53-bit doubles, which V8 boxes and hashes slowly. O(k log k) for k active rows.
 */
function survivors(rows: Int32Array, h1: Int32Array, h2: Int32Array, n0: number, cross: boolean): Int32Array {
  const k = rows.length;
  const keys = new Float64Array(k);
  for (let i = 0; i < k; i++) keys[i] = rowKey(h1, h2, i);
  let split = 0;
  while (split < k && rows[split]! < n0) split++;
  // One side: search all keys. Two sides: side 0 rows search side 1's keys and the reverse.
  const sorted0 = cross ? keys.slice(0, split).sort() : keys.slice().sort();
  const sorted1 = cross ? keys.slice(split).sort() : sorted0;
  const out = new Int32Array(k);
  let m = 0;
  for (let i = 0; i < k; i++) {
    const key = keys[i]!;
    const other = cross ? (i < split ? sorted1 : sorted0) : sorted0;
    const at = lowerBound(other, key);
    const hits = cross ? other[at] === key : other[at + 1] === key;
    if (hits) out[m++] = i;
  }
  return out.slice(0, m);
}

function lowerBound(arr: Float64Array, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The 53-bit Map key of row `i`: all of h1 and 21 bits of h2, exact in a double.
 *
 * @example
 * rowKey(h1, h2, 0); // a number in [0, 2^53)
 */
export function rowKey(h1: Int32Array, h2: Int32Array, i: number): number {
  return (h1[i]! >>> 0) * 2097152 + (h2[i]! >>> 11);
}

const SEED_1 = 0x12345678;
const SEED_2 = 0x7f4a7c15;

/** Folds column `c`'s cells at rows[from..to) (minus `offset`) into h1/h2[from..to); a, b are scratch. */
function foldColumn(c: Column, rows: Int32Array, from: number, to: number, offset: number, h1: Int32Array, h2: Int32Array, a: Int32Array, b: Int32Array): void {
  cellHashes(c, rows, from, to, offset, a, b);
  for (let i = from; i < to; i++) {
    // murmur3-style fold: the rotation makes the result depend on column order.
    let x = Math.imul(h1[i]! ^ a[i]!, 0xcc9e2d51);
    h1[i] = Math.imul((x << 15) | (x >>> 17), 0x1b873593) + 0x6b43a9b5;
    x = Math.imul(h2[i]! ^ b[i]!, 0x85ebca6b);
    h2[i] = Math.imul((x << 13) | (x >>> 19), 0xc2b2ae35) + 0x27d4eb2f;
  }
}

const MISSING_A = 0x5bd1e995;
const MISSING_B = 0x1b873593;

function cellHashes(c: Column, rows: Int32Array, from: number, to: number, offset: number, a: Int32Array, b: Int32Array): void {
  switch (c.kind) {
    case 'numeric':
    case 'datetime': {
      const v = c.values;
      const bits = new Int32Array(v.buffer, v.byteOffset, v.length * 2);
      for (let i = from; i < to; i++) {
        const r = rows[i]! - offset;
        const x = v[r]!;
        if (x !== x) {
          a[i] = MISSING_A;
          b[i] = MISSING_B;
        } else if (x === 0) {
          // -0 and 0 are the same value.
          a[i] = 0;
          b[i] = 0;
        } else {
          const lo = bits[2 * r]!;
          const hi = bits[2 * r + 1]!;
          a[i] = lo ^ Math.imul(hi, 0x27d4eb2d);
          b[i] = hi ^ Math.imul(lo, 0x165667b1);
        }
      }
      return;
    }
    case 'boolean':
      for (let i = from; i < to; i++) {
        const x = c.values[rows[i]! - offset]!;
        a[i] = Math.imul(x + 1, 0x9e3779b1);
        b[i] = Math.imul(x + 7, 0x85ebca77);
      }
      return;
    case 'categorical': {
      const la = new Int32Array(c.levels.length);
      const lb = new Int32Array(c.levels.length);
      c.levels.forEach((s, j) => {
        la[j] = stringHash(s, 0x811c9dc5);
        lb[j] = stringHash(s, 0x01000193);
      });
      for (let i = from; i < to; i++) {
        const k = c.codes[rows[i]! - offset]!;
        a[i] = k < 0 ? MISSING_A : la[k]!;
        b[i] = k < 0 ? MISSING_B : lb[k]!;
      }
      return;
    }
    case 'text':
      for (let i = from; i < to; i++) {
        const s = c.values[rows[i]! - offset]!;
        a[i] = s === null ? MISSING_A : stringHash(s, 0x811c9dc5);
        b[i] = s === null ? MISSING_B : stringHash(s, 0x01000193);
      }
      return;
  }
}

/** FNV-1a over UTF-16 code units with a seed, then a final avalanche. */
function stringHash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * Whether row `i` of `left` equals row `j` of `right`, column by column (same length, paired in
 * order). Missing equals missing, -0 equals 0, categorical cells compare their level strings,
 * and columns of different kinds never match.
 *
 * @example
 * rowsEqual([x], 0, [x], 1); // true when x[0] and x[1] hold the same value
 */
export function rowsEqual(left: readonly Column[], i: number, right: readonly Column[], j: number): boolean {
  for (let c = 0; c < left.length; c++) {
    const p = left[c]!;
    const q = right[c]!;
    switch (p.kind) {
      case 'numeric':
      case 'datetime': {
        if (q.kind !== p.kind) return false;
        const x = p.values[i]!;
        const y = q.values[j]!;
        if (x !== y && !(x !== x && y !== y)) return false;
        break;
      }
      case 'boolean':
        if (q.kind !== 'boolean' || p.values[i] !== q.values[j]) return false;
        break;
      case 'text':
        if (q.kind !== 'text' || p.values[i] !== q.values[j]) return false;
        break;
      case 'categorical': {
        if (q.kind !== 'categorical') return false;
        const x = p.codes[i]!;
        const y = q.codes[j]!;
        if (x < 0 || y < 0) {
          if (x !== y && (x >= 0 || y >= 0)) return false;
        } else if (p.levels[x] !== q.levels[y]) return false;
        break;
      }
    }
  }
  return true;
}
