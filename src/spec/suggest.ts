/**
 * Did-you-mean suggestions for keys, enum values and metric names.
 *
 * core's `closest()` uses plain edit distance, which counts a swapped pair of letters (`modle` for
 * `models`, `roc_acu`) as two edits; people make that typo often, so when `closest()` finds
 * nothing this retries with the optimal-string-alignment distance, where a swap costs one.
 *
 * @example
 * didYouMean('trget', ['train', 'target']); // 'target'
 * didYouMean('modle', ['models', 'metric']); // 'models'
 */
import { closest } from '../core/params.js';

export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const direct = closest(word, candidates);
  if (direct !== undefined) return direct;
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = osaDistance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
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

/** Edit distance with adjacent transpositions counted as one edit (O(|a|·|b|) time). */
function osaDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
