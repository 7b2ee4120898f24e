/**
 * The analyze stage: load → infer schema → check the target → infer the task → validate →
 * profile → recommend a metric → write the report. Plain data out ({@link Analysis}).
 *
 * @example
 * const { analysis, report } = await analyze({ data: 'examples/credit/credit.csv', target: 'Status' });
 * analysis.task.task; // 'binary'
 */
import path from 'node:path';
import { SpecmlError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import { sortIssues } from '../core/issue.js';
import { closest } from '../core/suggest.js';
import { Rng } from '../core/rng.js';
import type { Frame } from '../core/frame.js';
import { isMissing } from '../core/frame.js';
import type { Analysis } from '../data/analysis.js';
import { inferTask } from '../data/infer-task.js';
import { readTable } from '../data/io/index.js';
import type { RawTable, ReadOptions } from '../data/io/raw.js';
import { profileFrame } from '../data/profile/index.js';
import { recommendMetric } from '../data/recommend-metric.js';
import { checkCompatibility, inferSchema, loadSchema, saveSchema } from '../data/schema/index.js';
import type { MetricRecommendation, Task, TaskInference } from '../data/task.js';
import type { Profile } from '../data/profile/index.js';
import type { Schema } from '../data/schema/index.js';
import { runChecks } from '../data/validate/index.js';
import { writeAnalysisReport } from '../report/index.js';
import { VERSION } from './version.js';

export interface AnalyzeInput {
  data: string;
  target: string;
  test?: string;
  name?: string;
  idColumns?: string[];
  ignore?: string[];
  delimiter?: string;
  task?: Task | 'auto';
  /** A metric the spec asks for: it is used, and a disagreement with the recommendation is noted. */
  metric?: string;
  positiveClass?: string;
  seed?: number;
  /** Read at most this many data rows (the first ones) of each file; the report says so. */
  maxRows?: number;
  /** A saved schema (schema.json) the data must be compatible with. */
  schemaFile?: string;
  /** Root folder for reports; the report goes to `<reportsDir>/<name>/`. Default `reports`. */
  reportsDir?: string;
  /** Called with a short description as each step starts (progress display). */
  onStep?: (step: string) => void;
}

export interface AnalyzeResult {
  analysis: Analysis;
  report: { html: string; markdown: string; schema: string };
}

export interface Inspection {
  name: string;
  raw: RawTable;
  frame: Frame;
  schema: Schema;
  task: TaskInference;
  profile: Profile;
  metric: MetricRecommendation;
}

/**
 * Load → schema → target checks → task → profile → metric: what `analyze` and `init` share.
 *
 * @example
 * const { task, metric } = await inspectData({ data: 'credit.csv', target: 'Status' });
 */
export async function inspectData(input: AnalyzeInput): Promise<Inspection> {
  const step = input.onStep ?? (() => {});
  const name = input.name ?? datasetName(input.data);
  step(`reading ${input.data}`);
  let raw = await readTable(input.data, readOptions(input));
  requireRows(raw);
  requireTarget(raw, input.target);
  raw = dropColumns(raw, input.ignore ?? [], input.target);

  step('inferring the schema');
  const { frame, schema } = inferSchema(raw, { idColumns: input.idColumns ?? [] });
  requireTargetValues(frame, input.target, raw.source.file);

  step('inferring the task');
  const task = inferTask(frame, schema, input.target, { ...(input.task ? { task: input.task } : {}), ...(input.positiveClass ? { positiveClass: input.positiveClass } : {}) });

  step('profiling columns');
  const profile = profileFrame(frame, schema, { target: input.target, classification: task.targetKind !== 'regression' });
  const metric = withSpecMetric(recommendMetric(task, frame.column(input.target), profile), input.metric);
  return { name, raw, frame, schema, task, profile, metric };
}

export async function analyze(input: AnalyzeInput): Promise<AnalyzeResult> {
  const started = performance.now();
  const step = input.onStep ?? (() => {});
  const { name, raw, frame, schema, task, profile, metric } = await inspectData(input);

  let test;
  if (input.test) {
    step(`reading the test set ${input.test}`);
    const rawTest = dropColumns(await readTable(input.test, readOptions(input)), input.ignore ?? [], input.target);
    requireRows(rawTest);
    test = inferSchema(rawTest, {}).frame;
  }

  step('checking the data');
  const rng = new Rng(input.seed ?? 42);
  const issues: Issue[] = [...raw.warnings, ...runChecks({ frame, schema, target: input.target, task: task.task, test, rng: rng.fork('validate') })];
  if (input.schemaFile) {
    step(`checking against ${input.schemaFile}`);
    const saved = await loadSchema(input.schemaFile);
    issues.push(...checkCompatibility(saved, frame, schema, { optional: [input.target] }).map((i) => ({ ...i, code: `schema_${i.code}` })));
  }

  const analysis: Analysis = {
    name,
    data: {
      file: input.data,
      format: raw.source.format,
      bytes: raw.source.bytes,
      rows: raw.nRows,
      columns: raw.names.length,
      truncated: raw.source.truncated,
      ...(input.test ? { test: input.test } : {}),
    },
    target: input.target,
    task,
    metric,
    schema,
    profile,
    issues: sortIssues(issues),
    seconds: 0,
    specmlVersion: VERSION,
  };
  step('writing the report');
  analysis.seconds = Math.round((performance.now() - started) / 10) / 100;
  const dir = path.join(input.reportsDir ?? 'reports', name);
  const report = await writeAnalysisReport(analysis, dir);
  const schemaPath = path.join(dir, 'schema.json');
  await saveSchema(schemaPath, schema);
  return { analysis, report: { ...report, schema: schemaPath } };
}

function readOptions(input: AnalyzeInput): ReadOptions {
  return { ...(input.delimiter ? { delimiter: input.delimiter } : {}), ...(input.maxRows ? { maxRows: input.maxRows } : {}) };
}

/** The spec's metric wins; the recommendation and its reason stay visible beside it. */
function withSpecMetric(rec: MetricRecommendation, metric: string | undefined): MetricRecommendation {
  if (!metric || metric === rec.metric) return rec;
  return {
    metric,
    secondary: [rec.metric, ...rec.secondary.filter((m) => m !== metric)],
    reason: `${metric} as the spec says`,
    notes: [`specml would recommend ${rec.metric}: ${rec.reason}.`, ...rec.notes],
  };
}

/** `data/credit.csv.gz` → `credit`. */
export function datasetName(file: string): string {
  const base = path.basename(file).replace(/\.(gz)$/i, '').replace(/\.[^.]+$/, '');
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (slug === 'data' || slug === '') {
    const dir = path.basename(path.dirname(path.resolve(file)));
    return dir.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'analysis';
  }
  return slug;
}

function requireRows(raw: RawTable): void {
  if (raw.nRows === 0) {
    throw new SpecmlError('data.no_rows', `${raw.source.file}: the file has a header (${raw.names.length} columns) but no data rows`, {
      hint: 'Point data.train at the file with the data, or check that the export did not stop after the header.',
      location: { file: raw.source.file, line: 2 },
    });
  }
}

function requireTarget(raw: RawTable, target: string): void {
  if (raw.names.includes(target)) return;
  const near = closest(target, raw.names);
  const shown = raw.names.slice(0, 40).join(', ') + (raw.names.length > 40 ? `, ... (${raw.names.length} in all)` : '');
  let hint = near ? `Did you mean '${near}'? ` : '';
  hint += raw.names.length === 1 ? `Only one column was found: check the delimiter (found '${raw.source.delimiter ?? '?'}').` : `Columns are: ${shown}`;
  throw new SpecmlError('target.not_found', `${raw.source.file}: target column '${target}' is not in the file`, { hint, location: { file: raw.source.file, line: 1, path: 'data.target' } });
}

function requireTargetValues(frame: Frame, target: string, file: string): void {
  const col = frame.column(target);
  for (let i = 0; i < frame.nRows; i++) if (!isMissing(col, i)) return;
  throw new SpecmlError('target.all_missing', `${file}: target column '${target}' is empty in all ${frame.nRows} rows`, {
    hint: 'Check data.target, and that the export kept the label column (an NA token such as "NA" or "null" counts as missing).',
    location: { file, path: 'data.target' },
  });
}

function dropColumns(raw: RawTable, drop: readonly string[], target: string): RawTable {
  if (!drop.length) return raw;
  for (const d of drop) {
    if (d === target) throw new SpecmlError('spec.ignore_target', `data.ignore lists the target '${target}'`, { hint: 'Remove the target from data.ignore.' });
    if (!raw.names.includes(d)) {
      const near = closest(d, raw.names);
      throw new SpecmlError('data.unknown_column', `data.ignore names '${d}', which is not a column of ${raw.source.file}`, { hint: near ? `Did you mean '${near}'?` : `Columns are: ${raw.names.join(', ')}` });
    }
  }
  const keep = raw.columns.filter((c) => !drop.includes(c.name));
  return { ...raw, names: keep.map((c) => c.name), columns: keep };
}

