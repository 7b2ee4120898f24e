import { describe, expect, it } from 'vitest';
import { checkFolds } from './check-folds.js';
import { thrown } from './cv.fixture.js';
import { TimeSeriesSplit } from './time-series-split.js';

const plain = (folds: { train: Int32Array; test: Int32Array }[]): number[][][] => folds.map((f) => [[...f.train], [...f.test]]);

describe('TimeSeriesSplit', () => {
  it('trains on the past only, leaving a gap, capped by max_train_size', () => {
    expect(plain(new TimeSeriesSplit({ n_splits: 2, test_size: 2, gap: 1 }).split({ n: 7 }))).toEqual([
      [[0, 1], [3, 4]],
      [[0, 1, 2, 3], [5, 6]],
    ]);
    expect(plain(new TimeSeriesSplit({ n_splits: 2, test_size: 2, max_train_size: 2 }).split({ n: 7 }))).toEqual([
      [[1, 2], [3, 4]],
      [[3, 4], [5, 6]],
    ]);
    const folds = new TimeSeriesSplit({ n_splits: 4, gap: 3 }).split({ n: 50 });
    expect(checkFolds(folds, { n: 50 }, { partition: false })).toEqual([]);
    for (const f of folds) expect(f.test[0]! - f.train[f.train.length - 1]!).toBe(4);
  });

  it('refuses too few rows for the gap and test size', () => {
    const err = thrown(() => new TimeSeriesSplit({ n_splits: 3, test_size: 5, gap: 2 }).split({ n: 17 }));
    expect(err.code).toBe('data.too_few_rows');
    expect(err.message).toMatch(/n=17 rows cannot hold n_splits=3 test blocks of test_size=5 after gap=2 .*needs n > 17/);
    expect(new TimeSeriesSplit({ n_splits: 3, test_size: 5, gap: 2 }).split({ n: 18 })[0]!.train.length).toBe(1);
    expect(thrown(() => new TimeSeriesSplit({ n_splits: 5 }).split({ n: 5 })).message).toMatch(/needs at least 6 rows/);
    expect(thrown(() => new TimeSeriesSplit({ gap: -1 })).code).toBe('usage.bad_param');
  });
});
