/**
 * The sentence under each diagnostic plot of the run report, read off the numbers the plot draws.
 * The Markdown report prints the same sentences in place of the plots.
 */
import { formatCount, formatPercent } from './format.js';
import { formatRange, formatScore, importanceEffect } from './run-format.js';
import { listText, plural } from './run-content.js';
import type { RunReport } from './run-types.js';

type Holdout = RunReport['holdout'];

/**
 * Trapezoidal area under a curve given as points in order (`xs`, `ys`: `number[n]`).
 *
 * @example
 * trapezoid([0, 0.5, 1], [0, 0.8, 1]); // 0.65
 */
export function trapezoid(xs: readonly number[], ys: readonly number[]): number {
  let a = 0;
  for (let i = 1; i < Math.min(xs.length, ys.length); i++) a += ((xs[i]! - xs[i - 1]!) * (ys[i]! + ys[i - 1]!)) / 2;
  return Math.abs(a);
}

/**
 * The positive class's share of holdout rows, from the confusion matrix (undefined without one).
 *
 * @example
 * prevalence(binaryRun()); // 250 / 891 ≈ 0.281
 */
export function prevalence(r: RunReport): number | undefined {
  const c = r.holdout.confusion;
  const k = positiveIndex(r);
  if (!c || k === undefined) return undefined;
  const total = c.matrix.flat().reduce((s, v) => s + v, 0);
  return total > 0 ? (c.matrix[k] ?? []).reduce((s, v) => s + v, 0) / total : undefined;
}

function positiveIndex(r: RunReport): number | undefined {
  const labels = r.holdout.confusion?.labels ?? [];
  const k = r.data.positiveClass === undefined ? -1 : labels.indexOf(r.data.positiveClass);
  return k >= 0 ? k : labels.length === 2 ? 1 : undefined;
}

/**
 * The ROC AUC the page quotes: the holdout metric when there is one, else the curve's area.
 *
 * @example
 * rocAuc(binaryRun()); // the holdout roc_auc value, e.g. 0.862
 */
export function rocAuc(r: RunReport): number | undefined {
  const roc = r.holdout.roc;
  return r.holdout.metrics.roc_auc?.value ?? (roc ? trapezoid(roc.fpr, roc.tpr) : undefined);
}

/**
 * The ROC caption: AUC read as a probability of ranking a positive above a negative.
 *
 * @example
 * rocCaption(binaryRun()); // 'AUC 0.862: a randomly chosen bad case gets a higher score …'
 */
export function rocCaption(r: RunReport): string {
  const auc = rocAuc(r);
  if (auc === undefined) return '';
  const pos = r.data.positiveClass ?? 'positive';
  return `AUC ${formatScore(auc)}: a randomly chosen ${pos} case gets a higher score than a randomly chosen other case ${formatPercent(auc)} of the time (0.5 is guessing).`;
}

/**
 * The precision-recall caption: average precision against the no-skill line at the positive rate.
 *
 * @example
 * prCaption(binaryRun()); // 'Average precision 0.703. Guessing would sit on the dashed line …'
 */
export function prCaption(r: RunReport): string {
  const ap = r.holdout.metrics.average_precision?.value;
  const prev = prevalence(r);
  const head = ap === undefined ? 'Precision against recall as the threshold falls.' : `Average precision ${formatScore(ap)}.`;
  return prev === undefined ? head : `${head} Guessing would sit on the dashed line at the positive rate, ${formatPercent(prev)}.`;
}

/**
 * ECE in words plus the worst-calibrated bin with enough rows to mean something.
 *
 * @example
 * calibrationCaption({ probPred: [0.2, 0.7], probTrue: [0.1, 0.72], counts: [300, 120], ece: 0.06 });
 * // 'ECE 0.060: predicted probabilities are off by 6.0 percentage points … over-confident).'
 */
export function calibrationCaption(c: NonNullable<Holdout['calibration']>): string {
  const total = c.counts.reduce((s, v) => s + v, 0);
  let worst = -1;
  for (let i = 0; i < c.probPred.length; i++) {
    const gap = Math.abs(c.probPred[i]! - c.probTrue[i]!);
    if ((c.counts[i] ?? 0) >= Math.max(20, total * 0.02) && (worst < 0 || gap > Math.abs(c.probPred[worst]! - c.probTrue[worst]!))) worst = i;
  }
  const head = `ECE ${formatScore(c.ece)}: predicted probabilities are off by ${(c.ece * 100).toFixed(1)} percentage points on average, weighted by rows per bin (${formatCount(c.probPred.length)} bins).`;
  if (worst < 0) return head;
  const p = c.probPred[worst]!;
  const o = c.probTrue[worst]!;
  const way = p > o ? 'over-confident' : 'under-confident';
  return `${head} The largest gap is where the model predicts about ${formatScore(p)}: the observed rate there is ${formatScore(o)} (${plural(c.counts[worst]!, 'row')}; ${way}).`;
}

/**
 * Recall and false positive rate for binary; accuracy and the most confused pair otherwise.
 *
 * @example
 * confusionCaption(binaryRun()); // 'Of 250 actual bad, the model flags 150 (recall 60%); …'
 */
