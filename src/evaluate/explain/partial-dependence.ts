/**
 * Partial dependence (Friedman 2001) and ICE curves (Goldstein et al. 2015) of one input column,
 * for any predictor (a pipeline included): set the column to each grid value in every row, predict,
 * and average. The PD curve is the mean of the ICE curves over all rows; ICE keeps a sample of
 * the individual curves, which shows interactions PD averages away.
 *
 * What is averaged: the value for regression, the probability of one class for classification
 * (by default the second class of a binary model, the one roc_auc calls positive).
 *
 * Grid: numeric and datetime columns use quantiles of the present values at probabilities evenly
 * spaced over [0.05, 0.95] (sklearn's default percentiles; the extremes rest on few rows), or
 * every distinct value when there are no more than `gridSize`; booleans use [0, 1]; categorical
 * columns use the levels present in the frame. Cost: gridSize predictions of all n rows.
 *
 * @example
 * const pd = partialDependence(model, test, 'Income', { gridSize: 20 });
 * pd.grid; // [34, 52, 61, ...]; pd.pd: Float64Array[20] mean P(bad)
 */
import { SpecmlError } from '../../core/errors.js';
import type { Prediction, PredictorModel } from '../../core/estimator.js';
import { Frame, booleanColumn, categoricalColumn, datetimeColumn, numericColumn, type Column } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';

/**
 * Options of {@link partialDependence}.
 *
 * @example
 * const o: PartialDependenceOptions = { gridSize: 30, output: 'bad', iceRows: 100, rng: new Rng(3) };
 */
export interface PartialDependenceOptions {
  /** Grid points for a numeric column; default 20 (a smooth curve for 20 predictions of all rows). */
  gridSize?: number;
  /** An explicit grid: numbers (numeric, datetime, boolean 0/1) or level names (categorical). */
  grid?: readonly number[] | readonly string[];
  /** Classification: the class (label or index) whose probability is averaged. */
  output?: string | number;
  /** Rows whose ICE curves are kept; default 50 (a readable plot); all rows when n is smaller. */
  iceRows?: number;
  /** Draws the ICE rows; default `new Rng(0)`, so a plot is reproducible. */
  rng?: Rng;
}

/**
 * PD and ICE of one column over `grid` (G points): `pd: Float64Array[G]`, `ice: Float64Array[m * G]`
 * row-major (curve r at `r * G`), `iceRows: Int32Array[m]` the frame rows of the curves, ascending.
 *
 * @example
 * const { grid, pd, ice, iceRows } = partialDependence(model, frame, 'x1');
 */
export interface PartialDependence {
  column: string;
  kind: 'numeric' | 'categorical' | 'boolean' | 'datetime';
  grid: number[] | string[];
  /** What is averaged: a class label, or 'value' for regression. */
  output: string;
  pd: Float64Array;
  ice: Float64Array;
  iceRows: Int32Array;
}

/**
 * Partial dependence and ICE of `column` for `model` over `frame`'s rows. See the file comment.
 *
 * @example
 * partialDependence(model, frame, 'Home', { output: 'bad' }).pd; // one value per level
 */
export function partialDependence(model: PredictorModel, frame: Frame, column: string, opts: PartialDependenceOptions = {}): PartialDependence {
  const col = frame.get(column);
  if (!col) throw new SpecmlError('data.missing_column', `no column '${column}' to compute partial dependence for`, { hint: `The frame has: ${frame.names.join(', ')}` });
  if (col.kind === 'text') throw new SpecmlError('usage.pd_text', `partial dependence needs a numeric, boolean, datetime or categorical column; '${column}' is text`, { hint: 'Explain the derived features instead, or use permutation importance for text.' });
  const gridSize = opts.gridSize ?? 20;
  if (!Number.isInteger(gridSize) || gridSize < 2) throw new SpecmlError('usage.bad_grid', `gridSize must be an integer >= 2, got ${gridSize}`, { hint: 'Use 20 (the default) or another count of grid points.' });
  const { index, label } = outputOf(model, opts.output);
  const n = frame.nRows;
  const grid = opts.grid ? [...opts.grid] : defaultGrid(col, gridSize);
  if (grid.length === 0) throw new SpecmlError('data.no_values', `column '${column}' has no present values to build a grid from`, { hint: 'Pass an explicit grid.' });
  const m = Math.min(n, opts.iceRows ?? 50);
  const iceRows = m === n ? Int32Array.from({ length: n }, (_, i) => i) : (opts.rng ?? new Rng(0)).sampleIndices(n, m);
  const G = grid.length;
  const pd = new Float64Array(G);
  const ice = new Float64Array(m * G);
  for (let g = 0; g < G; g++) {
    const fixed = constantColumn(col, grid[g]!, n);
    const f = Frame.fromColumns(frame.columns.map((c) => (c.name === column ? fixed : c)), n);
    const y = outputValues(model.predict(f), index, model.classes?.length ?? 1);
    let s = 0;
    for (let i = 0; i < n; i++) s += y[i]!;
    pd[g] = s / n;
    for (let r = 0; r < m; r++) ice[r * G + g] = y[iceRows[r]!]!;
  }
  return { column, kind: col.kind, grid: grid as number[] | string[], output: label, pd, ice, iceRows };
}

