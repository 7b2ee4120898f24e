/**
 * A request's rows checked against a model's input signature, value by value, before anything is
 * predicted: every problem is reported at once as `{ row, field, expected, got }` (the 400 body),
 * never a 500. JSON is strict where CSV cannot be: numeric columns take JSON numbers, booleans take
 * true/false, categories take strings (or numbers, as their labels), datetimes ISO date strings,
 * text strings; `null` is a missing value. A field the model does not know is an error (a typo in a
 * column name would otherwise be silently predicted as missing), except the package's id columns,
 * which are echoed back. Rows that pass become a RawTable read with the saved schema's types
 * (data/schema coerceToSchema), so a served row is converted exactly as `specml predict` would.
 *
 * Bodies: `{ "rows": [ {column: value, ...}, ... ] }` or `{ "columns": { column: [values...] } }`.
 *
 * @example
 * const r = rowsFromBody({ rows: [{ Age: 30, Home: 'rent' }] }, schema, ['customer_id']);
 * if ('issues' in r) reply.code(400).send({ issues: r.issues });
 */
import type { Frame } from '../core/frame.js';
import type { RawColumn, RawTable } from '../data/io/raw.js';
import { parseDate } from '../data/schema/detect.js';
import { coerceToSchema } from '../data/schema/coerce.js';
import type { ColumnSchema, Schema } from '../data/schema/types.js';

export interface InputIssue {
  /** Row index in the request (0-based); -1 for the body as a whole. */
  row: number;
  field: string;
  expected: string;
  got: string;
}

/** Rows per request, at most (bodies are also capped in bytes by the server). */
export const MAX_ROWS = 100_000;
/** Issues listed in one 400 (the count of the rest is given). */
export const MAX_ISSUES = 50;

export type ParsedRows = { frame: Frame; ids: Record<string, unknown[]>; n: number; rows: Record<string, unknown>[] } | { issues: InputIssue[]; more: number };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a JSON value is, for messages: `string "abc"`, `number 3`, `object`, `array`, `null`. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  return typeof v;
}

const EXPECTED: Record<ColumnSchema['type'], string> = {
  numeric: 'number or null',
  integer: 'number or null',
  boolean: 'true, false or null',
  categorical: 'string (or number) or null',
  datetime: 'ISO date string or null',
  text: 'string or null',
};

function fits(c: ColumnSchema, v: unknown): boolean {
  if (v === null) return true;
  switch (c.type) {
    case 'numeric':
    case 'integer':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'categorical':
      return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
    case 'datetime':
      return typeof v === 'string' && Number.isFinite(parseDate(v));
    case 'text':
      return typeof v === 'string';
  }
}

/** The body's rows as objects (columnar bodies transposed), or the issue that stops reading it. */
function bodyRows(body: unknown): Record<string, unknown>[] | InputIssue {
  const whole = (expected: string, got: string): InputIssue => ({ row: -1, field: '(body)', expected, got });
  if (!isPlainObject(body)) return whole('an object with "rows" or "columns"', describeValue(body));
  if (Object.hasOwn(body, 'rows')) {
    const rows = body['rows'];
    if (!Array.isArray(rows)) return { row: -1, field: 'rows', expected: 'an array of row objects', got: describeValue(rows) };
    return rows as Record<string, unknown>[];
  }
  if (Object.hasOwn(body, 'columns')) {
    const cols = body['columns'];
    if (!isPlainObject(cols)) return { row: -1, field: 'columns', expected: 'an object of column arrays', got: describeValue(cols) };
    const names = Object.keys(cols);
    let n = -1;
    for (const name of names) {
      const a = cols[name];
      if (!Array.isArray(a)) return { row: -1, field: `columns.${name}`, expected: 'an array of values', got: describeValue(a) };
      if (n >= 0 && a.length !== n) return { row: -1, field: `columns.${name}`, expected: `${n} values (as the other columns)`, got: `${a.length} values` };
      n = a.length;
    }
    return Array.from({ length: Math.max(n, 0) }, (_, i) => Object.fromEntries(names.map((name) => [name, (cols[name] as unknown[])[i]])));
  }
  return whole('an object with "rows" or "columns"', `an object with ${Object.keys(body).map((k) => JSON.stringify(k)).join(', ') || 'no fields'}`);
}

/**
 * What the checks need of a schema, built once per schema (a served model's is long-lived): its
 * columns by name, and per categorical column with training categories a Map from category to
 * position. Request rows are coded onto those categories, so every request's column shares one
 * levels array, and the level alignments further down (core/levels.ts) are found in their memo
 * instead of being rebuilt, with their arrays, for every request.
 */
