import { describe, expect, it } from 'vitest';
import { Frame, categoricalColumn, numericColumn } from '../../core/frame.js';
import { exitCodeFor } from '../../core/errors.js';
import { loadCredit, thrown } from './fairness.fixture.js';
import { MISSING_GROUP } from '../../data/groups.js';
import { regressionFairnessReport } from './regression.js';
import { fairnessReport } from './report.js';

const CREDIT_ATTRS = [{ column: 'Age', bands: [30, 40, 50] }, { column: 'Marital' }];

describe('fairnessReport on the credit example', () => {
  it('is plain JSON that survives a round trip unchanged', async () => {
    const { frame, yTrue, yPred, score } = await loadCredit();
    const r = fairnessReport(frame, CREDIT_ATTRS, yTrue, yPred, { intersections: true, score });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.attributes.map((a) => a.attribute)).toEqual(['Age', 'Marital', 'Age × Marital']);
    expect(r.overall.count).toBe(frame.nRows);
    for (const a of r.attributes) expect(a.groups.reduce((s, g) => s + g.count, 0)).toBe(frame.nRows);
  });

  it('reports groups too small to compare, with a note, instead of dropping them', async () => {
    const { frame, yTrue, yPred } = await loadCredit();
    const r = fairnessReport(frame, CREDIT_ATTRS, yTrue, yPred, { intersections: true });
    const marital = r.attributes[1]!;
    const missing = marital.groups.find((g) => g.group === MISSING_GROUP)!;
    expect(missing.count).toBe(1);
    expect(missing.small).toBe(true);
    expect(missing.selection_rate.value).not.toBeNull();
    expect(missing.selection_rate.ci).toBeNull();
    expect(missing.note).toMatch(/n=1 is below minGroupSize=30/);
    expect(marital.excluded).toContainEqual(expect.objectContaining({ group: MISSING_GROUP, count: 1, reason: 'below minGroupSize' }));
    // Every small intersection is listed both as a group and as an exclusion.
    const both = r.attributes[2]!;
    const small = both.groups.filter((g) => g.count < 30);
    expect(small.length).toBeGreaterThan(5);
    for (const g of small) {
      expect(g.note).toMatch(/below minGroupSize/);
      expect(BINARY_CIS(g)).toEqual([null, null, null, null, null, null]);
      expect(both.excluded.some((e) => e.group === g.group && e.reason === 'below minGroupSize')).toBe(true);
    }
    // Large groups have intervals around their rates.
    const young = r.attributes[0]!.groups[0]!;
    expect(young.count).toBeGreaterThan(1000);
    expect(young.selection_rate.ci!.lower).toBeLessThan(young.selection_rate.value!);
    expect(young.selection_rate.ci!.upper).toBeGreaterThan(young.selection_rate.value!);
  });

  it('aggregates only the large groups, and worst picks the largest gap across entries', async () => {
    const { frame, yTrue, yPred } = await loadCredit();
    const r = fairnessReport(frame, CREDIT_ATTRS, yTrue, yPred, { intersections: true });
    const age = r.attributes[0]!;
    const rates = age.groups.map((g) => g.selection_rate.value!);
    expect(age.metrics.demographic_parity_difference).toBe(Math.max(...rates) - Math.min(...rates));
    expect(age.metrics.disparate_impact).toBe(Math.min(...rates) / Math.max(...rates));
    expect(age.metrics.four_fifths_pass).toBe(false); // seniority < 3 flags the young far more often
    const dpd = r.attributes.map((a) => a.metrics.demographic_parity_difference!);
    expect(r.worst.demographic_parity_difference).toEqual({ value: Math.max(...dpd), attribute: r.attributes[dpd.indexOf(Math.max(...dpd))]!.attribute });
    const marital = r.attributes[1]!;
    const large = marital.groups.filter((g) => g.count >= 30).map((g) => g.selection_rate.value!);
    expect(marital.metrics.demographic_parity_difference).toBe(Math.max(...large) - Math.min(...large));
  });

  it('rejects non-binary labels and predictions, naming the row', async () => {
    const { frame, yTrue, yPred } = await loadCredit();
    const bad = Float64Array.from(yTrue);
    bad[7] = 2;
    const e = thrown(() => fairnessReport(frame, CREDIT_ATTRS, bad, yPred));
    expect(e.code).toBe('data.non_binary_target');
    expect(e.message).toMatch(/yTrue\[7\] is 2/);
    expect(exitCodeFor(e)).toBe(2);
    const p = Float64Array.from(yPred, (v) => v * 0.9);
    expect(thrown(() => fairnessReport(frame, CREDIT_ATTRS, yTrue, p)).code).toBe('data.non_binary_prediction');
    expect(thrown(() => fairnessReport(frame, CREDIT_ATTRS, yTrue.subarray(1), yPred)).code).toBe('data.length_mismatch');
    expect(thrown(() => fairnessReport(frame, [{ column: 'Gender' }], yTrue, yPred)).hint).toMatch(/Status, Seniority/);
    expect(thrown(() => fairnessReport(frame, CREDIT_ATTRS, yTrue, yPred, { minGroupSize: -1 })).code).toBe('usage.bad_param');
  });
});

