import { describe, expect, it } from 'vitest';
import { Frame, categoricalColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { loadCredit, thrown } from './fairness.fixture.js';
import { type Grouping, groupingFromLabels, sensitiveGroups } from '../../data/groups.js';
import { fairnessReport } from './report.js';
import { applyGroupThresholds, groupThresholds, nextUp } from './thresholds.js';

const AGE = { column: 'Age', bands: [30, 40, 50] };

/** Accuracy, balanced accuracy and the two gaps of given predictions, via the report. */
function measure(yTrue: ArrayLike<number>, yPred: Int32Array, g: Grouping, minGroupSize: number) {
  const frame = Frame.fromColumns([categoricalColumn('g', g.codes, g.labels)]);
  const r = fairnessReport(frame, [{ column: 'g' }], yTrue, yPred, { minGroupSize });
  const o = r.overall;
  return {
    accuracy: o.accuracy.value!,
    balanced: (o.tpr.value! + (1 - o.fpr.value!)) / 2,
    dp: r.attributes[0]!.metrics.demographic_parity_difference,
    eo: r.attributes[0]!.metrics.equal_opportunity_difference,
  };
}

describe('groupThresholds on the credit example', () => {
  it('closes the demographic parity gap below the tolerance and is deterministic', async () => {
    const { frame, yTrue, score } = await loadCredit();
    const age = sensitiveGroups(frame, AGE);
    const opts = { constraint: 'demographic_parity', tolerance: 0.05, objective: 'accuracy' } as const;
    const r = groupThresholds(score, yTrue, age, opts);
    expect(r.before.demographic_parity_difference!).toBeGreaterThan(0.1);
    expect(r.after.demographic_parity_difference!).toBeLessThanOrEqual(0.05);
    expect(r.after.demographic_parity_difference!).toBeLessThan(r.before.demographic_parity_difference!);
    expect(r.feasible).toBe(true);
    expect(Object.keys(r.thresholds)).toEqual(age.labels);
    expect(groupThresholds(score, yTrue, age, opts)).toEqual(r);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);

    // The thresholds, applied, give exactly what fairnessReport then measures.
    const yPred = applyGroupThresholds(score, age, r.thresholds, 0.5);
    const m = measure(yTrue, yPred, age, 30);
    expect(m.dp).toBe(r.after.demographic_parity_difference);
    expect(m.accuracy).toBe(r.after.accuracy);

    // Optimal over a superset of "one threshold for everyone": no feasible global threshold beats it.
    for (const t of [...new Set(score)]) {
      const global = measure(yTrue, applyGroupThresholds(score, age, {}, t), age, 30);
      if (global.dp! <= 0.05) expect(global.accuracy).toBeLessThanOrEqual(r.after.accuracy);
    }
  });

  it('does not depend on row order', async () => {
    const { frame, yTrue, score } = await loadCredit();
    const age = sensitiveGroups(frame, AGE);
    const perm = new Rng(7).shuffle(Int32Array.from({ length: frame.nRows }, (_, i) => i)) as Int32Array;
    const shuffled: Grouping = { ...age, codes: Int32Array.from(perm, (i) => age.codes[i]!) };
    const opts = { constraint: 'equal_opportunity', tolerance: 0.03, objective: 'balanced_accuracy' } as const;
    const a = groupThresholds(score, yTrue, age, opts);
    const b = groupThresholds(Float64Array.from(perm, (i) => score[i]!), Int32Array.from(perm, (i) => yTrue[i]!), shuffled, opts);
    expect(b.thresholds).toEqual(a.thresholds);
    expect(b.after.balanced_accuracy).toBeCloseTo(a.after.balanced_accuracy, 14);
    expect(a.after.equal_opportunity_difference!).toBeLessThanOrEqual(0.03);
    expect(a.before.equal_opportunity_difference!).toBeGreaterThan(a.after.equal_opportunity_difference!);
  });

  it('keeps the default threshold for groups below minGroupSize and leaves them unconstrained', async () => {
    const { frame, yTrue, score } = await loadCredit();
    const marital = sensitiveGroups(frame, { column: 'Marital' });
    const r = groupThresholds(score, yTrue, marital, { constraint: 'demographic_parity', tolerance: 0.05, defaultThreshold: 0.4 });
    expect(r.thresholds['(missing)']).toBe(0.4);
    expect(r.unconstrained).toEqual(['(missing)']);
    expect(r.after.demographic_parity_difference!).toBeLessThanOrEqual(0.05);
  });
});

