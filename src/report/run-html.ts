/**
 * The `specml run` report as one self-contained HTML page: inline CSS and SVG, no scripts, no
 * external fonts or links, so it opens from disk, offline, and prints. Sections in reading order:
 * verdict, gates, holdout performance, leaderboard, diagnostic plots, fairness, data, lineage.
 */
import { escapeHtml as e } from './escape.js';
import { Figures } from './figures.js';
import { formatBytes, formatDate, formatSeconds } from './format.js';
import { factList } from './html-columns.js';
import {
  aliasText, beatsSentence, gateMeasured, gateThreshold, holdoutNote, holdoutRows, leaderboardSentences, meanStd, rankedLeaderboard,
  SIGNIFICANCE_NOTE, summarySentences, verdictText, worseCell,
} from './run-content.js';
import { TASK_LABEL } from './run-facts.js';
import { RUN_CSS } from './run-css.js';
import { capitalise, formatScore, metricLabel } from './run-format.js';
import { dataHtml, lineageHtml } from './run-html-data.js';
import { diagnosticsHtml } from './run-html-diagnostics.js';
import { fairnessHtml } from './run-html-fairness.js';
import type { RunReport } from './run-types.js';
import { htmlPage } from './page.js';

/** Section ids and titles, for the contents line and the tests. */
const RUN_SECTIONS = [
  ['gates', 'Gates'], ['holdout', 'Holdout performance'], ['leaderboard', 'Leaderboard'], ['diagnostics', 'Diagnostics'],
  ['fairness', 'Fairness'], ['data', 'Data'], ['lineage', 'Lineage'],
] as const;

/**
 * Renders the run report page. Deterministic: the same report gives the same bytes (the only time
 * printed is the run's own start time). Cost: dominated by Vega, ~10 ms a plot once loaded
 * (~300 ms to load), with at most about a dozen plots.
 *
 * @example
 * const html = await renderRunHtml(report);
 * await writeFileAtomic('reports/credit/report.html', html);
 */
export async function renderRunHtml(r: RunReport): Promise<string> {
  const figs = new Figures();
  const body = [
    header(r),
    gates(r),
    holdout(r),
    leaderboard(r),
    diagnosticsHtml(r, figs),
    fairnessHtml(r, figs),
    dataHtml(r),
    lineageHtml(r),
    `<footer>Run ${e(r.runId)} · specml ${e(r.specmlVersion)} · took ${e(formatSeconds(r.seconds))}</footer>`,
  ].join('\n');
  const page = htmlPage({ title: `${r.name} · ${r.passed ? 'passed' : 'failed'} · specml run`, version: r.specmlVersion, css: RUN_CSS, body });
  return figs.fill(page);
}

function header(r: RunReport): string {
  const v = verdictText(r);
  const toc = RUN_SECTIONS.map(([id, title]) => `<a href="#${id}">${title}</a>`).join('');
  const sub = `${TASK_LABEL[r.data.task]} of <code>${e(r.data.target)}</code> · run started ${e(formatDate(r.startedAt))} UTC · took ${e(formatSeconds(r.seconds))}`;
  const band = `<section id="verdict" class="band ${r.passed ? 'pass' : 'fail'}" aria-label="Verdict"><span class="word">${v.word}</span><span class="gates">${e(v.gates)}</span><span class="where">${e(r.model.name)} v${r.model.version} · ${e(aliasText(r))}</span></section>`;
  const lead = `<div class="lead"><p>${e(summarySentences(r).join(' '))}</p></div>`;
  const goal = [
    r.goal ? `<div class="label">Goal</div><p>${e(r.goal)}</p>` : '<div class="label">Goal</div><p class="absent">The spec states no goal.</p>',
    r.why ? `<div class="label">Why</div><p>${e(r.why)}</p>` : '',
    `<div class="label">Primary metric</div><p><code>${e(r.metric.name)}</code>, ${r.metric.greaterIsBetter ? 'higher' : 'lower'} is better.${r.metric.reason ? ` ${e(r.metric.reason)}` : ''}</p>`,
  ].join('');
  const l = r.model.latencyMs;
  const model = factList([
    ['name', r.model.name],
    ['version', `v${r.model.version}`],
    ['alias', aliasText(r)],
    ['package', r.model.packageDir],
    ['size', formatBytes(r.model.sizeBytes)],
    ['latency p50 / p95 / p99', `${formatScore(l.p50)} / ${formatScore(l.p95)} / ${formatScore(l.p99)} ms`],
  ]);
  return `<header><h1>${e(r.name)}</h1><p class="sub">${sub}</p><nav class="toc" aria-label="Contents">${toc}</nav></header>
${band}
${lead}
<div class="brief"><div class="panel">${goal}</div><div class="panel"><div class="label">Registered model</div>${model}</div></div>`;
}

