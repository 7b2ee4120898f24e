/**
 * What the run report says, independent of format: the verdict, the summary and the sentences
 * under each table, generated from the numbers. The HTML and Markdown renderers both read these,
 * so the two files never disagree. Sentences are plain text; each renderer escapes them.
 */
import { formatCount, formatStat } from './format.js';
import { formatEstimate, formatP, formatRange, formatScore, formatSigned, higherIsBetter, metricLabel } from './run-format.js';
import type { GateResult, LeaderboardRow, RunReport } from './run-types.js';

/**
 * Gate tallies for the verdict band.
 *
 * @example
 * gateCounts(binaryRun()); // { total: 5, passed: 4, failed: 1 }
 */
export function gateCounts(r: RunReport): { total: number; passed: number; failed: number } {
  const passed = r.gates.filter((g) => g.passed).length;
  return { total: r.gates.length, passed, failed: r.gates.length - passed };
}

/**
 * "PASSED" / "FAILED" and the gate count beside it, e.g. "1 of 5 gates failed".
 *
 * @example
 * verdictText(binaryRun()); // { word: 'FAILED', gates: '1 of 5 gates failed, 4 passed' }
 */
export function verdictText(r: RunReport): { word: string; gates: string } {
  const { total, passed, failed } = gateCounts(r);
  const gates =
    total === 0 ? 'the spec has no gates'
    : failed === 0 ? `all ${plural(total, 'gate')} passed`
    : `${formatCount(failed)} of ${plural(total, 'gate')} failed${passed > 0 ? `, ${formatCount(passed)} passed` : ''}`;
  return { word: r.passed ? 'PASSED' : 'FAILED', gates };
}

/**
 * The registry alias, or why there is none.
 *
 * @example
 * aliasText(binaryRun()); // 'not promoted (gates failed)'
 */
export function aliasText(r: RunReport): string {
  if (r.model.alias !== null) return r.model.alias;
  return r.passed ? 'no alias' : 'not promoted (gates failed)';
}

/**
 * The selected model's leaderboard row, falling back to the best one.
 *
 * @example
 * selectedRow(binaryRun())?.name; // 'gbdt'
 */
export function selectedRow(r: RunReport): LeaderboardRow | undefined {
  return r.leaderboard.find((x) => x.selected) ?? bestRow(r);
}

/**
 * The best cross-validated candidate (the row marked best, else the top of the ranking).
 *
 * @example
 * bestRow(binaryRun())?.name; // 'gbdt'
 */
export function bestRow(r: RunReport): LeaderboardRow | undefined {
  return r.leaderboard.find((x) => x.isBest) ?? rankedLeaderboard(r)[0];
}

/**
 * Leaderboard rows best first by CV mean (ties keep the pipeline's order).
 *
 * @example
 * rankedLeaderboard(regressionRun()).map((x) => x.name); // ['gbdt', 'linear', 'baseline'] (lowest RMSE first)
 */
export function rankedLeaderboard(r: RunReport): LeaderboardRow[] {
  const sign = r.metric.greaterIsBetter ? -1 : 1;
  return [...r.leaderboard].sort((a, b) => (Number.isFinite(a.mean) && Number.isFinite(b.mean) ? sign * (a.mean - b.mean) : Number.isFinite(a.mean) ? -1 : 1));
}

/**
 * "0.842 ± 0.014"
 *
 * @example
 * meanStd(binaryRun().leaderboard[0]!); // '0.837 ± 0.012'
 */
export function meanStd(row: LeaderboardRow): string {
  return `${formatScore(row.mean)} ± ${formatScore(row.std)}`;
}

/**
 * The headline paragraph, in the order a reviewer asks: what was chosen and how good it is on
 * data it never saw, whether it beats doing nothing, and which gates stopped it.
 *
 * @example
 * summarySentences(binaryRun())[0]; // 'gbdt was selected from 4 candidates and scored ROC AUC 0.862 (95% CI …) …'
 */