interface Prepared {
  byName: Map<string, ColumnSchema>;
  inputList: string;
  categoryIndex: (Map<string, number> | undefined)[];
}
const preparedBySchema = new WeakMap<Schema, Prepared>();
function prepare(schema: Schema): Prepared {
  let p = preparedBySchema.get(schema);
  if (!p) {
    p = {
      byName: new Map(schema.columns.map((c) => [c.name, c])),
      inputList: schema.columns.map((c) => c.name).join(', '),
      categoryIndex: schema.columns.map((c) => (c.type === 'categorical' && c.categories ? new Map(c.categories.map((v, i) => [v, i])) : undefined)),
    };
    preparedBySchema.set(schema, p);
  }
  return p;
}

export function rowsFromBody(body: unknown, schema: Schema, idColumns: readonly string[] = []): ParsedRows {
  const got = bodyRows(body);
  if (!Array.isArray(got)) return { issues: [got], more: 0 };
  const rows = got;
  if (rows.length === 0) return { issues: [{ row: -1, field: 'rows', expected: 'at least one row', got: 'none' }], more: 0 };
  if (rows.length > MAX_ROWS) return { issues: [{ row: -1, field: 'rows', expected: `at most ${MAX_ROWS} rows per request`, got: `${rows.length} rows` }], more: 0 };
  const { byName, inputList, categoryIndex } = prepare(schema);
  const issues: InputIssue[] = [];
  let more = 0;
  const add = (i: InputIssue): void => {
    if (issues.length < MAX_ISSUES) issues.push(i);
    else more++;
  };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!isPlainObject(row)) {
      add({ row: r, field: '(row)', expected: 'an object of column values', got: describeValue(row) });
      continue;
    }
    for (const c of schema.columns) {
      if (!Object.hasOwn(row, c.name)) add({ row: r, field: c.name, expected: EXPECTED[c.type], got: 'nothing (the field is missing; send null for a missing value)' });
      else if (!fits(c, row[c.name])) add({ row: r, field: c.name, expected: EXPECTED[c.type], got: describeValue(row[c.name]) });
    }
    for (const k of Object.keys(row)) if (!byName.has(k) && !idColumns.includes(k)) add({ row: r, field: k, expected: `no such field (the model's inputs: ${inputList})`, got: describeValue(row[k]) });
  }
  if (issues.length) return { issues, more };

  const n = rows.length;
  const columns: RawColumn[] = schema.columns.map((c, j): RawColumn => {
    const name = c.name;
    if (c.type === 'numeric' || c.type === 'integer') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = rows[i]![name];
        values[i] = v === null ? NaN : (v as number);
      }
      return { type: 'number', name, values };
    }
    if (c.type === 'boolean') {
      const values = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const v = rows[i]![name];
        values[i] = v === null ? 255 : v ? 1 : 0;
      }
      return { type: 'boolean', name, values };
    }
    // Strings: coded onto the training categories when there are any (their array is shared by
    // every request); values not among them get codes after them, in a copy.
    const known = categoryIndex[j];
    let levels: string[] = known ? c.categories! : [];
    let extra: Map<string, number> | undefined;
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = rows[i]![name];
      if (v === null) {
        codes[i] = -1;
        continue;
      }
      const s = String(v);
      let k = known?.get(s) ?? extra?.get(s);
      if (k === undefined) {
        if (!extra) {
          extra = new Map();
          levels = [...levels];
        }
        extra.set(s, (k = levels.push(s) - 1));
      }
      codes[i] = k;
    }
    return { type: 'string', name, codes, levels };
  });
  const raw: RawTable = { names: columns.map((c) => c.name), columns, nRows: n, source: { file: '(request)', format: 'jsonl', bytes: 0, truncated: false }, warnings: [] };
  const { frame, issues: coerced } = coerceToSchema(raw, schema);
  const errors = coerced.filter((i) => i.severity === 'error');
  if (errors.length) return { issues: errors.map((i) => ({ row: -1, field: i.path, expected: 'a value of the training type', got: i.message })), more: 0 };
  const idValues: Record<string, unknown[]> = {};
  for (const id of idColumns) if (rows.some((row) => Object.hasOwn(row, id))) idValues[id] = rows.map((row) => (row as Record<string, unknown>)[id] ?? null);
  return { frame, ids: idValues, n, rows: rows as Record<string, unknown>[] };
}
