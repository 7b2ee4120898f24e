/**
 * New data read with a saved schema's types, not re-inferred: a batch of 10 rows whose categorical
 * column happens to hold only digits must still be categorical, and a training-time integer column
 * must not turn into text because of one stray value without saying so. Used by batch prediction
 * and serving, so the contract is enforced identically everywhere.
 *
 * Conversions: number ↔ category labels (`String(v)`), strings that parse as numbers into numeric
 * columns, true/false literals and 0/1 into booleans, ISO dates into datetimes. A value that cannot
 * be converted is an error Issue naming the column, the count and examples; missing columns are
 * errors; extra columns are ignored.
 *
 * @example
 * const { frame, issues } = coerceToSchema(await readTable('new.csv'), saved, { optional: ['Status'] });
 */
import type { Column } from '../../core/frame.js';
import { BOOL_MISSING, Frame, booleanColumn, categoricalColumn, datetimeColumn, numericColumn, textColumn } from '../../core/frame.js';
import type { Issue } from '../../core/issue.js';
import { parseNumber } from '../io/number.js';
import type { RawColumn, RawTable } from '../io/raw.js';
import { booleanToken, parseDate } from './detect.js';
import type { ColumnSchema, Schema } from './types.js';

export interface CoerceOptions {
  /** Schema columns that may be absent (the target, when predicting). */
  optional?: readonly string[];
  /**
   * Keep going past values that cannot be converted: their cells become missing, and their rows
   * are listed in `badRows` (row index -> why) instead of an error Issue (batch prediction's
   * `--bad-rows`: the rest is predicted, those rows go to a side file).
   */
  keepBadRows?: boolean;
}

export function coerceToSchema(raw: RawTable, schema: Schema, opts: CoerceOptions = {}): { frame: Frame; issues: Issue[]; badRows?: Map<number, string> } {
  const optional = new Set(opts.optional ?? []);
  const byName = new Map(raw.columns.map((c) => [c.name, c]));
  const issues: Issue[] = [];
  const columns: Column[] = [];
  const badRows = new Map<number, string>();
  for (const col of schema.columns) {
    const rc = byName.get(col.name);
    if (!rc) {
      if (!optional.has(col.name)) {
        issues.push({ code: 'missing_column', path: col.name, severity: 'error', message: `column '${col.name}' (${col.type}) is missing from ${raw.source.file}`, hint: 'Every column the model was trained with must be present (extra columns are ignored).' });
      }
      continue;
    }
    const { column, bad, badAt } = convert(rc, col, raw.nRows);
    if (bad.length && opts.keepBadRows) {
      for (const [i, t] of badAt) if (!badRows.has(i)) badRows.set(i, `column '${col.name}': ${JSON.stringify(t)} is not ${col.type}`);
      columns.push(column);
      continue;
    }
    if (bad.length) {
      issues.push({
        code: 'type_changed',
        path: col.name,
        severity: 'error',
        message: `column '${col.name}' was ${col.type} in training; ${badAt.length} value${badAt.length > 1 ? 's' : ''} in ${raw.source.file} cannot be read as ${col.type} (e.g. ${[...new Set(bad)].slice(0, 3).map((b) => JSON.stringify(b)).join(', ')})`,
        hint: 'Fix those values or mark them missing (empty, NA).',
        details: { examples: bad.slice(0, 5) },
      });
      continue;
    }
    columns.push(column);
  }
  return { frame: Frame.fromColumns(columns, raw.nRows), issues, ...(opts.keepBadRows ? { badRows } : {}) };
}

/** Text of raw cell i (undefined when missing). */
function textAt(rc: RawColumn, i: number): string | undefined {
  switch (rc.type) {
    case 'string':
      return rc.codes[i]! < 0 ? undefined : rc.levels[rc.codes[i]!];
    case 'number':
      return Number.isNaN(rc.values[i]!) ? undefined : String(rc.values[i]);
    case 'boolean':
      return rc.values[i] === BOOL_MISSING ? undefined : rc.values[i] ? 'true' : 'false';
    case 'datetime':
      return Number.isNaN(rc.values[i]!) ? undefined : new Date(rc.values[i]!).toISOString();
  }
}

/** A column converted to its schema type; `bad`: up to 5 examples of values that could not be, `badAt`: every such row with its text. */
function convert(rc: RawColumn, col: ColumnSchema, n: number): { column: Column; bad: string[]; badAt: [number, string][] } {
  const bad: string[] = [];
  const badAt: [number, string][] = [];
  const name = col.name;
  switch (col.type) {
    case 'numeric':
    case 'integer': {
      if (rc.type === 'number') return { column: numericColumn(name, rc.values), bad, badAt };
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        if (rc.type === 'boolean') {
          values[i] = rc.values[i] === BOOL_MISSING ? NaN : rc.values[i]!;
          continue;
        }
        // Strings that parse as numbers are numbers; dates are not.
        const t = textAt(rc, i);
        const v = t === undefined ? NaN : rc.type === 'datetime' ? undefined : parseNumber(t);
        if (v === undefined) {
          if (bad.length < 5) bad.push(t!);
          badAt.push([i, t!]);
          values[i] = NaN;
        } else values[i] = v;
      }
      return { column: numericColumn(name, values), bad, badAt };
    }
    case 'boolean': {
      if (rc.type === 'boolean') return { column: booleanColumn(name, rc.values), bad, badAt };
      const values = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const t = textAt(rc, i);
        const b = t === undefined ? undefined : t === '1' ? 1 : t === '0' ? 0 : booleanToken(t);
        if (t !== undefined && b === undefined) {
          if (bad.length < 5) bad.push(t);
          badAt.push([i, t]);
        }
        values[i] = b === undefined ? BOOL_MISSING : b;
      }
      return { column: booleanColumn(name, values), bad, badAt };
    }
    case 'datetime': {
      if (rc.type === 'datetime') return { column: datetimeColumn(name, rc.values), bad, badAt };
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const t = textAt(rc, i);
        values[i] = t === undefined ? NaN : parseDate(t);
        if (t !== undefined && Number.isNaN(values[i]!)) {
          if (bad.length < 5) bad.push(t);
          badAt.push([i, t]);
        }
      }
      return { column: datetimeColumn(name, values), bad, badAt };
    }
    case 'text': {
      const values = new Array<string | null>(n);
      for (let i = 0; i < n; i++) values[i] = textAt(rc, i) ?? null;
      return { column: textColumn(name, values), bad, badAt };
    }
    case 'categorical': {
      if (rc.type === 'string') return { column: categoricalColumn(name, rc.codes, rc.levels), bad, badAt };
      const levels: string[] = [];
      const index = new Map<string, number>();
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const t = textAt(rc, i);
        if (t === undefined) {
          codes[i] = -1;
          continue;
        }
        let k = index.get(t);
        if (k === undefined) index.set(t, (k = levels.push(t) - 1));
        codes[i] = k;
      }
      return { column: categoricalColumn(name, codes, levels), bad, badAt };
    }
  }
}