export function summarySentences(r: RunReport): string[] {
  const out: string[] = [];
  const sel = selectedRow(r);
  const primary = r.holdout.metrics[r.metric.name];
  const label = metricLabel(r.metric.name);
  const who = sel ? sel.name : r.model.name;
  const cands = r.leaderboard.length;
  if (primary) out.push(`${who} was selected from ${plural(cands, 'candidate')} and scored ${label} ${formatEstimate(primary)} on ${formatCount(r.data.holdoutRows)} holdout rows it never saw during training.`);
  else out.push(`${who} was selected from ${plural(cands, 'candidate')}; its holdout ${label} could not be computed.`);
  if (r.beats) out.push(beatsSentence(r));
  const failed = r.gates.filter((g) => !g.passed);
  if (failed.length > 0) out.push(`It fails ${plural(failed.length, 'gate')}: ${failed.map((g) => `${g.gate}, ${g.measured === null ? 'not measured' : `measured ${gateMeasured(g)}`} (${g.detail})`).join('; ')}.`);
  out.push(r.model.alias !== null ? `Registered as ${r.model.name} v${r.model.version} with alias ${r.model.alias}.` : r.passed ? `Registered as ${r.model.name} v${r.model.version} without an alias.` : `Registered as ${r.model.name} v${r.model.version} but not promoted: no alias points to it until its gates pass.`);
  return out;
}

/**
 * The selected model against the trivial baseline, or that the comparison was not run.
 *
 * @example
 * beatsSentence(binaryRun()); // 'On the holdout, gbdt beats the trivial baseline: ROC AUC higher by 0.362 (…).'
 */
export function beatsSentence(r: RunReport): string {
  const b = r.beats;
  if (!b) return 'No baseline comparison was run.';
  const ci = formatRange(b.ci_low, b.ci_high);
  const stats = `${ci === '—' ? '' : `95% CI ${ci}, `}${formatP(b.p_value)}, paired bootstrap on the holdout`;
  const better = higherIsBetter(b.metric) === false ? 'lower' : 'higher';
  const who = selectedRow(r)?.name ?? r.model.name;
  return b.significant
    ? `On the holdout, ${who} beats the trivial baseline: ${metricLabel(b.metric)} ${better} by ${formatScore(Math.abs(b.difference))} (${stats}).`
    : `On the holdout, ${who} does not significantly beat the trivial baseline: difference in ${metricLabel(b.metric)} ${formatSigned(b.difference)} (${stats}).`;
}

/**
 * What the leaderboard shows, e.g. "gbdt had the best cross-validated ROC AUC (0.842 ± 0.014 over
 * 5 folds); forest was not significantly worse (p = 0.21); linear and baseline were (p = 0.012,
 * p < 0.001)."
 *
 * @example
 * leaderboardSentences(binaryRun())[0]; // 'gbdt had the best cross-validated ROC AUC (0.837 ± 0.012 over 5 folds); …'
 */
export function leaderboardSentences(r: RunReport): string[] {
  const best = bestRow(r);
  if (!best) return ['No candidates were cross-validated.'];
  const label = metricLabel(r.metric.name);
  const head = `${best.name} had the best cross-validated ${label} (${meanStd(best)} over ${plural(best.folds.length, 'fold')})`;
  const others = rankedLeaderboard(r).filter((x) => x !== best);
  if (others.length === 0) return [`${head}; it was the only candidate, so there is nothing to compare.`];
  const clause = (rows: LeaderboardRow[], worse: boolean) => {
    if (rows.length === 0) return '';
    const names = listText(rows.map((x) => x.name));
    const ps = rows.map((x) => formatP(x.pValueVsBest)).join(', ');
    const verb = rows.length === 1 ? 'was' : 'were';
    return worse ? `${names} ${verb} significantly worse (${ps})` : `${names} ${verb} not significantly worse (${ps})`;
  };
  const parts = [head, clause(others.filter((x) => !x.significantlyWorse), false), clause(others.filter((x) => x.significantlyWorse), true)].filter(Boolean);
  const out = [`${parts.join('; ')}.`];
  const sel = r.leaderboard.find((x) => x.selected);
  if (r.selection) {
    const a = r.selection;
    out.push(`AutoML (${a.preset}) ran ${plural(a.trials, 'trial')}${a.pruned ? ` (${a.pruned} pruned)` : ''} in ${a.unitsUsed} of ${a.units} work units.${a.maxTimeNote ? ` ${a.maxTimeNote}` : ''}`);
    if (sel) out.push(`The run selected ${sel.name}: ${a.reason}.`);
  } else if (sel && sel !== best) {
    out.push(sel.significantlyWorse
      ? `The run selected ${sel.name} although it is significantly worse than ${best.name}.`
      : `The run selected ${sel.name} rather than ${best.name}: the two are within cross-validation noise.`);
  }
  return out;
}

