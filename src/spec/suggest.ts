/**
 * Did-you-mean suggestions for spec keys, enum values and metric names, through core's `closest()`
 * (optimal string alignment: a swapped pair of letters such as `modle` or `roc_acu` is one edit).
 *
 * @example
 * didYouMean('trget', ['train', 'target']); // 'target'
 * didYouMean('modle', ['models', 'metric']); // 'models'
 */
import { closest } from '../core/suggest.js';

export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  return closest(word, candidates);
}

/**
 * `" did you mean 'x'?"`-style suffix, or `''` when nothing is close.
 *
 * @example
 * suggestion('clasification', ['auto', 'binary']); // ''
 */
export function suggestion(word: string, candidates: readonly string[]): string {
  const near = didYouMean(word, candidates);
  return near === undefined ? '' : `did you mean '${near}'?`;
}