function gates(r: RunReport): string {
  const title = '<h2>Gates</h2>';
  if (r.gates.length === 0) return `<section id="gates">${title}<p class="absent">The spec has no gates, so nothing held this model back.</p></section>`;
  const rows = r.gates.map((g) => {
    const verdict = g.passed ? '<span class="badge pass">passed</span>' : '<span class="badge fail">failed</span>';
    return `<tr${g.passed ? '' : ' class="failed"'}><td class="gate"><code>${e(g.gate)}</code></td><td class="num">${e(gateMeasured(g))}</td><td class="num">${e(gateThreshold(g))}</td><td>${verdict}</td><td class="msg">${e(g.detail)}</td></tr>`;
  });
  return `<section id="gates">${title}<div class="scroll"><table><thead><tr><th>Gate</th><th class="num">Measured</th><th class="num">Threshold</th><th>Verdict</th><th>Detail</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

function holdout(r: RunReport): string {
  const title = '<h2>Holdout performance</h2>';
  const rows = holdoutRows(r);
  if (rows.length === 0) return `<section id="holdout">${title}<p class="absent">No holdout metrics were computed.</p></section>`;
  const body = rows.map((x) => `<tr${x.primary ? ' class="chosen"' : ''}><td class="name">${e(capitalise(metricLabel(x.name)))}${x.primary ? ' <span class="badge accent">primary</span>' : ''}</td><td><code>${e(x.name)}</code></td><td class="num">${e(x.value)}</td><td class="num">${e(x.ci)}</td><td>${x.better}</td></tr>`);
  const note = `<p class="muted">${e(holdoutNote(r))}</p>`;
  return `<section id="holdout">${title}${note}<div class="scroll"><table><thead><tr><th>Metric</th><th>Name</th><th class="num">Value</th><th class="num">95% CI</th><th>Better</th></tr></thead><tbody>${body.join('')}</tbody></table></div></section>`;
}

function leaderboard(r: RunReport): string {
  const title = '<h2>Leaderboard</h2>';
  const beats = `<h3 class="sub-h">Against the baseline</h3><p>${e(beatsSentence(r))}</p>`;
  if (r.leaderboard.length === 0) return `<section id="leaderboard">${title}<p class="absent">No candidates were cross-validated.</p>${beats}</section>`;
  const label = metricLabel(r.metric.name);
  const rows = rankedLeaderboard(r).map((x, i) => {
    const badges = (x.selected ? ' <span class="badge accent">selected</span>' : '') + (x.isBest && !x.selected ? ' <span class="badge">best CV</span>' : '');
    const folds = x.folds.map((f) => formatScore(f)).join(' · ');
    return `<tr${x.selected ? ' class="chosen"' : ''}><td class="num">${i + 1}</td><td class="name">${e(x.name)}${badges}<span class="ci">${e(x.description)}</span></td><td class="num">${e(meanStd(x))}</td><td class="num">${x.folds.length}<span class="ci">${e(folds)}</span></td><td>${e(worseCell(x))}</td><td class="num">${e(formatSeconds(x.seconds))}</td></tr>`;
  });
  const head = `<tr><th class="num">#</th><th>Candidate</th><th class="num">CV ${e(label)}, mean ± std</th><th class="num">Folds</th><th>Significantly worse than the best?</th><th class="num">Time</th></tr>`;
  const said = leaderboardSentences(r).map((s) => `<p>${e(s)}</p>`).join('');
  return `<section id="leaderboard">${title}${said}<div class="scroll"><table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div><p class="note">${e(SIGNIFICANCE_NOTE)}</p>${beats}</section>`;
}
