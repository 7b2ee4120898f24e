/**
 * The monitoring report as one self-contained HTML page: the verdict, the data contract, a table of
 * every feature's test (statistic, effect against its band, adjusted p-value, status), the effect
 * chart, reference-vs-window distributions of the features that moved most, the domain classifier,
 * and performance (measured or estimated).
 *
 * @example
 * await writeFile('monitor.html', await renderMonitorHtml(report, referenceFrame, windowFrame, '0.1.0'));
 */
import type { TopLevelSpec } from 'vega-lite';
import { isMissing, type Column, type Frame } from '../core/frame.js';
import { PLOT_CONFIG, REPORT_CSS, escapeHtml as e, htmlPage, renderSvgs } from '../report/index.js';
import type { FeatureDrift } from './drift.js';
import type { MonitorReport } from './monitor.js';

const REF = '#9aa0a6';
const CUR = '#2f6db5';

export async function renderMonitorHtml(r: MonitorReport, reference: Frame, current: Frame, version: string): Promise<string> {
  const d = r.drift;
  const shown = [...d.features].filter((f) => f.effect !== null && Number.isFinite(f.effect)).sort((a, b) => Number(b.drifted) - Number(a.drifted) || b.effect! / b.band - a.effect! / a.band).slice(0, 8);
  const specs: TopLevelSpec[] = [effectSpec(d.features)];
  for (const f of shown) specs.push(distributionSpec(f, reference.column(f.name), current.column(f.name)));
  const svgs = await renderSvgs(specs, 'm');
  const share = d.importance_drifted !== undefined && d.drifted_features.length ? ` (${pct(d.importance_drifted)} of the model's feature importance)` : '';
  const verdict = d.status === 'insufficient_data' ? 'Not enough data to judge drift' : d.detected ? `Drift detected in ${d.drifted_features.length ? d.drifted_features.map(e).join(', ') : 'the model inputs taken together'}${share}` : 'No drift beyond the effect bands';
  const rows = d.features
    .map(
      (f) =>
        `<tr class="${f.drifted ? 'bad' : ''}"><td>${e(f.name)}</td><td>${e(f.type)}</td><td>${f.test}</td><td>${num(f.statistic)}</td><td>${num(f.effect)} / ${num(f.band)}</td><td>${e(pval(f.p_adjusted))}</td><td>${num(f.psi)}</td><td>${f.missing ? `${pct(f.missing.reference)} → ${pct(f.missing.current)}` : ''}</td><td>${e(f.status)}</td></tr>`,
    )
    .join('\n');
  const contract = r.contract.ok ? '<p>The window matches the model\'s input schema.</p>' : `<p class="bad">Data-contract violations (these columns are not tested for drift):</p><ul>${r.contract.issues.map((i) => `<li>${e(i.message)}</li>`).join('')}</ul>`;
  const pred = d.prediction ? `<p>Prediction drift: ${e(d.prediction.note || d.prediction.status)} (${d.prediction.test}, effect ${num(d.prediction.effect)}).</p>` : '';
  const domain = r.domain ? `<p>Domain classifier (GBDT, 5-fold out-of-fold): AUC ${num(r.domain.auc)} [${num(r.domain.ci[0])}, ${num(r.domain.ci[1])}], p_adj ${e(pval(r.domain.p_adjusted))}, band ${r.domain.band} above 0.5: ${r.domain.drifted ? '<strong>drift</strong>' : 'no drift'}. Features it used most: ${r.domain.top_features.filter((t) => t.share >= 0.005).map((t) => `${e(t.name)} (${pct(t.share)})`).join(', ')}.</p>` : '';
  const perf = r.performance
    ? `<table><tr><th>metric</th><th>window</th><th>95% CI</th><th>holdout</th><th>worse</th></tr>${Object.entries(r.performance.metrics)
        .map(([k, m]) => `<tr class="${m.worse ? 'bad' : ''}"><td>${e(k)}</td><td>${num(m.value)}</td><td>[${num(m.ci_low)}, ${num(m.ci_high)}]</td><td>${m.holdout ? num(m.holdout.value) : '—'}</td><td>${m.worse === null ? '—' : m.worse ? 'yes' : 'no'}</td></tr>`)
        .join('')}</table><p>${r.performance.labelled_rows} labelled rows.</p>`
    : '<p>No labels in this window.</p>';
  const est = r.estimated ? `<p>Estimated without labels (CBPE, valid if the probabilities are calibrated${r.estimated.calibrated ? '; this model was calibrated after training' : '; this model was not calibrated after training, so read it as a rough guide'}): ROC AUC ${num(r.estimated.roc_auc)}, accuracy ${num(r.estimated.accuracy)} at the model's decisions.</p>` : '';
  const body = `<h1>${e(r.model.name)} · monitoring</h1>
<p class="lead"><strong>${verdict}.</strong> Window: ${e(r.window.source)} (${r.window.rows} rows) against ${e(r.reference.source)} (${r.reference.rows} rows); sensitivity ${d.sensitivity}, family-wise α ${d.alpha} (Holm).</p>
<h2>Data contract</h2>${contract}
<h2>Features</h2>
<p>A feature drifts when its change is significant after Holm's adjustment over all tests <em>and</em> its effect reaches the band (Wasserstein distance in reference standard deviations for numbers, Jensen-Shannon distance for categories, or a missing-rate change).</p>
${svgs[0]}
<table><tr><th>feature</th><th>type</th><th>test</th><th>statistic</th><th>effect / band</th><th>p (adjusted)</th><th>PSI</th><th>missing</th><th>status</th></tr>
${rows}</table>
${pred}
<h2>Distributions</h2><p>Reference (grey) and window (blue), as shares of each side's values.</p>
<div class="grid">${svgs.slice(1).join('\n')}</div>
<h2>Multivariate</h2>${domain || '<p>The domain classifier was not run.</p>'}
<h2>Performance</h2>${perf}${est}${overTime(r)}
${r.notes.length ? `<h2>Notes</h2><ul>${r.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : ''}`;
  return htmlPage({ title: `${r.model.name} · specml monitor`, version, css: `${REPORT_CSS}\n.bad{color:#b3261e}\ntr.bad td{background:#fdecea}\n.grid{display:flex;flex-wrap:wrap;gap:12px}`, body });
}

/** Performance per period of the window (`--every`), oldest first. */
function overTime(r: MonitorReport): string {
  if (!r.over_time?.length) return '';
  const names = [...new Set(r.over_time.flatMap((p) => Object.keys(p.metrics ?? {})))];
  const head = `<tr><th>from</th><th>rows</th><th>labelled</th>${names.map((n) => `<th>${e(n)}</th>`).join('')}<th>estimated ROC AUC</th></tr>`;
  const rows = r.over_time
    .map((p) => `<tr><td>${e(p.from)}</td><td>${p.rows}</td><td>${p.labelled}</td>${names.map((n) => `<td>${num(p.metrics?.[n]?.value)}</td>`).join('')}<td>${num(p.estimated?.roc_auc)}</td></tr>`)
    .join('');
  return `<h3>By period</h3><table>${head}${rows}</table>`;
}

function effectSpec(features: FeatureDrift[]): TopLevelSpec {
  const values = features.filter((f) => f.effect !== null && Number.isFinite(f.effect)).map((f) => ({ feature: f.name, ratio: f.effect! / f.band, drifted: f.drifted ? 'drift' : 'no drift' }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: PLOT_CONFIG,
    title: 'Effect as a multiple of its band (1 = the band)',
    width: 420,
    height: { step: 16 },
    data: { values },
    layer: [
      { mark: 'bar', encoding: { y: { field: 'feature', type: 'nominal', sort: '-x', title: null }, x: { field: 'ratio', type: 'quantitative', title: 'effect / band' }, color: { field: 'drifted', type: 'nominal', scale: { domain: ['drift', 'no drift'], range: ['#b3261e', REF] }, legend: null } } },
      { mark: { type: 'rule', color: '#222' }, encoding: { x: { datum: 1 } } },
    ],
  } as TopLevelSpec;
}

/** Shares of each side's values per bin (numbers: 20 bins over the pooled 1st-99th percentile range) or per category. */
function distributionSpec(f: FeatureDrift, ref: Column, cur: Column): TopLevelSpec {
  const values: { bin: string; order: number; side: string; share: number }[] = [];
  if (ref.kind === 'numeric' && cur.kind === 'numeric') {
    const all = [...ref.values, ...cur.values].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    const lo = all[Math.floor(all.length * 0.01)] ?? 0;
    const hi = all[Math.floor(all.length * 0.99)] ?? lo;
    const bins = 20;
    const width = hi > lo ? (hi - lo) / bins : 1;
    for (const [side, c] of [['reference', ref], ['window', cur]] as const) {
      const counts = new Array<number>(bins).fill(0);
      let n = 0;
      for (const v of c.values) {
        if (Number.isNaN(v)) continue;
        counts[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)))]!++;
        n++;
      }
      counts.forEach((k, b) => values.push({ bin: (lo + (b + 0.5) * width).toPrecision(3), order: b, side, share: n ? k / n : 0 }));
    }
  } else if ((ref.kind === 'categorical' || ref.kind === 'boolean') && ref.kind === cur.kind) {
    const label = (c: Column, i: number): string => (c.kind === 'categorical' ? c.levels[c.codes[i]!]! : c.kind === 'boolean' ? String(c.values[i] === 1) : '');
    for (const [side, c] of [['reference', ref], ['window', cur]] as const) {
      const counts = new Map<string, number>();
      const n = c.kind === 'categorical' ? c.codes.length : c.values.length;
      let k = 0;
      for (let i = 0; i < n; i++) {
        if (isMissing(c, i)) continue;
        counts.set(label(c, i), (counts.get(label(c, i)) ?? 0) + 1);
        k++;
      }
      for (const [bin, m] of counts) values.push({ bin, order: 0, side, share: k ? m / k : 0 });
    }
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: PLOT_CONFIG,
    title: `${f.name}${f.drifted ? ' (drift)' : ''}`,
    width: 260,
    height: 120,
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'bin', type: 'ordinal', sort: { field: 'order' }, title: null, axis: { labelOverlap: true } },
      xOffset: { field: 'side' },
      y: { field: 'share', type: 'quantitative', title: 'share', axis: { format: '.0%' } },
      color: { field: 'side', type: 'nominal', scale: { domain: ['reference', 'window'], range: [REF, CUR] }, legend: null },
    },
  } as TopLevelSpec;
}

const num = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? '—' : Math.abs(x) >= 1e-3 || x === 0 ? x.toPrecision(3) : x.toExponential(1));
/** p-values: below double precision's reach (an exact p of 1 − 0.99999…) as a bound, not as 0. */
const pval = (p: number | null | undefined): string => (p === null || p === undefined || Number.isNaN(p) ? '—' : p < 1e-15 ? '< 1e-15' : num(p));
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
