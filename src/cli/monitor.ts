/**
 * `specml monitor --model M [--data FILE | --window 1d]`: drift, data contract and performance of
 * a window against the model's reference rows (monitor/), printed as a summary, `--json`, or an
 * HTML report; the spec's `monitor.rules` raise alert events (a JSON-lines log, a webhook). Exit 0
 * when no rule trips and the data contract holds, 1 otherwise, 2 for usage or input errors.
 */
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadModelPackage } from '../artifact/load.js';
import { writeFileAtomic } from '../core/atomic.js';
import { SpecmlError } from '../core/errors.js';
import type { Frame } from '../core/frame.js';
import { checkRules, fileWindow, recordMonitorRun, logWindow, monitorWindow, parseRule, parseWindow, raiseAlerts, referenceFrame, loadReference, rawCells, renderMonitorHtml, type Bands, type MonitorReport, type Sensitivity, type Window } from '../monitor/index.js';
import { resolveModelDir } from '../pipeline/model-ref.js';
import { retrain, type RetrainResult } from '../pipeline/retrain.js';
import { sha256File } from '../pipeline/train.js';
import { VERSION } from '../pipeline/version.js';
import { loadSpec, type Spec } from '../spec/index.js';
import { openStore } from '../track/index.js';
import { progress, type Io } from './output.js';

interface Flags {
  model: string;
  data?: string;
  window?: string;
  reference?: string;
  spec?: string;
  sensitivity?: string;
  rule?: string[];
  webhook?: string;
  events: string;
  html?: string;
  domain?: boolean;
  seed: string;
  retrainData?: string;
  retrain?: boolean;
  record?: boolean;
  every?: string;
  json?: boolean;
}

