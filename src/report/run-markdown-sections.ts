/**
 * The diagnostics and fairness sections of the Markdown run report: the HTML page's plot captions
 * with the numbers behind the plots as tables (reliability bins, confusion counts, every feature's
 * importance), and the per-group fairness tables.
 */
import { escapeMarkdown as m } from './escape.js';
import { formatCount } from './format.js';
import { mdTable } from './md-table.js';
import {
  calibrationCaption, confusionCaption, importanceCaption, prCaption, residualCaption, rocCaption, shapCaption,
} from './run-captions.js';
import { listText } from './run-content.js';
import { attributeGateChecks, fairnessSpread, fourFifths, rateColumns } from './run-fairness.js';
import { capitalise, formatRange, formatRate, formatRateRange, formatScore, importanceEffect, metricLabel } from './run-format.js';
import { absentDiagnostics } from './run-html-diagnostics.js';
import { NO_FAIRNESS } from './run-html-fairness.js';
import { mitigationText } from './run-mitigation.js';
import type { FairnessSection, RunReport } from './run-types.js';

/**
 * The diagnostics section as Markdown lines.
 *
 * @example
 * const lines = diagnosticsMarkdown(report); // ['## Diagnostics', '', …]
 */
export function diagnosticsMarkdown(r: RunReport): string[] {
  const h = r.holdout;
  const out = ['## Diagnostics', '', 'The plots are in report.html; here are the numbers they show.', ''];
  const part = (title: string, ...lines: string[]) => out.push(`### ${title}`, '', ...lines.flatMap((l) => [l, '']));
  if (r.data.task === 'binary' && h.roc) part('ROC curve', m(rocCaption(r)));
  if (r.data.task === 'binary' && h.pr) part('Precision-recall curve', m(prCaption(r)));
  if (r.data.task !== 'regression' && h.calibration) {
    const c = h.calibration;
    const rows = c.probPred.map((p, i) => [formatScore(p), formatScore(c.probTrue[i] ?? null), formatCount(c.counts[i] ?? 0)]);
    part('Reliability', m(calibrationCaption(c)), mdTable(['Mean predicted', 'Observed', 'Rows'], rows, [true, true, true]));
  }
  if (r.data.task !== 'regression' && h.confusion) {
    const c = h.confusion;
    const rows = c.matrix.map((row, i) => [`**${m(c.labels[i] ?? String(i))}**`, ...row.map((v) => formatCount(v))]);
    part('Confusion matrix', m(confusionCaption(r)), mdTable(['True ↓ / predicted →', ...c.labels.map(m)], rows, [false, ...c.labels.map(() => true)]));
  }
  if (r.data.task === 'regression' && h.residuals) part('Predicted vs true', m(residualCaption(r)));
  const imp = r.importance;
  if (imp?.features.length) {
    const rows = [...imp.features].sort((a, b) => b.mean - a.mean).map((f, i) => [String(i + 1), m(f.name), formatScore(f.mean), formatScore(f.std), formatRange(f.ci_low, f.ci_high)]);
    part('Permutation importance', `${m(importanceCaption(r))} Method: ${m(imp.method)}.`, mdTable(['#', 'Feature', capitalise(importanceEffect(imp.metric)), 'Std', '95% CI'], rows, [true, false, true, true, true]));
  }
  const shap = r.shap;
  if (shap?.features.length) {
    const rows = [...shap.features].sort((a, b) => b.meanAbs - a.meanAbs).map((f, i) => [String(i + 1), m(f.name), formatScore(f.meanAbs)]);
    part('Mean |SHAP|', m(shapCaption(r)), mdTable(['#', 'Feature', 'Mean \\|SHAP\\|'], rows, [true, false, true]));
  }
  const absent = absentDiagnostics(r);
  if (absent.length) out.push(`_Not in this run: ${m(listText(absent))}._`, '');
  return out;
}

/**
 * The fairness section as Markdown lines.
 *
 * @example
 * const lines = fairnessMarkdown(report); // ['## Fairness', '', …]
 */
export function fairnessMarkdown(r: RunReport): string[] {
  const out = ['## Fairness', ''];
  if (!r.fairness?.length) return [...out, NO_FAIRNESS, ''];
  out.push('Rates on the holdout, per group, with 95% Wilson intervals. Aggregates compare only groups large enough for their rates to mean something; smaller groups are listed below each table.', '');
  for (const s of r.fairness) out.push(...attribute(r, s));
  if (r.mitigation) {
    const t = mitigationText(r.mitigation);
    out.push(`### ${t.title}`, '', m(t.sentence), '');
    out.push(mdTable(t.effect.head, t.effect.rows.map((row) => row.map(m)), [false, true, true, true]), '');
    out.push(mdTable(['Group', 'Threshold'], t.thresholds.map(([g, v]) => [m(g), v]), [false, true]), '');
    out.push(`_${m(r.mitigation.note)}_`, '');
  }
  return out;
}

function attribute(r: RunReport, s: FairnessSection): string[] {
  const out = [`### ${m(s.attribute)}${s.bands ? ` (${m(s.bands)})` : ''}`, ''];
  const ff = fourFifths(s);
  out.push(`**Four-fifths rule: ${ff.verdict}.** ${m(ff.detail)}`, '');
  const spread = fairnessSpread(s);
  if (spread) out.push(m(spread), '');
  const cols = rateColumns(s);
  const excluded = new Set(s.excluded.map((x) => x.group));
  const rows = s.groups.map((g) => [
    m(g.group),
    formatCount(g.count),
    ...cols.map((c) => {
      const rate = g.rates[c];
      if (!rate || rate.value === null) return '—';
      const ci = formatRateRange(c, rate.ci_low, rate.ci_high);
      return ci === '—' ? formatRate(c, rate.value) : `${formatRate(c, rate.value)} (${ci})`;
    }),
    m(g.note ?? (excluded.has(g.group) ? 'left out of the aggregates' : '')),
  ]);
  out.push(mdTable(['Group', 'Rows', ...cols.map((c) => capitalise(metricLabel(c))), 'Note'], rows, [false, true, ...cols.map(() => true), false]), '');
  const gates = attributeGateChecks(r, s);
  const metrics = Object.entries(s.metrics).map(([k, v]) => {
    const g = gates.get(k);
    return [capitalise(metricLabel(k)), formatScore(v), g ? (g.passed ? m(g.text) : `**${m(g.text)}**`) : ''];
  });
  if (metrics.length) out.push(mdTable(['Aggregate', 'Value', 'Gate'], metrics, [false, true, false]), '');
  out.push(s.excluded.length ? `Left out of the aggregates: ${s.excluded.map((x) => `${m(x.group)} (${m(x.reason)})`).join('; ')}.` : 'No group was left out of the aggregates.', '');
  return out;
}
