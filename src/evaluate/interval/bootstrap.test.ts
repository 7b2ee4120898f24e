import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { loadCalibrationGolden } from '../calibration/golden.fixture.js';
import { bootstrapMetric, metricsWithCi } from './bootstrap.js';
import { classStrata, drawResample, singleStratum } from './resample.js';
import { code } from '../../core/errors.fixture.js';

/** A holdout of n rows where each prediction is right with probability p (binary, balanced classes). */
function holdout(n: number, p: number, rng: Rng): { y: Int32Array; pred: Int32Array } {
  const y = new Int32Array(n);
  const pred = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.int(2);
    pred[i] = rng.float() < p ? y[i]! : 1 - y[i]!;
  }
  return { y, pred };
}

// Real data: 600 held-out credit applicants scored by a logistic regression (committed in
// test/golden/calibration/calibration.json; see its README).
const { doc } = loadCalibrationGolden();
const creditY = Int32Array.from(doc.shared.creditYTest!);
const creditP1 = Float64Array.from(doc.shared.creditPTest!);
const creditProba = Float64Array.from(Array.from(creditP1).flatMap((p) => [1 - p, p]));

describe('bootstrap confidence intervals', () => {
  it('is deterministic for a seed and changes with it', () => {
    const a = bootstrapMetric('roc_auc', creditY, creditProba, { rng: new Rng(11), rounds: 200 });
    const b = bootstrapMetric('roc_auc', creditY, creditProba, { rng: new Rng(11), rounds: 200 });
    const c = bootstrapMetric('roc_auc', creditY, creditProba, { rng: new Rng(12), rounds: 200 });
    expect(b).toEqual(a);
    expect(c.ci_low).not.toBe(a.ci_low);
    expect(c.value).toBe(a.value);
  });

  it('reports the holdout value inside its interval on real data', () => {
    const cis = metricsWithCi(['roc_auc', 'average_precision', 'log_loss', 'brier', 'accuracy', 'f1', 'mcc'], creditY, { proba: creditProba }, { rng: new Rng(3) });
    for (const [name, ci] of Object.entries(cis)) {
      expect(ci.skipped, name).toBe(0);
      expect(ci.rounds).toBe(1000);
      expect(ci.method).toBe('percentile');
      expect(ci.ci_low!, name).toBeLessThan(ci.value);
      expect(ci.ci_high!, name).toBeGreaterThan(ci.value);
    }
    // The logistic regression's AUC on this holdout is ~0.83; a 600-row holdout pins it to a few points.
    expect(cis.roc_auc!.value).toBeGreaterThan(0.78);
    expect(cis.roc_auc!.ci_high! - cis.roc_auc!.ci_low!).toBeGreaterThan(0.03);
    expect(cis.roc_auc!.ci_high! - cis.roc_auc!.ci_low!).toBeLessThan(0.12);
  });

  it('narrows like 1/√n: 4× the rows halves the width', () => {
    const rng = new Rng(5);
    const small = holdout(400, 0.8, rng);
    const large = holdout(1600, 0.8, rng);
    const w = (h: { y: Int32Array; pred: Int32Array }): number => {
      const ci = bootstrapMetric('accuracy', h.y, h.pred, { rng: new Rng(6), rounds: 2000 });
      return ci.ci_high! - ci.ci_low!;
    };
    // Expected ratio 2 (binomial sd ∝ 1/√n); the band allows the endpoints' Monte Carlo error
    // (~3 % of a width at 2000 rounds) and the two holdouts' different observed accuracies.
    const ratio = w(small) / w(large);
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.3);
  });

  it('covers the true accuracy in about 95 % of simulated holdouts', () => {
    const p = 0.8;
    const sims = 200;
    const rng = new Rng(2024);
    let covered = 0;
    for (let s = 0; s < sims; s++) {
      const h = holdout(200, p, rng);
      const ci = bootstrapMetric('accuracy', h.y, h.pred, { rng: rng.fork(`boot${s}`), rounds: 1000 });
      if (ci.ci_low! <= p && p <= ci.ci_high!) covered++;
    }
    // Nominal 95 %; over 200 holdouts the count has sd √(200 · 0.95 · 0.05) ≈ 3, and the percentile
    // interval of a proportion at n = 200 runs ~1 % short of nominal. [180, 198] is 90 %–99 %.
    expect(covered).toBeGreaterThanOrEqual(180);
    expect(covered).toBeLessThanOrEqual(198);
  });

  it('stratified resamples keep every class count exactly; plain ones do not', () => {
    const y = Int32Array.from({ length: 97 }, (_, i) => (i % 7 === 0 ? 2 : i % 3 === 0 ? 1 : 0));
    const counts = (idx: Int32Array): number[] => [0, 1, 2].map((c) => idx.reduce((s, i) => s + (y[i] === c ? 1 : 0), 0));
    const want = counts(Int32Array.from(y.keys()));
    const rng = new Rng(9);
    const idx = new Int32Array(y.length);
    let plainDiffers = false;
    for (let r = 0; r < 50; r++) {
      expect(counts(drawResample(classStrata(y), rng, idx))).toEqual(want);
      if (counts(drawResample(singleStratum(y.length), rng, idx)).join() !== want.join()) plainDiffers = true;
    }
    expect(plainDiffers).toBe(true);
  });

  it('skips replicates where the metric is undefined, and gives no interval past 10 %', () => {
    // One positive in 30 rows: a plain resample misses it with probability (29/30)^30 ≈ 36 %.
    const y = Int32Array.from({ length: 30 }, (_, i) => (i === 4 ? 1 : 0));
    const proba = Float64Array.from({ length: 60 }, (_, j) => (j % 2 === 1 ? ((j >> 1) * 7 % 30) / 30 : 1 - ((j >> 1) * 7 % 30) / 30));
    const plain = bootstrapMetric('roc_auc', y, proba, { rng: new Rng(1), stratify: false, rounds: 500 });
    expect(plain.skipped).toBeGreaterThan(100);
    expect(plain.skipped).toBeLessThan(260);
    expect(plain.ci_low).toBeNull();
    expect(plain.ci_high).toBeNull();
    expect(plain.reason).toMatch(/undefined in \d+ of 500 replicates/);
    const strat = bootstrapMetric('roc_auc', y, proba, { rng: new Rng(1), rounds: 500 });
    expect(strat.skipped).toBe(0);
    expect(strat.ci_low).not.toBeNull();
  });

  it('scores every metric on the same replicates', () => {
    const h = holdout(300, 0.7, new Rng(8));
    const both = metricsWithCi(['accuracy', 'f1_micro', 'balanced_accuracy'], h.y, { labels: h.pred }, { rng: new Rng(4), rounds: 300 });
    // f1_micro equals accuracy on single-label data, so on shared replicates the intervals coincide.
    expect(both.f1_micro!.ci_low).toBeCloseTo(both.accuracy!.ci_low!, 12);
    expect(both.f1_micro!.ci_high).toBeCloseTo(both.accuracy!.ci_high!, 12);
    // The draws do not depend on which metrics are asked for.
    const alone = bootstrapMetric('accuracy', h.y, h.pred, { rng: new Rng(4), rounds: 300 });
    expect(alone).toEqual(both.accuracy);
  });

  it('lets weights travel with rows: constant weights change nothing', () => {
    const h = holdout(250, 0.75, new Rng(21));
    const unweighted = bootstrapMetric('f1', h.y, h.pred, { rng: new Rng(2), rounds: 300 });
    const weighted = bootstrapMetric('f1', h.y, h.pred, { rng: new Rng(2), rounds: 300, sampleWeight: new Float64Array(250).fill(2) });
    expect(weighted.ci_low).toBeCloseTo(unweighted.ci_low!, 12);
    expect(weighted.ci_high).toBeCloseTo(unweighted.ci_high!, 12);
    const uneven = bootstrapMetric('f1', h.y, h.pred, { rng: new Rng(2), rounds: 300, sampleWeight: Float64Array.from({ length: 250 }, (_, i) => 1 + (i % 5)) });
    expect(uneven.value).not.toBe(unweighted.value);
  });

  it('works for regression metrics (plain resampling) and derives labels from proba', () => {
    const rng = new Rng(17);
    const y = Float64Array.from({ length: 200 }, () => 10 + rng.normal());
    const pred = Float64Array.from(y, (v) => v + 0.5 * rng.normal());
    const rmse = bootstrapMetric('rmse', y, pred, { rng: new Rng(1), rounds: 400 });
    expect(rmse.ci_low!).toBeLessThan(rmse.value);
    expect(rmse.ci_high!).toBeGreaterThan(rmse.value);
    const acc = metricsWithCi(['accuracy'], creditY, { proba: creditProba }, { rng: new Rng(1), rounds: 50 }).accuracy!;
    const argmax = Int32Array.from(creditP1, (p) => (p > 0.5 ? 1 : 0));
    expect(acc.value).toBe(argmax.reduce((s, v, i) => s + (v === creditY[i] ? 1 : 0), 0) / creditY.length);
  });

  it('BCa: near the percentile interval for a symmetric statistic, defined on real data', () => {
    const h = holdout(300, 0.5, new Rng(30));
    const pct = bootstrapMetric('accuracy', h.y, h.pred, { rng: new Rng(1), rounds: 2000 });
    const bca = bootstrapMetric('accuracy', h.y, h.pred, { rng: new Rng(1), rounds: 2000, method: 'bca' });
    expect(bca.method).toBe('bca');
    // Accuracy near 0.5 is unbiased and unskewed, so z0 ≈ 0 and a ≈ 0: BCa moves the ends by
    // about one replicate spacing at most (the interval is ~0.11 wide).
    expect(Math.abs(bca.ci_low! - pct.ci_low!)).toBeLessThan(0.01);
    expect(Math.abs(bca.ci_high! - pct.ci_high!)).toBeLessThan(0.01);
    const auc = bootstrapMetric('roc_auc', creditY, creditProba, { rng: new Rng(2), rounds: 300, method: 'bca' });
    expect(auc.ci_low!).toBeLessThan(auc.value);
    expect(auc.ci_high!).toBeGreaterThan(auc.value);
  });

  it('refuses bad options with actionable errors', () => {
    const y = Int32Array.of(0, 1, 0, 1);
    const p = Int32Array.of(0, 1, 1, 1);
    const rng = new Rng(1);
    expect(code(() => bootstrapMetric('accuracy', y, p, {} as never))).toBe('usage.missing_rng');
    expect(code(() => bootstrapMetric('accuracy', y, p, { rng, level: 95 }))).toBe('usage.invalid_level');
    expect(code(() => bootstrapMetric('accuracy', y, p, { rng, rounds: 0 }))).toBe('usage.invalid_rounds');
    expect(code(() => bootstrapMetric('acuracy', y, p, { rng }))).toBe('usage.unknown_metric');
    expect(code(() => metricsWithCi(['accuracy', 'rmse'], y, { labels: p }, { rng }))).toBe('usage.mixed_tasks');
    expect(code(() => metricsWithCi(['roc_auc'], y, { labels: p }, { rng }))).toBe('usage.missing_prediction');
    expect(code(() => metricsWithCi([], y, { labels: p }, { rng }))).toBe('usage.no_metrics');
    expect(code(() => bootstrapMetric('accuracy', y, Int32Array.of(0, 1), { rng }))).toBe('data.length_mismatch');
  });
});
