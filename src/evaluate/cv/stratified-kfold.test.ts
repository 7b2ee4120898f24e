import { describe, expect, it } from 'vitest';
import type { Issue } from '../../core/issue.js';
import { Rng } from '../../core/rng.js';
import { checkFolds } from './check-folds.js';
import { StratifiedKFold, stratifiedAssignment } from './stratified-kfold.js';
import { imbalancedY, thrown } from './cv.fixture.js';

const tests = (folds: { test: Int32Array }[]): number[][] => folds.map((f) => [...f.test]);

describe('StratifiedKFold', () => {
  it("fills each class's fold shares in row order (sklearn's allocation)", () => {
    expect(tests(new StratifiedKFold({ n_splits: 2 }).split({ n: 6, y: Int32Array.of(0, 0, 0, 1, 1, 1) }))).toEqual([
      [0, 1, 3],
      [2, 4, 5],
    ]);
    // Classes are numbered by first appearance, so the codes themselves do not matter.
    expect([...stratifiedAssignment(Int32Array.of(1, 1, 0, 0), 2)]).toEqual([0, 1, 0, 1]);
  });

  it('shuffled: stratified within one row per class, a partition, deterministic per seed', () => {
    for (const [n, k] of [[100, 5], [23, 3], [257, 7]] as const) {
      const y = imbalancedY(n, n);
      const skf = new StratifiedKFold({ n_splits: k, shuffle: true });
      const a = skf.split({ n, y, rng: new Rng(n) });
      expect(checkFolds(a, { n, y }, { stratified: true })).toEqual([]);
      expect(tests(skf.split({ n, y, rng: new Rng(n) }))).toEqual(tests(a));
      expect(tests(skf.split({ n, y, rng: new Rng(n + 1) }))).not.toEqual(tests(a));
    }
  });

  it('warns per class with fewer rows than folds (sklearn warns), errors when every class has', () => {
    const y = Int32Array.of(0, 0, 0, 0, 0, 1, 1, 0, 0, 2);
    const issues: Issue[] = [];
    const folds = new StratifiedKFold({ n_splits: 3 }).split({ n: 10, y, emit: (i) => issues.push(i) });
    expect(folds).toHaveLength(3);
    expect(issues.map((i) => [i.code, i.severity, i.details])).toEqual([
      ['data.rare_class', 'warning', { class: 1, count: 2, n_splits: 3 }],
      ['data.rare_class', 'warning', { class: 2, count: 1, n_splits: 3 }],
    ]);
    expect(issues[1]!.message).toMatch(/class code 2 has only 1 row, fewer than n_splits=3; 2 test folds will not contain it/);
    const all = thrown(() => new StratifiedKFold({ n_splits: 3 }).split({ n: 4, y: Int32Array.of(0, 0, 1, 1) }));
    expect(all.code).toBe('data.too_few_class_members');
  });

  it('refuses missing y, missing classes and a length mismatch', () => {
    const skf = new StratifiedKFold({ n_splits: 2 });
    expect(thrown(() => skf.split({ n: 4 })).code).toBe('usage.missing_y');
    expect(thrown(() => skf.split({ n: 4, y: Int32Array.of(0, -1, 1, 1) })).message).toMatch(/row 1 has a missing class/);
    expect(thrown(() => skf.split({ n: 5, y: Int32Array.of(0, 0, 1, 1) })).code).toBe('usage.length_mismatch');
  });
});
