/**
 * How checks see the target: the column, and whether it is a classification target (its class codes come from data/classes.ts).
 */
import type { Column } from '../../core/frame.js';
import type { CheckContext } from './types.js';

/**
 * The target column, or undefined when there is no target or it is absent from the frame.
 *
 * @example
 * targetColumn({ frame, schema, target: 'y', rng }); // frame.get('y')
 */
export function targetColumn(ctx: CheckContext): Column | undefined {
  return ctx.target === undefined ? undefined : ctx.frame.get(ctx.target);
}

/**
 * Whether the target is a class label. The task decides when known ('text' and 'image' tasks still
 * learn a class label); otherwise categorical, boolean and text targets are classes and numeric ones
 * are not (a datetime target is neither).
 *
 * @example
 * isClassificationTarget(numericColumn('y', new Float64Array([0, 1])), 'binary'); // true
 */
export function isClassificationTarget(col: Column, task: CheckContext['task']): boolean {
  if (col.kind === 'datetime') return false;
  if (task !== undefined) return task !== 'regression';
  return col.kind !== 'numeric';
}

/**
 * Up to `k` names from `names` close to `wanted`: case-insensitive equality, containment, or a small
 * edit distance (≤ max(2, ⌊len/3⌋): catches typos without suggesting unrelated short names).
 *
 * @example
 * closeNames('saleprice', ['SalePrice', 'LotArea']); // ['SalePrice']
 */
export function closeNames(wanted: string, names: readonly string[], k = 3): string[] {
  const w = wanted.toLowerCase();
  const scored: [string, number][] = [];
  for (const name of names) {
    const n = name.toLowerCase();
    let d = editDistance(w, n);
    if (n === w) d = 0;
    // Containment ("Price" for "SalePrice") ranks between a one- and a two-letter typo.
    else if (w.length >= 3 && n.length >= 3 && (n.includes(w) || w.includes(n))) d = Math.min(d, 1.5);
    if (d <= Math.max(2, Math.floor(w.length / 3))) scored.push([name, d]);
  }
  scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return scored.slice(0, k).map((s) => s[0]);
}

function editDistance(a: string, b: string): number {
  // Two-row Levenshtein, O(|a|·|b|); column names are short.
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