export function confusionCaption(r: RunReport): string {
  const c = r.holdout.confusion;
  if (!c) return '';
  const m = c.matrix;
  const k = positiveIndex(r);
  if (m.length === 2 && k !== undefined) {
    const o = 1 - k;
    const pos = (m[k]![0] ?? 0) + (m[k]![1] ?? 0);
    const neg = (m[o]![0] ?? 0) + (m[o]![1] ?? 0);
    const tp = m[k]![k] ?? 0;
    const fp = m[o]![k] ?? 0;
    return `Of ${formatCount(pos)} actual ${c.labels[k]}, the model flags ${formatCount(tp)} (recall ${formatPercent(tp / Math.max(1, pos))}); of ${formatCount(neg)} actual ${c.labels[o]}, it wrongly flags ${formatCount(fp)} (false positive rate ${formatPercent(fp / Math.max(1, neg))}).`;
  }
  let right = 0;
  let total = 0;
  let worst: [number, number, number] | undefined;
  m.forEach((row, t) => row.forEach((v, p) => {
    total += v;
    if (t === p) right += v;
    else if (!worst || v > worst[2]) worst = [t, p, v];
  }));
  const acc = `Accuracy ${formatPercent(right / Math.max(1, total))} over ${formatCount(total)} holdout rows.`;
  return worst && worst[2] > 0 ? `${acc} Most often confused: true ${c.labels[worst[0]]} predicted as ${c.labels[worst[1]]} (${formatCount(worst[2])} rows).` : acc;
}

/**
 * Median absolute error, bias and the share within 10% on the plotted rows.
 *
 * @example
 * residualCaption(regressionRun()); // 'On 292 holdout rows the median absolute error is 12,138; …'
 */
export function residualCaption(r: RunReport): string {
  const res = r.holdout.residuals;
  if (!res) return '';
  const n = Math.min(res.yTrue.length, res.yPred.length);
  if (n === 0) return 'No residual sample.';
  const abs: number[] = [];
  let bias = 0;
  let within = 0;
  let positive = true;
  for (let i = 0; i < n; i++) {
    const d = res.yPred[i]! - res.yTrue[i]!;
    abs.push(Math.abs(d));
    bias += d;
    if (res.yTrue[i]! > 0) within += Math.abs(d) <= 0.1 * res.yTrue[i]! ? 1 : 0;
    else positive = false;
  }
  abs.sort((a, b) => a - b);
  const med = n % 2 ? abs[(n - 1) / 2]! : (abs[n / 2 - 1]! + abs[n / 2]!) / 2;
  bias /= n;
  const dir = bias > 0 ? 'too high' : 'too low';
  const share = positive ? ` ${formatPercent(within / n)} of predictions are within 10% of the true value.` : '';
  return `On ${formatCount(n)} holdout rows the median absolute error is ${formatScore(med)}; predictions are on average ${formatScore(Math.abs(bias))} ${dir}.${share}`;
}

/**
 * The feature that matters most and the ones the model does not measurably use.
 *
 * @example
 * importanceCaption(binaryRun()); // 'Shuffling Seniority hurts most: a drop in ROC AUC of 0.071 …'
 */
export function importanceCaption(r: RunReport): string {
  const imp = r.importance;
  if (!imp || imp.features.length === 0) return '';
  const top = [...imp.features].sort((a, b) => b.mean - a.mean)[0]!;
  const ci = formatRange(top.ci_low, top.ci_high);
  const zero = imp.features.filter((f) => f.ci_low !== null && f.ci_high !== null && f.ci_low <= 0 && f.ci_high >= 0).map((f) => f.name);
  const head = `Shuffling ${top.name} hurts most: a ${importanceEffect(imp.metric)} of ${formatScore(top.mean)}${ci === '—' ? '' : ` (95% CI ${ci})`}.`;
  if (zero.length === 0) return `${head} Every feature's interval excludes zero.`;
  const shown = zero.length > 6 ? `${zero.slice(0, 5).join(', ')} and ${formatCount(zero.length - 5)} more` : listText(zero);
  return `${head} ${zero.length === 1 ? 'One feature has' : `${formatCount(zero.length)} features have`} an interval that includes zero (${shown}): the model does not measurably rely on ${zero.length === 1 ? 'it' : 'them'}.`;
}

/**
 * The SHAP caption: the features that move predictions most, and how that differs from importance.
 *
 * @example
 * shapCaption(binaryRun()); // 'Mean |SHAP| over 891 holdout rows, …: Seniority moves predictions most, …'
 */
export function shapCaption(r: RunReport): string {
  const s = r.shap;
  if (!s || s.features.length === 0) return '';
  const top = [...s.features].sort((a, b) => b.meanAbs - a.meanAbs).slice(0, 3).map((f) => f.name);
  return `Mean |SHAP| over ${formatCount(s.rows)} holdout rows, in the model's output units: ${top[0]} moves predictions most${top.length > 1 ? `, then ${listText(top.slice(1))}` : ''}. Unlike permutation importance this measures use, not the accuracy it buys.`;
}
