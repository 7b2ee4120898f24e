/**
 * The `specml run` report as GitHub-flavoured Markdown: the same sections, numbers and sentences
 * as the HTML page (both read run-content.ts), with tables in place of plots. Every string from
 * the spec or the data goes through escapeMarkdown, so a name cannot break a table or inject HTML.
 */
import { escapeMarkdown as m } from './escape.js';
import { formatBytes, formatCount, formatDate, formatSeconds } from './format.js';
import { mdTable } from './md-table.js';
import {
  aliasText, beatsSentence, gateMeasured, gateThreshold, holdoutNote, holdoutRows, leaderboardSentences, meanStd, rankedLeaderboard,
  SIGNIFICANCE_NOTE, summarySentences, verdictText, worseCell,
} from './run-content.js';
import { dataFacts, lineageFacts, sortedIssues, TASK_LABEL } from './run-facts.js';
import { capitalise, formatScore, metricLabel } from './run-format.js';
import { diagnosticsMarkdown, fairnessMarkdown } from './run-markdown-sections.js';
import type { RunReport } from './run-types.js';

/**
 * Renders the run report as Markdown. Synchronous and cheap: no plots. Deterministic.
 *
 * @example
 * const md = renderRunMarkdown(report);
 * md.startsWith('# '); // true
 */
export function renderRunMarkdown(r: RunReport): string {
  const v = verdictText(r);
  const out: string[] = [`# ${m(r.name)}`, ''];
  out.push(`${TASK_LABEL[r.data.task]} of ${m(r.data.target)} · run started ${formatDate(r.startedAt)} UTC · took ${formatSeconds(r.seconds)}`, '');
  out.push(`> **${v.word}** · ${m(v.gates)} · ${m(r.model.name)} v${r.model.version} · ${m(aliasText(r))}`, '');
  out.push(m(summarySentences(r).join(' ')), '');
  out.push(`- **Goal:** ${r.goal ? m(r.goal) : '_The spec states no goal._'}`);
  if (r.why) out.push(`- **Why:** ${m(r.why)}`);
  out.push(`- **Primary metric:** ${m(r.metric.name)}, ${r.metric.greaterIsBetter ? 'higher' : 'lower'} is better.${r.metric.reason ? ` ${m(r.metric.reason)}` : ''}`, '');
  const l = r.model.latencyMs;
  out.push('**Registered model**', '');
  out.push(mdTable(['Name', 'Version', 'Alias', 'Package', 'Size', 'Latency p50 / p95 / p99'], [[
    m(r.model.name), `v${r.model.version}`, m(aliasText(r)), m(r.model.packageDir), formatBytes(r.model.sizeBytes),
    `${formatScore(l.p50)} / ${formatScore(l.p95)} / ${formatScore(l.p99)} ms`,
  ]]), '');

  out.push('## Gates', '');
  if (r.gates.length === 0) out.push('The spec has no gates, so nothing held this model back.', '');
  else {
    const rows = r.gates.map((g) => [m(g.gate), m(gateMeasured(g)), m(gateThreshold(g)), g.passed ? 'passed' : '**FAILED**', m(g.detail)]);
    out.push(mdTable(['Gate', 'Measured', 'Threshold', 'Verdict', 'Detail'], rows, [false, true, true]), '');
  }

  out.push('## Holdout performance', '');
  const hold = holdoutRows(r);
  if (hold.length === 0) out.push('No holdout metrics were computed.', '');
  else {
    out.push(m(holdoutNote(r)), '');
    const rows = hold.map((x) => [`${m(capitalise(metricLabel(x.name)))}${x.primary ? ' (primary)' : ''}`, m(x.name), x.value, x.ci, x.better]);
    out.push(mdTable(['Metric', 'Name', 'Value', '95% CI', 'Better'], rows, [false, false, true, true]), '');
  }

  out.push('## Leaderboard', '');
  out.push(...leaderboardSentences(r).map(m), '');
  if (r.leaderboard.length > 0) {
    const rows = rankedLeaderboard(r).map((x, i) => [
      String(i + 1), `${m(x.name)}${x.selected ? ' **(selected)**' : ''}`, m(x.description), meanStd(x),
      x.folds.map((f) => formatScore(f)).join(', '), m(worseCell(x)), formatSeconds(x.seconds),
    ]);
    out.push(mdTable(['#', 'Candidate', 'Description', `CV ${m(metricLabel(r.metric.name))}, mean ± std`, 'Fold scores', 'Significantly worse than the best?', 'Time'], rows, [true, false, false, true, true, false, true]), '');
    out.push(`_${m(SIGNIFICANCE_NOTE)}_`, '');
  }
  out.push('### Against the baseline', '', m(beatsSentence(r)), '');

  out.push(...diagnosticsMarkdown(r));
  out.push(...fairnessMarkdown(r));

  out.push('## Data', '');
  out.push(mdTable(['Field', 'Value'], dataFacts(r).map(([k, v]) => [k, m(v)])), '');
  out.push(`**${formatCount(r.data.features.length)} features:** ${r.data.features.map(m).join(', ')}`, '');
  out.push('### Data-quality issues', '');
  const issues = sortedIssues(r);
  if (issues.length === 0) out.push('No data-quality warnings or errors.', '');
  else out.push(mdTable(['Severity', 'Check', 'Message'], issues.map((i) => [m(i.severity), m(i.code), m(i.message)])), '');

  out.push('## Lineage', '');
  out.push('What produced this model: the same spec, data, seed and specml version should reproduce it.', '');
  out.push(mdTable(['Field', 'Value'], lineageFacts(r).map(([k, v]) => [k, m(v)])), '');
  out.push('---', '', `Run ${m(r.runId)} · specml ${m(r.specmlVersion)} · took ${formatSeconds(r.seconds)}`, '');
  return out.join('\n');
}
