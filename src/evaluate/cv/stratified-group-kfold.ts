/**
 * Stratified grouped k-fold: groups stay whole (as in {@link GroupKFold}) while each fold's class
 * mix stays as close as possible to the data's.
 *
 * Algorithm (scikit-learn 1.2's `StratifiedGroupKFold`, from a Kaggle kernel by J. Wasikowski):
 * 1. Count each group's rows per class, `counts: g × c` (groups and classes in ascending code order).
 * 2. Visit groups by decreasing standard deviation of their class counts (stable, so equal spreads
 *    keep code order — or a seeded random order with shuffle): groups concentrated in one class
 *    are the hardest to place, so they go first.
 * 3. Put each group in the fold that, once it holds the group, minimises the mean over classes of
 *    the std over folds of (fold's class count / class total); when two folds score within numpy's
 *    `isclose` tolerance, the fold with fewer rows wins, then the lower fold id.
 * Without shuffle the folds are identical to sklearn's: the float sums are done in numpy's order
 * (see numpy-compat.ts) because near-ties decide the fold. Cost: O(g·k·k·c).
 *
 * Differences from sklearn, both deliberate: with shuffle, sklearn 1.2 permutes the rows of the
 * count table but keeps reading them as the original group ids (it places the wrong groups); we
 * permute the visiting order instead. sklearn silently returns empty test folds when there are
 * fewer groups than folds or the greedy leaves a fold empty; we raise `data.too_few_groups` /
 * `data.empty_fold`. Rare classes are handled as in {@link StratifiedKFold} (error if every class
 * is rarer than n_splits, warning per rare class otherwise).
 *
 * @example
 * const folds = new StratifiedGroupKFold({ n_splits: 3 }).split({ n: y.length, y, groups });
 */
import type { Issue } from '../../core/issue.js';
import { SpecmlError } from '../../core/errors.js';
import { defineParams, resolveParams, type ParamsOf } from '../../core/params.js';
import type { Rng } from '../../core/rng.js';
import { checkGroupCount, denseGroups } from './group-kfold.js';
import { pairwiseSum } from './numpy-compat.js';
import { checkCommon, foldsFromAssignment, raiseIssues, type Fold, type SplitInput, type Splitter } from './splitter.js';
import { checkClassSizes } from './stratified-kfold.js';

/**
 * Parameters of {@link StratifiedGroupKFold}.
 *
 * @example
 * resolveParams(STRATIFIED_GROUP_KFOLD_PARAMS, { shuffle: true }, 'stratified_group_kfold'); // { n_splits: 5, shuffle: true }
 */
export const STRATIFIED_GROUP_KFOLD_PARAMS = defineParams({
  n_splits: { type: 'int', default: 5, min: 2, doc: 'number of folds (at least 2, at most the number of distinct groups)' },
  shuffle: { type: 'bool', default: false, doc: 'visit groups with equal class spread in a random order (with input.rng) instead of code order' },
});

/**
 * Stratified grouped k-fold splitter (see the file header). Needs `input.y` and `input.groups`.
 *
 * @example
 * new StratifiedGroupKFold({ n_splits: 2 }).split({ n: 4, y: Int32Array.of(0, 1, 0, 1), groups: Int32Array.of(0, 0, 1, 1) });
 * // [{ train: [2, 3], test: [0, 1] }, { train: [0, 1], test: [2, 3] }]
 */
export class StratifiedGroupKFold implements Splitter {
  readonly name = 'stratified_group_kfold';
  readonly params: ParamsOf<typeof STRATIFIED_GROUP_KFOLD_PARAMS>;

  constructor(params: Record<string, unknown> = {}) {
    this.params = resolveParams(STRATIFIED_GROUP_KFOLD_PARAMS, params, 'stratified_group_kfold');
  }

  /** Pre-split checks; `split` can in addition throw `data.empty_fold` (known only after placing groups). */
  check(input: SplitInput): Issue[] {
    const k = this.params.n_splits;
    const issues = checkCommon(this.name, input, k, { y: true, groups: true, rng: this.params.shuffle });
    if (issues.length > 0) return issues;
    return [...checkGroupCount(this.name, input.groups!, k), ...checkClassSizes(this.name, input.y!, k)];
  }

