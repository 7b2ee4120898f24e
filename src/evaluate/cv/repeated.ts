/**
 * Repeated (stratified) k-fold: k-fold run `n_repeats` times with a fresh shuffle each time, so a
 * score's spread reflects the split as well as the model.
 *
 * Repeat r shuffles with `input.rng.fork('repeat-r')`: each repeat's stream depends only on the
 * seed and r, so changing `n_repeats` leaves the earlier repeats' folds as they were. Folds are
 * returned repeat by repeat (`n_repeats · n_splits` of them), as sklearn orders them; sklearn's
 * own folds cannot be reproduced (they come from numpy's generator).
 *
 * @example
 * new RepeatedKFold({ n_splits: 5, n_repeats: 3 }).split({ n: 100, rng: new Rng(1).fork('cv') }).length; // 15
 */
import type { Issue } from '../../core/issue.js';
import { defineParams, resolveParams, type ParamsOf } from '../../core/params.js';
import { KFold } from './kfold.js';
import type { Fold, SplitInput, Splitter } from './splitter.js';
import { raiseIssues } from './splitter.js';
import { StratifiedKFold } from './stratified-kfold.js';

/**
 * Parameters of {@link RepeatedKFold} and {@link RepeatedStratifiedKFold}.
 *
 * @example
 * resolveParams(REPEATED_KFOLD_PARAMS, {}, 'repeated_kfold'); // { n_splits: 5, n_repeats: 10 }
 */
export const REPEATED_KFOLD_PARAMS = defineParams({
  n_splits: { type: 'int', default: 5, min: 2, doc: 'number of folds per repeat' },
  // 10 as in sklearn: 50 fits at the default 5 folds, enough to see the split-to-split spread.
  n_repeats: { type: 'int', default: 10, min: 1, doc: 'number of times k-fold is repeated, each with a new shuffle' },
});

abstract class Repeated implements Splitter {
  abstract readonly name: string;
  readonly params: ParamsOf<typeof REPEATED_KFOLD_PARAMS>;
  protected readonly inner: Splitter;

  constructor(params: Record<string, unknown>, owner: string, make: (nSplits: number) => Splitter) {
    this.params = resolveParams(REPEATED_KFOLD_PARAMS, params, owner);
    this.inner = make(this.params.n_splits);
  }

  check(input: SplitInput): Issue[] {
    return this.inner.check(input).map((i) => ({ ...i, message: i.message.replace(this.inner.name, this.name) }));
  }

  split(input: SplitInput): Fold[] {
    raiseIssues(this.check(input), input.emit);
    const folds: Fold[] = [];
    for (let r = 0; r < this.params.n_repeats; r++) folds.push(...this.inner.split({ n: input.n, y: input.y, rng: input.rng!.fork(`repeat-${r}`) }));
    return folds;
  }
}

/**
 * {@link KFold} with shuffle, repeated (see the file header). Needs `input.rng`.
 *
 * @example
 * const folds = new RepeatedKFold({ n_repeats: 3 }).split({ n: 50, rng: new Rng(3).fork('cv') });
 */
export class RepeatedKFold extends Repeated {
  readonly name = 'repeated_kfold';
  constructor(params: Record<string, unknown> = {}) {
    super(params, 'repeated_kfold', (k) => new KFold({ n_splits: k, shuffle: true }));
  }
}

/**
 * {@link StratifiedKFold} with shuffle, repeated (see the file header). Needs `input.y` and `input.rng`.
 *
 * @example
 * const folds = new RepeatedStratifiedKFold({ n_splits: 5, n_repeats: 2 }).split({ n: y.length, y, rng: new Rng(3).fork('cv') });
 */
export class RepeatedStratifiedKFold extends Repeated {
  readonly name = 'repeated_stratified_kfold';
  constructor(params: Record<string, unknown> = {}) {
    super(params, 'repeated_stratified_kfold', (k) => new StratifiedKFold({ n_splits: k, shuffle: true }));
  }
}
