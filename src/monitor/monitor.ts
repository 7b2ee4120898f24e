/**
 * One monitoring pass over a window: the data contract, per-feature drift, prediction drift, the
 * domain classifier, and performance (measured with labels, estimated without), in one report
 * whose JSON is `specml monitor --json`.
 *
 * @example
 * const report = await monitorWindow({ dir, manifest, model, reference, window, labels, seed: 42 });
 * report.drift.detected; report.drift.features; report.performance?.metrics.roc_auc;
 */
import type { PackageManifest } from '../artifact/manifest.js';
import type { PredictorModel } from '../core/estimator.js';
import { categoricalColumn, numericColumn, type Column, type Frame } from '../core/frame.js';
import type { Issue } from '../core/issue.js';
import { BANDS, driftReport, type Bands, type DriftReport, type ExtraTest, type Sensitivity } from './drift.js';
import { domainClassifier, type DomainDrift } from './domain.js';
import { CalibratedModel } from '../models/calibrated/model.js';
import { cbpe, labelledPerformance, type CbpeEstimate, type Estimate, type PerformanceReport } from './performance.js';
import type { Window } from './window.js';

export interface MonitorInput {
  dir: string;
  manifest: PackageManifest;
  model: PredictorModel;
  /** The reference rows (the package's sample, or a file given by the user). */
  reference: { frame: Frame; source: string };
  window: Window;
  /** Labels of the window's rows in row order (null: none for that row). */
  labels?: (string | number | boolean | null)[];
  /** The holdout metrics the package was accepted on (evaluation.json), when known. */
  holdout?: Record<string, Estimate>;
  /** The spec's metric, reported beside the task's default ones. */
  metric?: string;
  sensitivity?: Sensitivity;
  /** Band overrides (the spec's `monitor.bands`). */
  bands?: Partial<Bands>;
  featureBands?: Record<string, number>;
  alpha?: number;
  /** Train the domain classifier (a few seconds); default true. */
  domain?: boolean;
  seed: number;
  /** Sub-windows of the window (time periods; rows by index) whose performance is reported one by one. */
  periods?: { from: number; to: number; rows: number[] }[];
  /** Feature importances for the importance-weighted drift share (e.g. from the run). */
  importance?: Record<string, number>;
}

export interface MonitorReport {
  format: 'specml.monitor';
  version: 1;
  model: { name: string; dir: string; task: string };
  window: { source: string; rows: number };
  reference: { source: string; rows: number };
  contract: { ok: boolean; issues: Issue[] };
  drift: DriftReport;
  domain?: DomainDrift & { p_adjusted: number; drifted: boolean };
  performance?: PerformanceReport & { unknown_labels: number };
  estimated?: CbpeEstimate & { calibrated: boolean };
  /** Performance per period of the window (`--every`): measured where 30 rows are labelled, estimated (CBPE) for binary models. */
  over_time?: { from: string; to: string; rows: number; labelled: number; metrics?: PerformanceReport['metrics']; estimated?: { roc_auc: number; accuracy: number } }[];
  notes: string[];
}

