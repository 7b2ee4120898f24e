/**
 * Batch prediction behind `specml predict`: the model package is loaded (inference code only), the
 * input is read in batches (CSV is streamed, so a file larger than memory is fine), each batch is
 * read with the saved schema's types and checked against it, and rows are written as they come —
 * id columns, `prediction`, then `proba_<class>` per class — in the input's row order. The output
 * is written to a temporary file and renamed at the end: an interrupted run leaves no half file.
 *
 * Unseen categories are predicted as unknown (each model treats them like a missing value) and
 * counted in the result; values outside the training range are counted too. Missing columns and
 * values of the wrong type stop the run with the column and examples.
 *
 * @example
 * const r = await predict({ model: 'models/credit', input: 'new.csv', output: 'scored.csv' });
 * r.rows; // rows written
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { loadModelPackage } from '../artifact/load.js';
import { SpecmlError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import { readCsvBatches, readTable } from '../data/io/index.js';
import type { RawTable } from '../data/io/raw.js';
import { checkCompatibility, coerceToSchema } from '../data/schema/index.js';
import { resolveModelDir } from './model-ref.js';
import { rowsToCsv, rowsToJsonl } from './write-rows.js';

export interface PredictInput {
  model: string;
  input: string;
  output: string;
  /** Rows per batch when streaming CSV (memory ~ batch x columns x 8 bytes). */
  batchRows?: number;
  delimiter?: string;
  /**
   * Where rows with values that cannot be read as their training type go (CSV: `row`, `reason`,
   * then the row's cells); the rest is predicted. Without it, such a value stops the run (strict).
   */
  badRows?: string;
  onStep?: (step: string) => void;
}

export interface PredictResult {
  rows: number;
  /** Rows written to the bad-rows file instead of predicted. */
  badRows: number;
  output: string;
  columns: string[];
  /** Warnings summed over batches (unseen categories, values outside the training range). */
  warnings: Issue[];
  seconds: number;
}

export async function predict(input: PredictInput): Promise<PredictResult> {
  const started = performance.now();
  const { manifest, model } = await loadModelPackage(await resolveModelDir(input.model));
  const schema = manifest.input.schema;
  const ids = manifest.input.id_columns;
  const columns = [...ids, ...manifest.output.columns];
  const jsonl = /\.jsonl$/i.test(input.output);
  const tmp = path.join(path.dirname(path.resolve(input.output)), `.${path.basename(input.output)}.tmp-${randomBytes(4).toString('hex')}`);
  const out = createWriteStream(tmp);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const warnings = new Map<string, Issue>();
  let rows = 0;
  let seen = 0;
  let badCount = 0;
  const badTmp = input.badRows ? path.join(path.dirname(path.resolve(input.badRows)), `.${path.basename(input.badRows)}.tmp-${randomBytes(4).toString('hex')}`) : undefined;
  const badOut = badTmp ? createWriteStream(badTmp) : undefined;
  let badHeader = false;
  try {
    if (!jsonl) await write(rowsToCsv([columns]));
    for await (const batch of batches(input)) {
      const coerced = coerceToSchema(batch, schema, { optional: [manifest.target], keepBadRows: Boolean(badOut) });
      let raw = batch;
      let { frame } = coerced;
      const { issues, badRows } = coerced;
      if (badOut && badRows && badRows.size) {
        // Bad rows to the side file (row = 1-based data row of the input), the rest predicted.
        if (!badHeader) {
          badOut.write(rowsToCsv([['row', 'reason', ...batch.names]]));
          badHeader = true;
        }
        const table = [...badRows.entries()].sort((a, b) => a[0] - b[0]).map(([i, why]) => [seen + i + 1, why, ...batch.names.map((n) => cell(batch, n, i))]);
        if (!badOut.write(rowsToCsv(table))) await once(badOut, 'drain');
        badCount += badRows.size;
        const good = Int32Array.from({ length: batch.nRows }, (_, i) => i).filter((i) => !badRows.has(i));
        frame = frame.take(good);
        raw = takeRaw(batch, good);
      }
      seen += batch.nRows;
      const errors = issues.filter((i) => i.severity === 'error');
      if (errors.length) {
        throw new SpecmlError('data.incompatible', `${input.input}: does not match the model's input schema:\n${errors.map((e) => `  ${e.message}`).join('\n')}`, {
          hint: errors[0]!.hint ?? 'Compare the file with the model card (card.md in the model package).',
        });
      }
      // Types were enforced by coerceToSchema; this adds unseen categories and out-of-range values.
      for (const w of checkCompatibility(schema, frame, schema)) merge(warnings, w);
      const p = model.predict(frame);
      const k = model.classes?.length ?? 0;
      const table: (string | number | null)[][] = [];
      for (let i = 0; i < raw.nRows; i++) {
        const row: (string | number | null)[] = ids.map((id) => cell(raw, id, i));
        if (model.task === 'regression') row.push(p.values[i]!);
        else {
          row.push(model.classes![p.values[i]!]!);
          for (let j = 0; j < k; j++) row.push(p.proba![i * k + j]!);
        }
        table.push(row);
      }
      await write(jsonl ? rowsToJsonl(columns, table) : rowsToCsv(table));
      rows += raw.nRows;
      input.onStep?.(`${rows} rows predicted`);
    }
    out.end();
    await once(out, 'finish');
    if (badOut) {
      if (!badHeader) badOut.write(rowsToCsv([['row', 'reason']]));
      badOut.end();
      await once(badOut, 'finish');
      await rename(badTmp!, input.badRows!);
    }
    await rename(tmp, input.output);
  } catch (err) {
    out.destroy();
    badOut?.destroy();
    await rm(tmp, { force: true });
    if (badTmp) await rm(badTmp, { force: true });
    throw err;
  }
  return { rows, badRows: badCount, output: input.output, columns, warnings: [...warnings.values()], seconds: (performance.now() - started) / 1000 };
}

