import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { checkFolds } from './check-folds.js';
import { KFold } from './kfold.js';
import { thrown } from './cv.fixture.js';

const tests = (folds: { test: Int32Array }[]): number[][] => folds.map((f) => [...f.test]);

describe('KFold', () => {
  it('cuts consecutive blocks, the first n % k one row larger (as sklearn)', () => {
    expect(tests(new KFold({ n_splits: 3 }).split({ n: 7 }))).toEqual([[0, 1, 2], [3, 4], [5, 6]]);
    expect(new KFold().params).toEqual({ n_splits: 5, shuffle: false });
  });

  it('shuffled: partitions the rows, same seed same folds, other seed other folds', () => {
    const kf = new KFold({ n_splits: 4, shuffle: true });
    const a = kf.split({ n: 50, rng: new Rng(1) });
    expect(checkFolds(a, { n: 50 })).toEqual([]);
    expect(a.map((f) => f.test.length)).toEqual([13, 13, 12, 12]);
    expect(tests(kf.split({ n: 50, rng: new Rng(1) }))).toEqual(tests(a));
    expect(tests(kf.split({ n: 50, rng: new Rng(2) }))).not.toEqual(tests(a));
    expect(tests(a)).not.toEqual(tests(new KFold({ n_splits: 4 }).split({ n: 50 })));
  });

  it('refuses bad input with a clear SpecmlError', () => {
    expect(thrown(() => new KFold({ n_splits: 1 })).code).toBe('usage.bad_param');
    expect(thrown(() => new KFold({ n_split: 3 })).hint).toMatch(/n_splits/);
    const big = thrown(() => new KFold({ n_splits: 5 }).split({ n: 4 }));
    expect(big.code).toBe('data.too_few_rows');
    expect(big.message).toMatch(/n_splits=5 greater than the number of rows n=4/);
    expect(thrown(() => new KFold({ shuffle: true }).split({ n: 10 })).code).toBe('usage.missing_rng');
    // Arrays KFold does not use are not checked.
    expect(new KFold({ n_splits: 2 }).split({ n: 2, y: Int32Array.of(-1, 0) })).toHaveLength(2);
  });
});
