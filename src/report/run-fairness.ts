/**
 * What the run report says about fairness, for both renderers: the four-fifths rule, the spread of
 * selection rates, the spec's gates judged per attribute, and the rate columns to show.
 */
import { formatCount, formatPercent, formatStat } from './format.js';
import { formatPct, formatScore } from './run-format.js';
import type { FairnessSection, GateResult, RunReport } from './run-types.js';

/**
 * The EEOC four-fifths rule on an attribute's selection-rate ratio: `verdict` is "passes",
 * "fails" or "cannot be checked"; `detail` gives the numbers.
 *
 * @example
 * fourFifths(binaryRun().fairness![0]!).verdict; // 'fails'
 */
export function fourFifths(s: FairnessSection): { passed: boolean | null; verdict: string; detail: string } {
  const ratio = s.metrics.disparate_impact ?? s.metrics.demographic_parity_ratio ?? null;
  if (ratio === null || !Number.isFinite(ratio)) return { passed: null, verdict: 'cannot be checked', detail: 'There is no selection-rate ratio: fewer than two groups are large enough to compare.' };
  const passed = ratio >= 0.8;
  return { passed, verdict: passed ? 'passes' : 'fails', detail: `The lowest group selection rate is ${formatPercent(ratio)} of the highest (ratio ${formatScore(ratio)}; the rule asks for at least 0.8).` };
}

/**
 * The spec's threshold gates on this attribute's aggregate metrics, judged for this attribute
 * alone (the gate itself is judged on the worst attribute), e.g. "gate >= 0.8: fails".
 *
 * @example
 * attributeGateChecks(r, r.fairness![0]!).get('demographic_parity_difference'); // { passed: false, text: 'gate <= 0.1: fails' }
 */
export function attributeGateChecks(r: RunReport, s: FairnessSection): Map<string, { text: string; passed: boolean }> {
  const out = new Map<string, { text: string; passed: boolean }>();
  for (const g of r.gates) {
    const v = s.metrics[g.metric];
    if (g.kind !== 'threshold' || g.op === undefined || g.threshold === undefined || v === undefined) continue;
    const passed = v !== null && compare(v, g.op, g.threshold);
    out.set(g.metric, { passed, text: `gate ${g.op} ${formatStat(g.threshold)}: ${v === null ? 'not measured' : passed ? 'passes' : 'fails'}` });
  }
  return out;
}

function compare(v: number, op: NonNullable<GateResult['op']>, t: number): boolean {
  return op === '>=' ? v >= t : op === '<=' ? v <= t : op === '>' ? v > t : op === '<' ? v < t : v === t;
}

/**
 * "Selection rate ranges from 18.2% (single) to 31.0% (married)" over the compared groups.
 *
 * @example
 * fairnessSpread(binaryRun().fairness![0]!); // 'Selection rate ranges from 19.3% (30–39) to 35.0% (< 30) across the 4 groups compared.'
 */
export function fairnessSpread(s: FairnessSection): string | undefined {
  const excluded = new Set(s.excluded.map((x) => x.group));
  const rated = s.groups.filter((g) => !excluded.has(g.group) && g.rates.selection_rate?.value != null);
  if (rated.length < 2) return undefined;
  const by = [...rated].sort((a, b) => a.rates.selection_rate!.value! - b.rates.selection_rate!.value!);
  const lo = by[0]!;
  const hi = by[by.length - 1]!;
  return `Selection rate ranges from ${formatPct(lo.rates.selection_rate!.value!)} (${lo.group}) to ${formatPct(hi.rates.selection_rate!.value!)} (${hi.group}) across the ${formatCount(rated.length)} groups compared.`;
}

/**
 * Rate columns of a fairness table: the binary rates in their usual order, then any others.
 *
 * @example
 * rateColumns(binaryRun().fairness![0]!); // ['selection_rate', 'tpr', 'fpr', 'precision', 'accuracy', 'error_rate']
 */
export function rateColumns(s: FairnessSection): string[] {
  const order = ['selection_rate', 'tpr', 'fpr', 'precision', 'accuracy', 'error_rate', 'mae', 'rmse'];
  const names = new Set(s.groups.flatMap((g) => Object.keys(g.rates)));
  return [...order.filter((n) => names.has(n)), ...[...names].filter((n) => !order.includes(n)).sort()];
}
