/**
 * How checks see the target: whether it is a classification target, and its rows as class codes.
 */
import type { Column } from '../../core/frame.js';
import { BOOL_MISSING } from '../../core/frame.js';
import { formatNumber, valueCounts } from './stats.js';
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
 * A classification target as codes: `codes: Int32Array[n]` in [0, classes.length), -1 missing.
 * Numeric labels are ordered numerically; categorical keep their level order (unused levels kept).
 *
 * @example
 * classCodes(booleanColumn('y', new Uint8Array([1, 0, 255]))); // { codes: [1, 0, -1], classes: ['false', 'true'] }
 */
export function classCodes(col: Column): { codes: Int32Array; classes: string[] } {
  const n = col.kind === 'categorical' ? col.codes.length : col.values.length;
  switch (col.kind) {
    case 'categorical':
      return { codes: col.codes, classes: col.levels };
    case 'boolean': {
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) codes[i] = col.values[i] === BOOL_MISSING ? -1 : col.values[i]!;
      return { codes, classes: ['false', 'true'] };
    }
    case 'numeric':
    case 'datetime': {
      const vc = valueCounts(col.values);
      const codes = new Int32Array(n);
      const index = new Map<number, number>();
      vc.uniq.forEach((v, j) => index.set(v, j));
      for (let i = 0; i < n; i++) {
        const v = col.values[i]!;
        codes[i] = v !== v ? -1 : index.get(v === 0 ? 0 : v)!;
      }
      const classes = [...vc.uniq].map((v) => (col.kind === 'datetime' ? new Date(v).toISOString() : formatNumber(v)));
      return { codes, classes };
    }
    case 'text': {
      const index = new Map<string, number>();
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const v = col.values[i]!;
        if (v === null) {
          codes[i] = -1;
          continue;
        }
        let k = index.get(v);
        if (k === undefined) index.set(v, (k = index.size));
        codes[i] = k;
      }
      return { codes, classes: [...index.keys()] };
    }
  }
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