/** Rows `idx` of a raw batch (id columns of the kept rows are written beside their predictions). */
function takeRaw(raw: RawTable, idx: Int32Array): RawTable {
  const columns = raw.columns.map((c): RawTable['columns'][number] => (c.type === 'string' ? { ...c, codes: Int32Array.from(idx, (i) => c.codes[i]!) } : c.type === 'boolean' ? { ...c, values: Uint8Array.from(idx, (i) => c.values[i]!) } : { ...c, values: Float64Array.from(idx, (i) => c.values[i]!) }));
  return { ...raw, columns, nRows: idx.length };
}

async function* batches(input: PredictInput): AsyncGenerator<RawTable> {
  const opts = input.delimiter ? { delimiter: input.delimiter } : {};
  if (/\.(csv|tsv|txt)(\.gz)?$/i.test(input.input)) {
    yield* readCsvBatches(input.input, { ...opts, batchRows: input.batchRows ?? 50_000 });
  } else {
    yield await readTable(input.input, opts);
  }
}

/** Sums a batch's warning into the running ones (same code and column → counts added). */
function merge(into: Map<string, Issue>, w: Issue): void {
  if (w.severity === 'info') return;
  const key = `${w.code}:${w.path}`;
  const prev = into.get(key);
  if (!prev) return void into.set(key, { ...w, details: { ...w.details } });
  const d = prev.details as Record<string, number>;
  for (const [k, v] of Object.entries(w.details ?? {})) if (typeof v === 'number' && typeof d[k] === 'number' && (k === 'rows' || k === 'below' || k === 'above' || k === 'missing')) d[k] += v;
}

function cell(raw: RawTable, name: string, i: number): string | number | null {
  const c = raw.columns[raw.names.indexOf(name)];
  if (!c) return null;
  switch (c.type) {
    case 'number':
      return Number.isNaN(c.values[i]!) ? null : c.values[i]!;
    case 'string':
      return c.codes[i]! < 0 ? null : c.levels[c.codes[i]!]!;
    case 'boolean':
      return c.values[i] === 255 ? null : c.values[i] ? 'true' : 'false';
    case 'datetime':
      return Number.isNaN(c.values[i]!) ? null : new Date(c.values[i]!).toISOString();
  }
}
