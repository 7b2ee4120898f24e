/**
 * The conformance check for the {@link Splitter} contract (STYLE.md §8): given folds and the input
 * they came from, lists every broken rule, so a new splitter proves itself in a few lines and a
 * caller can assert folds it did not make.
 *
 * @example
 * const input = { n: 100, y };
 * checkFolds(new StratifiedKFold().split(input), input); // [] when every rule holds
 */
import type { Fold, SplitInput } from './splitter.js';

/**
 * Options of {@link checkFolds}.
 *
 * @example
 * const options: CheckFoldsOptions = { partition: false }; // time-series folds do not cover every row
 */
export interface CheckFoldsOptions {
  /** Test folds cover every row exactly once and train is the complement (all but TimeSeriesSplit). Default true. */
  partition?: boolean;
  /** Each class's count in a test fold is within 1 of its count in every other test fold. Default: false. */
  stratified?: boolean;
}

/**
 * Broken rules, as sentences; `[]` when the folds satisfy the contract.
 * Rules: indices in [0, n), sorted strictly ascending, train ∩ test = ∅, no group on both sides,
 * and the options' partition / stratification rules.
 *
 * @example
 * checkFolds([{ train: Int32Array.of(0), test: Int32Array.of(0) }], { n: 1 }); // ['fold 0: row 0 is in train and test', ...]
 */
export function checkFolds(folds: readonly Fold[], input: SplitInput, options: CheckFoldsOptions = {}): string[] {
  const { n } = input;
  const problems: string[] = [];
  const timesInTest = new Int32Array(n);
  folds.forEach((fold, f) => {
    const side = new Int8Array(n); // 1 train, 2 test
    for (const [name, idx, mark] of [['train', fold.train, 1], ['test', fold.test, 2]] as const) {
      for (let j = 0; j < idx.length; j++) {
        const i = idx[j]!;
        if (!(i >= 0 && i < n)) problems.push(`fold ${f}: ${name} index ${i} outside [0, ${n})`);
        else if (j > 0 && i <= idx[j - 1]!) problems.push(`fold ${f}: ${name} not strictly ascending at position ${j}`);
        else if (side[i] !== 0) problems.push(`fold ${f}: row ${i} is in train and test`);
        else side[i] = mark;
      }
    }
    if (fold.test.length === 0) problems.push(`fold ${f}: empty test fold`);
    for (const i of fold.test) if (i >= 0 && i < n) timesInTest[i]!++;
    if (options.partition !== false && fold.train.length + fold.test.length !== n) problems.push(`fold ${f}: train + test has ${fold.train.length + fold.test.length} rows, expected ${n}`);
    if (input.groups) {
      const groupSide = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        if (side[i] === 0) continue;
        const g = input.groups[i]!;
        const seen = groupSide.get(g);
        if (seen === undefined) groupSide.set(g, side[i]!);
        else if (seen !== side[i]) {
          problems.push(`fold ${f}: group ${g} is in train and test`);
          groupSide.set(g, 3);
        }
      }
    }
  });
  if (options.partition !== false) {
    const off = timesInTest.findIndex((t) => t !== 1);
    if (off >= 0) problems.push(`row ${off} is in ${timesInTest[off]} test folds, expected exactly 1`);
  }
  if (options.stratified && input.y) {
    const k = Math.max(...input.y) + 1;
    const perFold = folds.map((fold) => {
      const c = new Int32Array(k);
      for (const i of fold.test) c[input.y![i]!]!++;
      return c;
    });
    for (let c = 0; c < k; c++) {
      const counts = perFold.map((p) => p[c]!);
      if (Math.max(...counts) - Math.min(...counts) > 1) problems.push(`class ${c}: test-fold counts ${counts.join(', ')} differ by more than 1`);
    }
  }
  return problems;
}
