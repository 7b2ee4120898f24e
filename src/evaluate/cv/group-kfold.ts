/**
 * Grouped k-fold: all rows of a group land in the same test fold, so a model is never tested on a
 * group it trained on (patients, users, sites).
 *
 * The assignment equals scikit-learn 1.2's `GroupKFold`: groups (numbered in ascending code order)
 * are sorted by size with numpy's default unstable argsort, taken largest first, and each goes to
 * the fold with the fewest rows so far (first such fold on ties). Ties in size are ordered exactly
 * as numpy 1.24 orders them (see numpy-compat.ts), which is what makes the folds identical.
 * Greedy largest-first keeps fold sizes within the largest group of each other: O(g·k + n).
 *
 * @example
 * new GroupKFold({ n_splits: 2 }).split({ n: 5, groups: Int32Array.of(0, 0, 0, 1, 2) })
 *   .map((f) => [...f.test]); // [[0, 1, 2], [3, 4]]
 */
import type { Issue } from '../../core/issue.js';
import { defineParams, resolveParams, type ParamsOf } from '../../core/params.js';
import { numpyArgsort } from './numpy-compat.js';
import { checkCommon, errorIssue, foldsFromAssignment, raiseIssues, type Fold, type SplitInput, type Splitter } from './splitter.js';

/**
 * Parameters of {@link GroupKFold}.
 *
 * @example
 * resolveParams(GROUP_KFOLD_PARAMS, { n_splits: 3 }, 'group_kfold'); // { n_splits: 3 }
 */
export const GROUP_KFOLD_PARAMS = defineParams({
  n_splits: { type: 'int', default: 5, min: 2, doc: 'number of folds (at least 2, at most the number of distinct groups)' },
});

/**
 * Grouped k-fold splitter (see the file header). Needs `input.groups`.
 *
 * @example
 * const folds = new GroupKFold({ n_splits: 5 }).split({ n: groups.length, groups });
 */
export class GroupKFold implements Splitter {
  readonly name = 'group_kfold';
  readonly params: ParamsOf<typeof GROUP_KFOLD_PARAMS>;

  constructor(params: Record<string, unknown> = {}) {
    this.params = resolveParams(GROUP_KFOLD_PARAMS, params, 'group_kfold');
  }

  check(input: SplitInput): Issue[] {
    const issues = checkCommon(this.name, input, this.params.n_splits, { groups: true });
    if (issues.length > 0) return issues;
    return checkGroupCount(this.name, input.groups!, this.params.n_splits);
  }

  split(input: SplitInput): Fold[] {
    raiseIssues(this.check(input), input.emit);
    return foldsFromAssignment(groupKfoldAssignment(input.groups!, this.params.n_splits), this.params.n_splits);
  }
}

/**
 * Group codes renumbered 0..g-1 in ascending code order (numpy's `np.unique(..., return_inverse=True)`),
 * with the size of each group.
 *
 * @example
 * denseGroups(Int32Array.of(7, 3, 7)); // { index: [1, 0, 1], sizes: [1, 2] }
 */
export function denseGroups(groups: Int32Array): { index: Int32Array; sizes: number[] } {
  const codes = [...new Set(groups)].sort((a, b) => a - b);
  const rank = new Map(codes.map((c, i) => [c, i]));
  const index = Int32Array.from(groups, (g) => rank.get(g)!);
  const sizes = new Array<number>(codes.length).fill(0);
  for (const g of index) sizes[g]!++;
  return { index, sizes };
}

/** An error when there are fewer groups than folds: some test fold would be empty. */
export function checkGroupCount(name: string, groups: Int32Array, k: number): Issue[] {
  const g = new Set(groups).size;
  if (g >= k) return [];
  return [
    errorIssue('data.too_few_groups', 'groups', `${name}: only ${g} distinct group${g === 1 ? '' : 's'} for n_splits=${k}; grouped CV would leave an empty fold`, `Use n_splits <= ${g}, or a finer grouping.`, {
      groups: g,
      n_splits: k,
    }),
  ];
}

/**
 * Fold id per row `Int32Array[n]` by sklearn 1.2's greedy (file header). Assumes ≥ k groups.
 *
 * @example
 * groupKfoldAssignment(Int32Array.of(0, 0, 1, 2), 2); // [0, 0, 1, 1]
 */
export function groupKfoldAssignment(groups: Int32Array, k: number): Int32Array {
  const { index, sizes } = denseGroups(groups);
  const order = numpyArgsort(sizes).reverse(); // np.argsort(sizes)[::-1]: largest first
  const load = new Float64Array(k);
  const groupFold = new Int32Array(sizes.length);
  for (const g of order) {
    let lightest = 0;
    for (let f = 1; f < k; f++) if (load[f]! < load[lightest]!) lightest = f;
    load[lightest]! += sizes[g]!;
    groupFold[g] = lightest;
  }
  return Int32Array.from(index, (g) => groupFold[g]!);
}
