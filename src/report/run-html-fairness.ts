/**
 * The fairness section of the run report page: for each sensitive attribute, the per-group rates
 * with their CIs, a chart of the first rate (selection rate for a classifier) per group, the
 * aggregate disparities with the four-fifths rule and the spec's gates, and the groups left out.
 */
import { escapeHtml as e } from './escape.js';
import type { Figures } from './figures.js';
import { formatCount } from './format.js';
import { intervalBarSpec } from './run-bars.js';
import { attributeGateChecks, fairnessSpread, fourFifths, rateColumns } from './run-fairness.js';
import { capitalise, formatPct, formatRate, formatRateRange, formatScore, isProportion, metricLabel } from './run-format.js';
import { mitigationText } from './run-mitigation.js';
import type { FairnessSection, RunReport } from './run-types.js';

/** Said when the run evaluated no sensitive attribute (shared with the Markdown report). */
export const NO_FAIRNESS = 'No sensitive attributes in the spec, so fairness was not evaluated.';

/**
 * The fairness section; the per-group charts are queued on `figs`.
 *
 * @example
 * const figs = new Figures();
 * const page = await figs.fill(fairnessHtml(report, figs));
 */
export function fairnessHtml(r: RunReport, figs: Figures): string {
  const title = '<h2>Fairness</h2>';
  if (!r.fairness?.length) return `<section id="fairness">${title}<p class="absent">${e(NO_FAIRNESS)}</p></section>`;
  const intro = '<p class="muted">Rates on the holdout, per group, with 95% Wilson intervals. Aggregates compare only groups large enough for their rates to mean something; smaller groups are listed below each table.</p>';
  return `<section id="fairness">${title}${intro}${r.fairness.map((s) => attribute(r, s, figs)).join('')}${mitigation(r)}</section>`;
}

function mitigation(r: RunReport): string {
  if (!r.mitigation) return '';
  const t = mitigationText(r.mitigation);
  const thresholds = `<table><thead><tr><th>Group</th><th class="num">Threshold</th></tr></thead><tbody>${t.thresholds.map(([g, v]) => `<tr><td>${e(g)}</td><td class="num">${e(v)}</td></tr>`).join('')}</tbody></table>`;
  const head = t.effect.head.map((h, i) => `<th${i ? ' class="num"' : ''}>${e(h)}</th>`).join('');
  const effect = `<table><thead><tr>${head}</tr></thead><tbody>${t.effect.rows.map((row) => `<tr>${row.map((c, i) => `<td${i ? ' class="num"' : ''}>${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  return `<div class="attr"><h3>${e(t.title)}</h3><p>${e(t.sentence)}</p><div class="cols2"><div class="scroll">${effect}</div><div class="scroll">${thresholds}</div></div><p class="note">${e(r.mitigation.note)}</p></div>`;
}

function attribute(r: RunReport, s: FairnessSection, figs: Figures): string {
  const cols = rateColumns(s);
  const excluded = new Set(s.excluded.map((x) => x.group));
  const rows = s.groups.map((g) => {
    const cells = cols.map((c) => {
      const rate = g.rates[c];
      if (!rate || rate.value === null) return '<td class="num">—</td>';
      const ci = formatRateRange(c, rate.ci_low, rate.ci_high);
      return `<td class="num">${e(formatRate(c, rate.value))}${ci === '—' ? '' : `<span class="ci">${e(ci)}</span>`}</td>`;
    });
    const note = g.note ?? (excluded.has(g.group) ? 'left out of the aggregates' : '');
    return `<tr><td class="name">${e(g.group)}</td><td class="num">${formatCount(g.count)}</td>${cells.join('')}<td class="msg">${e(note)}</td></tr>`;
  });
  const head = `<tr><th>Group</th><th class="num">Rows</th>${cols.map((c) => `<th class="num">${e(capitalise(metricLabel(c)))}</th>`).join('')}<th>Note</th></tr>`;
  const table = `<div class="scroll"><table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;

  const ff = fourFifths(s);
  const badge = `<span class="badge${ff.passed === null ? '' : ff.passed ? ' pass' : ' fail'}">four-fifths rule: ${ff.verdict}</span>`;
  const spread = fairnessSpread(s);
  const verdicts = `<div class="verdicts">${badge}<span>${e(ff.detail)}</span></div>${spread ? `<p>${e(spread)}</p>` : ''}`;

  const gates = attributeGateChecks(r, s);
  const metricRows = Object.entries(s.metrics).map(([k, v]) => {
    const g = gates.get(k);
    const verdict = g ? `<span class="badge ${g.passed ? 'pass' : 'fail'}">${e(g.text)}</span>` : '';
    return `<tr${g && !g.passed ? ' class="failed"' : ''}><td>${e(capitalise(metricLabel(k)))}</td><td class="num">${e(formatScore(v))}</td><td>${verdict}</td></tr>`;
  });
  const metrics = metricRows.length
    ? `<div class="scroll"><table><thead><tr><th>Aggregate</th><th class="num">Value</th><th>Gate</th></tr></thead><tbody>${metricRows.join('')}</tbody></table></div>`
    : '<p class="absent">No aggregate metrics.</p>';
  const left = s.excluded.length
    ? `<p class="note">Left out of the aggregates: ${s.excluded.map((x) => `${e(x.group)} (${e(x.reason)})`).join('; ')}.</p>`
    : '<p class="note">No group was left out of the aggregates.</p>';

  const chart = groupChart(s, cols[0], excluded, figs);
  const bands = s.bands ? ` <span class="muted">${e(s.bands)}</span>` : '';
  return `<div class="attr"><h3>${e(s.attribute)}${bands}</h3>${verdicts}${table}<div class="cols2" style="margin-top:12px">${chart}<div>${metrics}${left}</div></div></div>`;
}

/** The first rate per group with its CI; groups left out of the aggregates are drawn grey. */
function groupChart(s: FairnessSection, rate: string | undefined, excluded: ReadonlySet<string>, figs: Figures): string {
  if (rate === undefined) return '<div></div>';
  const bars = s.groups.flatMap((g) => {
    const v = g.rates[rate];
    return v && v.value !== null ? [{ label: g.group, value: v.value, lo: v.ci_low, hi: v.ci_high, muted: excluded.has(g.group) }] : [];
  });
  if (bars.length === 0) return '<div></div>';
  const pct = isProportion(rate);
  const spec = intervalBarSpec(bars, {
    title: `${capitalise(metricLabel(rate))} by ${s.attribute}`, valueTitle: `${metricLabel(rate)} (95% CI; grey: left out of the aggregates)`,
    format: pct ? '.0%' : '~r', text: pct ? formatPct : formatScore, width: 300, unit: pct,
  });
  return `<div class="plot">${figs.add(spec, `${metricLabel(rate)} by ${s.attribute}`)}</div>`;
}
