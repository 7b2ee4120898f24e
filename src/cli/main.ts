/**
 * The `specml` command. One thin file per command registers itself here; this file only wires
 * them and turns outcomes into exit codes (DESIGN.md §6: 0 ok, 1 gates failed, 2 usage or input
 * error, 3 internal error).
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../pipeline/version.js';
import { registerAnalyze } from './analyze.js';
import { registerExport } from './export.js';
import { registerInit } from './init.js';
import { registerModels } from './models.js';
import { registerMonitor } from './monitor.js';
import { registerRetrain } from './retrain.js';
import { registerPredict } from './predict.js';
import { registerRun } from './run.js';
import { registerRuns } from './runs.js';
import { registerServe } from './serve.js';
import { registerTest } from './test.js';
import { registerTrain } from './train.js';
import type { Io } from './output.js';
import { processIo, reportError } from './output.js';

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exit = 0;
  const setExit = (code: number): void => {
    exit = code;
  };
  const program = new Command('specml')
    .description('specml: a spec and a dataset in; an analysed, validated, explained model out')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerAnalyze(program, io, setExit);
  registerInit(program, io, setExit);
  registerTrain(program, io, setExit);
  registerPredict(program, io, setExit);
  registerRun(program, io, setExit);
  registerRuns(program, io, setExit);
  registerTest(program, io, setExit);
  registerModels(program, io, setExit);
  registerServe(program, io, setExit);
  registerExport(program, io, setExit);
  registerMonitor(program, io, setExit);
  registerRetrain(program, io, setExit);
  for (const c of program.commands.flatMap((c) => [c, ...c.commands])) c.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }).showHelpAfterError('(run with --help for usage)');

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2;
    }
    return reportError(err, io, argv.includes('--json'));
  }
}
