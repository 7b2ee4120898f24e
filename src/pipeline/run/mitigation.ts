/**
 * The fairness mitigation a run offers when a demographic-parity or equal-opportunity gate fails on
 * a binary task: one decision threshold per group of the worst attribute, chosen to maximise
 * accuracy subject to the gate's limit (evaluate/fairness groupThresholds: exact, deterministic).
 *
 * Honest by construction: the thresholds are fitted on the selected candidate's out-of-fold
 * predictions of the training rows (each row scored by a model that did not see it), never on the
 * holdout; the holdout only scores the result. The registered model is not changed: group
 * thresholds need the sensitive attribute at prediction time, a policy choice the spec's owner
 * makes, so the offer is reported (and the gate still fails) until serving supports it.
 *
 * @example
 * const m = mitigationOffer(spec, p, oofProba, holdoutScore, failedGate);
 */
import { encodeClasses } from '../../data/classes.js';
import { applyGroupThresholds, binaryGroupMetrics, groupThresholds, sensitiveGroups, type Grouping } from '../../evaluate/fairness/index.js';
import type { GateResult, Mitigation } from '../../report/run-types.js';
import type { Spec } from '../../spec/index.js';
import { sensitiveAttributes } from './insight.js';
import type { Prepared } from './prepare.js';

const CONSTRAINTS: Record<string, Mitigation['constraint']> = {
  demographic_parity_difference: 'demographic_parity',
  equal_opportunity_difference: 'equal_opportunity',
};

/** Holdout accuracy, balanced accuracy and the constraint's gap for labels `yPred`. */
function score(g: Grouping, y: Int32Array, yPred: Int32Array, constraint: Mitigation['constraint'], minGroupSize: number): Mitigation['before'] {
  let hit = 0;
  const tp = [0, 0];
  const n1 = [0, 0];
  for (let i = 0; i < y.length; i++) {
    if (y[i] === yPred[i]) hit++;
    n1[y[i]!]!++;
    if (y[i] === yPred[i]) tp[y[i]!]!++;
  }
  const rates = binaryGroupMetrics(g, y, yPred, { minGroupSize })
    .filter((m) => !m.small)
    .map((m) => (constraint === 'demographic_parity' ? m.selection_rate.value : m.tpr.value))
    .filter((v): v is number => v !== null);
  return {
    accuracy: hit / y.length,
    balanced_accuracy: (tp[0]! / Math.max(1, n1[0]!) + tp[1]! / Math.max(1, n1[1]!)) / 2,
    gap: rates.length >= 2 ? Math.max(...rates) - Math.min(...rates) : null,
  };
}

export function mitigationOffer(spec: Spec, p: Prepared, oofProba: Float64Array, holdoutScore: Float64Array, gates: readonly GateResult[]): Mitigation | undefined {
  const failed = gates.find((g) => !g.passed && g.kind === 'threshold' && CONSTRAINTS[g.metric] !== undefined);
  if (!failed || p.task !== 'binary' || !spec.fairness) return undefined;
  const constraint = CONSTRAINTS[failed.metric]!;
  // The attribute where the failed metric is worst (the gate's detail lists them; recompute here).
  const { attrs } = sensitiveAttributes(spec, p.test);
  const minGroupSize = spec.fairness.min_group_size;
  const yTest = encodeClasses(p.yTest).codes;
  const base = Int32Array.from(holdoutScore, (s) => (s >= 0.5 ? 1 : 0));
  let worst: { attr: (typeof attrs)[number]; gap: number } | undefined;
  for (const a of attrs) {
    const gap = score(sensitiveGroups(p.test, a), yTest, base, constraint, minGroupSize).gap;
    if (gap !== null && (!worst || gap > worst.gap)) worst = { attr: a, gap };
  }
  if (!worst) return undefined;
  const yTrain = encodeClasses(p.yTrain).codes;
  const oofScore = Float64Array.from({ length: yTrain.length }, (_, i) => oofProba[i * 2 + 1]!);
  const fit = groupThresholds(oofScore, yTrain, sensitiveGroups(p.train, worst.attr), { constraint, tolerance: failed.threshold!, minGroupSize, defaultThreshold: 0.5 });
  const testGroups = sensitiveGroups(p.test, worst.attr);
  const mitigated = applyGroupThresholds(holdoutScore, testGroups, fit.thresholds, 0.5);
  const before = score(testGroups, yTest, base, constraint, minGroupSize);
  const after = score(testGroups, yTest, mitigated, constraint, minGroupSize);
  const applied = false;
  return {
    attribute: worst.attr.column,
    constraint,
    tolerance: failed.threshold!,
    thresholds: fit.thresholds,
    before,
    after,
    applied,
    note:
      spec.fairness.mitigation === 'group_thresholds'
        ? 'The spec allows group thresholds, but the model package cannot apply them at prediction time yet: offered, not applied.'
        : "Offered, not applied: set fairness.mitigation: group_thresholds in the spec to allow it (it needs the sensitive attribute at prediction time).",
  };
}
