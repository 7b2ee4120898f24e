/**
 * Compatibility of new data with a saved schema: the contract enforced identically when a model
 * is trained, when it predicts in batch and when it serves. Returns findings as data.
 *
 * Severity: a missing column or an incompatible type change is an `error` (the model cannot use
 * the data); unseen categories, values outside the training range and new missing values are
 * `warning`s (the model can predict, but on ground it has not seen); extra columns are `info`.
 */
import type { Column, Frame } from '../../core/frame.js';
import { isMissing } from '../../core/frame.js';
import type { Issue } from '../../core/issue.js';
import { sortIssues } from '../../core/issue.js';
import type { ColumnSchema, Schema, SemanticType } from './types.js';

/** Type changes that lose nothing: an integer column may arrive as decimals and vice versa. */
const COMPATIBLE: Partial<Record<SemanticType, SemanticType[]>> = {
  numeric: ['integer'],
  integer: ['numeric'],
  categorical: ['boolean', 'integer', 'text'],
  text: ['categorical'],
};

export interface CompatOptions {
  /** Columns not required in new data (the target, when checking data to predict on). */
  optional?: readonly string[];
}

/**
 * @example
 * const issues = checkCompatibility(saved, newFrame, inferSchema(raw).schema, { optional: ['Status'] });
 * if (issues.some((i) => i.severity === 'error')) throw ...
 */
export function checkCompatibility(saved: Schema, frame: Frame, current: Schema, opts: CompatOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const optional = new Set(opts.optional ?? []);
  const now = new Map(current.columns.map((c) => [c.name, c]));
  const known = new Set(saved.columns.map((c) => c.name));
  for (const col of saved.columns) {
    const cur = now.get(col.name);
    if (!cur) {
      if (!optional.has(col.name)) {
        issues.push({ code: 'missing_column', path: col.name, severity: 'error', message: `column '${col.name}' (${col.type}) is missing`, hint: 'Add the column; every training column is an input of the model.' });
      }
      continue;
    }
    if (cur.type !== col.type && !(COMPATIBLE[col.type] ?? []).includes(cur.type)) {
      issues.push({
        code: 'type_changed',
        path: col.name,
        severity: 'error',
        message: `column '${col.name}' was ${col.type} in training and is ${cur.type} now (${cur.reason ?? ''})`,
        hint: 'Check the file: a stray text value turns a numeric column into strings.',
      });
      continue;
    }
    issues.push(...valueIssues(col, frame.column(col.name)));
  }
  for (const cur of current.columns) {
    if (!known.has(cur.name)) {
      issues.push({ code: 'extra_column', path: cur.name, severity: 'info', message: `column '${cur.name}' was not in training data; it will be ignored`, hint: 'Nothing to do unless it was meant to replace a renamed column.' });
    }
  }
  return sortIssues(issues);
}

function valueIssues(col: ColumnSchema, c: Column): Issue[] {
  const out: Issue[] = [];
  const n = c.kind === 'categorical' ? c.codes.length : c.values.length;
  let missing = 0;
  for (let i = 0; i < n; i++) if (isMissing(c, i)) missing++;
  if (missing > 0 && !col.nullable) {
    out.push({ code: 'unexpected_missing', path: col.name, severity: 'warning', message: `'${col.name}' had no missing values in training; ${missing} of ${n} rows are missing now`, details: { missing, rows: n } });
  }
  if (col.categories && c.kind === 'categorical') {
    const seen = new Set(col.categories);
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const code = c.codes[i]!;
      if (code >= 0 && !seen.has(c.levels[code]!)) counts.set(c.levels[code]!, (counts.get(c.levels[code]!) ?? 0) + 1);
    }
    if (counts.size) {
      const rows = [...counts.values()].reduce((a, b) => a + b, 0);
      const examples = [...counts.keys()].slice(0, 5);
      out.push({
        code: 'unseen_category',
        path: col.name,
        severity: 'warning',
        message: `'${col.name}': ${counts.size} categor${counts.size === 1 ? 'y' : 'ies'} not seen in training (${examples.map((e) => `'${e}'`).join(', ')}${counts.size > 5 ? ', ...' : ''}) in ${rows} rows`,
        hint: 'The model treats unseen categories as unknown; retrain if they are common.',
        details: { unseen: counts.size, rows, examples },
      });
    }
  }
  if ((c.kind === 'numeric' || c.kind === 'datetime') && col.min !== undefined && col.max !== undefined) {
    const show = (v: number): string => (c.kind === 'datetime' ? new Date(v).toISOString().replace('T00:00:00.000Z', '') : String(v));
    let below = 0;
    let above = 0;
    for (let i = 0; i < n; i++) {
      const v = c.values[i]!;
      if (v < col.min) below++;
      else if (v > col.max) above++;
    }
    if (below + above > 0) {
      out.push({
        code: 'out_of_range',
        path: col.name,
        severity: 'warning',
        message: `'${col.name}': ${below + above} of ${n} values outside the training range [${show(col.min)}, ${show(col.max)}] (${below} below, ${above} above)`,
        hint: 'Tree models extrapolate flat outside the training range; check for unit changes.',
        details: { below, above, min: col.min, max: col.max },
      });
    }
  }
  return out;
}
