/**
 * Significance tests against test/golden/stats/significance.json (make_stats.py beside it): the
 * published formulas written out independently in numpy, p-values from SciPy 1.10.1, AUCs
 * cross-checked with scikit-learn in the script. Real cases use credit_data: 10×10-fold CV scores
 * and holdout probabilities of logistic regression, histogram GBDT and naive Bayes.
 *
 * Tolerances (relative, floor 1e-300):
 * - statistics, means, variances, AUCs: 1e-12. They are sums of ≤ 900 terms; numpy sums
 *   pairwise, we sum left to right, and fold differences of ~1e-2 averaging ~1e-3 amplify the
 *   ~1e-16·n rounding by ~10 (observed ≤ 6e-14, DeLong's z; most ≤ 2e-15).
 * - p-values: 1e-10. A relative error δ in the statistic moves the p-value by about t²·δ in
 *   the tails (d ln p / d ln t ≈ t² for large t; t reaches 10 here), and both sides' t and
 *   normal tails are accurate to ~1e-14 (SciPy's chi-square and binomial tails too; observed ≤ 2e-13).
 * - corrected t confidence limits: 1e-8 of the half-width. SciPy's `t.ppf` stops at ~4e-9
 *   relative (cdflib's root finder; measured against mpmath in the stats goldens); ours is
 *   ~1e-15, so the reference limits the check (observed 7e-10).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareToBest } from './compare-to-best.js';
import { correctedResampledTTest } from './corrected-t-test.js';
import { delongAucCi, delongTest } from './delong.js';
import { fiveByTwoFTest, fiveByTwoTTest } from './five-by-two.js';
import { mcnemarTest } from './mcnemar.js';

interface Stat {
  statistic: number;
  pValue: number;
}
const golden = JSON.parse(readFileSync(new URL('../../../test/golden/stats/significance.json', import.meta.url), 'utf8')) as {
  versions: Record<string, string>;
  cv: { nTrain: number; nTest: number; folds: number };
  correctedT: { name: string; differences: number[]; nTrain: number; nTest: number; level: number; expected: Stat & { df: number; meanDifference: number; ci: [number, number] } }[];
  fiveByTwo: { name: string; differences: number[]; t: Stat; f: Stat }[];
  holdout: { yTrue: number[]; proba: Record<string, number[]> };
  mcnemar: { name: string; a: string; b: string; rows: number | null; method: 'auto' | 'exact' | 'chi2'; expected: Record<string, number | string> }[];
  mcnemarSynthetic: { name: string; yTrue: number[]; predA: number[]; predB: number[]; method: 'auto' | 'exact' | 'chi2'; expected: Record<string, number | string> }[];
  delong: { name: string; a: string; b: string; expected: Record<string, number>; ciA: Record<string, { auc: number; variance: number; ci: [number, number]; level: number }> }[];
  delongSynthetic: { yTrue: number[]; scoreA: number[]; scoreB: number[]; expected: Record<string, number>; ciA: Record<string, { auc: number; variance: number; ci: [number, number] }> };
  compareToBest: {
    name: string;
    scores: Record<string, number[]>;
    greaterIsBetter: boolean;
    nTrain: number;
    nTest: number;
    correction: 'holm' | 'none';
    expected: { name: string; mean: number; std: number; isBest: boolean; pValueVsBest: number; pValueAdjusted: number; significantlyWorse: boolean }[];
  }[];
};

const STAT_TOL = 1e-12;
const P_TOL = 1e-10;

function close(got: number, want: number, tol: number, what: string): void {
  const err = got === want ? 0 : Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);
  expect(err <= tol, `${what}: got ${got}, expected ${want} (rel err ${err})`).toBe(true);
}

const labels = (p: number[]): Int32Array => Int32Array.from(p, (v) => (v > 0.5 ? 1 : 0));
const yHold = Int32Array.from(golden.holdout.yTrue);

describe(`significance tests match numpy formulas and SciPy ${golden.versions.scipy}`, () => {
  it('holds real credit_data cases', () => {
    expect(golden.cv.folds).toBe(100);
    expect(yHold.length).toBeGreaterThan(800);
    expect(golden.correctedT.filter((c) => c.name.startsWith('credit')).length).toBe(6);
  });

  for (const c of golden.correctedT) {
    it(`corrected resampled t-test: ${c.name}`, () => {
      const r = correctedResampledTTest(Float64Array.from(c.differences), { nTrain: c.nTrain, nTest: c.nTest, level: c.level });
      const e = c.expected;
      expect(r.df).toBe(e.df);
      close(r.statistic, e.statistic, STAT_TOL, 'statistic');
      close(r.meanDifference, e.meanDifference, STAT_TOL, 'mean');
      close(r.pValue, e.pValue, P_TOL, 'p');
      const half = (e.ci[1] - e.ci[0]) / 2;
      for (const k of [0, 1]) expect(Math.abs(r.ci[k]! - e.ci[k]!) <= 1e-8 * half, `ci[${k}] ${r.ci[k]} vs ${e.ci[k]}`).toBe(true);
    });
  }

  for (const c of golden.fiveByTwo) {
    it(`5x2cv t and F: ${c.name}`, () => {
      const d = Float64Array.from(c.differences);
      const t = fiveByTwoTTest(d);
      const f = fiveByTwoFTest(d);
      close(t.statistic, c.t.statistic, STAT_TOL, 't');
      close(t.pValue, c.t.pValue, P_TOL, 't p');
      close(f.statistic, c.f.statistic, STAT_TOL, 'F');
      close(f.pValue, c.f.pValue, P_TOL, 'F p');
    });
  }

  const mcnemarCases = [
    ...golden.mcnemar.map((c) => {
      const rows = c.rows ?? yHold.length;
      return { ...c, y: yHold.subarray(0, rows), pa: labels(golden.holdout.proba[c.a]!).subarray(0, rows), pb: labels(golden.holdout.proba[c.b]!).subarray(0, rows) };
    }),
    ...golden.mcnemarSynthetic.map((c) => ({ ...c, y: Int32Array.from(c.yTrue), pa: Int32Array.from(c.predA), pb: Int32Array.from(c.predB) })),
  ];
  for (const c of mcnemarCases) {
    it(`McNemar: ${c.name}`, () => {
      const r = mcnemarTest(c.y, c.pa, c.pb, { method: c.method });
      const e = c.expected;
      expect([r.bothCorrect, r.onlyA, r.onlyB, r.bothWrong, r.method]).toEqual([e.bothCorrect, e.onlyA, e.onlyB, e.bothWrong, e.method]);
      close(r.statistic, e.statistic as number, STAT_TOL, 'statistic');
      close(r.pValue, e.pValue as number, P_TOL, 'p');
    });
  }

  const checkDelong = (y: Int32Array, a: Float64Array, b: Float64Array, e: Record<string, number>): void => {
    const r = delongTest(y, a, b);
    for (const k of ['aucA', 'aucB', 'varianceA', 'varianceB', 'covariance', 'z'] as const) close(r[k], e[k]!, STAT_TOL, k);
    close(r.pValue, e.pValue!, P_TOL, 'p');
  };
  const checkCi = (y: Int32Array, s: Float64Array, want: Record<string, { auc: number; variance: number; ci: [number, number] }>): void => {
    for (const [level, e] of Object.entries(want)) {
      const r = delongAucCi(y, s, Number(level));
      close(r.auc, e.auc, STAT_TOL, 'auc');
      close(r.variance, e.variance, STAT_TOL, 'variance');
      close(r.ci[0], e.ci[0], STAT_TOL, 'ci low');
      close(r.ci[1], e.ci[1], STAT_TOL, 'ci high');
    }
  };
  for (const c of golden.delong) {
    it(`DeLong: ${c.name}`, () => {
      const a = Float64Array.from(golden.holdout.proba[c.a]!);
      checkDelong(yHold, a, Float64Array.from(golden.holdout.proba[c.b]!), c.expected);
      checkCi(yHold, a, c.ciA);
    });
  }
  it('DeLong: synthetic scores on a 0.1 grid (heavy ties, midranks)', () => {
    const s = golden.delongSynthetic;
    const y = Int32Array.from(s.yTrue);
    checkDelong(y, Float64Array.from(s.scoreA), Float64Array.from(s.scoreB), s.expected);
    checkCi(y, Float64Array.from(s.scoreA), s.ciA);
  });

  for (const c of golden.compareToBest) {
    it(`compareToBest: ${c.name}`, () => {
      const scores = new Map(Object.entries(c.scores).map(([k, v]) => [k, Float64Array.from(v)]));
      const rows = compareToBest(scores, { greaterIsBetter: c.greaterIsBetter, nTrain: c.nTrain, nTest: c.nTest, correction: c.correction });
      expect(rows.map((r) => [r.name, r.isBest, r.significantlyWorse])).toEqual(c.expected.map((r) => [r.name, r.isBest, r.significantlyWorse]));
      rows.forEach((r, i) => {
        const e = c.expected[i]!;
        close(r.mean, e.mean, STAT_TOL, `${r.name} mean`);
        close(r.std, e.std, STAT_TOL, `${r.name} std`);
        close(r.pValueVsBest, e.pValueVsBest, P_TOL, `${r.name} p`);
        close(r.pValueAdjusted, e.pValueAdjusted, P_TOL, `${r.name} adjusted p`);
      });
    });
  }
});
