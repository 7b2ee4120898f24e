/** The analysis report as Markdown: the same sections as the HTML page, as tables instead of plots. */
import type { Analysis } from '../data/analysis.js';
import {
  columnFacts, columnsWithMissing, detailColumns, headerFacts, issueSummary, MAX_MISSING_BARS,
  measureLabel, missingRatio, rankedByAssociation, summaryRow, targetColumn, taskLabel, TOP_ASSOCIATIONS,
} from './content.js';
import { escapeMarkdown as m } from './escape.js';
import { formatCount, formatPercent, formatSeconds, formatStat } from './format.js';

/**
 * Renders the analysis report as GitHub-flavoured Markdown. Synchronous and cheap: no plots.
 *
 * @example
 * const md = renderAnalysisMarkdown(analysis);
 * md.startsWith('# '); // true
 */
export function renderAnalysisMarkdown(a: Analysis): string {
  const out: string[] = [`# ${m(a.name)}`, '', `Data analysis by specml ${m(a.specmlVersion)}.`, ''];
  out.push(...headerFacts(a).map(([k, v]) => `- **${k}:** ${m(v)}`), '');

  const t = a.task;
  out.push('## Verdict', '');
  out.push(`**Task:** ${m(taskLabel(a))} on target \`${code(a.target)}\`. ${m(t.reason)}`, '');
  if (t.classes?.length) out.push(`**Classes (${formatCount(t.classes.length)}):** ${t.classes.slice(0, 30).map((c) => `\`${code(c)}\``).join(', ')}${t.classes.length > 30 ? ` and ${formatCount(t.classes.length - 30)} more` : ''}`, '');
  if (t.positiveClass !== undefined) out.push(`**Positive class:** \`${code(t.positiveClass)}\``, '');
  if (t.textColumn) out.push(`**Text column:** \`${code(t.textColumn)}\``, '');
  if (t.imageShape) out.push(`**Image shape:** ${t.imageShape[0]} × ${t.imageShape[1]} pixels`, '');
  out.push(`**Recommended metric:** \`${code(a.metric.metric)}\`. ${m(a.metric.reason)}`, '');
  if (a.metric.secondary.length) out.push(`Also report: ${a.metric.secondary.map((s) => `\`${code(s)}\``).join(', ')}.`, '');
  for (const n of a.metric.notes) out.push(`- ${m(n)}`);
  if (a.metric.notes.length) out.push('');

  const { sorted, counts } = issueSummary(a.issues);
  out.push('## Issues', '');
  if (sorted.length === 0) out.push('No issues found.', '');
  else {
    out.push(`${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${formatCount(counts.info)} info.`, '');
    out.push(table(['Severity', 'Check', 'Column', 'Message', 'What to do'], sorted.map((i) => [i.severity, `\`${code(i.code)}\``, m(i.path), m(i.message), m(i.hint ?? '')])), '');
  }

  out.push(`## Target: ${m(a.target)}`, '');
  const c = targetColumn(a);
  if (!c) out.push('The target column is not in the profile.', '');
  else if (a.task.targetKind !== 'regression' && c.categorical?.top.length) {
    const rows = c.categorical.top.map((x) => [m(x.value === '' ? '(empty)' : x.value), formatCount(x.count), formatPercent(x.count / Math.max(1, c.count))]);
    out.push(table(['Class', 'Rows', 'Share'], rows, [false, true, true]), '');
  } else out.push(table(['Statistic', 'Value'], columnFacts(c, a.profile).map(([k, v]) => [k, m(v)]), [false, true]), '');

  const ranked = rankedByAssociation(a);
  out.push('## Target association', '');
  if (ranked.length === 0) out.push('No feature has an association score with the target.', '');
  else {
    const top = ranked.slice(0, TOP_ASSOCIATIONS);
    out.push(`Top ${top.length} of ${formatCount(ranked.length)} features by ${m(measureLabel(top))}, normalised to [0, 1].`, '');
    out.push(table(['#', 'Feature', 'Normalised', 'Raw'], top.map((x, i) => [String(i + 1), m(x.name), formatStat(x.association!.normalized), formatStat(x.association!.value)]), [true, false, true, true]), '');
  }

  const missing = columnsWithMissing(a);
  out.push('## Missing values', '');
  if (missing.length === 0) out.push('No missing values in any column.', '');
  else {
    out.push(`${formatCount(missing.length)} of ${formatCount(a.profile.columns.length)} columns have missing values${missing.length > MAX_MISSING_BARS ? `; the ${MAX_MISSING_BARS} largest are listed` : ''}.`, '');
    out.push(table(['Column', 'Missing', 'Share'], missing.slice(0, MAX_MISSING_BARS).map((x) => [m(x.name), formatCount(x.missing), formatPercent(missingRatio(x, a.profile))]), [false, true, true]), '');
  }

  out.push('## Columns', '');
  const head = ['#', 'Column', 'Type', 'Missing', 'Distinct', 'Mean', 'Std', 'Min', 'Max', 'Top value / length', 'Assoc.'];
  const rows = a.profile.columns.map((col, i) => {
    const r = summaryRow(col, a.profile);
    const name = m(r.name) + (col.name === a.target ? ' (target)' : '') + (r.idLike ? ' (id-like)' : '');
    return [String(i + 1), name, r.type, r.missing, r.distinct, r.mean, r.std, m(r.min), m(r.max), m(r.top), r.association];
  });
  out.push(table(head, rows, [true, false, false, true, true, true, true, true, true, false, true]), '');

  const cards = detailColumns(a);
  const features = a.profile.columns.length - (c ? 1 : 0);
  out.push('## Column details', '');
  if (cards.length < features) out.push(`${formatCount(cards.length)} of ${formatCount(features)} feature columns, strongest target association first; the other ${formatCount(features - cards.length)} are in the table above only.`, '');
  for (const col of cards) {
    out.push(`### ${m(col.name)} (${col.type}${col.idLike ? ', id-like' : ''})`, '');
    out.push(table(['Statistic', 'Value'], columnFacts(col, a.profile).map(([k, v]) => [k, m(v)]), [false, false]), '');
    if (col.categorical?.top.length) {
      out.push(table(['Value', 'Rows'], col.categorical.top.slice(0, 10).map((x) => [m(x.value === '' ? '(empty)' : x.value), formatCount(x.count)]), [false, true]), '');
    }
  }

  out.push('---', '', `Analysis took ${formatSeconds(a.seconds)} · specml ${m(a.specmlVersion)}`, '');
  return out.join('\n');
}

/** A GFM table; cells must already be escaped. `right[i]` right-aligns column i. */
function table(head: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (right[i] ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

/** Text for an inline code span: backticks cannot be escaped inside one, so they become quotes. */
function code(s: string): string {
  return s.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}
