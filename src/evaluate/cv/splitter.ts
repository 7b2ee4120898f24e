/**
 * The cross-validation splitter contract that every splitter in this folder implements, and the
 * helpers they share to turn a fold assignment into index arrays.
 *
 * Rules of the interface (STYLE.md §7):
 * - A splitter is a name plus frozen params from its parameter table; constructing one does no work.
 * - `split` is pure: same input (and same `rng` seed) → same folds. It never mutates its input.
 * - Every returned index array is sorted ascending; `train` and `test` of one fold are disjoint.
 * - `check` returns every finding as an `Issue` (expected failures are data); `split` throws the
 *   first `error` as a `SpecmlError` and passes `warning`s to `input.emit` before splitting.
 *
 * @example
 * const splitter: Splitter = new KFold({ n_splits: 3 });
 * splitter.split({ n: 6 }); // [{ train: [2,3,4,5], test: [0,1] }, { train: [0,1,4,5], test: [2,3] }, ...]
 */
import { SpecmlError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import type { Rng } from '../../core/rng.js';

/**
 * What a splitter needs to know about the rows: their count and, depending on the splitter, class
 * codes, group codes and a random stream.
 *
 * @example
 * const input: SplitInput = { n: 4, y: Int32Array.of(0, 1, 0, 1), rng: new Rng(7).fork('cv') };
 */
export interface SplitInput {
  /** Number of rows; indices run over [0, n). */
  n: number;
  /** Class codes `Int32Array[n]` (as from `encodeClasses`); -1 (missing) is not allowed. */
  y?: Int32Array;
  /** Group codes `Int32Array[n]`: rows sharing a code never straddle train and test. */
  groups?: Int32Array;
  /** Required by shuffling splitters; fork it per purpose (`rng.fork('cv')`). */
  rng?: Rng;
  /** Receives warnings found by `check` (e.g. a class with fewer members than folds); default: dropped. */
  emit?: (issue: Issue) => void;
}

/**
 * One train/test split: sorted ascending row indices, disjoint.
 *
 * @example
 * const fold: Fold = { train: Int32Array.of(0, 1, 3), test: Int32Array.of(2) };
 */
export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

/**
 * A cross-validation splitter (see the rules in this file's header).
 *
 * @example
 * const folds = new StratifiedKFold({ n_splits: 5 }).split({ n: y.length, y });
 */
export interface Splitter {
  readonly name: string;
  readonly params: Readonly<Record<string, number | string | boolean>>;
  /** Every problem with this input, errors and warnings, without splitting. */
  check(input: SplitInput): Issue[];
  split(input: SplitInput): Fold[];
}

/** Throws the first error issue as a `SpecmlError`; hands warnings to `emit`. */
export function raiseIssues(issues: readonly Issue[], emit?: (issue: Issue) => void): void {
  const error = issues.find((i) => i.severity === 'error');
  if (error) throw new SpecmlError(error.code, error.message, { ...(error.hint ? { hint: error.hint } : {}), location: { path: error.path } });
  if (emit) for (const i of issues) emit(i);
}

/** An error issue; `code` is a full SpecmlError code (`data.…` or `usage.…`). */
export function errorIssue(code: string, path: string, message: string, hint?: string, details?: Record<string, unknown>): Issue {
  return { code, path, severity: 'error', message, ...(hint ? { hint } : {}), ...(details ? { details } : {}) };
}

/**
 * Checks shared by all splitters: `n` is a whole number ≥ `nSplits`, and the `y` / `groups` the
 * splitter needs are present, of length n, without negative (missing) codes.
 */
export function checkCommon(name: string, input: SplitInput, nSplits: number, needs: { y?: boolean; groups?: boolean; rng?: boolean }): Issue[] {
  const issues: Issue[] = [];
  const { n } = input;
  if (!Number.isInteger(n) || n < 0) return [errorIssue('usage.bad_n', 'n', `${name}: n must be a whole number >= 0, got ${n}`)];
  if (nSplits > n)
    issues.push(errorIssue('data.too_few_rows', 'n', `${name}: cannot have n_splits=${nSplits} greater than the number of rows n=${n}`, `Use n_splits <= ${n}, or more data.`));
  for (const key of ['y', 'groups'] as const) {
    // Arrays a splitter does not use are not checked: KFold must not fail on a y it ignores.
    if (!needs[key]) continue;
    const arr = input[key];
    const label = key === 'y' ? 'class codes y' : 'group codes';
    if (!arr) {
      issues.push(errorIssue(`usage.missing_${key}`, key, `${name}: ${label} are required`, key === 'y' ? 'Pass y: encodeClasses(target).codes.' : 'Pass groups: one code per row.'));
      continue;
    }
    if (arr.length !== n) {
      issues.push(errorIssue('usage.length_mismatch', key, `${name}: ${key} has ${arr.length} entries but n=${n}`));
      continue;
    }
    const bad = arr.findIndex((v) => v < 0);
    if (bad >= 0)
      issues.push(
        errorIssue(`data.missing_${key === 'y' ? 'class' : 'group'}`, key, `${name}: row ${bad} has a missing ${key === 'y' ? 'class' : 'group'} (code ${arr[bad]})`, 'Drop or impute rows with a missing value before splitting.'),
      );
  }
  if (needs.rng && !input.rng) issues.push(errorIssue('usage.missing_rng', 'rng', `${name}: shuffle=true needs a seeded rng`, "Pass rng: new Rng(seed).fork('cv'), or set shuffle: false."));
  return issues;
}

/**
 * Turns a fold assignment `testFold: Int32Array[n]` (fold id per row, or -1 for rows in no test
 * fold) into `k` folds. One pass per fold keeps both arrays sorted without a sort: O(n·k).
 */
export function foldsFromAssignment(testFold: Int32Array, k: number): Fold[] {
  const n = testFold.length;
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) if (testFold[i]! >= 0) sizes[testFold[i]!]!++;
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const test = new Int32Array(sizes[f]!);
    const train = new Int32Array(n - sizes[f]!);
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      if (testFold[i] === f) test[a++] = i;
      else train[b++] = i;
    }
    folds.push({ train, test });
  }
  return folds;
}

/** Number of distinct non-negative codes and the count of each (`counts[code]`). */
export function bincount(codes: Int32Array): number[] {
  const counts: number[] = [];
  for (const c of codes) {
    while (counts.length <= c) counts.push(0);
    counts[c]!++;
  }
  return counts;
}
