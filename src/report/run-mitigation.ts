/**
 * What the run report says about a fairness mitigation (per-group decision thresholds offered when
 * a fairness gate fails), for both renderers: one sentence, the thresholds and a before/after table.
 */
import { formatStat } from './format.js';
import { formatScore } from './run-format.js';
import type { Mitigation } from './run-types.js';

const CONSTRAINT: Record<Mitigation['constraint'], string> = {
  demographic_parity: 'demographic parity difference (selection-rate gap)',
  equal_opportunity: 'equal opportunity difference (true-positive-rate gap)',
};

/**
 * The mitigation as text and rows; cells are plain strings for the renderer to escape.
 *
 * @example
 * const t = mitigationText(report.mitigation!);
 * t.title; // 'Mitigation offered, not applied'
 */
export function mitigationText(m: Mitigation): {
  title: string;
  sentence: string;
  thresholds: [string, string][];
  effect: { head: string[]; rows: string[][] };
} {
  const gap = (v: number | null) => (v === null ? '—' : formatScore(v));
  const sentence =
    `One decision threshold per ${m.attribute} group, fitted on out-of-fold predictions of the training rows (never the holdout) ` +
    `to keep the ${CONSTRAINT[m.constraint]} within ${formatStat(m.tolerance)}, then scored on the holdout. ` +
    `The gap goes from ${gap(m.before.gap)} to ${gap(m.after.gap)}; accuracy from ${formatScore(m.before.accuracy)} to ${formatScore(m.after.accuracy)}.`;
  return {
    title: m.applied ? 'Mitigation applied' : 'Mitigation offered, not applied',
    sentence,
    thresholds: Object.entries(m.thresholds).map(([g, t]) => [g, formatScore(t)]),
    effect: {
      head: ['Decision rule', 'Accuracy', 'Balanced accuracy', 'Gap'],
      rows: [
        ["the model's threshold", formatScore(m.before.accuracy), formatScore(m.before.balanced_accuracy), gap(m.before.gap)],
        ['per-group thresholds', formatScore(m.after.accuracy), formatScore(m.after.balanced_accuracy), gap(m.after.gap)],
      ],
    },
  };
}