describe('groupThresholds is exact', () => {
  /** Three groups of 7–9 rows with scores on a coarse grid (ties) and positives in every group. */
  function small(seed: number) {
    const rng = new Rng(seed);
    const labels: string[] = [];
    const y: number[] = [];
    const s: number[] = [];
    for (const [g, n, base] of [['a', 7, 0.3], ['b', 9, 0.5], ['c', 8, 0.7]] as const) {
      for (let i = 0; i < n; i++) {
        const yi = i < 2 ? 1 : i < 4 ? 0 : rng.float() < base ? 1 : 0;
        labels.push(g);
        y.push(yi);
        s.push(Math.round((0.35 * yi + 0.65 * rng.float()) * 10) / 10);
      }
    }
    return { labels, y, s };
  }

  for (const seed of [1, 2, 3, 4]) {
    for (const constraint of ['demographic_parity', 'equal_opportunity'] as const) {
      for (const objective of ['accuracy', 'balanced_accuracy'] as const) {
        it(`matches brute force (seed ${seed}, ${constraint}, ${objective})`, () => {
          const { labels, y, s } = small(seed);
          const g = groupingFromLabels(labels);
          const tolerance = 0.1;
          const r = groupThresholds(s, y, labels, { constraint, tolerance, objective, minGroupSize: 0 });
          const cands = g.labels.map((_, j) => {
            const sc = s.filter((_, i) => g.codes[i] === j);
            return [...new Set(sc), nextUp(Math.max(...sc))];
          });
          let best = -Infinity;
          for (const ta of cands[0]!) {
            for (const tb of cands[1]!) {
              for (const tc of cands[2]!) {
                const m = measure(y, applyGroupThresholds(s, g, { a: ta, b: tb, c: tc }), g, 0);
                const gap = constraint === 'demographic_parity' ? m.dp! : m.eo!;
                if (gap <= tolerance) best = Math.max(best, objective === 'accuracy' ? m.accuracy : m.balanced);
              }
            }
          }
          const got = objective === 'accuracy' ? r.after.accuracy : r.after.balanced_accuracy;
          expect(got).toBeCloseTo(best, 12);
          expect(r.feasible).toBe(true);
          const gap = constraint === 'demographic_parity' ? r.after.demographic_parity_difference! : r.after.equal_opportunity_difference!;
          expect(gap).toBeLessThanOrEqual(tolerance);
          // The same rows as a Grouping or as labels give the same answer.
          expect(groupThresholds(s, y, g, { constraint, tolerance, objective, minGroupSize: 0 }).thresholds).toEqual(r.thresholds);
        });
      }
    }
  }
});

describe('applyGroupThresholds and errors', () => {
  it('uses the default for groups without a threshold', () => {
    expect([...applyGroupThresholds([0.3, 0.6, 0.6], ['a', 'b', 'z'], { a: 0.25, b: 0.7 }, 0.5)]).toEqual([1, 0, 1]);
  });

  it('nextUp is the next double', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-1)).toBeGreaterThan(-1);
    expect(nextUp(0.7)).toBeGreaterThan(0.7);
    expect((nextUp(0.7) + 0.7) / 2 === 0.7 || (nextUp(0.7) + 0.7) / 2 === nextUp(0.7)).toBe(true);
  });

  it('rejects bad options with usage errors', () => {
    const args = [[0.1, 0.9], [0, 1], ['a', 'b']] as const;
    expect(thrown(() => groupThresholds(...args, { constraint: 'demographic_parity', tolerance: -0.1 })).code).toBe('usage.bad_param');
    expect(thrown(() => groupThresholds(...args, { constraint: 'parity' as 'demographic_parity', tolerance: 0.1 })).code).toBe('usage.bad_param');
    expect(thrown(() => groupThresholds([0.1, 0.9], [0, 0], ['a', 'b'], { constraint: 'demographic_parity', tolerance: 0.1, objective: 'balanced_accuracy' })).code).toBe('data.single_class');
    expect(thrown(() => groupThresholds([0.1, NaN], [0, 1], ['a', 'b'], { constraint: 'demographic_parity', tolerance: 0.1 })).code).toBe('data.not_finite');
    expect(thrown(() => groupThresholds([0.1, 0.2], [0, 2], ['a', 'b'], { constraint: 'demographic_parity', tolerance: 0.1 })).code).toBe('data.non_binary_target');
  });
});
