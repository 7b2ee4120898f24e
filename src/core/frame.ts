/**
 * The columnar table every stage passes around.
 *
 * Column storage (n = number of rows):
 * - numeric: `values: Float64Array[n]`, NaN for missing; `integer` when every present value is whole.
 * - categorical: `codes: Int32Array[n]` indexing `levels`, -1 for missing.
 * - boolean: `values: Uint8Array[n]`, 0 false, 1 true, {@link BOOL_MISSING} missing.
 * - datetime: `values: Float64Array[n]`, milliseconds since the Unix epoch (UTC), NaN missing.
 * - text: `values: (string | null)[n]`, null missing; free text that is tokenised, not one-hot.
 *
 * A Frame is immutable by convention: operations return new frames and share column buffers
 * where they can (`select` shares, `take` copies).
 *
 * @example
 * const f = Frame.fromColumns([numericColumn('x', new Float64Array([1, NaN, 3]))]);
 * f.nRows; // 3
 */
export const BOOL_MISSING = 255;

export interface NumericColumn {
  kind: 'numeric';
  name: string;
  values: Float64Array;
  integer: boolean;
}
export interface CategoricalColumn {
  kind: 'categorical';
  name: string;
  codes: Int32Array;
  levels: string[];
}
export interface BooleanColumn {
  kind: 'boolean';
  name: string;
  values: Uint8Array;
}
export interface DatetimeColumn {
  kind: 'datetime';
  name: string;
  values: Float64Array;
}
export interface TextColumn {
  kind: 'text';
  name: string;
  values: (string | null)[];
}
export type Column = NumericColumn | CategoricalColumn | BooleanColumn | DatetimeColumn | TextColumn;
export type ColumnKind = Column['kind'];

export function numericColumn(name: string, values: Float64Array, integer?: boolean): NumericColumn {
  return { kind: 'numeric', name, values, integer: integer ?? allWhole(values) };
}
export function categoricalColumn(name: string, codes: Int32Array, levels: string[]): CategoricalColumn {
  return { kind: 'categorical', name, codes, levels };
}
export function booleanColumn(name: string, values: Uint8Array): BooleanColumn {
  return { kind: 'boolean', name, values };
}
export function datetimeColumn(name: string, values: Float64Array): DatetimeColumn {
  return { kind: 'datetime', name, values };
}
export function textColumn(name: string, values: (string | null)[]): TextColumn {
  return { kind: 'text', name, values };
}

function allWhole(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v && !Number.isInteger(v)) return false;
  }
  return true;
}

export function columnLength(c: Column): number {
  return c.kind === 'categorical' ? c.codes.length : c.values.length;
}

export function isMissing(c: Column, i: number): boolean {
  switch (c.kind) {
    case 'numeric':
    case 'datetime':
      return Number.isNaN(c.values[i]!);
    case 'categorical':
      return c.codes[i]! < 0;
    case 'boolean':
      return c.values[i] === BOOL_MISSING;
    case 'text':
      return c.values[i] === null;
  }
}

/** The cell as a JSON-safe value: number, string, boolean, ISO date string, or null. */
export function cellValue(c: Column, i: number): number | string | boolean | null {
  if (isMissing(c, i)) return null;
  switch (c.kind) {
    case 'numeric':
      return c.values[i]!;
    case 'datetime':
      return new Date(c.values[i]!).toISOString();
    case 'categorical':
      return c.levels[c.codes[i]!]!;
    case 'boolean':
      return c.values[i] === 1;
    case 'text':
      return c.values[i]!;
  }
}

/** Rows `idx` of one column (copies). */
export function takeColumn(c: Column, idx: ArrayLike<number>): Column {
  const n = idx.length;
  switch (c.kind) {
    case 'numeric': {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = c.values[idx[i]!]!;
      return { ...c, values: v };
    }
    case 'datetime': {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = c.values[idx[i]!]!;
      return { ...c, values: v };
    }
    case 'categorical': {
      const v = new Int32Array(n);
      for (let i = 0; i < n; i++) v[i] = c.codes[idx[i]!]!;
      return { ...c, codes: v };
    }
    case 'boolean': {
      const v = new Uint8Array(n);
      for (let i = 0; i < n; i++) v[i] = c.values[idx[i]!]!;
      return { ...c, values: v };
    }
    case 'text': {
      const v = new Array<string | null>(n);
      for (let i = 0; i < n; i++) v[i] = c.values[idx[i]!]!;
      return { ...c, values: v };
    }
  }
}

export class Frame {
  readonly columns: readonly Column[];
  readonly nRows: number;
  // Built on first lookup: many frames (a model's input selection, a pipeline step's output) are
  // made and passed on without a lookup by name, and single-row prediction makes dozens per call.
  private index: Map<string, Column> | undefined;

  private constructor(columns: readonly Column[], nRows: number, index?: Map<string, Column>) {
    this.columns = columns;
    this.nRows = nRows;
    this.index = index;
  }

  private get byName(): Map<string, Column> {
    return (this.index ??= new Map(this.columns.map((c) => [c.name, c])));
  }

  /** Builds a frame; all columns must have the same length and distinct names. */
  static fromColumns(columns: readonly Column[], nRows?: number): Frame {
    const n = nRows ?? (columns[0] ? columnLength(columns[0]) : 0);
    const index = new Map<string, Column>();
    for (const c of columns) {
      if (index.has(c.name)) throw new RangeError(`Frame: duplicate column name '${c.name}'`);
      index.set(c.name, c);
      if (columnLength(c) !== n) throw new RangeError(`Frame: column '${c.name}' has ${columnLength(c)} rows, expected ${n}`);
    }
    return new Frame(columns, n, index);
  }

  get names(): string[] {
    return this.columns.map((c) => c.name);
  }

  get nCols(): number {
    return this.columns.length;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The column called `name`, or undefined. */
  get(name: string): Column | undefined {
    return this.byName.get(name);
  }

  /** The column called `name`; throws a RangeError naming the known columns when absent. */
  column(name: string): Column {
    const c = this.byName.get(name);
    if (!c) throw new RangeError(`no column '${name}' (columns: ${this.names.join(', ')})`);
    return c;
  }

  /** A frame with the named columns in the given order (shares buffers). */
  select(names: readonly string[]): Frame {
    return new Frame(names.map((n) => this.column(n)), this.nRows);
  }

  /** A frame without the named columns (shares buffers). */
  drop(names: readonly string[]): Frame {
    const out = new Set(names);
    return new Frame(this.columns.filter((c) => !out.has(c.name)), this.nRows);
  }

  /** The rows at `idx`, in that order (copies). */
  take(idx: ArrayLike<number>): Frame {
    return new Frame(this.columns.map((c) => takeColumn(c, idx)), idx.length);
  }

  /** The first `n` rows. */
  head(n: number): Frame {
    const k = Math.min(n, this.nRows);
    return this.take(Int32Array.from({ length: k }, (_, i) => i));
  }

  /** Row `i` as a plain object (for error messages and debugging, not for hot loops). */
  row(i: number): Record<string, number | string | boolean | null> {
    const out: Record<string, number | string | boolean | null> = {};
    for (const c of this.columns) out[c.name] = cellValue(c, i);
    return out;
  }
}
