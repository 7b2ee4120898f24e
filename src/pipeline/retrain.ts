/**
 * Retraining through the same gates (`specml retrain`): the model's spec is run on new data as a
 * challenger (a registered version with full lineage, no alias moved), then the challenger and
 * the champion are scored on the same recent labelled window and compared with a paired bootstrap
 * test on the spec's metric. Only a challenger that passed every gate *and* is significantly
 * better on the window goes on: to the `challenger` alias (a server started with
 * `--challenger NAME@challenger --rollout canary` canaries it, rolling back on failure and
 * promoting the champion alias on success), or straight to the champion alias with `--then
 * promote`. Every step is in the store: the run (tagged with what it retrains), the version, the
 * alias moves with their reasons.
 *
 * Window rows that also appear in the new training data are left out of the comparison (a model
 * must not be judged on rows it was trained on), and counted in the result.
 *
 * @example
 * const r = await retrain({ spec: 'specml.yaml', data: 'new.csv', window: 'labelled-week.csv', then: 'canary' });
 * r.decision; // 'canary' | 'promoted' | 'rejected'
 */
import path from 'node:path';
import { loadModelPackage } from '../artifact/load.js';
import type { PredictorModel } from '../core/estimator.js';
import { SpecmlError } from '../core/errors.js';
import { cellValue, type Frame } from '../core/frame.js';
import { Rng } from '../core/rng.js';
import type { Schema } from '../data/schema/types.js';
import { metric as lookupMetric } from '../evaluate/metrics/index.js';
import { pairedBootstrap } from '../evaluate/significance/index.js';
import { fileWindow, rawCells } from '../monitor/index.js';
import { loadSpec } from '../spec/index.js';
import { openStore, resolveModelRef, type ModelVersion } from '../track/index.js';
import { runSpec } from './run/run.js';

export interface RetrainInput {
  /** The model's spec file. */
  spec: string;
  /** New training data (replaces the spec's data.train for this run). */
  data: string;
  /** Recent labelled rows (with the target column) both models are compared on. */
  window: string;
  /** What a winning challenger becomes: the `challenger` alias (canary), the champion alias (promote), or nothing (none). */
  then?: 'canary' | 'promote' | 'none';
  /** The champion reference (default: the spec's deploy name and alias). */
  champion?: string;
  /** Significance level of the comparison. */
  alpha?: number;
  store?: string;
  reportsDir?: string;
  onStep?: (s: string) => void;
}

export interface RetrainResult {
  decision: 'canary' | 'promoted' | 'rejected';
  reasons: string[];
  name: string;
  champion: { version: number };
  challenger: { version: number; runId: string; gatesPassed: boolean };
  comparison: {
    metric: string;
    rows: number;
    /** Window rows left out because the new training data holds them too. */
    overlap: number;
    champion: number;
    challenger: number;
    difference: number;
    ci: [number, number];
    p_value: number;
    better: boolean;
  };
  alias: { name: string; version: number } | null;
}

export async function retrain(input: RetrainInput): Promise<RetrainResult> {
  const step = input.onStep ?? (() => {});
  const spec = await loadSpec(input.spec);
  const name = spec.deploy?.name ?? spec.name;
  const championAlias = spec.deploy?.alias ?? 'staging';
  const championRef = input.champion ?? `${name}@${championAlias}`;
  const then = input.then ?? 'canary';
  const alpha = input.alpha ?? 0.05;
  let champion: ModelVersion;
  {
    const store = await openStore(input.store, { mustExist: true });
    try {
      champion = await resolveModelRef(store, championRef);
    } finally {
      await store.close();
    }
  }

  step(`training the challenger on ${input.data} with the spec's gates (champion: ${name} v${champion.version})`);
  const { report } = await runSpec({
    spec: input.spec,
    ...(input.store ? { store: input.store } : {}),
    ...(input.reportsDir ? { reportsDir: input.reportsDir } : {}),
    onStep: step,
    retrain: { train: input.data, alias: null, tags: { retrain_of: `${name}@v${champion.version}`, retrain_window: path.resolve(input.window) } },
  });
  const challenger = { version: report.model.version, runId: report.runId, gatesPassed: report.passed };
  const reasons: string[] = [];
  if (!report.passed) reasons.push(`the challenger (v${challenger.version}) failed ${report.gates.filter((g) => !g.passed).length} of ${report.gates.length} gates: ${report.gates.filter((g) => !g.passed).map((g) => g.gate).join('; ')}`);

  step(`comparing v${challenger.version} with v${champion.version} on ${input.window}`);
  const comparison = await compareOnWindow(champion.packageDir, report.model.packageDir, input.window, input.data, spec.data.target, report.metric.name, alpha, spec.seed);
  if (!comparison.better) reasons.push(`the challenger is not significantly better on the window (${comparison.metric} ${fmt(comparison.challenger)} vs ${fmt(comparison.champion)}, p = ${fmt(comparison.p_value)}, α = ${alpha})`);

  let decision: RetrainResult['decision'] = 'rejected';
  let alias: RetrainResult['alias'] = null;
  if (report.passed && comparison.better && then !== 'none') {
    const store = await openStore(input.store, { mustExist: true });
    try {
      const why = `retrain run ${challenger.runId}: all gates passed; ${comparison.metric} ${fmt(comparison.challenger)} vs ${fmt(comparison.champion)} on ${comparison.rows} window rows (p = ${fmt(comparison.p_value)})`;
      const target = then === 'promote' ? championAlias : 'challenger';
      await store.setAlias(name, target, challenger.version, { actor: 'specml retrain', reason: why });
      alias = { name: `${name}@${target}`, version: challenger.version };
      decision = then === 'promote' ? 'promoted' : 'canary';
      reasons.push(then === 'promote' ? `promoted: ${name}@${target} -> v${challenger.version}` : `${name}@challenger -> v${challenger.version}: a server started with --challenger ${name}@challenger --rollout canary canaries it`);
    } finally {
      await store.close();
    }
  } else if (report.passed && comparison.better) reasons.push('the challenger would go on, but --then none was given');
  return { decision, reasons, name, champion: { version: champion.version }, challenger, comparison, alias };
}

