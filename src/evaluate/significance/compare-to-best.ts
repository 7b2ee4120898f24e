/**
 * The leaderboard helper: which candidates are statistically indistinguishable from the best?
 *
 * The best is the candidate with the best mean fold score (ties: the first in the map's order).
 * Every other candidate is compared with it by the corrected resampled t-test on the per-fold
 * differences (best − candidate, oriented so that positive means the best is better), so all
 * candidates must have been scored on the same folds, in the same order.
 *
 * Multiple comparisons: Holm's step-down correction is applied by default. The m − 1 tests are
 * all against one candidate chosen *because* it scored best, and a leaderboard of 20 models run
 * uncorrected at α = 0.05 calls about one model in twenty "significantly worse" on noise alone;
 * Holm keeps the chance of any such false call ≤ α, is never less powerful than Bonferroni, and
 * needs no independence between the tests (these are correlated: they share the best's folds).
 * `significantlyWorse` reads the adjusted p-value; `pValueVsBest` is the raw one, for reporting.
 * Pass `correction: 'none'` to flag each comparison at α on its own.
 *
 * @example
 * const board = compareToBest(new Map([['gbdt', gbdtFolds], ['linear', linearFolds]]), {
 *   greaterIsBetter: true, nTrain: 3563, nTest: 891 });
 * board.filter((r) => !r.significantlyWorse).map((r) => r.name); // the statistically tied set
 */
import { correctedResampledTTest } from './corrected-t-test.js';
import { checkScores, fail, meanVar } from './validate.js';

export interface CompareToBestOptions {
  /** Which way is better (the metric's `greaterIsBetter`). */
  greaterIsBetter: boolean;
  /** Training rows per fold (mean if folds differ). */
  nTrain: number;
  /** Test rows per fold (mean if folds differ). */
  nTest: number;
  /** Family-wise error rate; 0.05 by default. */
  alpha?: number;
  /** 'holm' (default) or 'none'; see the file header. */
  correction?: 'holm' | 'none';
}

/** One leaderboard row, in the input map's order. */
export interface CandidateComparison {
  name: string;
  mean: number;
  /** Sample standard deviation (n − 1) of the fold scores. */
  std: number;
  isBest: boolean;
  /** Raw two-sided p of the corrected t-test against the best (1 for the best itself). */
  pValueVsBest: number;
  /** `pValueVsBest` after the correction (equal to it under 'none'). */
  pValueAdjusted: number;
  /** Adjusted p < alpha and a worse mean than the best. */
  significantlyWorse: boolean;
}

/**
 * Compares every candidate with the best by mean (see the file header). `scores` maps a name to
 * its fold scores, `Float64Array[folds]`, the same folds for every candidate.
 *
 * Zero variance is decided, not divided by: fold scores identical to the best's give p = 1 (not
 * worse); worse by the same amount on every fold gives p = 0 (worse).
 *
 * @example
 * compareToBest(new Map([['a', Float64Array.of(0.8, 0.82)], ['b', Float64Array.of(0.8, 0.82)]]),
 *   { greaterIsBetter: true, nTrain: 90, nTest: 10 })[1]!.pValueVsBest; // 1 (identical)
 */
export function compareToBest(scores: ReadonlyMap<string, Float64Array>, options: CompareToBestOptions): CandidateComparison[] {
  const test = 'compareToBest';
  const alpha = options.alpha ?? 0.05;
  const correction = options.correction ?? 'holm';
  if (!(alpha > 0 && alpha < 1)) fail(test, 'usage.bad_param', `alpha must be in (0, 1), got ${alpha}.`);
  if (correction !== 'holm' && correction !== 'none') fail(test, 'usage.bad_param', `correction must be 'holm' or 'none', got '${String(correction)}'.`);
  if (scores.size === 0) fail(test, 'data.empty', 'no candidates were given.', 'Pass a Map from candidate name to its per-fold scores.');
  const entries = [...scores.entries()];
  const folds = entries[0]![1].length;
  for (const [name, s] of entries) {
    checkScores(test, `scores of '${name}'`, s, 2);
    if (s.length !== folds) {
      fail(test, 'data.length_mismatch', `'${entries[0]![0]}' has ${folds} fold scores but '${name}' has ${s.length}.`, 'Score every candidate on the same folds (same splitter, same seed).');
    }
  }
  const sign = options.greaterIsBetter ? 1 : -1;
  const stats = entries.map(([name, s]) => ({ name, s, ...meanVar(s) }));
  let best = 0;
  for (let i = 1; i < stats.length; i++) if (sign * stats[i]!.mean > sign * stats[best]!.mean) best = i;
  const bestScores = stats[best]!.s;

  const raw = stats.map((c, i) => {
    if (i === best) return 1;
    const d = new Float64Array(folds);
    for (let f = 0; f < folds; f++) d[f] = sign * (bestScores[f]! - c.s[f]!);
    return correctedResampledTTest(d, { nTrain: options.nTrain, nTest: options.nTest }).pValue;
  });
  const adjusted = correction === 'holm' ? holm(raw, best) : raw.slice();
  return stats.map((c, i) => ({
    name: c.name,
    mean: c.mean,
    std: Math.sqrt(c.variance),
    isBest: i === best,
    pValueVsBest: raw[i]!,
    pValueAdjusted: adjusted[i]!,
    significantlyWorse: i !== best && adjusted[i]! < alpha && sign * c.mean < sign * stats[best]!.mean,
  }));
}

/**
 * Holm's step-down adjusted p-values over every index but `skip`: sort the m raw p-values
 * ascending, multiply the j-th (1-based) by m − j + 1, cap at 1, and make them non-decreasing.
 *
 * @example
 * holm([1, 0.01, 0.04, 0.03], 0); // [1, 0.03, 0.06, 0.06]
 */
export function holm(p: readonly number[], skip: number): number[] {
  const idx = p.map((_, i) => i).filter((i) => i !== skip);
  idx.sort((a, b) => p[a]! - p[b]! || a - b);
  const out = p.slice();
  const m = idx.length;
  let running = 0;
  idx.forEach((i, j) => {
    running = Math.max(running, Math.min(1, (m - j) * p[i]!));
    out[i] = running;
  });
  return out;
}