/** The class index averaged (-1 for regression) and its label. */
function outputOf(model: PredictorModel, output: string | number | undefined): { index: number; label: string } {
  if (model.task === 'regression') return { index: -1, label: 'value' };
  const classes = model.classes ?? [];
  const index = typeof output === 'number' ? output : output !== undefined ? classes.indexOf(output) : model.task === 'binary' ? 1 : -1;
  if (index < 0 || index >= classes.length || !Number.isInteger(index)) {
    throw new SpecmlError('usage.pd_class', output === undefined ? `a ${classes.length}-class model needs the class whose probability to average` : `class ${JSON.stringify(output)} is not one of the model's classes`, {
      hint: `Pass output: one of ${classes.map((c) => `'${c}'`).join(', ')} (or its index).`,
    });
  }
  return { index, label: classes[index]! };
}

/** Per row: the value, or the probability of class `c` (a model without proba: 1 when predicted). */
function outputValues(pred: Prediction, c: number, k: number): Float64Array {
  if (c < 0) return pred.values;
  const n = pred.values.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = pred.proba ? pred.proba[i * k + c]! : pred.values[i] === c ? 1 : 0;
  return out;
}

function defaultGrid(col: Column, size: number): number[] | string[] {
  if (col.kind === 'boolean') return [0, 1];
  if (col.kind === 'categorical') {
    const used = new Uint8Array(col.levels.length);
    for (let i = 0; i < col.codes.length; i++) if (col.codes[i]! >= 0) used[col.codes[i]!] = 1;
    return col.levels.filter((_, j) => used[j] === 1);
  }
  if (col.kind === 'text') return [];
  const x = Float64Array.from(col.values.filter((v) => Number.isFinite(v))).sort();
  const distinct = x.filter((v, i) => i === 0 || v !== x[i - 1]);
  if (distinct.length <= size) return Array.from(distinct);
  const out: number[] = [];
  for (let g = 0; g < size; g++) {
    // numpy's default ('linear') quantile: position (len - 1) q, interpolated between neighbours.
    const q = 0.05 + (0.9 * g) / (size - 1);
    const h = (x.length - 1) * q;
    const lo = Math.floor(h);
    const v = lo + 1 < x.length ? x[lo]! + (h - lo) * (x[lo + 1]! - x[lo]!) : x[lo]!;
    if (out.length === 0 || v !== out[out.length - 1]) out.push(v);
  }
  return out;
}

function constantColumn(col: Column, value: number | string, n: number): Column {
  if (col.kind === 'categorical') {
    let code = col.levels.indexOf(String(value));
    const levels = code >= 0 ? col.levels : [...col.levels, String(value)];
    if (code < 0) code = col.levels.length;
    return categoricalColumn(col.name, new Int32Array(n).fill(code), levels);
  }
  const v = Number(value);
  if (!Number.isFinite(v)) throw new SpecmlError('usage.bad_grid', `grid value ${JSON.stringify(value)} for column '${col.name}' is not a finite number`, { hint: 'Give numbers for numeric, datetime and boolean columns.' });
  if (col.kind === 'boolean') {
    if (v !== 0 && v !== 1) throw new SpecmlError('usage.bad_grid', `grid value ${v} for boolean column '${col.name}' is not 0 or 1`, { hint: 'Use the grid [0, 1].' });
    return booleanColumn(col.name, new Uint8Array(n).fill(v));
  }
  if (col.kind === 'datetime') return datetimeColumn(col.name, new Float64Array(n).fill(v));
  return numericColumn(col.name, new Float64Array(n).fill(v));
}
