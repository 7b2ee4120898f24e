/**
 * Vega-Lite specs for the report plots. One theme, one accent colour, small fixed sizes so a page
 * of cards lines up. Specs are plain data; {@link renderSvgs} turns them into inline SVG.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Histogram } from '../data/profile/types.js';

/** The report's single accent colour (also used by the page CSS). */
export const ACCENT = '#2f6db5';
/** The same family the page uses, so plot text matches body text. */
export const FONT = '-apple-system, BlinkMacSystemFont, Segoe UI, Helvetica, Arial, sans-serif';

/** A labelled bar for {@link barSpec}. */
export interface Bar {
  label: string;
  value: number;
}

export interface BarOptions {
  title?: string;
  /** Title of the value axis, e.g. "rows" or "missing ratio". */
  valueTitle: string;
  /** d3-format string for values: `,d` counts, `.0%` ratios, `.2f` scores. */
  format: string;
  /** Plot area width in px; bar height is fixed at 16 px a bar. */
  width?: number;
  /** A label drawn in the darker shade (the positive class). */
  highlight?: string;
  /** Domain of the value axis; defaults to [0, max] with room for the value labels. */
  domainMax?: number;
  /** Formats the label printed at a bar's end (default: `format` through d3). Lets a chart print
   * the same text as the tables beside it, e.g. "<0.01%" rather than a rounded "0%". */
  text?: (value: number) => string;
}

export interface HistogramOptions {
  title?: string;
  xTitle: string;
  /** Edges are epoch milliseconds: draw a UTC time axis. */
  temporal?: boolean;
  width?: number;
  height?: number;
}

const AXIS_TEXT = '#444';
const GRID = '#e6e8eb';

/** Shared Vega-Lite config of every report plot: no ARIA item descriptions (they triple the SVG size), quiet axes. */
export const PLOT_CONFIG = {
  aria: false,
  font: FONT,
  background: 'transparent',
  padding: 4,
  view: { stroke: null },
  title: { fontSize: 12, fontWeight: 600, color: '#222', anchor: 'start', offset: 6 },
  axis: {
    labelFontSize: 10,
    titleFontSize: 10,
    titleFontWeight: 500,
    labelColor: AXIS_TEXT,
    titleColor: AXIS_TEXT,
    domainColor: '#9aa0a6',
    tickColor: '#9aa0a6',
    gridColor: GRID,
  },
} as const;

/**
 * A histogram of pre-binned counts (the profile already holds edges and counts).
 *
 * @example
 * const spec = histogramSpec({ edges: [0, 1, 2], counts: [3, 5] }, { xTitle: 'LotArea' });
 * const [svg] = await renderSvgs([spec]);
 */
export function histogramSpec(h: Histogram, o: HistogramOptions): TopLevelSpec {
  const values = h.counts.map((count, i) => ({ start: h.edges[i]!, end: h.edges[i + 1]!, count }));
  const lo = h.edges[0] ?? 0;
  const hi = h.edges[h.edges.length - 1] ?? 1;
  const x = o.temporal
    ? { field: 'start', type: 'temporal' as const, scale: { type: 'utc' as const }, axis: { title: o.xTitle, tickCount: 4, labelOverlap: true } }
    : { field: 'start', type: 'quantitative' as const, scale: { zero: false, nice: false, domain: [lo, hi] }, axis: { title: o.xTitle, tickCount: 5, format: axisFormat(lo, hi), labelOverlap: true, labelFlush: true } };
  return {
    config: PLOT_CONFIG,
    ...(o.title ? { title: o.title } : {}),
    width: o.width ?? 260,
    height: o.height ?? 90,
    data: { values },
    mark: { type: 'rect', color: ACCENT, stroke: '#fff', strokeWidth: values.length > 40 ? 0 : 0.5 },
    encoding: {
      x,
      x2: { field: 'end' },
      y: { field: 'count', type: 'quantitative', axis: { title: 'rows', tickCount: 3, tickMinStep: 1, format: ',d', grid: true } },
    },
  };
}

/**
 * Horizontal bars with the value printed at the end of each bar, in the given order: top
 * categories, classes, missing ratio per column, association per feature.
 *
 * @example
 * const spec = barSpec([{ label: 'RL', value: 1151 }, { label: 'RM', value: 218 }],
 *   { valueTitle: 'rows', format: ',d' });
 */
export function barSpec(bars: readonly Bar[], o: BarOptions): TopLevelSpec {
  const max = Math.max(o.domainMax ?? 0, ...bars.map((b) => b.value), 0) || 1;
  // Labels are unique (column names, category levels), so they can key the band scale directly.
  const values = bars.map((b) => ({ label: b.label === '' ? '(empty)' : b.label, value: b.value, hi: b.label === o.highlight, ...(o.text ? { text: o.text(b.value) } : {}) }));
  const y = { field: 'label', type: 'nominal' as const, sort: null, axis: { title: null, labelLimit: 170, ticks: false, domain: false, labelPadding: 6 } };
  const x = { field: 'value', type: 'quantitative' as const, scale: { domain: [0, max * (o.domainMax ? 1 : 1.18)], nice: false }, axis: { title: o.valueTitle, format: o.format, tickCount: 4, grid: true, labelFlush: true } };
  return {
    config: PLOT_CONFIG,
    ...(o.title ? { title: o.title } : {}),
    width: o.width ?? 260,
    height: { step: 16 },
    data: { values },
    encoding: { y, x },
    layer: [
      { mark: { type: 'bar', height: 11, cornerRadiusEnd: 1 }, encoding: { color: { condition: { test: 'datum.hi', value: '#1d4a80' }, value: ACCENT } } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: AXIS_TEXT }, encoding: { text: o.text ? { field: 'text', type: 'nominal' } : { field: 'value', type: 'quantitative', format: o.format } } },
    ],
  } as TopLevelSpec;
}

/** Axis label format for a numeric range: SI suffixes for large magnitudes, plain digits otherwise. */
function axisFormat(lo: number, hi: number): string {
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  if (m >= 1e5) return '.3~s';
  if (m > 0 && m < 1e-2) return '.1~e';
  return ',~r';
}