/**
 * The leaderboard's significance cell: "best", "no (p = 0.21)", "yes (p = 0.012)".
 *
 * @example
 * worseCell(binaryRun().leaderboard[1]!); // 'no (p = 0.21)'
 */
export function worseCell(row: LeaderboardRow): string {
  if (row.isBest) return 'best';
  return `${row.significantlyWorse ? 'yes' : 'no'} (${formatP(row.pValueVsBest)})`;
}

/** What "significantly worse" means, for readers who have not met the corrected t-test. */
export const SIGNIFICANCE_NOTE =
  "“Significantly worse” is a corrected resampled t-test (Nadeau & Bengio, 2003) of each candidate's fold scores against the best candidate's on the same folds. " +
  'The correction widens the variance for the overlap between cross-validation training sets; a plain paired t-test ignores that overlap and finds differences that are not there.';

/**
 * One line on what a gate compares, for the threshold column.
 *
 * @example
 * gateThreshold(binaryRun().gates[3]!); // '<= 0.1'
 */
export function gateThreshold(g: GateResult): string {
  if (g.kind === 'beats') return 'significantly better';
  return g.op !== undefined && g.threshold !== undefined ? `${g.op} ${formatStat(g.threshold)}` : '—';
}

/**
 * The measured value of a gate: a signed difference for a baseline gate.
 *
 * @example
 * gateMeasured(binaryRun().gates[2]!); // '+0.362' (a baseline gate's difference, signed)
 */
export function gateMeasured(g: GateResult): string {
  if (g.measured === null) return 'not measured';
  return g.kind === 'beats' ? formatSigned(g.measured) : formatScore(g.measured);
}

/**
 * The holdout metrics, primary metric first, each with its CI and which way is better.
 *
 * @example
 * holdoutRows(binaryRun())[0]; // { name: 'roc_auc', primary: true, value: '0.862', ci: '0.838–0.890', better: 'higher' }
 */
export function holdoutRows(r: RunReport): { name: string; primary: boolean; value: string; ci: string; better: string }[] {
  const names = Object.keys(r.holdout.metrics).sort((a, b) => Number(b === r.metric.name) - Number(a === r.metric.name));
  return names.map((name) => {
    const est = r.holdout.metrics[name]!;
    const hib = name === r.metric.name ? r.metric.greaterIsBetter : higherIsBetter(name);
    return { name, primary: name === r.metric.name, value: formatScore(est.value), ci: formatRange(est.ci_low, est.ci_high), better: hib === undefined ? '' : hib ? 'higher' : 'lower' };
  });
}

/**
 * "a", "a and b", "a, b and c".
 *
 * @example
 * listText(['a', 'b', 'c']); // 'a, b and c'
 */
export function listText(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * "1 gate", "5 gates".
 *
 * @example
 * plural(1, 'gate'); // '1 gate'
 */
export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The sentence under "Holdout performance": what was scored, and the decision rule when the spec
 * changed it (calibration, a threshold).
 *
 * @example
 * holdoutNote(report); // 'The selected model, refitted on all 3,563 training rows, …'
 */
export function holdoutNote(r: RunReport): string {
  const base = `The selected model, refitted on all ${formatCount(r.data.trainRows)} training rows, scored on the ${formatCount(r.data.holdoutRows)} holdout rows. Intervals are 95% bootstrap confidence intervals over holdout rows.`;
  const missing = (r.holdout.unavailable ?? []).map((u) => `${u.metric} is not defined on these rows (${u.reason}).`);
  return [base, ...(r.decision ? [r.decision.note] : []), ...missing].join(' ');
}
