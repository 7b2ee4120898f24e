/**
 * Vega-Lite specs for the run report's diagnostic plots: ROC and precision-recall curves, the
 * reliability diagram, the confusion matrix and the residual plot. They share the analysis
 * report's theme ({@link ACCENT}, {@link PLOT_CONFIG}) and square 190 px plot areas, so four sit side by
 * side. Bar charts (importance, SHAP, group rates) are in run-bars.ts.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ACCENT, PLOT_CONFIG } from './plots.js';

/** Plot area side in px: four cards (axes included) fit side by side in the 1180 px page column. */
const SIDE = 190;
/**
 * Curves longer than this are thinned to evenly spaced points (endpoints kept): a 5,000-point ROC
 * curve adds ~90 KB of SVG path and looks the same at 230 px.
 */
export const MAX_CURVE_POINTS = 600;
/** Scatter points drawn in the residual plot; more only blacken the square. */
export const MAX_SCATTER_POINTS = 2000;

const REFERENCE = '#9aa0a6';


const unitAxis = (title: string) => ({ title, tickCount: 5, format: '.1~f', grid: true });
const unitScale = { domain: [0, 1], nice: false, zero: true };

/**
 * Indices of at most `max` evenly spaced points of `n`, first and last always kept.
 *
 * @example
 * thinIndices(5, 3); // [0, 2, 4]
 */
export function thinIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => Math.round(i * step));
}

/** A dashed reference segment from (x1, y1) to (x2, y2), as a layer with its own data. */
function reference(x1: number, y1: number, x2: number, y2: number) {
  return {
    data: { values: [{ x: x1, y: y1, i: 0 }, { x: x2, y: y2, i: 1 }] },
    mark: { type: 'line', color: REFERENCE, strokeDash: [4, 3], strokeWidth: 1 },
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, order: { field: 'i' } },
  };
}

/** A curve through points in the given order (not sorted by x: ROC steps have ties in x). */
function curve(xs: readonly number[], ys: readonly number[]) {
  const n = Math.min(xs.length, ys.length);
  const values = thinIndices(n, MAX_CURVE_POINTS).map((j, i) => ({ x: xs[j]!, y: ys[j]!, i }));
  return {
    data: { values },
    mark: { type: 'line', color: ACCENT, strokeWidth: 2, interpolate: 'linear' },
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, order: { field: 'i' } },
  };
}

function square(title: string, xTitle: string, yTitle: string, layer: object[]): TopLevelSpec {
  return {
    config: PLOT_CONFIG,
    title,
    width: SIDE,
    height: SIDE,
    encoding: { x: { type: 'quantitative', scale: unitScale, axis: unitAxis(xTitle) }, y: { type: 'quantitative', scale: unitScale, axis: unitAxis(yTitle) } },
    layer,
  } as TopLevelSpec;
}

/**
 * The ROC curve with the chance diagonal. `fpr`, `tpr`: `number[n]`, in threshold order.
 *
 * @example
 * const spec = rocSpec([0, 0.1, 1], [0, 0.6, 1], 'ROC curve (AUC 0.75)');
 */
export function rocSpec(fpr: readonly number[], tpr: readonly number[], title: string): TopLevelSpec {
  return square(title, 'false positive rate', 'true positive rate', [reference(0, 0, 1, 1), curve(fpr, tpr)]);
}

/**
 * The precision-recall curve, with the no-skill line at the positive rate when it is known.
 * `recall`, `precision`: `number[n]`, in threshold order.
 *
 * @example
 * const spec = prSpec([1, 0.5, 0], [0.3, 0.7, 1], 'Precision-recall (AP 0.68)', 0.28);
 */
export function prSpec(recall: readonly number[], precision: readonly number[], title: string, prevalence?: number): TopLevelSpec {
  const layers: object[] = prevalence === undefined ? [] : [reference(0, prevalence, 1, prevalence)];
  return square(title, 'recall', 'precision', [...layers, curve(recall, precision)]);
}

/**
 * The reliability diagram: observed frequency against mean predicted probability per bin, the
 * diagonal of perfect calibration, and points sized by how many rows fell in the bin (so an
 * off-diagonal bin of 4 rows does not read like one of 400). Arrays: `number[bins]`.
 *
 * @example
 * const spec = calibrationSpec([0.1, 0.5], [0.12, 0.45], [300, 80], 'Calibration (ECE 0.031)');
 */
