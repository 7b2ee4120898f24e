/** `specml init --data FILE --target COL`: write a starter specml.yaml with the inferred task and metric. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../core/atomic.js';
import { SpecmlError } from '../core/errors.js';
import { inspectData } from '../pipeline/analyze.js';
import { starterSpec } from '../spec/index.js';
import type { Io } from './output.js';
import { progress } from './output.js';

interface Flags {
  data: string;
  target: string;
  out: string;
  name?: string;
  id?: string[];
  delimiter?: string;
  force?: boolean;
  json?: boolean;
}

export function registerInit(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('write a starter spec (specml.yaml) with the task and metric inferred from the data')
    .requiredOption('--data <file>', 'data file (CSV, CSV.gz, JSONL, Parquet)')
    .requiredOption('--target <column>', 'the column to predict')
    .option('--out <file>', 'where to write the spec', 'specml.yaml')
    .option('--name <name>', 'spec name (default: from the data file name)')
    .option('--id <columns...>', 'identifier columns (kept out of features)')
    .option('--delimiter <char>', 'CSV delimiter (default: detected)')
    .option('--force', 'overwrite an existing spec file')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: Flags) => {
      if (existsSync(flags.out) && !flags.force) {
        throw new SpecmlError('usage.exists', `${flags.out} already exists`, { hint: 'Pass --force to overwrite it, or --out to write elsewhere.' });
      }
      const ins = await inspectData({
        data: flags.data,
        target: flags.target,
        ...(flags.name ? { name: flags.name } : {}),
        idColumns: flags.id ?? [],
        ...(flags.delimiter ? { delimiter: flags.delimiter } : {}),
        onStep: progress(io),
      });
      // The spec refers to the data relative to where the spec lives, so the pair can move together.
      const train = path.relative(path.dirname(path.resolve(flags.out)), path.resolve(flags.data)) || flags.data;
      const text = starterSpec({
        name: ins.name,
        train,
        target: flags.target,
        task: ins.task.task,
        metric: ins.metric.metric,
        taskReason: ins.task.reason,
        metricReason: ins.metric.reason,
        idColumns: ins.schema.columns.filter((c) => c.idLike).map((c) => c.name),
      });
      await writeFileAtomic(flags.out, text);
      if (flags.json) io.out(JSON.stringify({ ok: true, spec: flags.out, name: ins.name, task: ins.task.task, metric: ins.metric.metric }, null, 2) + '\n');
      else io.out(`wrote ${flags.out}: task ${ins.task.task}, metric ${ins.metric.metric}\nnext: specml analyze ${flags.out}\n`);
      setExit(0);
    });
}
