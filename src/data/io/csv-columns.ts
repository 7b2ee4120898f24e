/**
 * Growable column storage for the CSV parser: numbers in Float64Array, strings as dictionary codes.
 * Arrays grow by doubling (amortised O(1) per value); `finish` trims them to nRows.
 *
 * Shapes (capacity c ≥ rows parsed): nums[col]: Float64Array[c] for number columns, codes[col]:
 * Int32Array[c] for string columns (the unused one is a shared empty array so that both per-column
 * arrays stay monomorphic for the JIT).
 */
import type { RawColumn } from './raw.js';

export const NUM = 0;
export const STR = 1;

/** Code for a row whose original text is not known yet (a number column that turned string). */
export const PENDING = -2;

const EMPTY_F64 = new Float64Array(0);
const EMPTY_I32 = new Int32Array(0);

/**
 * Column builders for one table (or one batch).
 *
 * @example
 * const cols = new ColumnSet(2, new Set([1]), 16);
 * cols.nums[0]![0] = 1.5;
 * cols.codes[1]![0] = cols.intern(1, 'a');
 * cols.finish(['x', 'y'], 1).columns; // [{ type: 'number', ... }, { type: 'string', ... }]
 */
export class ColumnSet {
  readonly kinds: Uint8Array;
  readonly nums: Float64Array[] = [];
  readonly codes: Int32Array[] = [];
  private readonly dicts: Map<string, number>[] = [];
  private readonly levels: string[][] = [];
  /** Per column: rows before this one hold PENDING codes (text to recover), or -1. */
  readonly recoverBefore: Int32Array;
  capacity: number;

  constructor(nCols: number, stringCols: ReadonlySet<number>, capacity: number) {
    this.capacity = Math.max(16, capacity);
    this.kinds = new Uint8Array(nCols);
    this.recoverBefore = new Int32Array(nCols).fill(-1);
    for (let c = 0; c < nCols; c++) {
      const str = stringCols.has(c);
      this.kinds[c] = str ? STR : NUM;
      this.nums.push(str ? EMPTY_F64 : new Float64Array(this.capacity));
      this.codes.push(str ? new Int32Array(this.capacity) : EMPTY_I32);
      this.dicts.push(new Map());
      this.levels.push([]);
    }
  }

  /** Grows every column to at least `min` rows (doubling). */
  grow(min: number): void {
    const cap = Math.max(min, this.capacity * 2);
    for (let c = 0; c < this.kinds.length; c++) {
      if (this.kinds[c] === NUM) {
        const a = new Float64Array(cap);
        a.set(this.nums[c]!);
        this.nums[c] = a;
      } else {
        const a = new Int32Array(cap);
        a.set(this.codes[c]!);
        this.codes[c] = a;
      }
    }
    this.capacity = cap;
  }

  /** Dictionary code of `text` in column `col`, adding it as a new level on first sight. */
  intern(col: number, text: string): number {
    const dict = this.dicts[col]!;
    let code = dict.get(text);
    if (code === undefined) {
      code = this.levels[col]!.length;
      dict.set(text, code);
      this.levels[col]!.push(text);
    }
    return code;
  }

  /**
   * Turns number column `col` into a string column at `row`. Earlier missing rows become -1; earlier
   * numbers become PENDING, to be filled from the file by csv-recover.ts (their text, e.g. "007",
   * is not recoverable from the double). With `rereadMissing`, earlier missing rows are re-read too
   * (their token may be a level in a string column). Costs O(row) once per column.
   */
  convert(col: number, row: number, rereadMissing = false): void {
    const vals = this.nums[col]!;
    const codes = new Int32Array(this.capacity);
    let pending = false;
    for (let i = 0; i < row; i++) {
      if (Number.isNaN(vals[i]!)) codes[i] = -1;
      else {
        codes[i] = PENDING;
        pending = true;
      }
    }
    if (pending || (rereadMissing && row > 0)) this.recoverBefore[col] = row;
    this.kinds[col] = STR;
    this.nums[col] = EMPTY_F64;
    this.codes[col] = codes;
  }

  /** The columns trimmed to `nRows` (a copy only when more than 25% of the capacity is unused). */
  finish(names: readonly string[], nRows: number): { columns: RawColumn[]; recover: Map<number, number> } {
    const columns: RawColumn[] = [];
    const recover = new Map<number, number>();
    for (let c = 0; c < names.length; c++) {
      const name = names[c]!;
      if (this.kinds[c] === NUM) columns.push({ type: 'number', name, values: fit(this.nums[c]!, nRows) });
      else {
        columns.push({ type: 'string', name, codes: fit(this.codes[c]!, nRows), levels: this.levels[c]! });
        const r = this.recoverBefore[c]!;
        if (r > 0) recover.set(c, r);
      }
    }
    return { columns, recover };
  }
}

function fit<T extends Float64Array | Int32Array>(a: T, n: number): T {
  if (a.length === n) return a;
  return (a.length > n * 1.25 ? a.slice(0, n) : a.subarray(0, n)) as T;
}
