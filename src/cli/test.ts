/**
 * `specml test --model M [--data FILE] [--junit FILE]`: a model package's gates checked again
 * (pipeline/gate-test.ts), exit 0 when all pass and 1 when one fails; `--junit` writes JUnit XML
 * for CI systems.
 *
 * @example
 * specml test --model credit-risk@staging --data labelled.csv --junit gates.xml
 */
import type { Command } from 'commander';
import { writeFileAtomic } from '../core/atomic.js';
import { junitXml, testGates } from '../pipeline/gate-test.js';
import type { Io } from './output.js';

interface Flags {
  model: string;
  data?: string;
  delimiter?: string;
  junit?: string;
  json?: boolean;
}

export function registerTest(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('test')
    .description("check a model package's gates again (size and, with --data, metrics and latency measured now)")
    .requiredOption('--model <ref>', 'package directory or NAME@ALIAS from the registry')
    .option('--data <file>', 'labelled rows to recompute metric gates and latency on')
    .option('--delimiter <char>', 'CSV delimiter of --data (default: detected)')
    .option('--junit <file>', 'write the results as JUnit XML')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: Flags) => {
      const r = await testGates({ model: flags.model, ...(flags.data ? { data: flags.data } : {}), ...(flags.delimiter ? { delimiter: flags.delimiter } : {}) });
      if (flags.junit) await writeFileAtomic(flags.junit, junitXml(r));
      if (flags.json) io.out(JSON.stringify({ ok: true, ...r }, null, 2) + '\n');
      else {
        const failed = r.results.filter((g) => !g.passed).length;
        io.out(`${r.model}: ${r.passed ? 'PASSED' : 'FAILED'} (${r.results.length - failed}/${r.results.length} gates)\n`);
        for (const g of r.results) io.out(`  ${g.passed ? 'pass' : 'FAIL'}  ${g.gate}  —  ${g.detail} [${g.source === 'now' ? 'measured now' : 'from the run'}]\n`);
      }
      setExit(r.passed ? 0 : 1);
    });
}