export function registerMonitor(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('monitor')
    .description("drift (per feature, prediction, multivariate), data contract and performance of recent data against the model's training rows")
    .requiredOption('--model <ref>', 'model package directory, or NAME@ALIAS / NAME@vN from the registry')
    .option('--data <file>', 'the window as a file (CSV, JSON lines, Parquet); with the target column, performance is measured too')
    .option('--window <span>', "the window from the prediction log: a span back from now (1d, 12h, 30m, 2w) or a count of the latest predictions (default: the spec's monitor.window, else 1d)")
    .option('--reference <file>', "compare against this file instead of the package's sample of training rows")
    .option('--spec <file>', 'the spec whose monitor: section gives sensitivity, window, rules and webhook')
    .option('--sensitivity <level>', 'effect bands: default | strict | lenient (default: the spec\'s monitor.drift)')
    .option('--rule <rule...>', "alert rules, replacing the spec's (e.g. 'drift.detected', 'performance.roc_auc < 0.75')")
    .option('--webhook <url>', 'POST an alert event here when a rule trips (retried)')
    .option('--events <file>', 'append alert events to this JSON-lines file', path.join('.specml', 'monitor-events.jsonl'))
    .option('--html <file>', 'write the HTML report here')
    .option('--no-domain', 'skip the domain classifier (multivariate drift; a few seconds of GBDT training)')
    .option('--seed <n>', 'seed of the domain classifier and the bootstrap intervals', '42')
    .option('--retrain-data <file>', "new training data for a retrain when a rule trips (with --spec; on when the spec's monitor.retrain is true or --retrain is given)")
    .option('--retrain', 'retrain when a rule trips even if the spec does not ask for it (needs --spec and --retrain-data)')
    .option('--every <span>', 'with a prediction-log window: performance per period of this length (1d, 12h...), oldest first')
    .option('--no-record', 'do not record this pass as a run in the store (experiment monitor/<model>; recorded when a store exists)')
    .option('--json', 'print one JSON document on stdout')
    .action(async (flags: Flags) => {
      if (flags.retrain && !(flags.spec && flags.retrainData)) throw new SpecmlError('usage.retrain_needs', '--retrain needs --spec (the model\'s spec) and --retrain-data (what to train on)', { hint: 'e.g. specml monitor --model credit@champion --spec specml.yaml --retrain-data new.csv --retrain' });
      if (flags.data && flags.window) throw new SpecmlError('usage.conflict', '--data and --window both give the window', { hint: 'Pass one: --data FILE, or --window SPAN for the prediction log.' });
      const spec = flags.spec ? await loadSpec(flags.spec) : undefined;
      const m = spec?.monitor;
      const sensitivity = (flags.sensitivity ?? m?.drift ?? 'default') as Sensitivity;
      if (!['default', 'strict', 'lenient'].includes(sensitivity)) throw new SpecmlError('usage.bad_sensitivity', `--sensitivity '${sensitivity}' is not a level`, { hint: 'Use default, strict or lenient.' });
      const rules = flags.rule ?? m?.rules ?? ['drift.detected'];
      rules.forEach(parseRule); // bad rules are usage errors before any work
      const seed = Number(flags.seed);
      if (!Number.isInteger(seed)) throw new SpecmlError('usage.bad_seed', `--seed '${flags.seed}' is not an integer`, { hint: 'e.g. --seed 42' });
      if (flags.webhook !== undefined && !/^https?:\/\/[^\s/]+/i.test(flags.webhook)) throw new SpecmlError('usage.bad_webhook', `--webhook '${flags.webhook}' is not an http(s) URL`, { hint: 'e.g. --webhook https://hooks.example.com/specml' });
      const windowSpec = flags.data ? undefined : parseWindow(flags.window ?? m?.window ?? '1d');
      const every = flags.every === undefined ? undefined : parseWindow(flags.every).sinceMs;
      if (flags.every !== undefined && (every === undefined || flags.data)) throw new SpecmlError('usage.bad_every', `--every '${flags.every}' needs a time span and a prediction-log window`, { hint: 'e.g. --window 7d --every 1d (not with --data).' });

      const dir = await resolveModelDir(flags.model);
      const { manifest, model } = await loadModelPackage(dir);
      const schema = manifest.input.schema;
      for (const f of Object.keys(m?.bands?.features ?? {})) {
        if (!schema.columns.some((c) => c.name === f)) {
          throw new SpecmlError('spec.bad_monitor_band', `monitor.bands.features names '${f}', which is not one of the model's inputs`, { hint: `The model's inputs: ${schema.columns.map((c) => c.name).join(', ')}.`, location: { ...(spec?.file ? { file: spec.file } : {}), path: `monitor.bands.features.${f}` } });
        }
      }
      let reference: { frame: Frame; source: string };
      if (flags.reference) {
        const ref = await fileWindow(flags.reference, schema);
        if (ref.contract.length) throw new SpecmlError('data.incompatible', `${flags.reference}: does not match the model's input schema:\n${ref.contract.map((i) => `  ${i.message}`).join('\n')}`, { hint: 'Pass the data the model was trained on.' });
        reference = { frame: ref.frame, source: flags.reference };
      } else {
        const ref = await loadReference(dir);
        if (!ref) throw new SpecmlError('monitor.no_reference', `${dir}: the package has no reference.json`, { hint: 'Pass the training data with --reference FILE.' });
        reference = { frame: referenceFrame(ref, schema, dir), source: `the ${ref.sample!.rows} reference rows kept in the package` };
      }

      let window: Window;
      let labels: (string | number | boolean | null)[] | undefined;
      if (flags.data) {
        const w = await fileWindow(flags.data, schema);
        window = w;
        labels = rawCells(w.raw, manifest.target);
      } else {
        const store = await openStore(undefined, { mustExist: true });
        try {
          const at = flags.model.indexOf('@');
          const name = at > 0 && dir !== flags.model ? flags.model.slice(0, at) : manifest.name;
          window = await logWindow(store, name, windowSpec!, schema);
          const fed = await store.feedbackFor(window.records!.map((r) => r.id));
          if (fed.size) labels = window.records!.map((r) => (fed.has(r.id) ? (fed.get(r.id) as string | number | boolean | null) : null));
        } finally {
          await store.close();
        }
      }
      const holdout = await readFile(path.join(dir, 'evaluation.json'), 'utf8').then(
        (t) => JSON.parse(t) as { measured?: { metrics?: Record<string, { value: number; ci_low: number | null; ci_high: number | null }> }; metric?: string; importance?: { features: { name: string; mean: number }[] } },
        () => undefined,
      );
      // Feature importance: the run's permutation importance (evaluation.json), else a GBDT's gain.
      const gains = (model as { importances?: () => { feature: string; gain: number }[] }).importances?.();
      const importance = holdout?.importance ? Object.fromEntries(holdout.importance.features.map((f) => [f.name, Math.max(0, f.mean)])) : gains ? Object.fromEntries(gains.map((i) => [i.feature, i.gain])) : undefined;
      const report = await monitorWindow({
        dir,
        manifest,
        model,
        reference,
        window,
        ...(labels ? { labels } : {}),
        ...(holdout?.measured?.metrics ? { holdout: holdout.measured.metrics } : {}),
        ...(holdout?.metric ? { metric: holdout.metric } : {}),
        sensitivity,
        ...(m?.bands ? { bands: withoutFeatures(m.bands) } : {}),
        ...(m?.bands?.features ? { featureBands: m.bands.features } : {}),
        domain: flags.domain !== false,
        seed,
        ...(importance ? { importance } : {}),
        ...(every && window.records ? { periods: periodsOf(window.records.map((r) => r.at), every) } : {}),
      });
      const tripped = checkRules(rules, report);
      const webhook = flags.webhook ?? m?.webhook;
      const delivery = await raiseAlerts(tripped, report, { logFile: flags.events, ...(webhook ? { webhook } : {}) });
      if (flags.html) await writeFileAtomic(flags.html, await renderMonitorHtml(report, reference.frame, window.frame, VERSION));
      // Retraining: the window's labelled rows (the file itself, or the log's inputs with their
      // feedback labels, kept under .specml/windows/) are what champion and challenger are compared on.
      let retrained: RetrainResult | undefined;
      if (tripped.length && flags.spec && flags.retrainData && (flags.retrain || m?.retrain)) {
        const windowFile = flags.data ?? (await labelledWindowFile(window, labels, manifest.target));
        if (!windowFile) io.err('retrain: the window holds no labelled rows to compare champion and challenger on; not retrained\n');
        else {
          io.err(`retrain: ${tripped.map((t) => t.rule).join('; ')} tripped; training a challenger on ${flags.retrainData}\n`);
          retrained = await retrain({ spec: flags.spec, data: flags.retrainData, window: windowFile, onStep: progress(io) });
          io.err(`retrain: ${retrained.decision} (${retrained.reasons.join('; ')})\n`);
        }
      }
      // Recorded in the store when there is one (none is created for it), so passes can be compared over time.
      let recorded: string | undefined;
      if (flags.record !== false) {
        const store = await openStore(undefined, { mustExist: true }).catch((err: unknown) => {
          if (err instanceof SpecmlError && err.code === 'store.not_found') return undefined;
          throw err;
        });
        if (store) {
          try {
            const data = flags.data ? { window: await sha256File(flags.data) } : undefined;
            recorded = (await recordMonitorRun(store, report, tripped, { seed, rules, ref: flags.model, ...(data ? { data } : {}), specmlVersion: VERSION })).id;
          } finally {
            await store.close();
          }
        }
      }
      const failed = tripped.length > 0 || !report.contract.ok;
      if (flags.json) io.out(JSON.stringify({ ok: !failed, ...report, alerts: { rules, tripped, ...(delivery ? { delivery } : {}) }, ...(retrained ? { retrain: retrained } : {}), ...(recorded ? { run_id: recorded } : {}), ...(flags.html ? { html: flags.html } : {}) }, null, 2) + '\n');
      else io.out(summary(report, tripped.map((t) => t.rule), delivery?.webhook, flags.html) + (recorded ? `recorded as run ${recorded} (specml runs show ${recorded})\n` : ''));
      setExit(failed ? 1 : 0);
    });
}

