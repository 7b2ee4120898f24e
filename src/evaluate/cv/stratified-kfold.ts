/**
 * Stratified k-fold: every fold gets each class in (within one row) the same proportion as the data.
 *
 * Without shuffle the folds equal scikit-learn 1.2's `StratifiedKFold`, by the same allocation:
 * classes are numbered by first appearance; the class codes are sorted and dealt round-robin to
 * the folds, which fixes how many rows of class c fold f gets (`allocation[f][c]`); then the rows
 * of class c, in row order, fill fold 0's share, then fold 1's, and so on. Filling in blocks keeps
 * neighbouring rows together, so any order in the data survives as well as stratification allows.
 * With shuffle, each class's block of fold ids is permuted by our seeded `Rng` (as sklearn does
 * with its own generator), which keeps the same per-fold counts.
 *
 * Rare classes follow sklearn: an error when every class has fewer than `n_splits` rows, a
 * `warning` issue naming each class with fewer rows (some test folds will lack that class, so
 * per-fold metrics that need every class can fail or be noisy) otherwise.
 *
 * @example
 * new StratifiedKFold({ n_splits: 2 }).split({ n: 6, y: Int32Array.of(0, 0, 0, 1, 1, 1) })
 *   .map((f) => [...f.test]); // [[0, 1, 3], [2, 4, 5]]
 */
import type { Issue } from '../../core/issue.js';
import { defineParams, resolveParams, type ParamsOf } from '../../core/params.js';
import type { Rng } from '../../core/rng.js';
import { bincount, checkCommon, errorIssue, foldsFromAssignment, raiseIssues, type Fold, type SplitInput, type Splitter } from './splitter.js';

/**
 * Parameters of {@link StratifiedKFold} (same meaning as {@link KFOLD_PARAMS}).
 *
 * @example
 * resolveParams(STRATIFIED_KFOLD_PARAMS, {}, 'stratified_kfold'); // { n_splits: 5, shuffle: false }
 */
export const STRATIFIED_KFOLD_PARAMS = defineParams({
  n_splits: { type: 'int', default: 5, min: 2, doc: 'number of folds (at least 2; a class with fewer rows is missing from some test folds)' },
  shuffle: { type: 'bool', default: false, doc: "permute each class's rows (with input.rng) across folds" },
});

/**
 * Stratified k-fold splitter (see the file header).
 *
 * @example
 * const folds = new StratifiedKFold({ n_splits: 5 }).split({ n: y.length, y });
 */
export class StratifiedKFold implements Splitter {
  readonly name = 'stratified_kfold';
  readonly params: ParamsOf<typeof STRATIFIED_KFOLD_PARAMS>;

  constructor(params: Record<string, unknown> = {}) {
    this.params = resolveParams(STRATIFIED_KFOLD_PARAMS, params, 'stratified_kfold');
  }

  check(input: SplitInput): Issue[] {
    const issues = checkCommon(this.name, input, this.params.n_splits, { y: true, rng: this.params.shuffle });
    if (issues.length > 0) return issues;
    return checkClassSizes(this.name, input.y!, this.params.n_splits);
  }

  split(input: SplitInput): Fold[] {
    raiseIssues(this.check(input), input.emit);
    const k = this.params.n_splits;
    return foldsFromAssignment(stratifiedAssignment(input.y!, k, this.params.shuffle ? input.rng! : undefined), k);
  }
}

/**
 * sklearn's rule for rare classes: an error when no class has `k` rows, otherwise one warning per
 * class with fewer than `k` rows.
 *
 * @example
 * checkClassSizes('stratified_kfold', Int32Array.of(0, 0, 0, 1), 3); // [{ code: 'data.rare_class', severity: 'warning', ... }]
 */
export function checkClassSizes(name: string, y: Int32Array, k: number): Issue[] {
  const counts = bincount(y);
  const rare = counts.map((c, code) => ({ code, c })).filter(({ c }) => c > 0 && c < k);
  const present = counts.filter((c) => c > 0).length;
  if (rare.length === present)
    return [
      errorIssue('data.too_few_class_members', 'y', `${name}: n_splits=${k} is greater than the number of rows of every class (largest class has ${Math.max(...counts)})`, `Use n_splits <= ${Math.max(...counts)}.`, {
        counts,
      }),
    ];
  return rare.map(({ code, c }) => ({
    code: 'data.rare_class',
    path: 'y',
    severity: 'warning' as const,
    message: `${name}: class code ${code} has only ${c} row${c === 1 ? '' : 's'}, fewer than n_splits=${k}; ${k - c} test fold${k - c === 1 ? '' : 's'} will not contain it`,
    hint: `Use n_splits <= ${c}, or merge the class with a similar one.`,
    details: { class: code, count: c, n_splits: k },
  }));
}

/**
 * Fold id per row `Int32Array[n]` for stratified k-fold (the allocation in the file header).
 *
 * @example
 * stratifiedAssignment(Int32Array.of(1, 1, 0, 0), 2); // [0, 1, 0, 1]
 */
export function stratifiedAssignment(y: Int32Array, k: number, rng?: Rng): Int32Array {
  const n = y.length;
  // Renumber classes by first appearance, as sklearn does, because the round-robin below depends on class order.
  const firstSeen = new Map<number, number>();
  const enc = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let c = firstSeen.get(y[i]!);
    if (c === undefined) firstSeen.set(y[i]!, (c = firstSeen.size));
    enc[i] = c;
  }
  const counts = bincount(enc);
  // allocation[f][c] = rows of class c at positions f, f+k, f+2k, ... of the sorted codes.
  // Class c occupies positions [start, start+count) of the sorted codes; count those ≡ f (mod k).
  const allocation = Array.from({ length: k }, () => new Int32Array(counts.length));
  let start = 0;
  counts.forEach((count, c) => {
    for (let f = 0; f < k; f++) allocation[f]![c] = countCongruent(start, start + count, f, k);
    start += count;
  });
  const out = new Int32Array(n);
  counts.forEach((count, c) => {
    const foldsForClass = new Int32Array(count);
    let p = 0;
    for (let f = 0; f < k; f++) for (let j = 0; j < allocation[f]![c]!; j++) foldsForClass[p++] = f;
    if (rng) rng.shuffle(foldsForClass);
    p = 0;
    for (let i = 0; i < n; i++) if (enc[i] === c) out[i] = foldsForClass[p++]!;
  });
  return out;
}

/** How many integers in [lo, hi) are ≡ r (mod k), for 0 ≤ r < k. */
function countCongruent(lo: number, hi: number, r: number, k: number): number {
  const upTo = (x: number): number => Math.floor((x - r + k - 1) / k); // integers in [0, x) that are ≡ r
  return upTo(hi) - upTo(lo);
}
