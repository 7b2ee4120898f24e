/**
 * Isotonic calibration: the non-decreasing step-and-ramp function closest (weighted least
 * squares) to the targets, as scikit-learn 1.2.1's `IsotonicRegression(increasing=True,
 * out_of_bounds='clip')` fits it, step for step:
 *
 * 1. drop rows of weight 0; sort by (x, y) (numpy `lexsort`);
 * 2. merge tied x into one point whose y is the weighted mean and whose weight is the sum
 *    (`_make_unique`; "tied" means within 1e-15 of the first x of the run, numpy's float64
 *    `resolution`, an absolute tolerance sklearn uses);
 * 3. pool adjacent violators (PAVA, sklearn's `_inplace_contiguous_isotonic_regression`: blocks
 *    grow over whole decreasing runs and backtrack one block, O(n); equal neighbours are pooled);
 * 4. keep the first and last knot and every knot whose value differs from a neighbour's
 *    (`trim_duplicates`; the dropped knots lie inside flat stretches, so predictions are unchanged).
 *
 * Prediction ({@link applyBinary}) clips to [x_min, x_max] and interpolates linearly.
 * Cost: O(n log n) for the sort, O(n) after it.
 *
 * @example
 * const s = fitIsotonic(Float64Array.of(1, 2, 2, 3), Float64Array.of(0, 1, 0, 1));
 * s.x; // [1, 2, 3]
 * s.y; // [0, 0.5, 1]
 */
import { checkFinite, checkRows, checkWeights, fail } from '../metrics/validate.js';
import type { IsotonicState } from '../../models/calibrated/apply.js';

/** numpy's `finfo(float64).resolution`: sklearn's tie tolerance on x. */
const X_RESOLUTION = 1e-15;

/**
 * PAVA in place on `y`, `w` (`Float64Array[m]`): afterwards `y` is non-decreasing, the weighted
 * least-squares fit. `w` is overwritten with block weights.
 *
 * @example
 * const y = Float64Array.of(1, 3, 2, 4); pava(y, Float64Array.of(1, 1, 1, 1)); // y = [1, 2.5, 2.5, 4]
 */
export function pava(y: Float64Array, w: Float64Array): void {
  const n = y.length;
  // target[i] = j and target[j] = i when [i..j] is a block; block starts hold its mean and weight.
  const target = Int32Array.from({ length: n }, (_, i) => i);
  let i = 0;
  while (i < n) {
    let k = target[i]! + 1;
    if (k === n) break;
    if (y[i]! < y[k]!) {
      i = k;
      continue;
    }
    let sumWy = w[i]! * y[i]!;
    let sumW = w[i]!;
    for (;;) {
      const prevY = y[k]!;
      sumWy += w[k]! * y[k]!;
      sumW += w[k]!;
      k = target[k]! + 1;
      if (k === n || prevY < y[k]!) {
        y[i] = sumWy / sumW;
        w[i] = sumW;
        target[i] = k - 1;
        target[k - 1] = i;
        if (i > 0) i = target[i - 1]!;
        break;
      }
    }
  }
  i = 0;
  while (i < n) {
    const k = target[i]! + 1;
    y.fill(y[i]!, i + 1, k);
    i = k;
  }
}

/**
 * Fits an increasing isotonic calibrator to `x: Float64Array[n]` (scores) and
 * `y: Float64Array[n]` (targets, usually 0/1), with optional `sampleWeight: Float64Array[n]`.
 *
 * @example
 * applyBinary(fitIsotonic(x, y01), xNew); // calibrated P(y = 1)
 */
export function fitIsotonic(x: Float64Array, y: Float64Array, sampleWeight?: Float64Array): IsotonicState {
  const fn = 'fitIsotonic';
  checkRows(fn, x.length, [['y', y.length]]);
  checkFinite(fn, 'x', x);
  checkFinite(fn, 'y', y);
  checkWeights(fn, sampleWeight, x.length);
  const rows = Array.from({ length: x.length }, (_, i) => i).filter((i) => sampleWeight === undefined || sampleWeight[i]! > 0);
  if (rows.length === 0) fail(fn, 'data.empty', 'no row has a positive weight.');
  rows.sort((a, b) => x[a]! - x[b]! || y[a]! - y[b]! || a - b);

  const ux: number[] = [];
  const uy: number[] = [];
  const uw: number[] = [];
  const wOf = (i: number): number => (sampleWeight === undefined ? 1 : sampleWeight[i]!);
  let cx = x[rows[0]!]!;
  let cy = 0;
  let cw = 0;
  for (const i of rows) {
    if (x[i]! - cx >= X_RESOLUTION) {
      ux.push(cx);
      uw.push(cw);
      uy.push(cy / cw);
      cx = x[i]!;
      cw = wOf(i);
      cy = y[i]! * wOf(i);
    } else {
      cw += wOf(i);
      cy += y[i]! * wOf(i);
    }
  }
  ux.push(cx);
  uw.push(cw);
  uy.push(cy / cw);

  const fy = Float64Array.from(uy);
  pava(fy, Float64Array.from(uw));
  const m = fy.length;
  const keep: number[] = [];
  for (let j = 0; j < m; j++) {
    if (j === 0 || j === m - 1 || fy[j] !== fy[j - 1] || fy[j] !== fy[j + 1]) keep.push(j);
  }
  return { method: 'isotonic', x: Float64Array.from(keep, (j) => ux[j]!), y: Float64Array.from(keep, (j) => fy[j]!) };
}
