/**
 * `specml train --data FILE --target COL [--model M [model flags] | --preset P --budget N
 * --max-time T --infer-limit MS] [--seed S] --out DIR`: one family with `--model`, AutoML without.
 */
import type { Command } from 'commander';
import { SpecmlError } from '../core/errors.js';
import type { ParamTable } from '../core/params.js';
import { PRESET_NAMES } from '../pipeline/automl/index.js';
import { family, familyNames } from '../pipeline/families.js';
import { parseDuration } from '../spec/duration.js';
import { train } from '../pipeline/train.js';
import type { Io } from './output.js';
import { progress } from './output.js';
import { addParamFlags, camel, paramsFromFlags } from './param-flags.js';

interface Flags {
  data: string;
  target: string;
  out: string;
  model?: string;
  seed: string;
  preset?: string;
  budget?: string;
  maxTime?: string;
  inferLimit?: string;
  metric?: string;
  task?: string;
  id?: string[];
  delimiter?: string;
  json?: boolean;
  [param: string]: unknown;
}

const RESERVED = new Set(['data', 'target', 'out', 'model', 'seed', 'task', 'id', 'delimiter', 'json', 'preset', 'budget', 'max_time', 'infer_limit', 'metric']);

export function registerTrain(program: Command, io: Io, setExit: (code: number) => void): void {
  const tables = familyNames().map((n) => family(n).params);
  const cmd = program
    .command('train')
    .description('fit a model package: AutoML under a budget, or one model family with --model')
    .requiredOption('--data <file>', 'training data (CSV, CSV.gz, JSONL, Parquet)')
    .requiredOption('--target <column>', 'the column to predict')
    .requiredOption('--out <dir>', 'where to write the model package')
    .option('--model <family>', `one model family instead of AutoML: ${familyNames().join(' | ')}`)
    .option('--preset <name>', `AutoML effort: ${PRESET_NAMES.join(' | ')} (default balanced)`)
    .option('--budget <units>', 'AutoML work units (one configuration fitted on one fold); decides the result')
    .option('--max-time <duration>', "AutoML hard cap on wall time, e.g. '90s', '10m' (logged when reached; the result then depends on the machine)")
    .option('--metric <name>', 'AutoML: the metric to optimise (default: the one analyze recommends, e.g. roc_auc)')
    .option('--infer-limit <ms>', 'AutoML: drop ensemble members until one row predicts within this many milliseconds (median)')
    .option('--seed <n>', 'random seed', '42')
    .option('--task <task>', 'auto | binary | multiclass | regression')
    .option('--id <columns...>', 'identifier columns (kept out of features, carried into predictions)')
    .option('--delimiter <char>', 'CSV delimiter (default: detected)')
    .option('--json', 'print one JSON document on stdout');
  addParamFlags(cmd, tables, RESERVED);
  cmd.action(async (flags: Flags) => {
    const fam = flags.model === undefined ? undefined : family(flags.model);
    const seed = Number(flags.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new SpecmlError('usage.bad_seed', `--seed '${flags.seed}' is not a non-negative whole number`, { hint: 'e.g. --seed 42' });
    const auto = autoFlags(flags, fam !== undefined);
    // Without --model, family flags have no family to go to (threads is the one AutoML passes on).
    const params = fam ? paramsFromFlags(flags, fam.params, tables, fam.name) : noFamilyFlags(flags, tables);
    const warnings: string[] = [];
    const r = await train({
      data: flags.data,
      target: flags.target,
      ...(fam ? { model: fam.name } : {}),
      ...auto,
      out: flags.out,
      seed,
      params,
      ...(flags.task ? { task: flags.task as 'auto' } : {}),
      ...(flags.id ? { idColumns: flags.id } : {}),
      ...(flags.delimiter ? { delimiter: flags.delimiter } : {}),
      onStep: progress(io),
      onEvent: (e) => {
        if (e.level === 'warning') {
          warnings.push(`${e.code}: ${e.message}`);
          io.err(`warning: ${e.message}\n`);
        }
      },
    });
    const m = r.manifest;
    if (flags.json) {
      io.out(JSON.stringify({ ok: true, model: r.dir, family: fam?.name ?? 'automl', task: m.task, classes: m.classes, features: r.features, rows: m.lineage.data.rows, dropped_rows: r.droppedRows, params: m.lineage.params, ...(r.automl ? { automl: r.automl, cv: r.cv } : {}), warnings, seconds: r.seconds }, null, 2) + '\n');
    } else {
      io.out(`trained ${fam?.name ?? 'AutoML'} (${m.task}) on ${m.lineage.data.rows} rows x ${r.features.length} features in ${r.seconds.toFixed(1)}s\n`);
      if (r.automl && r.cv) {
        const a = r.automl as { units_used: number; units: number; trials: unknown[]; chosen: string; reason: string };
        io.out(`AutoML: ${a.trials.length} trials, ${a.units_used}/${a.units} work units; chosen ${a.chosen}: ${a.reason}\n`);
        io.out(`cross-validated ${r.cv.metric} of the chosen model: ${r.cv.mean.toFixed(4)} ± ${r.cv.std.toFixed(4)}\n`);
      }
      if (r.droppedRows) io.out(`dropped ${r.droppedRows} rows without a target value\n`);
      io.out(`model package: ${r.dir}\nnext: specml predict --model ${r.dir} --input FILE --output predictions.csv\n`);
    }
    setExit(0);
  });
}

/** The AutoML flags, checked; they make no sense beside --model. */
function autoFlags(flags: Flags, hasModel: boolean): { preset?: string; budget?: number; maxTimeS?: number; inferLimitMs?: number; threads?: number; metric?: string } {
  const given = (['preset', 'budget', 'maxTime', 'inferLimit', 'metric'] as const).filter((k) => flags[k] !== undefined);
  if (hasModel && given.length) {
    throw new SpecmlError('usage.conflicting_flags', `--${given.map((k) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)).join(', --')} ${given.length > 1 ? 'are' : 'is'} for AutoML, but --model ${flags.model} fits one family`, {
      hint: 'Drop --model to let AutoML choose, or drop the AutoML flags.',
    });
  }
  const out: ReturnType<typeof autoFlags> = {};
  if (flags.preset !== undefined) {
    if (!(PRESET_NAMES as readonly string[]).includes(flags.preset)) throw new SpecmlError('usage.bad_preset', `--preset '${flags.preset}' does not exist`, { hint: `Use one of: ${PRESET_NAMES.join(', ')}.` });
    out.preset = flags.preset;
  }
  if (flags.budget !== undefined) {
    const n = Number(flags.budget);
    if (!Number.isInteger(n) || n <= 0) throw new SpecmlError('usage.bad_budget', `--budget '${flags.budget}' is not a whole number of work units above 0`, { hint: 'A work unit is one configuration fitted on one fold; e.g. --budget 60.' });
    out.budget = n;
  }
  if (flags.maxTime !== undefined) {
    const s = parseDuration(flags.maxTime);
    if (s === undefined) throw new SpecmlError('usage.bad_duration', `--max-time '${flags.maxTime}' is not a duration`, { hint: "Write e.g. '90s', '10m' or '1h'." });
    out.maxTimeS = s;
  }
  if (flags.inferLimit !== undefined) {
    const ms = Number(flags.inferLimit);
    if (!(ms > 0)) throw new SpecmlError('usage.bad_infer_limit', `--infer-limit '${flags.inferLimit}' is not a number of milliseconds above 0`, { hint: 'e.g. --infer-limit 1 (one millisecond per row).' });
    out.inferLimitMs = ms;
  }
  if (flags.metric !== undefined) out.metric = flags.metric;
  if (!hasModel && flags['threads'] !== undefined) out.threads = Number(flags['threads']);
  return out;
}

/** Without --model only --threads may be given among the family flags. */
function noFamilyFlags(flags: Flags, tables: readonly ParamTable[]): Record<string, unknown> {
  const names = new Set(tables.flatMap((t) => Object.keys(t)));
  const used = [...names].filter((n) => n !== 'threads' && flags[camel(n)] !== undefined);
  if (used.length) {
    throw new SpecmlError('usage.flag_needs_model', `--${used.map((n) => n.replaceAll('_', '-')).join(', --')} ${used.length > 1 ? 'are' : 'is a'} model parameter${used.length > 1 ? 's' : ''}, but no --model was given (AutoML chooses the parameters)`, {
      hint: `Add --model ${familyNames().includes('gbdt') ? 'gbdt' : familyNames()[0]} to fit one family with those parameters, or drop them.`,
    });
  }
  return {};
}