/** Rows grouped by consecutive periods of `span` ms from the first record's time (empty periods kept). */
function periodsOf(at: readonly number[], span: number): { from: number; to: number; rows: number[] }[] {
  const start = at.reduce((a, b) => Math.min(a, b), Infinity);
  const out: { from: number; to: number; rows: number[] }[] = [];
  at.forEach((t, i) => {
    const k = Math.floor((t - start) / span);
    while (out.length <= k) out.push({ from: start + out.length * span, to: start + (out.length + 1) * span, rows: [] });
    out[k]!.rows.push(i);
  });
  return out;
}

function withoutFeatures(b: NonNullable<NonNullable<Spec['monitor']>['bands']>): Partial<Bands> {
  const { features: _features, ...rest } = b;
  return rest;
}

/** The labelled rows of a log window as JSON lines (inputs and the label), or undefined when none is labelled. */
async function labelledWindowFile(window: Window, labels: (string | number | boolean | null)[] | undefined, target: string): Promise<string | undefined> {
  if (!labels || !window.records) return undefined;
  const lines = window.records.flatMap((r, i) => (labels[i] === null || labels[i] === undefined ? [] : [JSON.stringify({ ...r.input, [target]: labels[i] })]));
  if (lines.length === 0) return undefined;
  const file = path.join('.specml', 'windows', `${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`);
  await writeFileAtomic(file, lines.join('\n') + '\n');
  return file;
}

