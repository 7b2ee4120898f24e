/**
 * Permutation importance on real data (examples/credit/credit.csv with an added noise column) and
 * on a linear model with a duplicated column (grouping).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../../core/errors.js';
import { Frame, categoricalColumn, numericColumn, type Column } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { GbdtEstimator } from '../../models/gbdt/estimator.js';
import { RidgeEstimator } from '../../models/linear/regression.js';
import { studentTQuantile } from '../../core/stats/index.js';
import { permutationImportance } from './permutation.js';

/** credit.csv as a frame (empty cells missing) plus a seeded standard-normal `noise` column. */
function credit(): { frame: Frame; target: Column } {
  const lines = readFileSync(new URL('../../../examples/credit/credit.csv', import.meta.url), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const cells = lines.slice(1).map((l) => l.split(','));
  const cols: Column[] = header.map((name, j) => {
    const raw = cells.map((r) => r[j]!);
    if (raw.every((v) => v === '' || Number.isFinite(Number(v)))) return numericColumn(name, Float64Array.from(raw, (v) => (v === '' ? NaN : Number(v))));
    const levels = [...new Set(raw.filter((v) => v !== ''))].sort();
    return categoricalColumn(name, Int32Array.from(raw, (v) => (v === '' ? -1 : levels.indexOf(v))), levels);
  });
  const r = new Rng(99);
  cols.push(numericColumn('noise', Float64Array.from({ length: cells.length }, () => r.normal())));
  const all = Frame.fromColumns(cols);
  return { frame: all.drop(['Status']), target: all.column('Status') };
}

describe('permutationImportance', () => {
  it('credit: informative columns clearly positive, a noise column near 0 with a CI covering 0', async () => {
    const { frame, target } = credit();
    const n = frame.nRows;
    const train = Int32Array.from({ length: 3000 }, (_, i) => i);
    const test = Int32Array.from({ length: n - 3000 }, (_, i) => 3000 + i);
    const yTrain = Frame.fromColumns([target]).take(train).column('Status');
    const yTest = Frame.fromColumns([target]).take(test).column('Status');
    const model = await new GbdtEstimator({ trees: 80, learning_rate: 0.1 }).fit(frame.take(train), yTrain, { rng: new Rng(1) });
    const held = frame.take(test);
    const imp = permutationImportance(model, held, yTest, { metric: 'roc_auc', rng: new Rng(7) });
    expect(imp.baseline).toBeGreaterThan(0.8);
    expect(imp.greaterIsBetter).toBe(true);
    expect(imp.features).toHaveLength(14);
    const by = new Map(imp.features.map((f) => [f.name, f]));
    const noise = by.get('noise')!;
    expect(noise.ci[0]).toBeLessThanOrEqual(0);
    expect(noise.ci[1]).toBeGreaterThanOrEqual(0);
    // ~1,450 held-out rows: an AUC moves by ~0.01 only for a real signal.
    expect(Math.abs(noise.mean)).toBeLessThan(0.005);
    for (const name of ['Seniority', 'Income']) {
      const f = by.get(name)!;
      expect(f.mean).toBeGreaterThan(0.01);
      expect(f.ci[0]).toBeGreaterThan(0);
    }
    expect(imp.features[0]!.mean).toBeGreaterThan(noise.mean + 0.02);
    // The CI is the t-interval of the drops.
    const f = imp.features[0]!;
    const half = (studentTQuantile(0.975, 4) * f.std) / Math.sqrt(5);
    expect(f.ci[0]).toBeCloseTo(f.mean - half, 12);
    expect(f.drops).toHaveLength(5);

    // Deterministic for a seed; each column's shuffles do not depend on which other columns run.
    const again = permutationImportance(model, held, yTest, { metric: 'roc_auc', rng: new Rng(7) });
    expect(again.features.map((x) => Array.from(x.drops))).toEqual(imp.features.map((x) => Array.from(x.drops)));
    const alone = permutationImportance(model, held, yTest, { metric: 'roc_auc', rng: new Rng(7), columns: ['Income'] });
    expect(Array.from(alone.features[0]!.drops)).toEqual(Array.from(by.get('Income')!.drops));
    const other = permutationImportance(model, held, yTest, { metric: 'roc_auc', rng: new Rng(8), columns: ['Income'] });
    expect(Array.from(other.features[0]!.drops)).not.toEqual(Array.from(by.get('Income')!.drops));
  });

  it('ridge with a duplicated column: each copy shares the credit, the group gets it all; losses keep the sign', async () => {
    const r = new Rng(3);
    const n = 400;
    const x1 = Float64Array.from({ length: n }, () => r.normal());
    const x2 = Float64Array.from({ length: n }, () => r.normal());
    const y = Float64Array.from(x1, (v) => 2 * v + 0.5 * r.normal());
    const frame = Frame.fromColumns([numericColumn('x1', x1), numericColumn('x1_copy', Float64Array.from(x1)), numericColumn('x2', x2)]);
    const target = numericColumn('y', y);
    const model = await new RidgeEstimator({ alpha: 1 }).fit(frame, target, { rng: new Rng(1) });
    const single = permutationImportance(model, frame, target, { metric: 'rmse', rng: new Rng(2) });
    const grouped = permutationImportance(model, frame, target, { metric: 'rmse', rng: new Rng(2), groups: { x1_both: ['x1', 'x1_copy'] } });
    expect(single.greaterIsBetter).toBe(false);
    const s = new Map(single.features.map((f) => [f.name, f]));
    const g = new Map(grouped.features.map((f) => [f.name, f]));
    expect(grouped.features.map((f) => f.name).sort()).toEqual(['x1_both', 'x2']);
    expect(g.get('x1_both')!.columns).toEqual(['x1', 'x1_copy']);
    // Ridge splits the weight ~1:1 between the copies; residual RMSE 0.5. Shuffling one copy adds
    // MSE ~2 (slope 1 on a shuffled N(0,1), twice), both ~8: RMSE rises ~1.0 vs ~2.4.
    expect(s.get('x1')!.mean).toBeGreaterThan(0.5);
    expect(s.get('x1_copy')!.mean).toBeGreaterThan(0.5);
    expect(g.get('x1_both')!.mean).toBeGreaterThan(1.5 * Math.max(s.get('x1')!.mean, s.get('x1_copy')!.mean));
    // Same drops (as score changes) whether the metric is a loss or a score: positive either way.
    const r2 = permutationImportance(model, frame, target, { metric: 'r2', rng: new Rng(2), columns: ['x1'] });
    expect(r2.features[0]!.mean).toBeGreaterThan(0.3);
    // x2 is irrelevant: its drop is tiny next to x1's.
    expect(Math.abs(s.get('x2')!.mean)).toBeLessThan(0.01);
  });

  it('reports usage errors by code', async () => {
    const frame = Frame.fromColumns([numericColumn('a', Float64Array.of(1, 2, 3, 4)), numericColumn('b', Float64Array.of(0, 1, 0, 1))]);
    const target = numericColumn('y', Float64Array.of(1, 2, 3, 5));
    const model = await new RidgeEstimator({}).fit(frame, target, { rng: new Rng(1) });
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return (e as SpecmlError).code;
      }
      return 'none';
    };
    expect(code(() => permutationImportance(model, frame, target, { metric: 'rmse', rng: new Rng(1), repeats: 1 }))).toBe('usage.bad_repeats');
    expect(code(() => permutationImportance(model, frame, target, { metric: 'rmse', rng: new Rng(1), columns: ['zz'] }))).toBe('data.missing_column');
    expect(code(() => permutationImportance(model, frame, target, { metric: 'accuracy', rng: new Rng(1) }))).toBe('usage.metric_task_mismatch');
    expect(code(() => permutationImportance(model, frame, target, { metric: 'rmse', rng: new Rng(1), groups: { a: ['b'] } }))).toBe('usage.duplicate_feature');
  });
});
