/**
 * Gates as a test suite: each of the spec's gates is checked against what the run measured on the
 * holdout and on the saved package, and gets a verdict with the measured value. A gate whose value
 * could not be measured fails (with the reason): a criterion nobody could check is not met.
 *
 * Metric gates compare the holdout value, or with `(ci_low)` the lower end of its 95% CI (for a
 * metric where smaller is better the CI's upper end is the pessimistic one, and is used instead).
 * Fairness gates hold for every sensitive attribute: the measured value is the worst attribute's
 * (largest difference, smallest ratio).
 *
 * @example
 * const results = judgeGates(spec.gates, measured);
 * results.every((g) => g.passed);
 */
import { metric } from '../../evaluate/metrics/index.js';
import type { Estimate, GateResult } from '../../report/run-types.js';
import { SpecmlError } from '../../core/errors.js';
import { FAIRNESS_METRICS, metricFamily, OPERATIONAL_METRICS, SPEC_METRICS, type Gate, type GateOp, type Spec, type SpecMetric } from '../../spec/index.js';
import { formatMeasured as f } from './format.js';

/** What a run measured, keyed by the names gates use. */
export interface Measured {
  /** Holdout metrics by name. */
  metrics: Record<string, Estimate>;
  /** Fairness metric -> sensitive attribute -> value (null: undefined for that attribute). */
  fairness: Record<string, Record<string, number | null>>;
  /** p50/p95/p99 latency, model size, train seconds. */
  operational: Partial<Record<(typeof OPERATIONAL_METRICS)[number], number>>;
  /** The candidate against the trivial baseline on the holdout; `difference` > 0 means the candidate is better. */
  beats?: { metric: string; difference: number; ci_low: number | null; ci_high: number | null; p_value: number; significant: boolean };
}

/**
 * `evaluation.json` in a model package written by `specml run`: the gates as written, what was
 * measured, and the verdicts, so `specml test` can check them again on the package.
 *
 * @example
 * const ev: PackageEvaluation = JSON.parse(readFileSync('pkg/evaluation.json', 'utf8'));
 */
export interface PackageEvaluation {
  format: 'specml.evaluation';
  version: 1;
  run_id: string;
  spec_sha256: string;
  metric: string;
  gates: string[];
  measured: Measured;
  results: GateResult[];
  holdout_rows: number;
  /** Permutation importance on the holdout (what `specml monitor` weights drifted features by). */
  importance?: { method: string; metric: string; features: { name: string; mean: number }[] };
}

/**
 * Gates that cannot apply to the task, found before any fitting: a regression metric on a
 * classifier (or the reverse), or a fairness gate on a task that is not binary. Each is a spec
 * error (exit 2) naming the gate, rather than a gate that fails for want of a measurement.
 *
 * @example
 * checkGatesApply(spec, 'regression'); // throws for 'roc_auc >= 0.8'
 */
export function checkGatesApply(spec: Spec, task: 'binary' | 'multiclass' | 'regression'): void {
  spec.gates.forEach((g, i) => {
    if (g.kind !== 'threshold') return;
    const at = { ...(spec.file ? { file: spec.file } : {}), path: `gates[${i}]` };
    if ((SPEC_METRICS as readonly string[]).includes(g.metric)) {
      const fam = metricFamily(g.metric as SpecMetric);
      if ((fam === 'regression') !== (task === 'regression')) {
        throw new SpecmlError('spec.gate_task_mismatch', `gate '${g.source}': ${g.metric} is a ${fam} metric, but this is a ${task} task`, { hint: `Use a ${task === 'regression' ? 'regression' : 'classification'} metric in this gate.`, location: at });
      }
      if (task === 'multiclass' && ['f1', 'precision', 'recall', 'average_precision'].includes(g.metric)) {
        throw new SpecmlError('spec.gate_task_mismatch', `gate '${g.source}': ${g.metric} needs a binary target; this task has more than two classes`, { hint: 'Use f1_macro, f1_weighted or accuracy for multiclass targets.', location: at });
      }
    }
    if ((FAIRNESS_METRICS as readonly string[]).includes(g.metric) && task !== 'binary') {
      throw new SpecmlError('spec.gate_task_mismatch', `gate '${g.source}': fairness gates are measured on binary decisions, but this is a ${task} task`, { hint: 'Remove the gate; the report still lists per-group errors for regression.', location: at });
    }
  });
}

