/**
 * Greedy ensemble selection (Caruana et al. 2004, "Ensemble selection from libraries of models";
 * the last layer of AutoGluon and auto-sklearn): start from the empty ensemble and, `rounds`
 * times, add (with replacement) the member whose addition gives the best score of the averaged
 * predictions; weights are the counts divided by `rounds`. Adding with replacement is what makes
 * it a weighting rather than a subset; a member's weight grows when adding it again still helps.
 *
 * Scored on out-of-fold predictions, so the weights never see a row's own fit. Ties go to the
 * earlier member (deterministic). Cost: rounds x members x (one average + one score).
 *
 * @example
 * const w = ensembleSelection([oofA, oofB, oofC], (p) => rocAucOf(p), { greaterIsBetter: true, rounds: 25 });
 * w.weights; // e.g. [0.6, 0.4, 0]
 */
import { SpecmlError } from '../../core/errors.js';

export interface SelectionResult {
  /** Weight per member, summing to 1. */
  weights: number[];
  /** Score of the averaged predictions after each round (round 1 = the best single member). */
  trace: number[];
  score: number;
}

/**
 * `preds[m]`: member m's predictions, all the same length (n, or n x k row-major probabilities);
 * `score`: evaluates a blend of that shape.
 */
export function ensembleSelection(preds: readonly Float64Array[], score: (blend: Float64Array) => number, options: { greaterIsBetter: boolean; rounds?: number }): SelectionResult {
  const m = preds.length;
  if (m === 0) throw new SpecmlError('usage.no_members', 'ensemble selection needs at least one member', { hint: 'Pass the out-of-fold predictions of the candidates.' });
  const len = preds[0]!.length;
  for (const [i, p] of preds.entries()) {
    if (p.length !== len) throw new SpecmlError('data.length_mismatch', `member ${i} has ${p.length} predictions, member 0 has ${len}`, { hint: 'All members must predict the same rows (same out-of-fold set).' });
  }
  // 25 rounds: AutoGluon's default; weights move in steps of 4%, and more rounds mostly refit noise.
  const rounds = options.rounds ?? 25;
  const better = (a: number, b: number): boolean => (options.greaterIsBetter ? a > b : a < b);
  const counts = new Array<number>(m).fill(0);
  const sum = new Float64Array(len);
  const blend = new Float64Array(len);
  const trace: number[] = [];
  for (let r = 1; r <= rounds; r++) {
    let bestM = -1;
    let bestS = NaN;
    for (let j = 0; j < m; j++) {
      const p = preds[j]!;
      for (let i = 0; i < len; i++) blend[i] = (sum[i]! + p[i]!) / r;
      const s = score(blend);
      if (Number.isNaN(s)) continue;
      if (bestM < 0 || better(s, bestS)) {
        bestM = j;
        bestS = s;
      }
    }
    if (bestM < 0) throw new SpecmlError('data.unscorable', 'no member blend could be scored (the score was NaN for all)', { hint: 'Check the score function and that the predictions are finite.' });
    counts[bestM]!++;
    const p = preds[bestM]!;
    for (let i = 0; i < len; i++) sum[i] = sum[i]! + p[i]!;
    trace.push(bestS);
  }
  return { weights: counts.map((c) => c / rounds), trace, score: trace[trace.length - 1]! };
}
