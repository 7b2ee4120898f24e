/**
 * What monitoring compares: the reference (the sample of training rows in the package's
 * reference.json) and a window — a slice of the prediction log by time or count, or a file. Both
 * are read with the model's saved schema, like batch prediction and serving, so a window whose
 * columns are missing or changed type is a data-contract violation, reported as such and kept out
 * of the drift tests (a column of unreadable values is not "drift").
 *
 * @example
 * const ref = await loadReference('models/credit', manifest.input.schema);
 * const win = await logWindow(store, 'credit', parseWindow('1d'), manifest.input.schema);
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SpecmlError } from '../core/errors.js';
import type { Frame } from '../core/frame.js';
import type { Issue } from '../core/issue.js';
import { rawColumnFromCells, readTable, type RawTable } from '../data/io/index.js';
import type { Reference } from '../data/profile/types.js';
import { coerceToSchema } from '../data/schema/index.js';
import type { Schema } from '../data/schema/types.js';
import type { PredictionRecord, Store } from '../track/index.js';

export interface Window {
  /** Where it came from, in words ("prediction log of credit, last 1d", a file path). */
  source: string;
  frame: Frame;
  rows: number;
  /** Columns missing or with values of another type: reported, not tested for drift. */
  contract: Issue[];
  /** Prediction-log windows: the records, in the frame's row order. */
  records?: PredictionRecord[];
}

/** `1d`, `12h`, `30m`, `2w` (a time span back from now) or a plain count of the latest predictions. */
export interface WindowSpec {
  text: string;
  sinceMs?: number;
  last?: number;
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseWindow(text: string): WindowSpec {
  const t = text.trim();
  if (/^[1-9]\d*$/.test(t)) return { text: t, last: Number(t) };
  const m = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(t);
  if (m && Number(m[1]) > 0) return { text: t, sinceMs: Number(m[1]) * UNITS[m[2]!]! };
  throw new SpecmlError('usage.bad_window', `--window '${text}' is neither a time span nor a count`, { hint: 'e.g. --window 1d, 12h, 30m, 2w (the latest span of the prediction log) or --window 5000 (the latest 5,000 predictions).' });
}

/** Rows given as JSON objects, read like a JSON-lines file. */
export function rawFromRows(rows: readonly Record<string, unknown>[], file: string): RawTable {
  const names: string[] = [];
  const index = new Map<string, number>();
  const cells: (number | string | boolean | null)[][] = [];
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) {
      let c = index.get(k);
      if (c === undefined) {
        index.set(k, (c = names.length));
        names.push(k);
        cells.push([]);
      }
      cells[c]![i] = v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : (v as number | string | boolean);
    }
  });
  return { names, columns: names.map((n, c) => rawColumnFromCells(n, cells[c]!, rows.length)), nRows: rows.length, source: { file, format: 'jsonl', bytes: 0, truncated: false }, warnings: [] };
}

/** A raw table read with the schema: missing and retyped columns become contract issues. */
export function readWithSchema(raw: RawTable, schema: Schema, source: string): { frame: Frame; contract: Issue[] } {
  const names = new Set(raw.names);
  const contract: Issue[] = schema.columns
    .filter((c) => !names.has(c.name))
    .map((c) => ({ code: 'missing_column', path: c.name, severity: 'error' as const, message: `column '${c.name}' (${c.type}) is missing from ${source}`, hint: 'The model needs every column it was trained with; fix the producer of this data.' }));
  const { frame, issues } = coerceToSchema(raw, schema, { optional: schema.columns.map((c) => c.name) });
  return { frame, contract: [...contract, ...issues.filter((i) => i.severity === 'error')] };
}

/** The package's reference.json, or undefined when the package has none. */
export async function loadReference(dir: string): Promise<Reference | undefined> {
  const file = path.join(dir, 'reference.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as Reference;
  } catch (e) {
    throw new SpecmlError('artifact.corrupt', `${file}: not valid JSON (${(e as Error).message})`, { hint: 'The package is damaged: train the model again or restore it.' });
  }
}

/** The reference sample as a frame with the model's types. */
export function referenceFrame(ref: Reference, schema: Schema, dir: string): Frame {
  const sample = ref.sample;
  if (!sample) {
    throw new SpecmlError('monitor.no_reference', `${dir}: the package's reference.json holds no sample of training rows (packages written before monitoring keep only the profile)`, {
      hint: 'Train the model again with this specml, or pass the training data with --reference FILE.',
    });
  }
  const rows = Array.from({ length: sample.rows }, (_, i) => Object.fromEntries(Object.entries(sample.columns).map(([k, v]) => [k, v[i] ?? null])));
  return readWithSchema(rawFromRows(rows, path.join(dir, 'reference.json')), schema, 'reference.json').frame;
}

/** A data file as a window (and its labels, when it holds the target column). */
export async function fileWindow(file: string, schema: Schema): Promise<Window & { raw: RawTable }> {
  const raw = await readTable(file);
  if (raw.nRows === 0) throw new SpecmlError('monitor.empty_window', `${file}: no rows to monitor`, { hint: 'Pass a file with at least one data row.' });
  const { frame, contract } = readWithSchema(raw, schema, file);
  return { source: file, frame, rows: raw.nRows, contract, raw };
}

/** The latest served predictions of `model` (not shadow ones) within the window, as a frame of their inputs. */
export async function logWindow(store: Store, model: string, w: WindowSpec, schema: Schema, now = Date.now()): Promise<Window> {
  const records = await store.listPredictions({ model, role: 'served', ...(w.sinceMs !== undefined ? { since: now - w.sinceMs } : {}), ...(w.last !== undefined ? { last: w.last } : {}) });
  const source = `prediction log of ${model}, ${w.last !== undefined ? `latest ${w.last} predictions` : `last ${w.text}`}`;
  if (records.length === 0) {
    throw new SpecmlError('monitor.empty_window', `the ${source} is empty (store ${store.uri})`, {
      hint: 'Serve the model with its log on (specml serve, without --no-log) and send requests, widen --window, or pass --data FILE.',
    });
  }
  const rows = records.map((r) => (r.input && typeof r.input === 'object' && !Array.isArray(r.input) ? (r.input as Record<string, unknown>) : {}));
  const { frame, contract } = readWithSchema(rawFromRows(rows, source), schema, source);
  return { source, frame, rows: records.length, contract, records };
}

/** The cells of column `name` of a raw table as JSON values (labels of a labelled window), or undefined when absent. */
export function rawCells(raw: RawTable, name: string): (string | number | boolean | null)[] | undefined {
  const c = raw.columns.find((x) => x.name === name);
  if (!c) return undefined;
  const out: (string | number | boolean | null)[] = new Array(raw.nRows);
  for (let i = 0; i < raw.nRows; i++) {
    if (c.type === 'string') out[i] = c.codes[i]! < 0 ? null : c.levels[c.codes[i]!]!;
    else if (c.type === 'boolean') out[i] = c.values[i] === 255 ? null : c.values[i] === 1;
    else out[i] = Number.isNaN(c.values[i]!) ? null : c.values[i]!;
  }
  return out;
}
