/**
 * The analysis report as one self-contained HTML page: inline CSS and SVG, no scripts, no external
 * assets, no timestamps (the same analysis gives the same bytes).
 */
import type { Analysis } from '../data/analysis.js';
import {
  columnsWithMissing, headerFacts, issueSummary, MAX_MISSING_BARS, measureLabel, missingRatio,
  rankedByAssociation, targetColumn, taskLabel, TOP_ASSOCIATIONS,
} from './content.js';
import { REPORT_CSS } from './css.js';
import { escapeHtml as e } from './escape.js';
import { Figures } from './figures.js';
import { formatCount, formatPercent, formatSeconds, formatStat } from './format.js';
import { cardPlot, columnAnchor, columnCardsHtml, columnTableHtml, factList } from './html-columns.js';
import { barSpec, histogramSpec } from './plots.js';
import { htmlPage } from './page.js';

/**
 * Renders the analysis report page. Cost: dominated by Vega, ~7 ms a plot once loaded (~300 ms to
 * load), with at most ~45 plots whatever the column count.
 *
 * @example
 * const html = await renderAnalysisHtml(analysis);
 * await fs.writeFile('reports/ames/analysis.html', html);
 */
export async function renderAnalysisHtml(a: Analysis): Promise<string> {
  const figs = new Figures();
  const cards = columnCardsHtml(a, figs);
  const body = [
    header(a),
    verdict(a),
    issues(a),
    target(a, figs),
    association(a, figs),
    missingness(a, figs),
    `<section id="columns"><h2>Columns</h2>${columnTableHtml(a, cards.carded)}</section>`,
    `<section id="details"><h2>Column details</h2>${cards.html}</section>`,
    `<footer>Analysis took ${e(formatSeconds(a.seconds))} · specml ${e(a.specmlVersion)}</footer>`,
  ].join('\n');
  const page = htmlPage({ title: `${a.name} · specml analysis`, version: a.specmlVersion, css: REPORT_CSS, body });
  return figs.fill(page);
}

function header(a: Analysis): string {
  return `<header><h1>${e(a.name)}</h1><p class="sub">Data analysis by specml ${e(a.specmlVersion)}</p>${factList(headerFacts(a))}</header>`;
}

