import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, Frame, numericColumn, type Column } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import type { Schema } from '../schema/types.js';
import type { Task } from '../task.js';
import { targetLeakage } from './leakage.js';
import { pearson } from '../profile/association.js';
import { balancedAccuracy, binaryAuc, binnedR2 } from './leakage-score.js';

const schemaOf = (frame: Frame, idLike: string[] = []): Schema => ({
  version: 1,
  columns: frame.columns.map((c) => ({ name: c.name, type: c.kind === 'numeric' ? 'numeric' : c.kind, nullable: true, idLike: idLike.includes(c.name) })),
});

function run(cols: Column[], target: string, task: Task, seed = 42, idLike: string[] = []) {
  const frame = Frame.fromColumns(cols);
  const issues = targetLeakage.run({ frame, schema: schemaOf(frame, idLike), target, task, rng: new Rng(seed) });
  return Object.fromEntries(issues.map((i) => [i.path, i]));
}

const N = 2000;
const data = new Rng(7);
const yBin = Int32Array.from({ length: N }, () => (data.float() < 0.3 ? 1 : 0));
const noise = (sd: number) => Float64Array.from({ length: N }, () => sd * data.normal());
const ids = Int32Array.from({ length: N }, (_, i) => i);
new Rng(8).shuffle(ids);
const idLevels = Array.from({ length: N }, (_, i) => `cust-${i}`);

describe('target_leakage, binary target', () => {
  const cols: Column[] = [
    categoricalColumn('y', yBin, ['stay', 'churn']),
    categoricalColumn('leak_copy', Int32Array.from(yBin, (k) => 1 - k), ['a', 'b']),
    booleanColumn('leak_bool', Uint8Array.from(yBin)),
    numericColumn('leak_num', Float64Array.from(yBin, (k, i) => k * 10 + (i % 7))),
    numericColumn('strong', Float64Array.from(noise(0.38), (e, i) => yBin[i]! + e)),
    numericColumn('useful', Float64Array.from(noise(1), (e, i) => yBin[i]! + e)),
    numericColumn('noise', noise(1)),
    categoricalColumn('customer', ids, idLevels),
    numericColumn('row_number', Float64Array.from(ids)),
  ];
  const found = run(cols, 'y', 'binary');

  it('flags a leaked copy of the target of any kind as a near-perfect warning', () => {
    for (const name of ['leak_copy', 'leak_bool', 'leak_num']) {
      expect(found[name]).toMatchObject({ code: 'target_leakage', severity: 'warning', details: { measure: 'roc_auc', rows: N } });
      expect(found[name]!.details!.score as number).toBeGreaterThanOrEqual(0.98);
    }
    expect(found['leak_copy']!.message).toContain("leak_copy alone predicts 'y' almost perfectly (cross-fitted ROC AUC 1.000)");
  });

  it('reports a very strong feature as info, and leaves useful features, noise and ids alone', () => {
    expect(found['strong']).toMatchObject({ severity: 'info' });
    expect(Object.keys(found).sort()).toEqual(['leak_bool', 'leak_copy', 'leak_num', 'strong']);
  });

  it('skips columns the schema marks idLike', () => {
    expect(run(cols, 'y', 'binary', 42, ['leak_copy'])['leak_copy']).toBeUndefined();
  });

  it('is deterministic for a seed', () => {
    const a = run(cols, 'y', 'binary', 5);
    expect(run(cols, 'y', 'binary', 5)).toEqual(a);
  });
});

describe('target_leakage, multiclass and regression targets', () => {
  it('flags a relabelled class copy under balanced accuracy, not noise or ids', () => {
    const y = Int32Array.from({ length: N }, () => data.int(5));
    const found = run(
      [
        categoricalColumn('y', y, ['a', 'b', 'c', 'd', 'e']),
        categoricalColumn('relabel', Int32Array.from(y, (k) => (k + 2) % 5), ['v', 'w', 'x', 'y', 'z']),
        numericColumn('noise', noise(1)),
        categoricalColumn('customer', ids, idLevels),
      ],
      'y',
      'multiclass',
    );
    expect(Object.keys(found)).toEqual(['relabel']);
    expect(found['relabel']!.details).toMatchObject({ measure: 'balanced_accuracy', score: 1, value: 1 });
  });

  it('flags linear and monotone copies of a numeric target, not noise or ids, and ignores unlabelled rows', () => {
    const y = noise(1);
    const yWithGaps = Float64Array.from(y, (v, i) => (i % 10 === 0 ? NaN : v));
    const found = run(
      [
        numericColumn('y', yWithGaps),
        numericColumn('scaled', Float64Array.from(y, (v) => 3 * v + 1)),
        numericColumn('cubed', Float64Array.from(y, (v) => Math.exp(v))),
        numericColumn('half', Float64Array.from(noise(1), (e, i) => y[i]! + e)),
        categoricalColumn('customer', ids, idLevels),
      ],
      'y',
      'regression',
    );
    expect(Object.keys(found).sort()).toEqual(['cubed', 'scaled']);
    expect(found['scaled']!.details).toMatchObject({ measure: 'pearson', rows: N - N / 10 });
    expect(found['cubed']!.details!.score as number).toBeGreaterThanOrEqual(0.9);
  });

  it('stays silent on tiny frames and without a usable target', () => {
    const y = Int32Array.from({ length: 39 }, (_, i) => i % 2);
    expect(run([categoricalColumn('y', y, ['a', 'b']), categoricalColumn('copy', y, ['a', 'b'])], 'y', 'binary')).toEqual({});
    expect(run([numericColumn('x', new Float64Array(100))], 'missing', 'binary')).toEqual({});
  });
});

describe('leakage scorers', () => {
  const fold = Uint8Array.from({ length: 8 }, (_, i) => i % 2);
  it('score a perfect lookup as perfect and an unseen-everywhere lookup as chance', () => {
    const y = Int32Array.of(0, 0, 1, 1, 0, 0, 1, 1);
    expect(binaryAuc(y, 2, fold, y)).toBe(1);
    expect(balancedAccuracy(y, 2, fold, y, 2)).toBe(1);
    // Every row its own bin: nothing is ever seen in the other fold, so all scores tie at the prior.
    const own = Int32Array.from({ length: 8 }, (_, i) => i);
    expect(binaryAuc(own, 8, fold, y)).toBe(0.5);
    expect(balancedAccuracy(own, 8, fold, y, 2)).toBe(0.5);
    const yr = Float64Array.of(-1, -1, 1, 1, -1, -1, 1, 1);
    expect(binnedR2(y, 2, fold, yr)).toBe(1);
    expect(binnedR2(own, 8, fold, yr)).toBeLessThanOrEqual(0);
    expect(pearson(Float64Array.of(1, 2, NaN, 3), Float64Array.of(2, 4, 100, 6))).toBeCloseTo(1, 12);
  });
});
