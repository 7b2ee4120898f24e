/**
 * The diagnostics section of the run report page: ROC and precision-recall curves, the reliability
 * diagram and the confusion matrix for classifiers, predicted-vs-true for regressors, then
 * permutation importance and mean |SHAP|. Each plot sits in a card with one sentence that reads
 * the plot for the reader; plots the task should have but the run lacks are named, not skipped.
 */
import { escapeHtml as e } from './escape.js';
import type { Figures } from './figures.js';
import { formatCount } from './format.js';
import { barSpec } from './plots.js';
import { intervalBarSpec } from './run-bars.js';
import {
  calibrationCaption, confusionCaption, importanceCaption, prCaption, prevalence, residualCaption, rocAuc, rocCaption, shapCaption,
} from './run-captions.js';
import { listText } from './run-content.js';
import { formatScore, importanceEffect } from './run-format.js';
import { calibrationSpec, confusionSpec, prSpec, residualSpec, rocSpec } from './run-plots.js';
import type { RunReport } from './run-types.js';

/** Features drawn in the importance and SHAP charts; the Markdown report lists them all. */
const TOP_FEATURES = 15;

/**
 * What the run should have drawn for its task but does not have, in words.
 *
 * @example
 * absentDiagnostics(regressionRun()); // ['SHAP values']
 */
export function absentDiagnostics(r: RunReport): string[] {
  const h = r.holdout;
  const out: string[] = [];
  if (r.data.task === 'binary') {
    if (!h.roc) out.push('the ROC curve');
    if (!h.pr) out.push('the precision-recall curve');
  }
  if (r.data.task !== 'regression') {
    if (!h.calibration) out.push('the reliability diagram');
    if (!h.confusion) out.push('the confusion matrix');
  } else if (!h.residuals) out.push('the residual sample');
  if (!r.importance?.features.length) out.push('permutation importance');
  if (!r.shap?.features.length) out.push('SHAP values');
  return out;
}

/** d3 axis format: thousands separators (24,000, not 2.4e+4), trailing zeros trimmed (0.02). */
const AXIS_FORMAT = ',~r';

/** A plot card; `layout` 'wide' spans two grid columns, 'side' also puts the caption beside the plot. */
const card = (figure: string, caption: string, layout: 'narrow' | 'wide' | 'side' = 'narrow') =>
  `<div class="plot${layout === 'narrow' ? '' : layout === 'wide' ? ' span2' : ' span2 side'}">${figure}${caption ? `<p>${e(caption)}</p>` : ''}</div>`;

/**
 * The diagnostics section; plots are queued on `figs` and filled in when the page is rendered.
 *
 * @example
 * const figs = new Figures();
 * const page = await figs.fill(diagnosticsHtml(report, figs));
 */
export function diagnosticsHtml(r: RunReport, figs: Figures): string {
  const h = r.holdout;
  const cards: string[] = [];
  if (r.data.task === 'binary' && h.roc) {
    const auc = rocAuc(r);
    cards.push(card(figs.add(rocSpec(h.roc.fpr, h.roc.tpr, `ROC curve${auc === undefined ? '' : ` (AUC ${formatScore(auc)})`}`), 'ROC curve on the holdout'), rocCaption(r)));
  }
  if (r.data.task === 'binary' && h.pr) {
    const ap = h.metrics.average_precision?.value;
    cards.push(card(figs.add(prSpec(h.pr.recall, h.pr.precision, `Precision-recall${ap === undefined ? '' : ` (AP ${formatScore(ap)})`}`, prevalence(r)), 'Precision-recall curve on the holdout'), prCaption(r)));
  }
  if (r.data.task !== 'regression' && h.calibration) {
    const c = h.calibration;
    cards.push(card(figs.add(calibrationSpec(c.probPred, c.probTrue, c.counts, `Reliability (ECE ${formatScore(c.ece)})`), 'Reliability diagram'), `${calibrationCaption(c)} Point size shows rows per bin.`));
  }
  if (r.data.task !== 'regression' && h.confusion) {
    const wide = h.confusion.labels.length > 4;
    cards.push(card(figs.add(confusionSpec(h.confusion.labels, h.confusion.matrix, 'Confusion matrix (holdout)'), 'Confusion matrix'), confusionCaption(r), wide ? 'wide' : 'narrow'));
  }
  if (r.data.task === 'regression' && h.residuals) {
    cards.push(card(figs.add(residualSpec(h.residuals.yTrue, h.residuals.yPred, r.data.target), 'Predicted against true values'), `${residualCaption(r)} Points on the dashed line are exact predictions.`, 'side'));
  }
  const imp = r.importance;
  if (imp?.features.length) {
    const top = [...imp.features].sort((a, b) => b.mean - a.mean).slice(0, TOP_FEATURES);
    const effect = importanceEffect(imp.metric);
    const spec = intervalBarSpec(top.map((f) => ({ label: f.name, value: f.mean, lo: f.ci_low, hi: f.ci_high })), {
      title: `Permutation importance (${effect})`, valueTitle: `${effect} when the feature is shuffled (95% CI)`, format: AXIS_FORMAT, text: formatScore, width: 290,
    });
    const more = imp.features.length > top.length ? ` Top ${top.length} of ${formatCount(imp.features.length)} features.` : '';
    cards.push(card(figs.add(spec, 'Permutation importance'), `${importanceCaption(r)} Method: ${imp.method}.${more}`, 'wide'));
  }
  const shap = r.shap;
  if (shap?.features.length) {
    const top = [...shap.features].sort((a, b) => b.meanAbs - a.meanAbs).slice(0, TOP_FEATURES);
    const spec = barSpec(top.map((f) => ({ label: f.name, value: f.meanAbs })), { title: 'Mean |SHAP| per feature', valueTitle: 'mean |SHAP value|', format: AXIS_FORMAT, text: formatScore, width: 290 });
    cards.push(card(figs.add(spec, 'Mean absolute SHAP value per feature'), shapCaption(r), 'wide'));
  }
  const absent = absentDiagnostics(r);
  const missing = absent.length ? `<p class="absent">Not in this run: ${e(listText(absent))}.</p>` : '';
  const grid = cards.length ? `<div class="plots">${cards.join('')}</div>` : '';
  return `<section id="diagnostics"><h2>Diagnostics</h2>${grid}${missing}</section>`;
}
