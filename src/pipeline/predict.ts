/**
 * Batch prediction behind `specml predict`: the model package is loaded (inference code only), the
 * input is read in batches (CSV and JSON lines by lines, Parquet by row groups, so a file larger
 * than memory is fine), each batch is read with the saved schema's types and checked against it,
 * and rows are written as they come — id columns, `prediction`, then `proba_<class>` per class — in
 * the input's row order, as CSV, JSON lines or Parquet (by the output's extension). The output is
 * written to a temporary file and renamed at the end: an interrupted run leaves no half file.
 *
 * Unseen categories are predicted as unknown (each model treats them like a missing value) and
 * counted in the result; values outside the training range are counted too. Missing columns and
 * values of the wrong type stop the run with the column and examples.
 *
 * @example
 * const r = await predict({ model: 'models/credit', input: 'new.csv', output: 'scored.csv' });
 * r.rows; // rows written
 */
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { loadModelPackage } from '../artifact/load.js';
import { SpecmlError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import { readCsvBatches, readJsonlBatches, readParquetBatches, readTable } from '../data/io/index.js';
import type { RawTable } from '../data/io/raw.js';
import { checkCompatibility, coerceToSchema } from '../data/schema/index.js';
import { resolveModelDir } from './model-ref.js';
import { openRowsOutput, tempPathFor, type Cell } from './rows-output.js';
import { rowsToCsv } from './write-rows.js';

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
  /** After each batch: rows predicted so far and the share of the input read (0..1), when known. */
  onProgress?: (rows: number, fraction: number | undefined) => void;
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
  const out = await openRowsOutput(input.output, columns);
  const size = await stat(input.input).then((st) => st.size, () => 0);
  const warnings = new Map<string, Issue>();
  let rows = 0;
  let seen = 0;
  let badCount = 0;
  const badTmp = input.badRows ? tempPathFor(input.badRows) : undefined;
  const badOut = badTmp ? createWriteStream(badTmp) : undefined;
  let badHeader = false;
  try {
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
      const table: Cell[][] = [];
      for (let i = 0; i < raw.nRows; i++) {
        const row: Cell[] = ids.map((id) => cell(raw, id, i));
        if (model.task === 'regression') row.push(p.values[i]!);
        else {
          row.push(model.classes![p.values[i]!]!);
          for (let j = 0; j < k; j++) row.push(p.proba![i * k + j]!);
        }
        table.push(row);
      }
      await out.write(table);
      rows += raw.nRows;
      const src = batch.source as RawTable['source'] & { rows?: number };
      input.onProgress?.(rows, src.rows ? Math.min(1, seen / src.rows) : size > 0 ? Math.min(1, src.bytes / size) : undefined);
    }
    if (badOut) {
      if (!badHeader) badOut.write(rowsToCsv([['row', 'reason']]));
      badOut.end();
      await once(badOut, 'finish');
      await rename(badTmp!, input.badRows!);
    }
    await out.close();
  } catch (err) {
    await out.abort();
    badOut?.destroy();
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
  const batchRows = input.batchRows ?? 50_000;
  if (/\.(csv|tsv|txt)(\.gz)?$/i.test(input.input)) yield* readCsvBatches(input.input, { ...opts, batchRows });
  else if (/\.(jsonl|ndjson)(\.gz)?$/i.test(input.input)) yield* readJsonlBatches(input.input, { batchRows });
  else if (/\.parquet$/i.test(input.input)) yield* readParquetBatches(input.input, { batchRows });
  else yield await readTable(input.input, opts);
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
