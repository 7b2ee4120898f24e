/**
 * The loss interface boosting is written against, and the name-keyed registry of losses
 * (STYLE.md §6). A loss works on raw scores (the additive model's output before the inverse link)
 * and gives what second-order boosting needs: an initial score, per-row gradients and hessians,
 * the inverse link, and its own value for early stopping.
 *
 * Shapes (n rows, k outputs: k = number of classes for softmax, else 1): scores, gradients and
 * hessians are `Float64Array[k * n]`, output-major (output c of row i at `c * n + i`), so that the
 * tree for output c reads one contiguous block.
 *
 * @example
 * const loss = makeLoss('huber', { delta: 2 });
 * loss.gradients(y, w, scores, grad, hess);
 */
import { Registry } from '../../core/registry.js';

/**
 * Options some losses take (ignored by the others).
 *
 * @example
 * makeLoss('quantile', { alpha: 0.9 });
 */
export interface LossOptions {
  /** Quantile loss: the quantile to predict, in (0, 1). */
  alpha?: number;
  /** Huber loss: residuals beyond delta are treated linearly. */
  delta?: number;
  /** Softmax: number of classes. */
  nClasses?: number;
}

/**
 * Inverse links a fitted model applies to raw scores.
 *
 * @example
 * makeLoss('poisson').inverseLink; // 'exp'
 */
export type InverseLink = 'identity' | 'sigmoid' | 'softmax' | 'exp';

/**
 * A differentiable loss on raw scores (see the file comment for shapes).
 *
 * @example
 * const loss: Loss = makeLoss('logistic');
 */
export interface Loss {
  readonly name: string;
  /** Number of raw scores per row (classes for softmax, else 1). */
  readonly nOutputs: number;
  /** True when the target is a class code (0..k-1), false when it is a real value. */
  readonly classification: boolean;
  /** The inverse link by name, so a saved model can apply it without loss code. */
  readonly inverseLink: InverseLink;
  /** Best constant raw score per output, `Float64Array[k]` (`w`: row weights, `Float64Array[n]`). */
  initScore(y: Float64Array, w: Float64Array): Float64Array;
  /** Writes gradients and hessians of the loss at `scores` (all `Float64Array[k * n]`). */
  gradients(y: Float64Array, w: Float64Array, scores: Float64Array, grad: Float64Array, hess: Float64Array): void;
  /** Inverse link in place on one row's raw scores (`raw[k]`): probabilities, mean, quantile. */
  link(raw: Float64Array): void;
  /** Weighted mean loss at `scores` (for early stopping; smaller is better). */
  value(y: Float64Array, w: Float64Array, scores: Float64Array): number;
  /**
   * Optional leaf renewal (LightGBM `RenewTreeOutput`): the best constant step for the rows
   * `rows[start..end)` of a leaf given current scores, replacing the Newton step. Losses whose
   * hessian is not informative (absolute, quantile) use it to set a leaf to its residual quantile.
   */
  renewLeaf?(y: Float64Array, w: Float64Array, scores: Float64Array, rows: Int32Array, start: number, end: number): number;
  /** Rejects targets the loss cannot fit (e.g. negative counts for poisson); returns a reason or undefined. */
  checkTarget?(y: Float64Array): string | undefined;
}

/**
 * Builds a loss from its options.
 *
 * @example
 * const f: LossFactory = (o) => huber(o.delta ?? 1);
 */
export type LossFactory = (opts: LossOptions) => Loss;

const losses = new Registry<LossFactory>('loss');

/**
 * Registers a loss under `name` (done once, by the module defining it).
 *
 * @example
 * registerLoss('squared_error', () => squaredError);
 */
export function registerLoss(name: string, factory: LossFactory): void {
  losses.register(name, factory);
}

/**
 * The loss called `name`, configured by `opts`; an unknown name is a SpecmlError with a
 * did-you-mean hint.
 *
 * @example
 * makeLoss('softmax', { nClasses: 3 }).nOutputs; // 3
 */
export function makeLoss(name: string, opts: LossOptions = {}): Loss {
  return losses.get(name)(opts);
}

/**
 * Names of the registered losses, sorted.
 *
 * @example
 * lossNames(); // ['absolute_error', 'huber', 'logistic', ...]
 */
export function lossNames(): string[] {
  return losses.names();
}

/**
 * Weighted mean of `f(i)` with weights `w[i]`; shared by the losses' `value`.
 *
 * @example
 * weightedMean(2, new Float64Array([1, 3]), (i) => i); // 0.75
 */
export function weightedMean(n: number, w: Float64Array, f: (i: number) => number): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < n; i++) {
    s += w[i]! * f(i);
    sw += w[i]!;
  }
  return sw > 0 ? s / sw : 0;
}
