/**
 * Forward-chaining splits for ordered data: each test block follows its training rows in time, so
 * no model sees the future it is scored on.
 *
 * Identical to scikit-learn 1.2's `TimeSeriesSplit`: the last `n_splits · test_size` rows are cut
 * into `n_splits` consecutive test blocks; fold i trains on every row before its block less `gap`
 * rows (the gap keeps lagged features from leaking across the boundary), capped to the most recent
 * `max_train_size` rows. Unlike the other splitters, train ∪ test is not all rows.
 *
 * @example
 * new TimeSeriesSplit({ n_splits: 2, test_size: 2, gap: 1 }).split({ n: 7 });
 * // [{ train: [0, 1], test: [3, 4] }, { train: [0, 1, 2, 3], test: [5, 6] }]
 */
import type { Issue } from '../../core/issue.js';
import { defineParams, resolveParams, type ParamsOf } from '../../core/params.js';
import { checkCommon, errorIssue, raiseIssues, type Fold, type SplitInput, type Splitter } from './splitter.js';

/**
 * Parameters of {@link TimeSeriesSplit}. A parameter table has no "unset", so 0 stands for
 * sklearn's `None` in `max_train_size` and `test_size`.
 *
 * @example
 * resolveParams(TIME_SERIES_SPLIT_PARAMS, { gap: 2 }, 'time_series_split'); // { n_splits: 5, max_train_size: 0, test_size: 0, gap: 2 }
 */
export const TIME_SERIES_SPLIT_PARAMS = defineParams({
  n_splits: { type: 'int', default: 5, min: 2, doc: 'number of train/test splits' },
  max_train_size: { type: 'int', default: 0, min: 0, doc: 'keep at most this many most recent rows for training; 0 = no cap (an expanding window)' },
  test_size: { type: 'int', default: 0, min: 0, doc: 'rows per test block; 0 = n / (n_splits + 1), rounded down' },
  gap: { type: 'int', default: 0, min: 0, doc: 'rows dropped between the end of training and the test block (e.g. the longest feature lag)' },
});

/**
 * Time-series splitter (see the file header). Rows must already be in time order.
 *
 * @example
 * const folds = new TimeSeriesSplit({ n_splits: 5, gap: 7 }).split({ n: frame.nrows });
 */
export class TimeSeriesSplit implements Splitter {
  readonly name = 'time_series_split';
  readonly params: ParamsOf<typeof TIME_SERIES_SPLIT_PARAMS>;

  constructor(params: Record<string, unknown> = {}) {
    this.params = resolveParams(TIME_SERIES_SPLIT_PARAMS, params, 'time_series_split');
  }

  check(input: SplitInput): Issue[] {
    const { n_splits: k, gap } = this.params;
    const issues = checkCommon(this.name, input, 0, {});
    if (issues.length > 0) return issues;
    const n = input.n;
    const testSize = this.testSize(n);
    if (k + 1 > n) return [errorIssue('data.too_few_rows', 'n', `${this.name}: n_splits=${k} needs at least ${k + 1} rows, got n=${n}`, `Use n_splits <= ${Math.max(n - 1, 0)}.`)];
    if (n - gap - testSize * k <= 0)
      return [
        errorIssue(
          'data.too_few_rows',
          'n',
          `${this.name}: n=${n} rows cannot hold n_splits=${k} test blocks of test_size=${testSize} after gap=${gap} and still leave a training row (needs n > ${gap + testSize * k})`,
          'Lower n_splits, test_size or gap.',
          { n, n_splits: k, test_size: testSize, gap },
        ),
      ];
    return [];
  }

  split(input: SplitInput): Fold[] {
    raiseIssues(this.check(input), input.emit);
    const { n_splits: k, gap, max_train_size: cap } = this.params;
    const n = input.n;
    const testSize = this.testSize(n);
    const range = (lo: number, hi: number): Int32Array => Int32Array.from({ length: hi - lo }, (_, i) => lo + i);
    const folds: Fold[] = [];
    for (let start = n - k * testSize; start < n; start += testSize) {
      const trainEnd = start - gap;
      folds.push({ train: range(cap > 0 && cap < trainEnd ? trainEnd - cap : 0, trainEnd), test: range(start, start + testSize) });
    }
    return folds;
  }

  private testSize(n: number): number {
    return this.params.test_size > 0 ? this.params.test_size : Math.floor(n / (this.params.n_splits + 1));
  }
}
