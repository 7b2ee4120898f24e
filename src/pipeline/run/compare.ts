/**
 * Statistics between candidates, so the run says whether a difference is real:
 *
 * - The leaderboard: every candidate's fold scores against the best's on the same folds, with the
 *   corrected resampled t-test (Nadeau & Bengio 2003). The plain paired t-test on CV folds is
 *   overconfident because training sets overlap between folds; the correction inflates the
 *   variance by nTest/nTrain. p-values are Holm-adjusted over the rows: the best was picked for
 *   scoring best, and a long uncorrected board would flag some candidate as worse on noise alone.
 * - "beats baseline": the selected model against the trivial baseline on the holdout rows, paired
 *   bootstrap of the run's metric (stratified for classification, 1000 seeded replicates);
 *   significant when p < 0.05 and the difference favours the model.
 *
 * @example
 * const board = leaderboard(candidates, 'roc_auc', trainRows, 5);
 */
import type { Prediction } from '../../core/estimator.js';
import type { Rng } from '../../core/rng.js';
import { encodeClasses } from '../../data/classes.js';
import { metric } from '../../evaluate/metrics/index.js';
import { compareToBest, pairedBootstrap } from '../../evaluate/significance/index.js';
import type { LeaderboardRow, RunReport } from '../../report/run-types.js';
import type { Candidate } from './candidates.js';
import type { Prepared } from './prepare.js';

/** Significance level of every test in a run. */
export const ALPHA = 0.05;

/**
 * Candidates ranked by mean CV score of `metricName`, each tested against the best
 * (evaluate/significance compareToBest: corrected resampled t-test, Holm-adjusted). The baseline
 * is ranked too but selected only when it is the only candidate. `chosen` names the selected row
 * when another rule chose it (AutoML's, which prefers a simpler model within noise).
 */
export function leaderboard(cands: readonly Candidate[], metricName: string, nRows: number, folds: number, chosen?: string): (LeaderboardRow & { greaterIsBetter: boolean })[] {
  const up = metric(metricName).greaterIsBetter;
  const nTest = nRows / folds;
  const cmp = compareToBest(new Map(cands.map((c) => [c.name, Float64Array.from(c.cv.scores[metricName]!.folds)])), { greaterIsBetter: up, nTrain: nRows - nTest, nTest, alpha: ALPHA });
  const byName = new Map(cands.map((c) => [c.name, c]));
  // Better mean first; ties keep the candidate order (the spec's).
  const ranked = [...cmp].sort((a, b) => (up ? b.mean - a.mean : a.mean - b.mean));
  const selected = chosen ?? (ranked.find((r) => r.name !== 'baseline') ?? ranked[0]!).name;
  return ranked.map((r) => {
    const c = byName.get(r.name)!;
    return {
      name: r.name,
      description: c.description,
      mean: r.mean,
      std: r.std,
      folds: [...c.cv.scores[metricName]!.folds],
      isBest: r.isBest,
      selected: r.name === selected,
      pValueVsBest: r.isBest ? null : r.pValueAdjusted,
      significantlyWorse: r.significantlyWorse,
      seconds: c.seconds,
      greaterIsBetter: up,
    };
  });
}

/** The selected model against the baseline on the holdout (paired bootstrap of the run's metric). */
export function beatsBaseline(p: Prepared, model: Prediction, baseline: Prediction, rng: Rng): RunReport['beats'] {
  const m = metric(p.metric);
  const sign = m.greaterIsBetter ? 1 : -1;
  let r;
  if (p.task === 'regression') {
    const y = Float64Array.from((p.yTest as Extract<typeof p.yTest, { kind: 'numeric' }>).values);
    r = pairedBootstrap(y, model.values, baseline.values, m, { rng });
  } else {
    const y = encodeClasses(p.yTest).codes;
    const a = m.needs === 'proba' ? model.proba! : Int32Array.from(model.values);
    const b = m.needs === 'proba' ? baseline.proba! : Int32Array.from(baseline.values);
    r = pairedBootstrap(y, a, b, m, { rng });
  }
  // Oriented so that a positive difference means the model is better, whatever the metric's direction.
  const difference = sign * r.difference;
  const [lo, hi] = sign > 0 ? r.ci : [-r.ci[1], -r.ci[0]];
  return { metric: p.metric, difference, ci_low: lo, ci_high: hi, p_value: r.pValue, significant: difference > 0 && r.pValue < ALPHA };
}
