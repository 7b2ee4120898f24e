/**
 * Schema inference: turns a reader's {@link RawTable} into a typed {@link Frame} and its
 * {@link Schema}. Each column gets a semantic type with the reason it was chosen.
 *
 * Rules, in order (n = non-missing cells of the column):
 * - number columns: `integer` when every value is whole, else `numeric`.
 * - string columns whose levels are all true/false literals: `boolean`.
 * - string columns whose levels all parse as ISO dates: `datetime`.
 * - string columns that read as prose (many distinct values, on average >= 5 words or >= 60
 *   characters): `text`.
 * - other string columns: `categorical`.
 * - id-like: a column whose values are all distinct (n >= 20) and that is a string key, an integer
 *   sequence, or named like an identifier (`customer_id`, `uuid`, ...). Id-like columns stay in the
 *   frame (they are carried into predictions) but are not features.
 */
import { SpecmlError } from '../../core/errors.js';
import type { Column } from '../../core/frame.js';
import { BOOL_MISSING, Frame, categoricalColumn, datetimeColumn, numericColumn, textColumn, booleanColumn } from '../../core/frame.js';
import type { RawColumn, RawTable } from '../io/raw.js';
import { booleanToken, countTokens, ID_NAME_RE, parseDate } from './detect.js';
import type { ColumnSchema, Schema } from './types.js';

export interface InferOptions {
  /** Columns the user declared as identifiers (spec `data.id`). */
  idColumns?: readonly string[];
}

export interface Inferred {
  frame: Frame;
  schema: Schema;
}

/**
 * @example
 * const raw = await readTable('data.csv');
 * const { frame, schema } = inferSchema(raw, { idColumns: ['customer_id'] });
 */
export function inferSchema(raw: RawTable, opts: InferOptions = {}): Inferred {
  const declared = new Set(opts.idColumns ?? []);
  for (const id of declared) {
    if (!raw.names.includes(id)) {
      throw new SpecmlError('data.unknown_id_column', `id column '${id}' is not in ${raw.source.file}`, {
        hint: `Columns are: ${raw.names.slice(0, 30).join(', ')}${raw.names.length > 30 ? ', ...' : ''}`,
        location: { file: raw.source.file, path: 'data.id' },
      });
    }
  }
  const columns: Column[] = [];
  const schemas: ColumnSchema[] = [];
  for (const rc of raw.columns) {
    const { column, schema } = inferColumn(rc, raw.nRows);
    if (declared.has(rc.name)) {
      schema.idLike = true;
      schema.reason = `${schema.reason}; declared as an id column`;
    }
    columns.push(column);
    schemas.push(schema);
  }
  return { frame: Frame.fromColumns(columns, raw.nRows), schema: { version: 1, columns: schemas } };
}

function inferColumn(rc: RawColumn, nRows: number): { column: Column; schema: ColumnSchema } {
  switch (rc.type) {
    case 'number':
      return inferNumber(rc.name, rc.values);
    case 'boolean': {
      let missing = 0;
      for (const v of rc.values) if (v === BOOL_MISSING) missing++;
      return {
        column: booleanColumn(rc.name, rc.values),
        schema: { name: rc.name, type: 'boolean', nullable: missing > 0, idLike: false, categories: ['false', 'true'], reason: 'stored as booleans' },
      };
    }
    case 'datetime': {
      const { min, max, missing } = range(rc.values);
      return {
        column: datetimeColumn(rc.name, rc.values),
        schema: { name: rc.name, type: 'datetime', nullable: missing > 0, idLike: false, ...(missing < nRows ? { min, max } : {}), reason: 'stored as timestamps' },
      };
    }
    case 'string':
      return inferString(rc.name, rc.codes, rc.levels, nRows);
  }
}

function range(values: Float64Array): { min: number; max: number; missing: number } {
  let min = Infinity;
  let max = -Infinity;
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) missing++;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { min, max, missing };
}