function summary(r: MonitorReport, tripped: string[], webhook: { ok: boolean; url: string; attempts: number; error?: string } | undefined, html: string | undefined): string {
  const d = r.drift;
  const lines = [`${r.model.name}: ${r.window.source}, ${r.window.rows} rows, against ${r.reference.source}`];
  if (!r.contract.ok) lines.push(`DATA CONTRACT VIOLATED (not drift):`, ...r.contract.issues.map((i) => `  ${i.message}`));
  const share = d.importance_drifted !== undefined && d.drifted_features.length ? ` (${(d.importance_drifted * 100).toFixed(0)}% of the model's feature importance)` : '';
  lines.push(d.status === 'insufficient_data' ? 'drift: not enough data to judge' : d.detected ? `drift: DETECTED in ${d.drifted_features.join(', ') || 'the inputs taken together'}${share}` : 'drift: none beyond the effect bands');
  const w = Math.max(...d.features.map((f) => f.name.length), 10);
  for (const f of d.features) lines.push(`  ${f.drifted ? '!' : ' '} ${f.name.padEnd(w)} ${f.status.padEnd(17)} ${f.note}`);
  if (d.prediction) lines.push(`  ${d.prediction.drifted ? '!' : ' '} ${'prediction'.padEnd(w)} ${d.prediction.status.padEnd(17)} ${d.prediction.note}`);
  if (r.domain) lines.push(`domain classifier: AUC ${r.domain.auc.toFixed(3)} [${r.domain.ci[0].toFixed(3)}, ${r.domain.ci[1].toFixed(3)}]${r.domain.drifted ? ' — DRIFT' : ''}`);
  if (r.performance) for (const [k, m] of Object.entries(r.performance.metrics)) lines.push(`performance ${k}: ${m.value.toFixed(4)}${m.ci_low !== null ? ` [${m.ci_low.toFixed(4)}, ${m.ci_high!.toFixed(4)}]` : ''}${m.holdout ? ` (holdout ${m.holdout.value.toFixed(4)})` : ''}${m.worse ? ' — WORSE' : ''}`);
  if (r.estimated) lines.push(`estimated without labels (CBPE): roc_auc ${r.estimated.roc_auc.toFixed(4)}, accuracy ${r.estimated.accuracy.toFixed(4)}`);
  for (const p of r.over_time ?? []) {
    const measured = Object.entries(p.metrics ?? {}).map(([k, v]) => `${k} ${v.value.toFixed(4)}`);
    const est = p.estimated ? [`estimated roc_auc ${p.estimated.roc_auc.toFixed(4)}`] : [];
    lines.push(`  ${p.from} .. ${p.to}: ${p.rows} rows, ${p.labelled} labelled${[...measured, ...est].length ? `; ${[...measured, ...est].join(', ')}` : ''}`);
  }
  for (const n of r.notes) lines.push(`note: ${n}`);
  lines.push(tripped.length ? `alerts: ${tripped.join('; ')}` : 'alerts: none');
  if (webhook) lines.push(webhook.ok ? `webhook: delivered to ${webhook.url}` : `webhook: FAILED after ${webhook.attempts} tries (${webhook.error}); the event is in the events log`);
  if (html) lines.push(`report: ${html}`);
  return lines.join('\n') + '\n';
}