/** Both packages scored on the labelled window (minus rows the new training data holds), compared by a paired bootstrap. */
async function compareOnWindow(championDir: string, challengerDir: string, windowFile: string, trainFile: string, target: string, metricName: string, alpha: number, seed: number): Promise<RetrainResult['comparison']> {
  const champ = await loadModelPackage(championDir);
  const chal = await loadModelPackage(challengerDir);
  const win = await fileWindow(windowFile, chal.manifest.input.schema);
  if (win.contract.length) throw new SpecmlError('data.incompatible', `${windowFile}: does not match the challenger's input schema:\n${win.contract.map((i) => `  ${i.message}`).join('\n')}`, { hint: 'The window must hold the columns the model is trained on.' });
  const labels = rawCells(win.raw, target);
  if (!labels) throw new SpecmlError('data.no_labels', `${windowFile}: no '${target}' column, so the models cannot be compared on it`, { hint: `Pass recent rows with their outcome in '${target}' (--window).` });
  const trained = await rowKeys(trainFile, chal.manifest.input.schema, target);
  const features = chal.manifest.input.schema.columns.map((c) => c.name);
  const keep: number[] = [];
  let overlap = 0;
  for (let i = 0; i < win.frame.nRows; i++) {
    if (labels[i] === null) continue;
    if (trained.has(rowKey(win.frame, features, i, labels[i]))) overlap++;
    else keep.push(i);
  }
  if (keep.length < 30) throw new SpecmlError('data.too_few_rows', `${windowFile}: ${keep.length} labelled rows not in the new training data (at least 30 are needed to compare the models)`, { hint: 'Pass a window of recent labelled rows that the new training data does not contain.' });
  const frame = win.frame.take(keep);
  const m = lookupMetric(metricName);
  const y = encodeLabels(chal.model, keep.map((i) => labels[i]!), windowFile, target);
  const a = predictionFor(chal.model, frame, m.needs, chal.model.classes);
  const b = predictionFor(champ.model, frame, m.needs, chal.model.classes);
  const r = pairedBootstrap(y, a, b, m, { rng: new Rng(seed).fork('retrain-compare') });
  const better = (m.greaterIsBetter ? r.difference > 0 : r.difference < 0) && r.pValue < alpha;
  return { metric: m.name, rows: keep.length, overlap, champion: r.scoreB, challenger: r.scoreA, difference: r.difference, ci: r.ci, p_value: r.pValue, better };
}

function encodeLabels(model: PredictorModel, labels: (string | number | boolean)[], file: string, target: string): Int32Array | Float64Array {
  if (model.task === 'regression') return Float64Array.from(labels, (v) => Number(v));
  const at = new Map(model.classes!.map((c, i) => [c, i]));
  return Int32Array.from(labels, (v) => {
    const k = at.get(String(v));
    if (k === undefined) throw new SpecmlError('data.unknown_label', `${file}: '${target}' holds ${JSON.stringify(v)}, which is not one of the model's classes (${model.classes!.join(', ')})`, { hint: 'Fix the label or leave the row out of the window.' });
    return k;
  });
}

/** A model's prediction in the shape a metric needs, classes in `order` (the challenger's). */
function predictionFor(model: PredictorModel, frame: Frame, needs: 'labels' | 'proba' | 'values', order: readonly string[] | undefined): Int32Array | Float64Array {
  const p = model.predict(frame);
  if (needs === 'values') return p.values;
  const k = order!.length;
  const col = order!.map((c) => model.classes!.indexOf(c));
  if (col.some((j) => j < 0)) throw new SpecmlError('data.class_mismatch', `the champion and the challenger know different classes (${model.classes!.join(', ')} vs ${order!.join(', ')})`, { hint: 'Both must be trained on the same target.' });
  if (needs === 'labels') return Int32Array.from(p.values, (v) => order!.indexOf(model.classes![v]!));
  const out = new Float64Array(frame.nRows * k);
  for (let i = 0; i < frame.nRows; i++) for (let j = 0; j < k; j++) out[i * k + j] = p.proba![i * model.classes!.length + col[j]!]!;
  return out;
}

function rowKey(frame: Frame, features: readonly string[], i: number, label: unknown): string {
  return JSON.stringify([...features.map((f) => (frame.has(f) ? cellValue(frame.column(f), i) : null)), label === null ? null : String(label)]);
}

/** Keys of the training file's rows, read with the same schema as the window (so equal rows give equal keys). */
async function rowKeys(file: string, schema: Schema, target: string): Promise<Set<string>> {
  const t = await fileWindow(file, schema);
  const labels = rawCells(t.raw, target) ?? [];
  const features = schema.columns.map((c) => c.name);
  const keys = new Set<string>();
  for (let i = 0; i < t.frame.nRows; i++) keys.add(rowKey(t.frame, features, i, labels[i] ?? null));
  return keys;
}

const fmt = (x: number): string => (Math.abs(x) >= 1e-3 || x === 0 ? x.toPrecision(4) : x.toExponential(2));
