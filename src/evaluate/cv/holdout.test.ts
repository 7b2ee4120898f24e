import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { checkFolds } from './check-folds.js';
import { imbalancedY, thrown } from './cv.fixture.js';
import { stratifiedQuota, trainTestSplit } from './holdout.js';

describe('trainTestSplit', () => {
  it('takes ceil(testSize * n) test rows, or a row count, as a valid split', () => {
    const a = trainTestSplit(101, { testSize: 0.2, rng: new Rng(1) });
    expect(a.test.length).toBe(21);
    expect(checkFolds([a], { n: 101 }, { partition: false })).toEqual([]);
    expect(a.train.length + a.test.length).toBe(101);
    expect(trainTestSplit(10, { testSize: 3, rng: new Rng(1) }).test.length).toBe(3);
    expect(trainTestSplit(100, { rng: new Rng(1) }).test.length).toBe(25);
    expect([...trainTestSplit(101, { testSize: 0.2, rng: new Rng(1) }).test]).toEqual([...a.test]);
    expect([...trainTestSplit(101, { testSize: 0.2, rng: new Rng(2) }).test]).not.toEqual([...a.test]);
  });

  it('stratified: class counts proportional, every class kept in train', () => {
    const y = imbalancedY(200, 3); // 120 / 60 / 20
    const { train, test } = trainTestSplit(200, { testSize: 0.25, stratify: y, rng: new Rng(5) });
    const count = (idx: Int32Array, c: number) => idx.filter((i) => y[i] === c).length;
    expect([0, 1, 2].map((c) => count(test, c))).toEqual([30, 15, 5]);
    expect(train.length).toBe(150);
    expect(stratifiedQuota([6, 4], 5, 'split')).toEqual([3, 2]);
    // Largest remainders first: 7·(5,3,2)/10 = 3.5, 2.1, 1.4 → floors 3,2,1 and the last row to class 0.
    expect(stratifiedQuota([5, 3, 2], 7, 'split')).toEqual([4, 2, 1]);
    // Never a class's last training row: 9 of 10 rows cap class 1 (2 rows) at 1 test row.
    expect(stratifiedQuota([8, 2], 8, 'split')).toEqual([7, 1]);
  });

  it('refuses impossible sizes and singleton classes', () => {
    expect(thrown(() => trainTestSplit(10, { testSize: 10, rng: new Rng(1) })).code).toBe('data.too_few_rows');
    expect(thrown(() => trainTestSplit(10, { testSize: 2.5, rng: new Rng(1) })).code).toBe('usage.bad_param');
    expect(thrown(() => trainTestSplit(10, { testSize: 0, rng: new Rng(1) })).code).toBe('usage.bad_param');
    expect(thrown(() => trainTestSplit(4, { testSize: 2, stratify: Int32Array.of(0, -1, 1, 1), rng: new Rng(1) })).code).toBe('data.missing_class');
    const lone = thrown(() => trainTestSplit(5, { testSize: 2, stratify: Int32Array.of(0, 0, 1, 1, 2), rng: new Rng(1) }));
    expect(lone.message).toMatch(/class code 2 has only 1 row/);
    expect(thrown(() => trainTestSplit(6, { testSize: 2, stratify: Int32Array.of(0, 0, 1, 1, 2, 2), rng: new Rng(1) })).code).toBe('data.too_few_rows');
  });
});