const BINARY_CIS = (g: { selection_rate: { ci: unknown }; tpr: { ci: unknown }; fpr: { ci: unknown }; precision: { ci: unknown }; accuracy: { ci: unknown }; error_rate: { ci: unknown } }): unknown[] =>
  [g.selection_rate, g.tpr, g.fpr, g.precision, g.accuracy, g.error_rate].map((r) => r.ci);

describe('fairnessReport edge cases', () => {
  const frame = Frame.fromColumns([categoricalColumn('g', Int32Array.of(0, 0, 0, 1, 1, 1), ['a', 'b'])]);

  it('gives null aggregates with a note when fewer than two groups are large enough', () => {
    const r = fairnessReport(frame, [{ column: 'g' }], [0, 1, 1, 0, 0, 1], [0, 1, 0, 1, 1, 1], { minGroupSize: 4 });
    expect(r.attributes[0]!.metrics.demographic_parity_difference).toBeNull();
    expect(r.attributes[0]!.notes.join(' ')).toMatch(/only 0 groups large enough/);
    expect(r.worst.demographic_parity_difference).toBeNull();
  });

  it("scores an undefined TPR as 0 only when asked to (fairlearn's convention)", () => {
    // Group b has no positives: its TPR is undefined.
    const yTrue = [1, 1, 0, 0, 0, 0];
    const yPred = [1, 1, 0, 1, 0, 0];
    const ex = fairnessReport(frame, [{ column: 'g' }], yTrue, yPred, { minGroupSize: 0 }).attributes[0]!;
    expect(ex.groups[1]!.tpr.value).toBeNull();
    expect(ex.groups[1]!.note).toMatch(/tpr is undefined \(no rows with yTrue = 1\)/);
    expect(ex.metrics.equal_opportunity_difference).toBeNull();
    expect(ex.excluded).toContainEqual({ group: 'b', count: 3, from: ['true_positive_rate_difference', 'equalized_odds_difference', 'equal_opportunity_difference'], reason: 'tpr undefined (no rows with yTrue = 1)' });
    const zero = fairnessReport(frame, [{ column: 'g' }], yTrue, yPred, { minGroupSize: 0, undefinedRates: 'zero' }).attributes[0]!;
    expect(zero.metrics.equal_opportunity_difference).toBe(1);
    expect(zero.notes.join(' ')).toMatch(/scored 0/);
  });
});

describe('regressionFairnessReport', () => {
  it('reports MAE, RMSE and mean prediction per group and their spreads over large groups', () => {
    const f = Frame.fromColumns([numericColumn('age', Float64Array.of(20, 22, 41, 45, 47, 90))]);
    const r = regressionFairnessReport(f, [{ column: 'age', bands: [40, 60] }], [1, 2, 3, 4, 5, 6], [2, 2, 1, 4, 5, 0], { minGroupSize: 2 });
    const [young, mid, old] = r.attributes[0]!.groups;
    expect(young).toMatchObject({ group: '<40', count: 2, mae: 0.5, mean_prediction: 2, mean_target: 1.5 });
    expect(young!.rmse).toBeCloseTo(Math.sqrt(0.5), 15);
    expect(mid).toMatchObject({ group: '40-60', count: 3, mae: 2 / 3, mean_prediction: 10 / 3 });
    expect(old).toMatchObject({ group: '>=60', count: 1, small: true });
    expect(r.attributes[0]!.metrics.mae_difference).toBeCloseTo(2 / 3 - 0.5, 15);
    expect(r.attributes[0]!.metrics.mae_group_max).toBe(2 / 3);
    expect(r.attributes[0]!.excluded.map((e) => e.group)).toEqual(['>=60']);
    expect(thrown(() => regressionFairnessReport(f, [{ column: 'age' }], [1, 2, 3, 4, 5, NaN], [1, 2, 3, 4, 5, 6])).code).toBe('data.not_finite');
  });
});
