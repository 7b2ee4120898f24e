/**
 * K-fold cross-validation: rows cut into `n_splits` consecutive blocks, each the test set once.
 *
 * Without shuffle the folds equal scikit-learn's `KFold`: the first `n % n_splits` folds get one
 * extra row. With shuffle the rows are permuted by our seeded `Rng` first (numpy's Mersenne
 * Twister stream cannot be reproduced, so shuffled folds differ from sklearn's).
 *
 * @example
 * new KFold({ n_splits: 3 }).split({ n: 7 }).map((f) => [...f.test]); // [[0,1,2],[3,4],[5,6]]
 */
import type { Issue } from '../../core/issue.js';
import { defineParams, resolveParams, type ParamsOf } from '../../core/params.js';
import type { Rng } from '../../core/rng.js';
import { checkCommon, foldsFromAssignment, raiseIssues, type Fold, type SplitInput, type Splitter } from './splitter.js';

/**
 * Parameters of {@link KFold}.
 *
 * @example
 * resolveParams(KFOLD_PARAMS, { n_splits: 10 }, 'kfold'); // { n_splits: 10, shuffle: false }
 */
export const KFOLD_PARAMS = defineParams({
  // 5 as in sklearn >= 0.22: 80% of the rows to train on, and few enough fits to stay cheap.
  n_splits: { type: 'int', default: 5, min: 2, doc: 'number of folds (at least 2, at most the number of rows)' },
  // Off by default, as in sklearn: row order may carry meaning and unshuffled folds are reproducible without a seed.
  shuffle: { type: 'bool', default: false, doc: 'permute the rows (with input.rng) before cutting them into folds' },
});

/**
 * K-fold splitter (see the file header).
 *
 * @example
 * const folds = new KFold({ n_splits: 5, shuffle: true }).split({ n: 100, rng: new Rng(1).fork('cv') });
 */
export class KFold implements Splitter {
  readonly name = 'kfold';
  readonly params: ParamsOf<typeof KFOLD_PARAMS>;

  constructor(params: Record<string, unknown> = {}) {
    this.params = resolveParams(KFOLD_PARAMS, params, 'kfold');
  }

  check(input: SplitInput): Issue[] {
    return checkCommon(this.name, input, this.params.n_splits, { rng: this.params.shuffle });
  }

  split(input: SplitInput): Fold[] {
    raiseIssues(this.check(input), input.emit);
    return foldsFromAssignment(kfoldAssignment(input.n, this.params.n_splits, this.params.shuffle ? input.rng! : undefined), this.params.n_splits);
  }
}

/**
 * Fold id per row `Int32Array[n]`: consecutive blocks of sizes ⌈n/k⌉ (first n % k folds) then ⌊n/k⌋,
 * over the rows in order or permuted by `rng`.
 *
 * @example
 * kfoldAssignment(5, 2); // [0, 0, 0, 1, 1]
 */
export function kfoldAssignment(n: number, k: number, rng?: Rng): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  if (rng) rng.shuffle(order);
  const out = new Int32Array(n);
  let pos = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    for (let j = 0; j < size; j++) out[order[pos++]!] = f;
  }
  return out;
}
