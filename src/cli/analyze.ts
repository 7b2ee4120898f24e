/** `specml analyze [SPEC]`: profile, validate, infer the task; print a summary; write the report. */
import type { Command } from 'commander';
import { SpecmlError } from '../core/errors.js';
import type { Analysis } from '../data/analysis.js';
import { analyze } from '../pipeline/analyze.js';
import type { Io } from './output.js';
import { progress } from './output.js';
import { resolveInput, type DataFlags } from './resolve-input.js';
import { summarizeAnalysis } from './summary.js';

interface Flags extends DataFlags {
  reports?: string;
  schema?: string;
  maxRows?: string;
  json?: boolean;
}

export function registerAnalyze(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('analyze')
    .argument('[spec]', 'a spec file (specml.yaml or a PRP .md); default ./specml.yaml')
    .description('profile and validate the data, infer the task and metric, write reports/<name>/analysis.html')
    .option('--data <file>', 'data file (CSV, CSV.gz, JSONL, Parquet)')
    .option('--target <column>', 'the column to predict')
    .option('--test <file>', 'a separate test file, checked for overlap with the data')
    .option('--id <columns...>', 'identifier columns (kept out of features)')
    .option('--delimiter <char>', 'CSV delimiter (default: detected)')
    .option('--task <task>', 'auto | binary | multiclass | regression | text | image')
    .option('--seed <n>', 'seed for sampling in checks (default 42)')
    .option('--schema <file>', 'check the data against a saved schema.json (missing columns, type changes, unseen categories, ranges)')
    .option('--max-rows <n>', 'read only the first N data rows of a large file')
    .option('--reports <dir>', 'where reports go', 'reports')
    .option('--json', 'print one JSON document on stdout')
    .action(async (spec: string | undefined, flags: Flags) => {
      const input = await resolveInput(spec, flags);
      const { analysis, report } = await analyze({
        ...input,
        ...(input.name ? { name: input.name } : {}),
        reportsDir: flags.reports ?? 'reports',
        ...(flags.schema ? { schemaFile: flags.schema } : {}),
        ...(flags.maxRows !== undefined ? { maxRows: positiveInt(flags.maxRows, '--max-rows') } : {}),
        onStep: progress(io),
      });
      if (flags.json) io.out(JSON.stringify(analysisJson(analysis, report), null, 2) + '\n');
      else io.out(summarizeAnalysis(analysis, report));
      const errors = analysis.issues.filter((i) => i.severity === 'error');
      if (errors.length) io.err(`error: ${errors.length} error-level issue${errors.length > 1 ? 's' : ''} in the data (first: ${errors[0]!.message})\n`);
      setExit(errors.length ? 2 : 0);
    });
}

/** The `--json` document: stable snake_case keys for scripts and agents. */
export function analysisJson(a: Analysis, report: { html: string; markdown: string; schema: string }): Record<string, unknown> {
  return {
    ok: !a.issues.some((i) => i.severity === 'error'),
    name: a.name,
    data: a.data.file,
    format: a.data.format,
    rows: a.data.rows,
    columns: a.data.columns,
    truncated: a.data.truncated,
    target: a.target,
    task: a.task.task,
    target_kind: a.task.targetKind,
    task_reason: a.task.reason,
    classes: a.task.classes,
    positive_class: a.task.positiveClass,
    text_column: a.task.textColumn,
    image_shape: a.task.imageShape,
    metric: a.metric.metric,
    metric_reason: a.metric.reason,
    secondary_metrics: a.metric.secondary,
    metric_notes: a.metric.notes,
    issues: a.issues,
    schema: a.schema,
    top_features: a.profile.columns
      .filter((c) => c.association)
      .sort((x, y) => y.association!.normalized - x.association!.normalized)
      .slice(0, 10)
      .map((c) => ({ column: c.name, measure: c.association!.measure, value: c.association!.value, normalized: c.association!.normalized })),
    report: report,
    seconds: a.seconds,
  };
}

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new SpecmlError('usage.bad_number', `${flag} '${text}' is not a positive whole number`, { hint: `e.g. ${flag} 100000` });
  return n;
}
