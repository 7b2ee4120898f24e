/** The column sections of the HTML report: the summary table of all columns and the detail cards. */
import type { Analysis } from '../data/analysis.js';
import type { ColumnProfile } from '../data/profile/types.js';
import { columnFacts, detailColumns, rankedByAssociation, summaryRow } from './content.js';
import { escapeHtml as e } from './escape.js';
import type { Figures } from './figures.js';
import { formatCount } from './format.js';
import { barSpec, histogramSpec } from './plots.js';

/** Top levels drawn in a card; the card's facts give the rows in the rest. */
const CARD_LEVELS = 10;

/** Anchor id of a column's card: by position, so odd names never reach an attribute. */
export function columnAnchor(a: Analysis, name: string): string | undefined {
  const i = a.profile.columns.findIndex((c) => c.name === name);
  return i < 0 ? undefined : `col-${i}`;
}

/** `<dl>` of label/value pairs, escaped. */
export function factList(facts: readonly [string, string][]): string {
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`;
}

/** The summary table of every column; names link to their card when they have one. */
export function columnTableHtml(a: Analysis, carded: ReadonlySet<string>): string {
  const head = ['#', 'Column', 'Type', 'Missing', 'Distinct', 'Mean', 'Std', 'Min', 'Max', 'Top value / length', 'Assoc.'];
  const numeric = new Set([0, 3, 4, 5, 6, 7, 8, 10]); // right-aligned header cells
  const rows = a.profile.columns.map((c, i) => {
    const r = summaryRow(c, a.profile);
    const name = carded.has(c.name) || c.name === a.target ? `<a href="#${c.name === a.target ? 'target' : `col-${i}`}">${e(r.name)}</a>` : e(r.name);
    const badges = (c.name === a.target ? ' <span class="badge accent">target</span>' : '') + (r.idLike ? ' <span class="badge">id-like</span>' : '');
    const cells: [string, string][] = [
      [String(i + 1), 'num'], [name + badges, 'name'], [e(r.type), ''], [e(r.missing), 'num'], [e(r.distinct), 'num'],
      [e(r.mean), 'num'], [e(r.std), 'num'], [e(r.min), 'num'], [e(r.max), 'num'], [e(r.top), ''], [e(r.association), 'num'],
    ];
    return `<tr>${cells.map(([v, cls]) => `<td${cls ? ` class="${cls}"` : ''}>${v}</td>`).join('')}</tr>`;
  });
  const th = head.map((h, j) => `<th${numeric.has(j) ? ' class="num"' : ''}>${h}</th>`).join('');
  return `<div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The detail-card section body: a note on the selection, then the cards. */
export function columnCardsHtml(a: Analysis, figs: Figures): { html: string; carded: Set<string> } {
  const cards = detailColumns(a);
  const features = a.profile.columns.filter((c) => c.name !== a.target).length;
  const ranked = new Map(rankedByAssociation(a).map((c, i) => [c.name, i + 1]));
  const left = features - cards.length;
  const note =
    left > 0
      ? `<p class="muted">Showing ${formatCount(cards.length)} of ${formatCount(features)} feature columns: strongest target association first, then file order. The other ${formatCount(left)} are in the table above only.</p>`
      : `<p class="muted">Every feature column, strongest target association first, then file order.</p>`;
  const html = cards.map((c) => card(a, c, ranked.get(c.name), figs)).join('');
  return { html: `${note}<div class="cards">${html}</div>`, carded: new Set(cards.map((c) => c.name)) };
}

function card(a: Analysis, c: ColumnProfile, rank: number | undefined, figs: Figures): string {
  const badges = [`<span class="badge">${e(c.type)}</span>`];
  if (c.idLike) badges.push('<span class="badge warning">id-like</span>');
  if (rank !== undefined) badges.push(`<span class="badge info">assoc. #${rank}</span>`);
  return `<article class="card" id="${columnAnchor(a, c.name)}"><header><h3>${e(c.name)}</h3>${badges.join('')}</header>${cardPlot(c, figs)}${factList(columnFacts(c, a.profile))}</article>`;
}

/** The small plot for a column, or nothing (text columns and empty profiles). */
export function cardPlot(c: ColumnProfile, figs: Figures, width = 290): string {
  if (c.categorical && c.categorical.top.length > 0 && (c.type === 'categorical' || c.type === 'boolean' || !c.numeric)) {
    const bars = c.categorical.top.slice(0, CARD_LEVELS).map((t) => ({ label: t.value, value: t.count }));
    return figs.add(barSpec(bars, { valueTitle: 'rows', format: ',d', text: formatCount, width: width - 80 }), `${c.name}: most frequent values`);
  }
  if (c.numeric && c.numeric.histogram.counts.length > 0) {
    return figs.add(histogramSpec(c.numeric.histogram, { xTitle: c.name, width }), `${c.name}: histogram`);
  }
  if (c.datetime && c.datetime.histogram.counts.length > 0) {
    return figs.add(histogramSpec(c.datetime.histogram, { xTitle: c.name, temporal: true, width }), `${c.name}: histogram over time`);
  }
  return '';
}