  split(input: SplitInput): Fold[] {
    raiseIssues(this.check(input), input.emit);
    const k = this.params.n_splits;
    const assignment = stratifiedGroupAssignment(input.y!, input.groups!, k, this.params.shuffle ? input.rng! : undefined);
    const folds = foldsFromAssignment(assignment, k);
    const empty = folds.findIndex((f) => f.test.length === 0);
    if (empty >= 0)
      throw new SpecmlError('data.empty_fold', `${this.name}: test fold ${empty} is empty: the groups cannot be spread over n_splits=${k} folds`, {
        hint: 'Use fewer folds, or GroupKFold, which never leaves a fold empty when there are at least n_splits groups.',
        location: { path: 'groups' },
      });
    return folds;
  }
}

/**
 * Fold id per row `Int32Array[n]` by the greedy in the file header; may leave a fold empty.
 *
 * @example
 * stratifiedGroupAssignment(Int32Array.of(0, 1, 0, 1), Int32Array.of(0, 0, 1, 1), 2); // [0, 0, 1, 1]
 */
export function stratifiedGroupAssignment(y: Int32Array, groups: Int32Array, k: number, rng?: Rng): Int32Array {
  const { index: classOf, sizes: classTotals } = denseGroups(y); // np.unique(y): present classes, ascending
  const { index: groupOf, sizes: groupSizes } = denseGroups(groups);
  const c = classTotals.length;
  const g = groupSizes.length;
  const counts = new Float64Array(g * c); // counts[group * c + class]
  for (let i = 0; i < y.length; i++) counts[groupOf[i]! * c + classOf[i]!]! += 1;

  const order = Array.from({ length: g }, (_, i) => i);
  if (rng) rng.shuffle(order);
  const spread = new Float64Array(g);
  for (let j = 0; j < g; j++) spread[j] = std(counts, j * c, c, 1);
  order.sort((a, b) => spread[b]! - spread[a]!); // stable (ES2019), like kind="mergesort" on -std

  const perFold = new Float64Array(k * c); // perFold[fold * c + class]
  const groupFold = new Int32Array(g);
  const ratios = new Float64Array(k * c);
  const stdPerClass = new Float64Array(c);
  for (const j of order) {
    let best = -1;
    let minEval = Infinity;
    let minSamples = Infinity;
    for (let f = 0; f < k; f++) {
      for (let q = 0; q < c; q++) perFold[f * c + q]! += counts[j * c + q]!;
      for (let t = 0; t < k * c; t++) ratios[t] = perFold[t]! / classTotals[t % c]!;
      // std over folds (axis 0): numpy reduces a non-contiguous axis row by row, i.e. a plain loop.
      for (let q = 0; q < c; q++) stdPerClass[q] = std(ratios, q, k, c, true);
      for (let q = 0; q < c; q++) perFold[f * c + q]! -= counts[j * c + q]!;
      const evalF = pairwiseSum(stdPerClass, 0, c, 1) / c;
      const samples = pairwiseSum(perFold, f * c, c, 1);
      if (evalF < minEval || (isClose(evalF, minEval) && samples < minSamples)) {
        minEval = evalF;
        minSamples = samples;
        best = f;
      }
    }
    for (let q = 0; q < c; q++) perFold[best * c + q]! += counts[j * c + q]!;
    groupFold[j] = best;
  }
  return Int32Array.from(groupOf, (j) => groupFold[j]!);
}

/** `np.std` (ddof 0) of n values a[off + i·stride], summing in numpy's order (pairwise, or a loop for a strided axis). */
function std(a: ArrayLike<number>, off: number, n: number, stride: number, sequential = false): number {
  const sum = (f: (x: number) => number): number => {
    if (!sequential) return pairwiseSum(Float64Array.from({ length: n }, (_, i) => f(a[off + i * stride]!)), 0, n, 1);
    let s = 0;
    for (let i = 0; i < n; i++) s += f(a[off + i * stride]!);
    return s;
  };
  const mean = sum((x) => x) / n;
  return Math.sqrt(
    sum((x) => {
      const d = x - mean;
      return d * d;
    }) / n,
  );
}

/** `np.isclose(a, b)` with its defaults rtol=1e-5, atol=1e-8 (b is the reference). */
function isClose(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
}
