/**
 * `specml export --model REF --format esm|docker --out PATH`: the model as one ES module for
 * browsers and edge runtimes, or as a container build context that serves it.
 */
import type { Command } from 'commander';
import { SpecmlError } from '../core/errors.js';
import { resolveModelDir } from '../pipeline/model-ref.js';
import { exportDocker } from '../serve/export-docker.js';
import { exportEsm } from '../serve/export-esm.js';
import type { Io } from './output.js';

interface Flags {
  model: string;
  format: string;
  out: string;
  json?: boolean;
}

export function registerExport(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('export')
    .description('export a model package: esm (one dependency-free JavaScript module: browser, worker, edge) or docker (a build context running specml serve)')
    .requiredOption('--model <ref>', 'model package directory, or NAME@ALIAS / NAME@vN from the registry')
    .requiredOption('--format <format>', 'esm | docker')
    .requiredOption('--out <path>', 'esm: the .mjs file to write; docker: a new directory for the build context')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: Flags) => {
      if (flags.format !== 'esm' && flags.format !== 'docker') {
        throw new SpecmlError('usage.bad_flag', `--format ${flags.format}: not a format specml exports`, { hint: 'Use --format esm (a JavaScript module) or --format docker (a container build context).' });
      }
      const dir = await resolveModelDir(flags.model);
      if (flags.format === 'esm') {
        const r = await exportEsm({ dir, out: flags.out });
        if (flags.json) io.out(JSON.stringify({ ok: true, format: 'esm', out: r.out, bytes: r.bytes, model: r.name, sha256: r.sha256 }, null, 2) + '\n');
        else io.out(`wrote ${r.out} (${(r.bytes / 1024).toFixed(0)} KiB): import { predict } from './${r.out.split('/').pop()}'; predict([{ ... }])\n`);
      } else {
        const r = await exportDocker({ dir, out: flags.out });
        if (flags.json) io.out(JSON.stringify({ ok: true, format: 'docker', out: r.out, model: r.name, files: r.files }, null, 2) + '\n');
        else io.out(`wrote ${r.out}/ (${r.files.join(', ')}): docker build -t ${r.name.toLowerCase()} ${r.out} && docker run -p 8080:8080 ${r.name.toLowerCase()}\n`);
      }
      setExit(0);
    });
}