function inferNumber(name: string, values: Float64Array): { column: Column; schema: ColumnSchema } {
  const { min, max, missing } = range(values);
  const n = values.length - missing;
  let integer = true;
  for (let i = 0; i < values.length && integer; i++) {
    const v = values[i]!;
    if (v === v && !Number.isInteger(v)) integer = false;
  }
  let idLike = false;
  let reason = integer ? `whole numbers in [${fmt(min)}, ${fmt(max)}]` : `decimal numbers in [${fmt(min)}, ${fmt(max)}]`;
  if (integer && n >= 20 && missing === 0) {
    const sequence = max - min + 1 === n && distinctCount(values) === n;
    if (sequence) {
      idLike = true;
      reason += `; a sequence of ${n} distinct consecutive integers (looks like a row id)`;
    } else if (ID_NAME_RE.test(name) && distinctCount(values) === n) {
      idLike = true;
      reason += '; all values distinct and named like an identifier';
    }
  }
  const schema: ColumnSchema = { name, type: integer ? 'integer' : 'numeric', nullable: missing > 0, idLike, reason };
  if (n > 0) {
    schema.min = min;
    schema.max = max;
  }
  return { column: numericColumn(name, values, integer), schema };
}

function distinctCount(values: Float64Array): number {
  const s = new Set<number>();
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) s.add(values[i]!);
  return s.size;
}

function inferString(name: string, codes: Int32Array, levels: string[], nRows: number): { column: Column; schema: ColumnSchema } {
  const counts = new Int32Array(levels.length);
  let missing = 0;
  for (let i = 0; i < nRows; i++) {
    const c = codes[i]!;
    if (c < 0) missing++;
    else counts[c]!++;
  }
  const n = nRows - missing;
  const nullable = missing > 0;
  const distinct = levels.length;

  if (distinct > 0 && distinct <= 2 && levels.every((l) => booleanToken(l) !== undefined)) {
    const map = levels.map((l) => booleanToken(l)!);
    const values = new Uint8Array(nRows);
    for (let i = 0; i < nRows; i++) values[i] = codes[i]! < 0 ? BOOL_MISSING : map[codes[i]!]!;
    return {
      column: booleanColumn(name, values),
      schema: { name, type: 'boolean', nullable, idLike: false, categories: ['false', 'true'], reason: `true/false literals (${levels.join(', ')})` },
    };
  }

  if (distinct > 0) {
    const times = levels.map(parseDate);
    if (times.every((t) => !Number.isNaN(t))) {
      const values = new Float64Array(nRows);
      for (let i = 0; i < nRows; i++) values[i] = codes[i]! < 0 ? NaN : times[codes[i]!]!;
      const { min, max } = range(values);
      return {
        column: datetimeColumn(name, values),
        schema: { name, type: 'datetime', nullable, idLike: false, min, max, reason: `all ${distinct} distinct values are ISO dates` },
      };
    }
  }

  // Prose: judged on the distinct values, weighted by how often each occurs.
  let tokens = 0;
  let chars = 0;
  for (let k = 0; k < distinct; k++) {
    tokens += countTokens(levels[k]!) * counts[k]!;
    chars += levels[k]!.length * counts[k]!;
  }
  const meanTokens = n ? tokens / n : 0;
  const meanChars = n ? chars / n : 0;
  const uniqueRatio = n ? distinct / n : 0;
  if (uniqueRatio > 0.3 && (meanTokens >= 5 || meanChars >= 60)) {
    const values = new Array<string | null>(nRows);
    for (let i = 0; i < nRows; i++) values[i] = codes[i]! < 0 ? null : levels[codes[i]!]!;
    return {
      column: textColumn(name, values),
      schema: { name, type: 'text', nullable, idLike: false, reason: `free text: ${distinct} distinct values, ${meanTokens.toFixed(1)} words on average` },
    };
  }

  // Categorical: levels sorted (code-unit order, locale-independent) so codes are reproducible.
  const order = levels.map((_, k) => k).sort((a, b) => (levels[a]! < levels[b]! ? -1 : levels[a]! > levels[b]! ? 1 : 0));
  const sorted = order.map((k) => levels[k]!);
  const remap = new Int32Array(distinct);
  order.forEach((k, pos) => (remap[k] = pos));
  const out = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) out[i] = codes[i]! < 0 ? -1 : remap[codes[i]!]!;
  const idLike = n >= 20 && distinct === n;
  const reason = idLike
    ? `every one of the ${n} values is distinct (looks like a key)`
    : `${distinct} distinct strings in ${n} rows`;
  return {
    column: categoricalColumn(name, out, sorted),
    schema: { name, type: 'categorical', nullable, idLike, categories: idLike ? undefined : sorted, reason },
  };
}

function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}
