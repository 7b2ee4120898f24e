/**
 * `specml runs list|show|compare`: what was run, with which params, seeds and data, and what came
 * out. `compare` lines up params and the last value of each metric of two or more runs.
 *
 * @example
 * specml runs list --experiment credit-risk
 * specml runs compare 20261126-120501-3f9a1c 20261126-131012-a1b2c3
 */
import type { Command } from 'commander';
import { SpecmlError } from '../core/errors.js';
import { type Run, type RunStatus } from '../track/index.js';
import { withStore } from './store.js';
import { formatTime as when, type Io } from './output.js';

interface Flags {
  store?: string;
  json?: boolean;
  experiment?: string;
  status?: string;
  limit?: string;
}

const fmt = (v: unknown): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(5)) : JSON.stringify(v));

/** Last logged value of each metric key (a history keeps every point; listings show the last). */
export function lastMetrics(r: Run): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of r.metrics) out[m.key] = m.value;
  return out;
}

export function registerRuns(program: Command, io: Io, setExit: (code: number) => void): void {
  const runs = program.command('runs').description('recorded runs: params, metrics, seeds, data fingerprints');
  const common = (c: Command): Command => c.option('--store <uri>', 'store URI (default: SPECML_STORE or ./.specml/store.db)').option('--json', 'print one JSON document on stdout');
  const print = (flags: Flags, doc: object, text: string): void => {
    io.out(flags.json ? JSON.stringify({ ok: true, ...doc }, null, 2) + '\n' : text);
    setExit(0);
  };

  common(runs.command('list').description('recent runs, newest first'))
    .option('--experiment <name>', 'only runs of this experiment (the spec name)')
    .option('--status <status>', 'running | finished | failed | killed')
    .option('--limit <n>', 'at most this many', '20')
    .action(async (flags: Flags) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new SpecmlError('usage.bad_limit', `--limit '${flags.limit}' is not a positive whole number`, { hint: 'e.g. --limit 20' });
      if (flags.status && !['running', 'finished', 'failed', 'killed'].includes(flags.status)) {
        throw new SpecmlError('usage.bad_status', `--status '${flags.status}' is not a run status`, { hint: 'One of running, finished, failed, killed.' });
      }
      const list = await withStore(flags, (s) => s.listRuns({ ...(flags.experiment ? { experiment: flags.experiment } : {}), ...(flags.status ? { status: flags.status as RunStatus } : {}), limit }));
      const text = list.length
        ? list
            .map((r) => {
              // Training runs: holdout metrics; monitoring passes (specml monitor): drift and window size.
              const last = lastMetrics(r);
              const headline =
                r.tags['kind'] === 'monitor'
                  ? ['drift_detected', 'share_drifted', 'domain_auc', 'window_rows'].filter((k) => last[k] !== undefined).map((k) => `${k}=${fmt(last[k]!)}`).join(' ')
                  : Object.entries(last).filter(([k]) => k.startsWith('holdout_')).slice(0, 3).map(([k, v]) => `${k.slice(8)}=${fmt(v)}`).join(' ');
              return `${r.id}  ${r.experiment.padEnd(20)} ${r.status.padEnd(8)} ${when(r.startedAt)}  ${headline}`;
            })
            .join('\n') + '\n'
        : 'no runs recorded\n';
      print(flags, { runs: list.map((r) => ({ id: r.id, experiment: r.experiment, status: r.status, startedAt: r.startedAt, endedAt: r.endedAt, metrics: lastMetrics(r) })) }, text);
    });

  common(runs.command('show').argument('<id>', 'run id').description('one run in full')).action(async (id: string, flags: Flags) => {
    const r = await withStore(flags, (s) => s.getRun(id));
    const lines = [
      `${r.id}  ${r.experiment}  ${r.status}`,
      `  started ${when(r.startedAt)}  ended ${when(r.endedAt)}  seed ${r.seed ?? '-'}  specml ${r.specmlVersion ?? '-'}`,
      `  spec    ${r.specHash ?? '-'}`,
      ...Object.entries(r.data).map(([k, v]) => `  data    ${k} ${v}`),
      '  params',
      ...Object.entries(r.params).map(([k, v]) => `    ${k} = ${fmt(v)}`),
      '  metrics (last value)',
      ...Object.entries(lastMetrics(r)).map(([k, v]) => `    ${k} = ${fmt(v)}`),
      ...(r.artifacts.length ? ['  artifacts', ...r.artifacts.map((a) => `    ${a.name}  ${a.sha256.slice(0, 12)}  ${a.bytes} bytes`)] : []),
    ];
    print(flags, { run: r }, lines.join('\n') + '\n');
  });

  common(runs.command('compare').argument('<ids...>', 'two or more run ids').description('params and metrics of runs side by side')).action(async (ids: string[], flags: Flags) => {
    if (ids.length < 2) throw new SpecmlError('usage.compare_needs_two', 'compare needs at least two run ids', { hint: 'List runs with `specml runs list`.' });
    const rs = await withStore(flags, (s) => Promise.all(ids.map((id) => s.getRun(id))));
    const metrics = rs.map(lastMetrics);
    const paramKeys = [...new Set(rs.flatMap((r) => Object.keys(r.params)))].sort();
    const metricKeys = [...new Set(metrics.flatMap((m) => Object.keys(m)))].sort();
    const w = Math.max(10, ...paramKeys.map((k) => k.length), ...metricKeys.map((k) => k.length));
    const row = (k: string, vals: unknown[]): string => {
      const same = vals.every((v) => JSON.stringify(v) === JSON.stringify(vals[0]));
      return `${same ? ' ' : '*'} ${k.padEnd(w)}  ${vals.map((v) => (v === undefined ? '-' : fmt(v)).padEnd(22)).join('')}`;
    };
    const lines = [
      `  ${''.padEnd(w)}  ${rs.map((r) => r.id.padEnd(22)).join('')}`,
      '  params (* = differs)',
      ...paramKeys.map((k) => row(k, rs.map((r) => r.params[k]))),
      '  metrics',
      ...metricKeys.map((k) => row(k, metrics.map((m) => m[k]))),
    ];
    print(flags, { runs: rs.map((r, i) => ({ id: r.id, params: r.params, metrics: metrics[i] })) }, lines.join('\n') + '\n');
  });
}