export async function monitorWindow(m: MonitorInput): Promise<MonitorReport> {
  const { manifest, model, window } = m;
  const schema = manifest.input.schema;
  const sensitivity = m.sensitivity ?? 'default';
  const notes: string[] = [];
  const contractOk = window.contract.length === 0;
  const features = schema.columns.map((c) => c.name);

  // Prediction drift and performance need the model's output, so all of its inputs.
  let refOut: ReturnType<PredictorModel['predict']> | undefined;
  let curOut: ReturnType<PredictorModel['predict']> | undefined;
  if (contractOk) {
    refOut = model.predict(m.reference.frame);
    curOut = model.predict(window.frame);
  } else notes.push('the window breaks the data contract: prediction drift and performance are left out, and the affected columns are not tested for drift');

  const extra: ExtraTest[] = [];
  let domain: DomainDrift | undefined;
  if ((m.domain ?? true) && window.rows >= 30) {
    domain = await domainClassifier(m.reference.frame, window.frame, features, { band: m.bands?.domain ?? BANDS[sensitivity].domain, seed: m.seed });
    extra.push({ name: 'domain_classifier', p_value: domain.p_value, effect: domain.effect, band: domain.band });
  }
  const prediction = refOut && curOut ? { reference: outputColumn(model, refOut), current: outputColumn(model, curOut) } : undefined;
  const drift = driftReport(
    m.reference.frame,
    window.frame,
    schema,
    { sensitivity, ...(m.bands ? { bands: m.bands } : {}), ...(m.featureBands ? { featureBands: m.featureBands } : {}), ...(m.alpha !== undefined ? { alpha: m.alpha } : {}), ...(m.importance ? { importance: m.importance } : {}) },
    extra,
    prediction,
  );

  const report: MonitorReport = {
    format: 'specml.monitor',
    version: 1,
    model: { name: manifest.name, dir: m.dir, task: manifest.task },
    window: { source: window.source, rows: window.rows },
    reference: { source: m.reference.source, rows: m.reference.frame.nRows },
    contract: { ok: contractOk, issues: window.contract },
    drift,
    notes,
  };
  if (domain) {
    const e = extra[0]!;
    report.domain = { ...domain, p_adjusted: e.p_adjusted!, drifted: Boolean(e.drifted) && drift.status !== 'insufficient_data' };
  }

  // Labels by row (class index or value), rows without a usable label left out.
  const task = model.task === 'regression' ? 'regression' : (model.classes?.length ?? 0) > 2 ? 'multiclass' : 'binary';
  const labelled = new Map<number, number>();
  let unknown = 0;
  if (curOut && m.labels) {
    const classIndex = new Map((model.classes ?? []).map((c, i) => [c, i]));
    m.labels.forEach((label, i) => {
      if (label === null || label === undefined) return;
      const y = task === 'regression' ? Number(label) : classIndex.get(String(label));
      if (y === undefined || Number.isNaN(y)) unknown++;
      else labelled.set(i, y);
    });
    if (unknown) notes.push(`${unknown} label${unknown > 1 ? 's are' : ' is'} not among the model's classes and ${unknown > 1 ? 'were' : 'was'} left out`);
  }
  const calibrated = model instanceof CalibratedModel && model.rule.calibrator !== null;
  // Measured (labelled rows, at least 30) and estimated (CBPE, binary) performance of some rows.
  const performanceOf = (rows: readonly number[]): { performance?: PerformanceReport; estimated?: CbpeEstimate & { calibrated: boolean } } => {
    if (!curOut) return {};
    const out: { performance?: PerformanceReport; estimated?: CbpeEstimate & { calibrated: boolean } } = {};
    if (task === 'binary') {
      // At the model's own decisions (a tuned or per-group threshold included).
      const pos = Float64Array.from(rows, (r) => curOut.proba![r * 2 + 1]!);
      out.estimated = { ...cbpe(pos, 0.5, Int32Array.from(rows, (r) => curOut.values[r]!)), calibrated };
    }
    const withLabel = rows.filter((r) => labelled.has(r));
    if (withLabel.length >= 30) {
      const k = model.classes?.length ?? 0;
      const pred = task === 'regression' ? { values: Float64Array.from(withLabel, (r) => curOut.values[r]!) } : { proba: Float64Array.from({ length: withLabel.length * k }, (_, j) => curOut.proba![withLabel[Math.floor(j / k)]! * k + (j % k)]!) };
      const y = task === 'regression' ? Float64Array.from(withLabel, (r) => labelled.get(r)!) : Int32Array.from(withLabel, (r) => labelled.get(r)!);
      out.performance = labelledPerformance(task, y, pred, m.holdout, m.seed, m.metric);
    }
    return out;
  };

  const all = performanceOf(Array.from({ length: window.frame.nRows }, (_, i) => i));
  if (all.estimated) {
    report.estimated = all.estimated;
    notes.push(
      calibrated
        ? 'estimated: CBPE from the calibrated probabilities; it holds as far as they stay calibrated on this window (a change in how the label depends on the inputs breaks that)'
        : "estimated: CBPE assumes calibrated probabilities, and this model was not calibrated after training (spec calibration: none); read it as a rough guide",
    );
  }
  if (all.performance) report.performance = { ...all.performance, unknown_labels: unknown };
  else if (m.labels && curOut) notes.push(`performance: ${labelled.size} labelled rows in the window, fewer than 30: not measured`);
  if (m.periods && curOut) {
    report.over_time = m.periods.map((p) => {
      const r = performanceOf(p.rows);
      return { from: new Date(p.from).toISOString(), to: new Date(p.to).toISOString(), rows: p.rows.length, labelled: p.rows.filter((i) => labelled.has(i)).length, ...(r.performance ? { metrics: r.performance.metrics } : {}), ...(r.estimated ? { estimated: { roc_auc: r.estimated.roc_auc, accuracy: r.estimated.accuracy } } : {}) };
    });
  }
  return report;
}

/** The model's output as a column: positive-class probability (binary), predicted class (multiclass), value (regression). */
function outputColumn(model: PredictorModel, out: ReturnType<PredictorModel['predict']>): Column {
  if (model.task === 'regression') return numericColumn('prediction', out.values);
  const k = model.classes!.length;
  if (k === 2) return numericColumn('prediction', Float64Array.from({ length: out.values.length }, (_, i) => out.proba![i * k + 1]!));
  return categoricalColumn('prediction', Int32Array.from(out.values), [...model.classes!]);
}
