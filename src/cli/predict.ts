/** `specml predict --model DIR --input FILE --output FILE`. */
import type { Command } from 'commander';
import { predict } from '../pipeline/predict.js';
import type { Io } from './output.js';
import { progressBar } from './output.js';

interface Flags {
  model: string;
  input: string;
  output: string;
  delimiter?: string;
  badRows?: string;
  json?: boolean;
}

export function registerPredict(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('predict')
    .description('score a file with a saved model package (id columns, prediction, proba_<class>)')
    .requiredOption('--model <dir>', 'model package directory (from specml train), or NAME@ALIAS / NAME@vN from the registry')
    .requiredOption('--input <file>', 'rows to score: CSV, JSON lines (.jsonl, .gz too) or Parquet, all read in batches')
    .requiredOption('--output <file>', 'where to write predictions: .csv, .jsonl or .parquet (written batch by batch, renamed into place at the end)')
    .option('--delimiter <char>', 'CSV delimiter of the input (default: detected)')
    .option('--bad-rows <file>', 'write rows with values of the wrong type here (CSV: row, reason, cells) and predict the rest; without it such a value stops the run')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: Flags) => {
      const bar = progressBar(io, 'predict');
      const r = await predict({ model: flags.model, input: flags.input, output: flags.output, ...(flags.delimiter ? { delimiter: flags.delimiter } : {}), ...(flags.badRows ? { badRows: flags.badRows } : {}), onProgress: bar.update }).finally(bar.end);
      for (const w of r.warnings) io.err(`warning: ${w.message}\n`);
      if (flags.json) io.out(JSON.stringify({ ok: true, rows: r.rows, bad_rows: r.badRows, output: r.output, ...(flags.badRows ? { bad_rows_file: flags.badRows } : {}), columns: r.columns, warnings: r.warnings, seconds: r.seconds }, null, 2) + '\n');
      else io.out(`wrote ${r.rows} predictions to ${r.output} (${r.columns.join(', ')})${flags.badRows ? `; ${r.badRows} bad rows to ${flags.badRows}` : ''}\n`);
      setExit(0);
    });
}
