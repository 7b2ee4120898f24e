/**
 * Horizontal bars with 95% CI whiskers: permutation importance per feature and a fairness rate per
 * group. Plain bars without intervals (mean |SHAP|) reuse {@link barSpec} from plots.ts.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ACCENT } from './plots.js';
import { PLOT_CONFIG } from './plots.js';

/** A bar with an optional interval; a null bound draws no whisker on that bar. */
export interface IntervalBar {
  label: string;
  value: number;
  lo: number | null;
  hi: number | null;
  /** Drawn in a muted grey: a group left out of the aggregates, say. */
  muted?: boolean;
}

/** Titles, formats and size of an {@link intervalBarSpec} chart. */
export interface IntervalBarOptions {
  title?: string;
  valueTitle: string;
  /** d3-format string for the axis, e.g. `.0%` or `.3~f`. */
  format: string;
  /** The label printed after each bar (and its whisker). */
  text: (value: number) => string;
  width?: number;
  /** Fix the value axis at [0, 1] (rates). */
  unit?: boolean;
}

/**
 * Bars from zero to `value` in the given order, a dark whisker over [lo, hi], and the value printed
 * past whichever ends later. Negative values (a feature whose shuffling helped) draw leftwards
 * from a visible zero line.
 *
 * @example
 * const spec = intervalBarSpec([{ label: 'Income', value: 0.08, lo: 0.06, hi: 0.1 }],
 *   { valueTitle: 'drop in ROC AUC', format: '.2~f', text: (v) => v.toFixed(3) });
 */
export function intervalBarSpec(bars: readonly IntervalBar[], o: IntervalBarOptions): TopLevelSpec {
  // Labels are unique (feature names, group labels), so they can key the band scale directly.
  const values = bars.map((b) => ({
    label: b.label === '' ? '(empty)' : b.label, value: b.value, lo: b.lo, hi: b.hi,
    end: Math.max(b.value, b.hi ?? b.value), text: o.text(b.value), muted: b.muted === true,
  }));
  const lows = values.map((v) => Math.min(v.value, v.lo ?? v.value));
  const highs = values.map((v) => v.end);
  const min = Math.min(0, ...lows);
  const max = Math.max(0, ...highs) || 1;
  const span = max - min;
  const domain = o.unit ? [0, 1] : [min < 0 ? min - span * 0.04 : 0, max + span * 0.22];
  const y = { field: 'label', type: 'nominal', sort: null, axis: { title: null, labelLimit: 170, ticks: false, domain: false, labelPadding: 6 } };
  const x = { type: 'quantitative', scale: { domain, nice: false }, axis: { title: o.valueTitle, format: o.format, tickCount: 4, grid: true, labelFlush: true } };
  return {
    config: PLOT_CONFIG,
    ...(o.title ? { title: o.title } : {}),
    width: o.width ?? 300,
    height: { step: 18 },
    data: { values },
    encoding: { y, x },
    layer: [
      { mark: { type: 'bar', height: 11, cornerRadiusEnd: 1 }, encoding: { x: { field: 'value' }, color: { condition: { test: 'datum.muted', value: '#b8bec6' }, value: ACCENT } } },
      ...(min < 0 ? [{ data: { values: [{ z: 0 }] }, mark: { type: 'rule', color: '#6b7280', strokeWidth: 1 }, encoding: { x: { field: 'z' }, y: null } }] : []),
      { transform: [{ filter: 'isValid(datum.lo) && isValid(datum.hi)' }], mark: { type: 'rule', color: '#1f2328', strokeWidth: 1.2 }, encoding: { x: { field: 'lo' }, x2: { field: 'hi' } } },
      { transform: [{ filter: 'isValid(datum.lo) && isValid(datum.hi)' }], mark: { type: 'tick', color: '#1f2328', thickness: 1.2, size: 8, orient: 'vertical' }, encoding: { x: { field: 'lo' } } },
      { transform: [{ filter: 'isValid(datum.lo) && isValid(datum.hi)' }], mark: { type: 'tick', color: '#1f2328', thickness: 1.2, size: 8, orient: 'vertical' }, encoding: { x: { field: 'hi' } } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#444' }, encoding: { x: { field: 'end' }, text: { field: 'text', type: 'nominal' } } },
    ],
  } as TopLevelSpec;
}
