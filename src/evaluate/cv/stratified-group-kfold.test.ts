import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { checkFolds } from './check-folds.js';
import { thrown } from './cv.fixture.js';
import { StratifiedGroupKFold, stratifiedGroupAssignment } from './stratified-group-kfold.js';

// 60 groups of 1..6 rows; each group leans to one class, so stratification has work to do.
function data(seed: number): { n: number; y: Int32Array; groups: Int32Array } {
  const rng = new Rng(seed);
  const y: number[] = [];
  const groups: number[] = [];
  for (let g = 0; g < 60; g++) {
    const size = 1 + rng.int(6);
    const lean = rng.int(3);
    for (let j = 0; j < size; j++) {
      groups.push(g * 3 + 1);
      y.push(rng.float() < 0.7 ? lean : rng.int(3));
    }
  }
  return { n: y.length, y: Int32Array.from(y), groups: Int32Array.from(groups) };
}

const tests = (folds: { test: Int32Array }[]): number[][] => folds.map((f) => [...f.test]);

describe('StratifiedGroupKFold', () => {
  it('places groups whole, greedily balancing class shares', () => {
    expect([...stratifiedGroupAssignment(Int32Array.of(0, 1, 0, 1), Int32Array.of(0, 0, 1, 1), 2)]).toEqual([0, 0, 1, 1]);
    const d = data(3);
    const folds = new StratifiedGroupKFold({ n_splits: 4 }).split(d);
    expect(checkFolds(folds, d)).toEqual([]);
    // Each class's share of a test fold stays near its overall share (greedy, so not exact).
    for (let c = 0; c < 3; c++) {
      const overall = d.y.filter((v) => v === c).length / d.n;
      for (const f of folds) expect(Math.abs(f.test.filter((i) => d.y[i] === c).length / f.test.length - overall)).toBeLessThan(0.1);
    }
  });

  it('shuffled: valid, deterministic per seed, and seed-dependent', () => {
    const d = data(5);
    const sgkf = new StratifiedGroupKFold({ n_splits: 5, shuffle: true });
    const a = sgkf.split({ ...d, rng: new Rng(1) });
    expect(checkFolds(a, d)).toEqual([]);
    expect(tests(sgkf.split({ ...d, rng: new Rng(1) }))).toEqual(tests(a));
    expect(tests(sgkf.split({ ...d, rng: new Rng(9) }))).not.toEqual(tests(a));
  });

  it('refuses fewer groups than folds (sklearn returns an empty test fold silently)', () => {
    const y = Int32Array.of(0, 1, 0, 1, 0, 1);
    const err = thrown(() => new StratifiedGroupKFold({ n_splits: 3 }).split({ n: 6, y, groups: Int32Array.of(0, 0, 0, 1, 1, 1) }));
    expect(err.code).toBe('data.too_few_groups');
    expect(err.message).toMatch(/empty fold/);
    expect(thrown(() => new StratifiedGroupKFold({ n_splits: 2 }).split({ n: 6, y })).code).toBe('usage.missing_groups');
  });
});
