/**
 * CSV request bodies (`text/csv`, SageMaker's usual format for `/invocations`) as row objects for
 * input.ts to check: with a header line naming the columns, or without one, each record then
 * holding the model's input columns in signature order (as SageMaker sends them). Empty fields are
 * missing values; fields of numeric columns are read as numbers and of boolean columns as
 * true/false/1/0 — anything else stays text, so input.ts reports it with its row and column.
 *
 * @example
 * csvRows('9,rent,60\n', schema); // [{ Seniority: 9, Home: 'rent', Time: 60 }]
 */
import { isIncomplete, readRecord } from '../data/io/csv-record.js';
import type { Schema } from '../data/schema/types.js';
import type { InputIssue } from './input.js';

export function csvRows(text: string, schema: Schema, idColumns: readonly string[] = []): { rows: Record<string, unknown>[] } | InputIssue {
  const b = Buffer.from(text.endsWith('\n') ? text : `${text}\n`);
  const records: string[][] = [];
  for (let pos = 0; pos < b.length; ) {
    const r = readRecord(b, pos, b.length, 44);
    if (isIncomplete(r)) return { row: records.length, field: '(csv)', expected: 'a complete CSV record', got: 'an unterminated quoted field' };
    if (r.fields.length) records.push(r.fields);
    pos = r.next;
  }
  const names = schema.columns.map((c) => c.name);
  const header = records[0] && names.every((n) => records[0]!.includes(n)) ? records.shift()! : undefined;
  const order = header ?? names;
  const unknown = header?.filter((h) => !names.includes(h) && !idColumns.includes(h));
  if (unknown?.length) return { row: -1, field: unknown[0]!, expected: `no such column (the model's inputs: ${names.join(', ')})`, got: 'a header column' };
  const types = new Map(schema.columns.map((c) => [c.name, c.type]));
  const rows: Record<string, unknown>[] = [];
  for (const [r, fields] of records.entries()) {
    if (fields.length !== order.length) return { row: r, field: '(csv)', expected: `${order.length} fields (${header ? 'as the header' : 'the model inputs in order'})`, got: `${fields.length} fields` };
    rows.push(Object.fromEntries(order.map((name, j) => [name, value(fields[j]!, types.get(name))])));
  }
  return { rows };
}

function value(f: string, type: string | undefined): unknown {
  if (f === '') return null;
  if (type === 'numeric' || type === 'integer') {
    const n = Number(f);
    return Number.isFinite(n) && f.trim() !== '' ? n : f;
  }
  if (type === 'boolean') return f === 'true' || f === '1' ? true : f === 'false' || f === '0' ? false : f;
  return f;
}
