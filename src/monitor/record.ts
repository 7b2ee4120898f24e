/**
 * A monitoring pass recorded as a run in the store (experiment `monitor/<model>`), so drift and
 * performance can be followed over time with `specml runs list|show|compare` like any training
 * run: headline numbers as metrics, the whole report as the artifact `monitor.json`, the tripped
 * rules in the summary.
 *
 * @example
 * const run = await recordMonitorRun(store, report, tripped, { seed: 42, rules });
 * run.id; // `specml runs show <id>`
 */
import type { Run, Store } from '../track/index.js';
import type { TrippedRule } from './alerts.js';
import type { MonitorReport } from './monitor.js';

export async function recordMonitorRun(store: Store, r: MonitorReport, tripped: readonly TrippedRule[], o: { seed: number; rules: readonly string[]; ref?: string; data?: Record<string, string>; specmlVersion?: string }): Promise<Run> {
  const run = await store.createRun({
    experiment: `monitor/${r.model.name}`,
    seed: o.seed,
    params: { window: r.window.source, reference: r.reference.source, sensitivity: r.drift.sensitivity, alpha: r.drift.alpha, rules: [...o.rules] },
    tags: { kind: 'monitor', model: r.model.name, ...(o.ref ? { ref: o.ref } : {}) },
    ...(o.data ? { data: o.data } : {}),
    ...(o.specmlVersion ? { specmlVersion: o.specmlVersion } : {}),
  });
  const metrics: Record<string, number | undefined> = {
    window_rows: r.window.rows,
    drift_detected: r.drift.detected ? 1 : 0,
    share_drifted: r.drift.share_drifted,
    importance_drifted: r.drift.importance_drifted,
    prediction_effect: r.drift.prediction?.effect ?? undefined,
    domain_auc: r.domain?.auc,
    contract_issues: r.contract.issues.length,
    alerts: tripped.length,
  };
  for (const [k, m] of Object.entries(r.performance?.metrics ?? {})) metrics[`window_${k}`] = m.value;
  if (r.estimated) {
    metrics['estimated_roc_auc'] = r.estimated.roc_auc;
    metrics['estimated_accuracy'] = r.estimated.accuracy;
  }
  for (const [k, v] of Object.entries(metrics)) if (v !== undefined && Number.isFinite(v)) await store.logMetric(run.id, k, v);
  // Per period (`--every`): the period's index as the step.
  for (const [step, p] of (r.over_time ?? []).entries()) {
    for (const [k, m] of Object.entries(p.metrics ?? {})) if (Number.isFinite(m.value)) await store.logMetric(run.id, `period_${k}`, m.value, step);
    if (p.estimated && Number.isFinite(p.estimated.roc_auc)) await store.logMetric(run.id, 'period_estimated_roc_auc', p.estimated.roc_auc, step);
  }
  await store.logArtifact(run.id, 'monitor.json', new TextEncoder().encode(JSON.stringify(r, null, 1) + '\n'));
  return store.finishRun(run.id, 'finished', { status: r.drift.status, drifted_features: r.drift.drifted_features, contract_ok: r.contract.ok, tripped: tripped.map((t) => t.rule) });
}
