/**
 * Fairness mitigation by group thresholds (evaluate/fairness groupThresholds: exact,
 * deterministic), for demographic-parity and equal-opportunity gates on binary tasks.
 *
 * Honest by construction: the attribute, the decision to mitigate and the thresholds all come
 * from the selected candidate's out-of-fold predictions of the training rows; the holdout only
 * scores the result. With `fairness.mitigation: group_thresholds` and a fairness gate failing on
 * those predictions, the model is wrapped (models/calibrated) before the holdout is scored. Without
 * it, a gate that fails on the holdout gets the same plan as an offer, its effect computed from the
 * model's holdout probabilities, and the registered model is unchanged.
 *
 * @example
 * const gate = failingOnTraining(spec, p, oof, 0.5);
 * const plan = gate && planMitigation(spec, p, oof, 0.5, gate);
 */
import { encodeClasses } from '../../data/classes.js';
import { applyGroupThresholds, binaryGroupMetrics, groupThresholds, sensitiveGroups, type Grouping, type SensitiveAttribute } from '../../evaluate/fairness/index.js';
import type { Mitigation } from '../../report/run-types.js';
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

/** A fitted mitigation: one threshold per group of one sensitive attribute. */
export interface MitigationPlan {
  attr: SensitiveAttribute;
  constraint: Mitigation['constraint'];
  tolerance: number;
  thresholds: Record<string, number>;
}

/**
 * Fits group thresholds for a fairness gate (`metric <= limit`) on the out-of-fold predictions of
 * the training rows: the attribute is the one with the largest gap there, the thresholds maximise
 * accuracy within the limit. `baseThreshold` is the model's own decision threshold.
 */
export function planMitigation(spec: Spec, p: Prepared, oofProba: Float64Array, baseThreshold: number, gate: { metric: string; limit: number }): MitigationPlan | undefined {
  const constraint = CONSTRAINTS[gate.metric];
  if (!constraint || p.task !== 'binary' || !spec.fairness) return undefined;
  const minGroupSize = spec.fairness.min_group_size;
  const y = encodeClasses(p.yTrain).codes;
  const oofScore = Float64Array.from({ length: y.length }, (_, i) => oofProba[i * 2 + 1]!);
  const base = Int32Array.from(oofScore, (s) => (s >= baseThreshold ? 1 : 0));
  let worst: { attr: SensitiveAttribute; gap: number } | undefined;
  for (const a of sensitiveAttributes(spec, p.train).attrs) {
    const gap = score(sensitiveGroups(p.train, a), y, base, constraint, minGroupSize).gap;
    if (gap !== null && (!worst || gap > worst.gap)) worst = { attr: a, gap };
  }
  if (!worst) return undefined;
  const fit = groupThresholds(oofScore, y, sensitiveGroups(p.train, worst.attr), { constraint, tolerance: gate.limit, minGroupSize, defaultThreshold: baseThreshold });
  return { attr: worst.attr, constraint, tolerance: gate.limit, thresholds: fit.thresholds };
}

/**
 * The first fairness gate the out-of-fold predictions fail (the decision to apply a mitigation is
 * made on training rows only, so the holdout still scores one final model), or undefined.
 */
export function failingOnTraining(spec: Spec, p: Prepared, oofProba: Float64Array, baseThreshold: number): { metric: string; limit: number } | undefined {
  if (p.task !== 'binary' || !spec.fairness) return undefined;
  const y = encodeClasses(p.yTrain).codes;
  const base = Int32Array.from({ length: y.length }, (_, i) => (oofProba[i * 2 + 1]! >= baseThreshold ? 1 : 0));
  for (const g of spec.gates) {
    if (g.kind !== 'threshold' || !CONSTRAINTS[g.metric] || (g.op !== '<=' && g.op !== '<')) continue;
    for (const a of sensitiveAttributes(spec, p.train).attrs) {
      const gap = score(sensitiveGroups(p.train, a), y, base, CONSTRAINTS[g.metric]!, spec.fairness.min_group_size).gap;
      if (gap !== null && !(g.op === '<=' ? gap <= g.value : gap < g.value)) return { metric: g.metric, limit: g.value };
    }
  }
  return undefined;
}

/** What a plan does on the holdout (from the model's probabilities: no other model scores it). */
export function describeMitigation(spec: Spec, p: Prepared, plan: MitigationPlan, holdoutScore: Float64Array, baseThreshold: number, applied: boolean): Mitigation {
  const minGroupSize = spec.fairness!.min_group_size;
  const yTest = encodeClasses(p.yTest).codes;
  const groups = sensitiveGroups(p.test, plan.attr);
  const before = score(groups, yTest, Int32Array.from(holdoutScore, (s) => (s >= baseThreshold ? 1 : 0)), plan.constraint, minGroupSize);
  const after = score(groups, yTest, applyGroupThresholds(holdoutScore, groups, plan.thresholds, baseThreshold), plan.constraint, minGroupSize);
  return {
    attribute: plan.attr.column,
    constraint: plan.constraint,
    tolerance: plan.tolerance,
    thresholds: plan.thresholds,
    before,
    after,
    applied,
    note: applied
      ? `Applied (fairness.mitigation: group_thresholds): the out-of-fold predictions failed the ${plan.constraint.replace('_', ' ')} gate, so the model decides with one threshold per ${plan.attr.column} group; the holdout numbers above are the mitigated model's.`
      : 'Offered, not applied: set fairness.mitigation: group_thresholds in the spec to allow it (it needs the sensitive attribute at prediction time).',
  };
}
