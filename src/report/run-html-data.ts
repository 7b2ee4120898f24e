/** The data and lineage sections of the run report page: what was trained on and how to reproduce it. */
import { escapeHtml as e } from './escape.js';
import { formatCount } from './format.js';
import { factList } from './html-columns.js';
import { dataFacts, lineageFacts, sortedIssues } from './run-facts.js';
import type { RunReport } from './run-types.js';

/**
 * The data section: the file, the split, the features and the data-quality issues.
 *
 * @example
 * const html = dataHtml(report); // '<section id="data">…'
 */
export function dataHtml(r: RunReport): string {
  const d = r.data;
  const features = `<p class="features"><span class="label">${formatCount(d.features.length)} features</span><br>${d.features.map((f) => `<code>${e(f)}</code>`).join(' ')}</p>`;
  const issues = sortedIssues(r);
  const table = issues.length === 0
    ? '<p class="ok">No data-quality warnings or errors.</p>'
    : `<div class="scroll"><table><thead><tr><th>Severity</th><th>Check</th><th>Message</th></tr></thead><tbody>${issues
      .map((i) => `<tr><td><span class="badge ${i.severity === 'error' || i.severity === 'warning' ? i.severity : 'info'}">${e(i.severity)}</span></td><td class="code"><code>${e(i.code)}</code></td><td class="msg">${e(i.message)}</td></tr>`)
      .join('')}</tbody></table></div>`;
  return `<section id="data"><h2>Data</h2><div class="cols2"><div>${factList(dataFacts(r))}</div><div>${features}</div></div><h3 class="sub-h">Data-quality issues</h3>${table}</section>`;
}

/**
 * The lineage section: everything needed to reproduce the run.
 *
 * @example
 * const html = lineageHtml(report); // '<section id="lineage">…'
 */
export function lineageHtml(r: RunReport): string {
  const mono = new Set(['run id', 'spec sha256', 'data sha256']);
  const facts = lineageFacts(r).map(([k, v]) => `<dt>${e(k)}</dt><dd>${mono.has(k) ? `<code>${e(v)}</code>` : e(v)}</dd>`).join('');
  return `<section id="lineage"><h2>Lineage</h2><p class="muted">What produced this model: the same spec, data, seed and specml version should reproduce it.</p><dl class="facts">${facts}</dl></section>`;
}
