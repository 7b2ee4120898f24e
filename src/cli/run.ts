/**
 * `specml run [SPEC]`: the whole pipeline on a spec (YAML or PRP markdown; default ./specml.yaml).
 * Exit codes (DESIGN.md §6): 0 when every gate passed, 1 when a gate failed, 2 for bad input.
 * Progress goes to stderr; `--json` prints the run summary (pipeline/run/summary.ts) on stdout.
 *
 * @example
 * specml run examples/credit/specml.yaml --json
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { SpecmlError } from '../core/errors.js';
import { runSpec } from '../pipeline/run/run.js';
import type { RunSummary } from '../pipeline/run/summary.js';
import type { Io } from './output.js';
import { progress } from './output.js';
import { formatMeasured as f } from '../pipeline/run/format.js';

interface Flags {
  store?: string;
  reports?: string;
  json?: boolean;
}

/** The human-readable summary: verdict, model, headline metric, leaderboard, gates, report. */
export function summarizeRun(s: RunSummary): string {
  const lines: string[] = [];
  const failed = s.gates.filter((g) => !g.passed);
  lines.push(`${s.name}: ${s.passed ? 'PASSED' : 'FAILED'} (${s.gates.length - failed.length}/${s.gates.length} gates)   run ${s.run_id}`);
  lines.push(`model    ${s.model.name} v${s.model.version}${s.model.alias ? ` -> @${s.model.alias}` : ' (not promoted: a gate failed)'}`);
  const m = s.holdout.metrics[s.metric];
  if (m) lines.push(`holdout  ${s.metric} ${f(m.value)} (95% CI ${f(m.ci_low)}-${f(m.ci_high)}) on ${s.holdout.rows} rows`);
  lines.push('', 'candidates (cross-validated on the training rows)');
  const width = Math.max(12, ...s.leaderboard.map((c) => c.name.length));
  for (const c of s.leaderboard) {
    const sig = c.p_value_vs_best === null ? 'best' : c.significantly_worse ? `worse (p=${f(c.p_value_vs_best)})` : `not significantly worse (p=${f(c.p_value_vs_best)})`;
    lines.push(`  ${c.selected ? '*' : ' '} ${c.name.padEnd(width)} ${f(c.cv_mean)} ± ${f(c.cv_std)}  ${sig}`);
  }
  const a = s.automl;
  if (a) {
    lines.push(`  AutoML (${a.preset}): ${a.trials} trials${a.pruned ? ` (${a.pruned} pruned)` : ''}, ${a.units_used} of ${a.units} work units${a.max_time_note ? `; ${a.max_time_note}` : ''}`);
    lines.push(`  selected ${s.leaderboard.find((c) => c.selected)?.name ?? '?'}: ${a.reason}`);
  }
  lines.push('', 'gates');
  for (const g of s.gates) lines.push(`  ${g.passed ? 'pass' : 'FAIL'}  ${g.gate}  —  ${g.detail}`);
  if (s.gates.length === 0) lines.push('  (the spec has no gates)');
  const mit = s.mitigation;
  if (mit) {
    lines.push('', `fairness mitigation (${mit.applied ? 'applied' : 'offered, not applied'}): group thresholds on ${mit.attribute}, fitted on out-of-fold training predictions`);
    lines.push(`  holdout ${mit.constraint.replace('_', ' ')} gap ${f(mit.before.gap)} -> ${f(mit.after.gap)}, accuracy ${f(mit.before.accuracy)} -> ${f(mit.after.accuracy)}`);
    lines.push(`  ${mit.note}`);
  }
  lines.push('', `report   ${s.report.html}`);
  return lines.join('\n') + '\n';
}

export function registerRun(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('run')
    .argument('[spec]', 'spec file: specml.yaml or a PRP markdown document (default ./specml.yaml)')
    .description('the whole pipeline: validate, cross-validate candidates, evaluate on the holdout, explain, check gates, register, report')
    .option('--store <uri>', 'store URI (default: SPECML_STORE or ./.specml/store.db)')
    .option('--reports <dir>', 'where reports go', 'reports')
    .option('--json', 'print one JSON document on stdout')
    .action(async (specArg: string | undefined, flags: Flags) => {
      const spec = specArg ?? (existsSync('specml.yaml') ? 'specml.yaml' : undefined);
      if (!spec) throw new SpecmlError('usage.missing_spec', 'no spec given and no ./specml.yaml here', { hint: 'Pass a spec file (specml run path/to/specml.yaml), or write one with specml init --data FILE --target COL.' });
      const { summary } = await runSpec({ spec, ...(flags.store ? { store: flags.store } : {}), reportsDir: flags.reports ?? 'reports', onStep: progress(io) });
      io.out(flags.json ? JSON.stringify(summary, null, 2) + '\n' : summarizeRun(summary));
      setExit(summary.passed ? 0 : 1);
    });
}
