import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { checkFolds } from './check-folds.js';
import { imbalancedY, thrown } from './cv.fixture.js';
import { RepeatedKFold, RepeatedStratifiedKFold } from './repeated.js';

const tests = (folds: { test: Int32Array }[]): number[][] => folds.map((f) => [...f.test]);

describe('RepeatedKFold / RepeatedStratifiedKFold', () => {
  it('gives n_repeats valid k-fold partitions, each shuffled differently', () => {
    const folds = new RepeatedKFold({ n_splits: 4, n_repeats: 3 }).split({ n: 30, rng: new Rng(4) });
    expect(folds).toHaveLength(12);
    for (let r = 0; r < 3; r++) expect(checkFolds(folds.slice(r * 4, r * 4 + 4), { n: 30 })).toEqual([]);
    expect(tests(folds.slice(0, 4))).not.toEqual(tests(folds.slice(4, 8)));
  });

  it('stratifies every repeat; more repeats leave the earlier ones unchanged', () => {
    const y = imbalancedY(90, 2);
    const rskf = (n_repeats: number) => new RepeatedStratifiedKFold({ n_splits: 3, n_repeats }).split({ n: 90, y, rng: new Rng(8) });
    const two = rskf(2);
    for (let r = 0; r < 2; r++) expect(checkFolds(two.slice(r * 3, r * 3 + 3), { n: 90, y }, { stratified: true })).toEqual([]);
    expect(tests(rskf(5).slice(0, 6))).toEqual(tests(two));
    expect(tests(new RepeatedStratifiedKFold({ n_splits: 3, n_repeats: 2 }).split({ n: 90, y, rng: new Rng(9) }))).not.toEqual(tests(two));
  });

  it('needs an rng and reports errors under its own name', () => {
    expect(thrown(() => new RepeatedKFold().split({ n: 20 })).code).toBe('usage.missing_rng');
    expect(thrown(() => new RepeatedStratifiedKFold().split({ n: 20, rng: new Rng(1) })).message).toMatch(/^repeated_stratified_kfold: class codes y are required/);
    expect(thrown(() => new RepeatedKFold({ n_repeats: 0 })).code).toBe('usage.bad_param');
  });
});
