/**
 * What an AutoML result records about itself (package lineage, `--json`, the run's params): the
 * budget and what was spent, every trial, the ensemble's weights, the choice and its reason.
 *
 * @example
 * automlSummary(result).chosen; // 'ensemble'
 */
import type { AutomlResult } from './automl.js';

export function automlSummary(r: AutomlResult): Record<string, unknown> {
  return {
    automl: true,
    preset: r.budget.preset,
    units: r.budget.units,
    units_used: r.unitsUsed,
    folds: r.folds.length,
    deploy: r.budget.deploy,
    ...(r.budget.maxTimeS !== undefined ? { max_time_s: r.budget.maxTimeS } : {}),
    ...(r.capHit ? { max_time_reached: { after_s: Number(r.capHit.afterSeconds.toFixed(1)), trials: r.capHit.trials } } : {}),
    trials: r.trials.map((t) => ({ number: t.number, id: t.id, family: t.family, params: t.params, source: t.source, state: t.state, value: t.value ?? null, units: t.units, ...(t.error ? { error: t.error } : {}) })),
    ...(r.ensemble ? { ensemble: Object.fromEntries(r.ensemble.members.map((id, i) => [id, r.ensemble!.weights[i]!]).filter(([, w]) => (w as number) > 0)), ensemble_score: r.ensemble.score } : {}),
    chosen: r.choice.chosen,
    reason: r.choice.reason,
    ...(r.choice.test ? { test: r.choice.test } : {}),
    members: r.assembled.kept,
    ...(r.assembled.dropped.length ? { dropped_for_latency: r.assembled.dropped } : {}),
  };
}