const compare = (v: number, op: GateOp, t: number): boolean => (op === '>=' ? v >= t : op === '<=' ? v <= t : op === '>' ? v > t : op === '<' ? v < t : v === t);

function judgeThreshold(g: Extract<Gate, { kind: 'threshold' }>, m: Measured, where: string): GateResult {
  const base = { gate: g.source, kind: 'threshold' as const, metric: g.metric, op: g.op, threshold: g.value };
  const fail = (why: string): GateResult => ({ ...base, measured: null, passed: false, detail: why });
  if ((FAIRNESS_METRICS as readonly string[]).includes(g.metric)) {
    const per = m.fairness[g.metric];
    if (!per || Object.keys(per).length === 0) return fail('not measured: no sensitive attributes were evaluated');
    const ratio = g.metric.endsWith('_ratio');
    const entries = Object.entries(per);
    const undefinedFor = entries.filter(([, v]) => v === null).map(([a]) => a);
    if (undefinedFor.length) return fail(`undefined for ${undefinedFor.join(', ')} (too few rows in a group to compare)`);
    const worst = entries.reduce((w, e) => (ratio ? (e[1]! < w[1]! ? e : w) : e[1]! > w[1]! ? e : w));
    const passed = entries.every(([, v]) => compare(v!, g.op, g.value));
    return { ...base, measured: worst[1], passed, detail: entries.map(([a, v]) => `${a} ${f(v)}`).join(', ') };
  }
  if ((OPERATIONAL_METRICS as readonly string[]).includes(g.metric)) {
    const v = m.operational[g.metric as keyof Measured['operational']];
    if (v === undefined) return fail('not measured');
    return { ...base, measured: v, passed: compare(v, g.op, g.value), detail: `measured on the saved package: ${f(v)}` };
  }
  const est = m.metrics[g.metric];
  if (!est) return fail(`not measured: '${g.metric}' does not apply to this task or was not computed`);
  const ci = est.ci_low === null ? 'no CI' : `95% CI ${f(est.ci_low)}-${f(est.ci_high)}`;
  if (g.bound === 'ci_low') {
    const pessimistic = metric(g.metric).greaterIsBetter ? est.ci_low : est.ci_high;
    if (pessimistic === null) return fail(`the gate holds the CI bound, but the CI could not be computed (${where} ${f(est.value)})`);
    return { ...base, measured: pessimistic, passed: compare(pessimistic, g.op, g.value), detail: `CI bound ${f(pessimistic)} (${where} ${f(est.value)}, ${ci})` };
  }
  if (!Number.isFinite(est.value)) return fail(`${where} value is ${est.value}`);
  return { ...base, measured: est.value, passed: compare(est.value, g.op, g.value), detail: `${where} ${f(est.value)} (${ci})` };
}

/**
 * Verdicts for all gates, in spec order; `where` names the rows metrics were measured on.
 *
 * @example
 * judgeGates([parseGate('rmse <= 30000')], { metrics: { rmse: { value: 27000, ci_low: 25000, ci_high: 29500 } }, fairness: {}, operational: {} })[0].passed; // true
 */
export function judgeGates(gates: readonly Gate[], m: Measured, where = 'holdout'): GateResult[] {
  return gates.map((g) => {
    if (g.kind === 'threshold') return judgeThreshold(g, m, where);
    const b = m.beats;
    if (!b) return { gate: g.source, kind: 'beats', metric: 'baseline', measured: null, passed: false, detail: 'not measured: no baseline comparison was run' };
    const ci = b.ci_low === null ? '' : `, 95% CI ${f(b.ci_low)} to ${f(b.ci_high)}`;
    return {
      gate: g.source,
      kind: 'beats',
      metric: b.metric,
      measured: b.difference,
      passed: b.significant,
      detail: `${b.metric} better than the baseline by ${f(b.difference)} (paired bootstrap p = ${f(b.p_value)}${ci})${b.significant ? '' : ': not significant'}`,
    };
  });
}
