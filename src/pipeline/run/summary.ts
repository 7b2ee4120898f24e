/**
 * The `--json` document of `specml run` (scripts and CI depend on its fields): the run id, the
 * registered model (name, version, alias — null when gates failed and nothing was promoted), every
 * holdout metric as `{value, ci_low, ci_high}`, each gate with its measured value and verdict,
 * fairness metrics by name per sensitive attribute, the leaderboard, and the report's paths.
 *
 * @example
 * const s = runSummary(report, { html: 'reports/credit/run-…/report.html', markdown: '…/report.md' });
 * s.gates.every((g) => g.passed) === s.passed; // true
 */
import type { Estimate, GateResult, RunReport } from '../../report/run-types.js';

export interface RunSummary {
  ok: true;
  run_id: string;
  name: string;
  passed: boolean;
  task: RunReport['data']['task'];
  metric: string;
  model: { name: string; version: number; alias: string | null; package: string };
  holdout: { rows: number; metrics: Record<string, Estimate> };
  leaderboard: { name: string; cv_mean: number; cv_std: number; selected: boolean; p_value_vs_best: number | null; significantly_worse: boolean }[];
  /** AutoML's budget and spend, and why the selected row was chosen. */
  automl: { preset: string; units: number; units_used: number; trials: number; pruned: number; reason: string; max_time_note: string | null } | null;
  beats_baseline: RunReport['beats'] | null;
  gates: GateResult[];
  /** Attribute (or intersection) -> fairness metric name -> value (null: undefined for it). */
  fairness: Record<string, Record<string, number | null>>;
  /** Offered when a fairness gate failed: group thresholds fitted on out-of-fold predictions. */
  mitigation: RunReport['mitigation'] | null;
  report: { html: string; markdown: string };
  seconds: number;
}

export function runSummary(r: RunReport, report: { html: string; markdown: string }): RunSummary {
  return {
    ok: true,
    run_id: r.runId,
    name: r.name,
    passed: r.passed,
    task: r.data.task,
    metric: r.metric.name,
    model: { name: r.model.name, version: r.model.version, alias: r.model.alias, package: r.model.packageDir },
    holdout: { rows: r.data.holdoutRows, metrics: r.holdout.metrics },
    leaderboard: r.leaderboard.map((l) => ({ name: l.name, cv_mean: l.mean, cv_std: l.std, selected: l.selected, p_value_vs_best: l.pValueVsBest, significantly_worse: l.significantlyWorse })),
    automl: r.selection
      ? { preset: r.selection.preset, units: r.selection.units, units_used: r.selection.unitsUsed, trials: r.selection.trials, pruned: r.selection.pruned, reason: r.selection.reason, max_time_note: r.selection.maxTimeNote ?? null }
      : null,
    beats_baseline: r.beats ?? null,
    gates: r.gates,
    fairness: Object.fromEntries((r.fairness ?? []).map((f) => [f.attribute, f.metrics])),
    mitigation: r.mitigation ?? null,
    report,
    seconds: r.seconds,
  };
}