export function calibrationSpec(probPred: readonly number[], probTrue: readonly number[], counts: readonly number[], title: string): TopLevelSpec {
  const values = probPred.map((p, i) => ({ x: p, y: probTrue[i] ?? 0, n: counts[i] ?? 0, i }));
  const enc = { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, order: { field: 'i' } };
  return square(title, 'mean predicted probability', 'observed frequency', [
    reference(0, 0, 1, 1),
    { data: { values }, mark: { type: 'line', color: ACCENT, strokeWidth: 1.5 }, encoding: enc },
    {
      data: { values },
      mark: { type: 'circle', color: ACCENT, opacity: 0.9, stroke: '#fff', strokeWidth: 0.8 },
      // No size legend: a legend inside a 190 px square hides points, and the caption says what size means.
      encoding: { ...enc, size: { field: 'n', type: 'quantitative', scale: { range: [12, 220], zero: true }, legend: null } },
    },
  ]);
}

/**
 * The confusion matrix as a heatmap: rows are true classes, columns predicted ones, each cell
 * prints its count and is shaded by its share of the true class (the row's recall), so a rare
 * class's cells are as readable as a common one's. `matrix`: `number[k][k]`, `[true][predicted]`.
 *
 * @example
 * const spec = confusionSpec(['bad', 'good'], [[150, 100], [60, 580]]);
 */
export function confusionSpec(labels: readonly string[], matrix: readonly (readonly number[])[], title = 'Confusion matrix'): TopLevelSpec {
  // Labels key the band scales; an empty label would vanish, so it gets a visible stand-in.
  const shown = labels.map((l) => (l === '' ? '(empty)' : l));
  const values = matrix.flatMap((row, t) => {
    const total = row.reduce((s, v) => s + v, 0) || 1;
    return row.map((n, p) => ({ t: shown[t] ?? String(t), p: shown[p] ?? String(p), n, share: n / total }));
  });
  const step = shown.length <= 4 ? 64 : shown.length <= 10 ? 36 : 22;
  const band = (field: string, title: string, orient: 'left' | 'top') => ({ field, type: 'nominal', sort: shown, axis: { title, orient, labelLimit: 110, ticks: false, domain: false, labelAngle: 0, labelPadding: 4 } });
  return {
    config: PLOT_CONFIG,
    title: { text: title, offset: 4 },
    width: { step },
    height: { step },
    data: { values },
    encoding: { y: band('t', 'true class', 'left'), x: band('p', 'predicted class', 'top') },
    layer: [
      { mark: { type: 'rect', stroke: '#fff', strokeWidth: 1.5 }, encoding: { color: { field: 'share', type: 'quantitative', scale: { domain: [0, 1], range: ['#f3f6fa', '#1d4a80'] }, legend: null } } },
      ...(shown.length <= 12
        ? [{ mark: { type: 'text', fontSize: step >= 64 ? 13 : 10, fontWeight: 600 }, encoding: { text: { field: 'n', type: 'quantitative', format: ',d' }, color: { condition: { test: 'datum.share > 0.5', value: '#fff' }, value: '#222' } } }]
        : []),
    ],
  } as TopLevelSpec;
}

/**
 * Predicted against true values with the y = x line of perfect prediction; both axes share one
 * range so distance from the line reads the same everywhere. `yTrue`, `yPred`: `number[n]`.
 *
 * @example
 * const spec = residualSpec([100, 200], [110, 190], 'SalePrice');
 */
export function residualSpec(yTrue: readonly number[], yPred: readonly number[], target: string): TopLevelSpec {
  const n = Math.min(yTrue.length, yPred.length);
  const values = thinIndices(n, MAX_SCATTER_POINTS).map((i) => ({ t: yTrue[i]!, p: yPred[i]! }));
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v.t, v.p);
    hi = Math.max(hi, v.t, v.p);
  }
  if (!(hi > lo)) [lo, hi] = [Number.isFinite(lo) ? lo - 1 : 0, Number.isFinite(hi) ? hi + 1 : 1];
  const pad = (hi - lo) * 0.03;
  const domain = [lo - pad, hi + pad];
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  const format = m >= 1e5 ? '.2~s' : m >= 1000 ? ',~r' : '~g';
  const axis = (title: string) => ({ title, tickCount: 5, format, grid: true, labelFlush: true, labelOverlap: true });
  return {
    config: PLOT_CONFIG,
    title: 'Predicted vs true (holdout)',
    width: 260,
    height: 260,
    encoding: {
      x: { type: 'quantitative', scale: { domain, nice: false, zero: false }, axis: axis(`true ${target}`) },
      y: { type: 'quantitative', scale: { domain, nice: false, zero: false }, axis: axis(`predicted ${target}`) },
    },
    layer: [
      { data: { values }, mark: { type: 'circle', color: ACCENT, opacity: n > 500 ? 0.35 : 0.55, size: n > 500 ? 10 : 18 }, encoding: { x: { field: 't' }, y: { field: 'p' } } },
      reference(domain[0]!, domain[0]!, domain[1]!, domain[1]!),
    ],
  } as TopLevelSpec;
}