function verdict(a: Analysis): string {
  const t = a.task;
  const m = a.metric;
  const classes = t.classes?.length
    ? `<p><span class="label">Classes (${formatCount(t.classes.length)})</span><br>${t.classes.slice(0, 30).map((c) => `<code>${e(c)}</code>`).join(' ')}${t.classes.length > 30 ? ` <span class="muted">and ${formatCount(t.classes.length - 30)} more</span>` : ''}</p>`
    : '';
  const positive = t.positiveClass !== undefined ? `<p><span class="label">Positive class</span><br><code>${e(t.positiveClass)}</code></p>` : '';
  const extra = [
    t.textColumn ? `<p><span class="label">Text column</span><br><code>${e(t.textColumn)}</code></p>` : '',
    t.imageShape ? `<p><span class="label">Image shape</span><br>${t.imageShape[0]} × ${t.imageShape[1]} pixels</p>` : '',
  ].join('');
  const secondary = m.secondary.length ? `<p class="muted">Also report: ${m.secondary.map((s) => `<code>${e(s)}</code>`).join(' ')}</p>` : '';
  const notes = m.notes.length ? `<ul>${m.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : '';
  return `<section class="verdict" aria-label="Verdict">
<div><div class="label">Task · target <code>${e(a.target)}</code></div><div class="big">${e(taskLabel(a))}</div><p>${e(t.reason)}</p>${classes}${positive}${extra}</div>
<div><div class="label">Recommended metric</div><div class="big"><code>${e(m.metric)}</code></div><p>${e(m.reason)}</p>${secondary}${notes}</div>
</section>`;
}

function issues(a: Analysis): string {
  const { sorted, counts } = issueSummary(a.issues);
  if (sorted.length === 0) return `<section id="issues"><h2>Issues</h2><p class="ok">No issues found.</p></section>`;
  const badges = (['error', 'warning', 'info'] as const)
    .map((s) => `<span class="badge ${s}">${formatCount(counts[s])} ${s}${counts[s] === 1 || s === 'info' ? '' : 's'}</span>`)
    .join('');
  const rows = sorted.map((i) => {
    const anchor = columnAnchor(a, i.path);
    const path = anchor ? `<a href="#${i.path === a.target ? 'target' : anchor}">${e(i.path)}</a>` : e(i.path);
    return `<tr><td><span class="badge ${i.severity}">${i.severity}</span></td><td class="code"><code>${e(i.code)}</code></td><td class="name">${path}</td><td class="msg">${e(i.message)}</td><td class="msg">${e(i.hint ?? '')}</td></tr>`;
  });
  return `<section id="issues"><h2>Issues</h2><div class="counts">${badges}</div><div class="scroll"><table><thead><tr><th>Severity</th><th>Check</th><th>Column</th><th>Message</th><th>What to do</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

function target(a: Analysis, figs: Figures): string {
  const c = targetColumn(a);
  const title = `<h2>Target: ${e(a.target)}</h2>`;
  if (!c) return `<section id="target">${title}<p class="muted">The target column is not in the profile.</p></section>`;
  const classification = a.task.targetKind !== 'regression' && c.categorical && c.categorical.top.length > 0;
  let plot: string;
  if (classification) {
    const total = Math.max(1, c.count);
    const bars = c.categorical!.top.map((t) => ({ label: t.value, value: t.count / total }));
    const spec = barSpec(bars, { title: 'Class balance', valueTitle: 'share of rows', format: '.0%', text: formatPercent, width: 400, ...(a.task.positiveClass !== undefined ? { highlight: a.task.positiveClass } : {}) });
    plot = figs.add(spec, `${a.target}: class balance`);
  } else if (c.numeric) {
    plot = figs.add(histogramSpec(c.numeric.histogram, { title: 'Distribution', xTitle: a.target, width: 460, height: 160 }), `${a.target}: distribution`);
  } else {
    plot = cardPlot(c, figs, 460);
  }
  const stats = factList([
    ['rows with a target', formatCount(c.count)],
    ['missing target', `${formatCount(c.missing)} (${formatPercent(missingRatio(c, a.profile))})`],
    ...(classification ? c.categorical!.top.slice(0, 12).map((t): [string, string] => [t.value === '' ? '(empty)' : t.value, `${formatCount(t.count)} (${formatPercent(t.count / Math.max(1, c.count))})`]) : []),
    ...(c.numeric && !classification
      ? ([
          ['mean ± std', `${formatStat(c.numeric.mean)} ± ${formatStat(c.numeric.std)}`],
          ['min / median / max', `${formatStat(c.numeric.min)} / ${formatStat(c.numeric.quantiles[3] ?? NaN)} / ${formatStat(c.numeric.max)}`],
          ['p1 / p99', `${formatStat(c.numeric.quantiles[0] ?? NaN)} / ${formatStat(c.numeric.quantiles[6] ?? NaN)}`],
          ['skewness', formatStat(c.numeric.skewness)],
        ] as [string, string][])
      : []),
  ]);
  return `<section id="target">${title}<div class="row">${plot}${stats}</div></section>`;
}

function association(a: Analysis, figs: Figures): string {
  const ranked = rankedByAssociation(a);
  const title = '<h2>Target association</h2>';
  if (ranked.length === 0) return `<section id="association">${title}<p class="muted">No feature has an association score with the target.</p></section>`;
  const top = ranked.slice(0, TOP_ASSOCIATIONS);
  const measure = measureLabel(top);
  const spec = barSpec(top.map((c) => ({ label: c.name, value: c.association!.normalized })), { valueTitle: `${measure}, normalised to [0, 1]`, format: '.2~f', text: formatStat, width: 460 });
  const more = ranked.length > top.length ? ` The other ${formatCount(ranked.length - top.length)} are in the column table.` : '';
  return `<section id="association">${title}<p class="muted">Top ${top.length} of ${formatCount(ranked.length)} features by ${e(measure)} with <code>${e(a.target)}</code>, normalised so measures compare.${more}</p>${figs.add(spec, 'Target association by feature')}</section>`;
}

function missingness(a: Analysis, figs: Figures): string {
  const cols = columnsWithMissing(a);
  const title = '<h2>Missing values</h2>';
  if (cols.length === 0) return `<section id="missingness">${title}<p class="ok">No missing values in any column.</p></section>`;
  const shown = cols.slice(0, MAX_MISSING_BARS);
  const spec = barSpec(shown.map((c) => ({ label: c.name, value: missingRatio(c, a.profile) })), { valueTitle: 'missing share of rows', format: '.1~%', text: formatPercent, width: 460 });
  const more = cols.length > shown.length ? ` The ${shown.length} largest are drawn; the rest are in the column table.` : '';
  return `<section id="missingness">${title}<p class="muted">${formatCount(cols.length)} of ${formatCount(a.profile.columns.length)} columns have missing values.${more}</p>${figs.add(spec, 'Missing share by column')}</section>`;
}
