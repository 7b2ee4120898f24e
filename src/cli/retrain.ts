/**
 * `specml retrain [SPEC] --data NEW --window LABELLED [--then canary|promote|none]`: the spec run on
 * new data as a challenger, compared with the champion on a recent labelled window, moved on only
 * when it passed every gate and is significantly better (pipeline/retrain.ts). Exit 0 when the
 * challenger went on, 1 when it was rejected, 2 for usage or input errors.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { SpecmlError } from '../core/errors.js';
import { retrain, type RetrainResult } from '../pipeline/retrain.js';
import { progress, type Io } from './output.js';

interface Flags {
  data: string;
  window: string;
  then: string;
  champion?: string;
  alpha: string;
  store?: string;
  reports?: string;
  json?: boolean;
}

export function registerRetrain(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('retrain')
    .argument('[spec]', "the model's spec (default ./specml.yaml)")
    .description("train a challenger on new data through the spec's gates, compare it with the champion on recent labelled rows, and canary or promote it only if it is significantly better")
    .requiredOption('--data <file>', "new training data (replaces the spec's data.train for this run)")
    .requiredOption('--window <file>', 'recent labelled rows (with the target column) to compare champion and challenger on')
    .option('--then <step>', 'what a winning challenger becomes: canary (the NAME@challenger alias) | promote (the champion alias) | none', 'canary')
    .option('--champion <ref>', "the model to beat (default: the spec's deploy name and alias)")
    .option('--alpha <p>', 'significance level of the comparison', '0.05')
    .option('--store <uri>', 'store URI (default: SPECML_STORE or ./.specml/store.db)')
    .option('--reports <dir>', 'where the run report goes', 'reports')
    .option('--json', 'print one JSON document on stdout')
    .action(async (specArg: string | undefined, flags: Flags) => {
      const spec = specArg ?? (existsSync('specml.yaml') ? 'specml.yaml' : undefined);
      if (!spec) throw new SpecmlError('usage.missing_spec', 'no spec given and no ./specml.yaml here', { hint: "Pass the model's spec: specml retrain path/to/specml.yaml --data NEW --window LABELLED." });
      if (!['canary', 'promote', 'none'].includes(flags.then)) throw new SpecmlError('usage.bad_then', `--then '${flags.then}' is not a step`, { hint: 'Use canary, promote or none.' });
      const alpha = Number(flags.alpha);
      if (!(alpha > 0 && alpha < 1)) throw new SpecmlError('usage.bad_alpha', `--alpha '${flags.alpha}' is not a level between 0 and 1`, { hint: 'e.g. --alpha 0.05' });
      const r = await retrain({
        spec,
        data: flags.data,
        window: flags.window,
        then: flags.then as 'canary' | 'promote' | 'none',
        alpha,
        ...(flags.champion ? { champion: flags.champion } : {}),
        ...(flags.store ? { store: flags.store } : {}),
        reportsDir: flags.reports ?? 'reports',
        onStep: progress(io),
      });
      io.out(flags.json ? JSON.stringify({ ok: r.decision !== 'rejected', ...r }, null, 2) + '\n' : summary(r));
      setExit(r.decision === 'rejected' ? 1 : 0);
    });
}

function summary(r: RetrainResult): string {
  const c = r.comparison;
  const lines = [
    `${r.name}: challenger v${r.challenger.version} (run ${r.challenger.runId}, gates ${r.challenger.gatesPassed ? 'passed' : 'FAILED'}) against champion v${r.champion.version}`,
    `  ${c.metric} on ${c.rows} window rows: challenger ${c.challenger.toFixed(4)}, champion ${c.champion.toFixed(4)}, difference ${c.difference.toFixed(4)} [${c.ci[0].toFixed(4)}, ${c.ci[1].toFixed(4)}], p = ${c.p_value.toPrecision(2)}${c.overlap ? ` (${c.overlap} window rows left out: they are in the new training data)` : ''}`,
    `decision: ${r.decision.toUpperCase()}`,
    ...r.reasons.map((x) => `  ${x}`),
  ];
  return lines.join('\n') + '\n';
}
