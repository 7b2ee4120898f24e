/** `specml train --data FILE --target COL [--model M] [--seed S] --out DIR [model flags]`. */
import type { Command } from 'commander';
import { SpecmlError } from '../core/errors.js';
import { family, familyNames } from '../pipeline/families.js';
import { train } from '../pipeline/train.js';
import type { Io } from './output.js';
import { progress } from './output.js';
import { addParamFlags, paramsFromFlags } from './param-flags.js';

interface Flags {
  data: string;
  target: string;
  out: string;
  model: string;
  seed: string;
  task?: string;
  id?: string[];
  delimiter?: string;
  json?: boolean;
  [param: string]: unknown;
}

const RESERVED = new Set(['data', 'target', 'out', 'model', 'seed', 'task', 'id', 'delimiter', 'json']);

export function registerTrain(program: Command, io: Io, setExit: (code: number) => void): void {
  const tables = familyNames().map((n) => family(n).params);
  const cmd = program
    .command('train')
    .description('fit one model family on a data file and save a model package')
    .requiredOption('--data <file>', 'training data (CSV, CSV.gz, JSONL, Parquet)')
    .requiredOption('--target <column>', 'the column to predict')
    .requiredOption('--out <dir>', 'where to write the model package')
    .option('--model <family>', `model family: ${familyNames().join(' | ')}`, familyNames().includes('gbdt') ? 'gbdt' : 'baseline')
    .option('--seed <n>', 'random seed', '42')
    .option('--task <task>', 'auto | binary | multiclass | regression')
    .option('--id <columns...>', 'identifier columns (kept out of features, carried into predictions)')
    .option('--delimiter <char>', 'CSV delimiter (default: detected)')
    .option('--json', 'print one JSON document on stdout');
  addParamFlags(cmd, tables, RESERVED);
  cmd.action(async (flags: Flags) => {
    const fam = family(flags.model);
    const seed = Number(flags.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new SpecmlError('usage.bad_seed', `--seed '${flags.seed}' is not a non-negative whole number`, { hint: 'e.g. --seed 42' });
    const params = paramsFromFlags(flags, fam.params, tables, fam.name);
    const warnings: string[] = [];
    const r = await train({
      data: flags.data,
      target: flags.target,
      model: fam.name,
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
      io.out(JSON.stringify({ ok: true, model: r.dir, family: fam.name, task: m.task, classes: m.classes, features: r.features, rows: m.lineage.data.rows, dropped_rows: r.droppedRows, params: m.lineage.params, warnings, seconds: r.seconds }, null, 2) + '\n');
    } else {
      io.out(`trained ${fam.name} (${m.task}) on ${m.lineage.data.rows} rows x ${r.features.length} features in ${r.seconds.toFixed(1)}s\n`);
      if (r.droppedRows) io.out(`dropped ${r.droppedRows} rows without a target value\n`);
      io.out(`model package: ${r.dir}\nnext: specml predict --model ${r.dir} --input FILE --output predictions.csv\n`);
    }
    setExit(0);
  });
}
