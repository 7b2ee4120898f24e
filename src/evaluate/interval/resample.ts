/**
 * Bootstrap resamples of row indices: n draws with replacement, optionally within strata.
 *
 * Stratified (classification): each class keeps exactly its row count, drawn with replacement
 * from its own rows, so every replicate has the holdout's class mix. That keeps one-vs-rest ROC
 * AUC defined in every replicate (no class can vanish) and removes the class-mix noise that a
 * fixed holdout does not have; the interval then reflects the variability of the model's
 * predictions given the class mix, which is what a stratified split estimates.
 *
 * @example
 * const strata = classStrata(Int32Array.of(0, 1, 1, 0, 1));
 * const idx = new Int32Array(5);
 * drawResample(strata, new Rng(1), idx); // e.g. [3, 0, 4, 4, 1]: two rows of class 0, three of class 1
 */
import type { Rng } from '../../core/rng.js';

/** Row indices grouped by stratum: `rows` is `Int32Array[n]`, stratum s occupies `rows[start[s] .. start[s + 1])`. */
export interface Strata {
  rows: Int32Array;
  start: Int32Array;
}

/**
 * One stratum holding every row (plain, unstratified bootstrap).
 *
 * @example
 * singleStratum(3); // { rows: [0, 1, 2], start: [0, 3] }
 */
export function singleStratum(n: number): Strata {
  return { rows: Int32Array.from({ length: n }, (_, i) => i), start: Int32Array.of(0, n) };
}

/**
 * Strata from class indices `y: Int32Array[n]` (values >= 0, checked by the caller); classes that
 * do not occur get empty strata. Rows keep their order within a class. O(n + k).
 *
 * @example
 * classStrata(Int32Array.of(1, 0, 1)); // { rows: [1, 0, 2], start: [0, 1, 3] }
 */
export function classStrata(y: Int32Array): Strata {
  let k = 0;
  for (let i = 0; i < y.length; i++) k = Math.max(k, y[i]! + 1);
  const start = new Int32Array(k + 1);
  for (let i = 0; i < y.length; i++) start[y[i]! + 1] = start[y[i]! + 1]! + 1;
  for (let c = 0; c < k; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const next = start.slice(0, k);
  const rows = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const c = y[i]!;
    rows[next[c]!] = i;
    next[c] = next[c]! + 1;
  }
  return { rows, start };
}

/**
 * Fills `out: Int32Array[n]` with one resample: for each stratum, as many uniform draws with
 * replacement from its rows as it has rows, written stratum by stratum. n calls to `rng.int`.
 *
 * @example
 * drawResample(singleStratum(4), new Rng(7), new Int32Array(4)); // four indices in [0, 4)
 */
export function drawResample(strata: Strata, rng: Rng, out: Int32Array): Int32Array {
  const { rows, start } = strata;
  let j = 0;
  for (let s = 0; s + 1 < start.length; s++) {
    const lo = start[s]!;
    const size = start[s + 1]! - lo;
    for (let t = 0; t < size; t++) out[j++] = rows[lo + rng.int(size)]!;
  }
  return out;
}
