/**
 * Intersections of sensitive attributes ("Age × Marital"): a row's group is the combination of
 * its groups, labelled `Age=30-40 & Marital=single`.
 *
 * Only combinations that occur get a group (the full product of k attributes with m levels each
 * is m^k groups, nearly all empty); this matches fairlearn's MetricFrame given several sensitive
 * columns, which groups by the observed combinations. Groups are ordered by their component
 * groups' order (first attribute slowest), so the output does not depend on row order.
 * Every row lands in exactly one intersection group (missing is a group of each attribute).
 * Cost: O(n · k) plus a sort of the distinct combinations.
 *
 * @example
 * const age = sensitiveGroups(frame, { column: 'Age', bands: [30, 40, 50] });
 * const marital = sensitiveGroups(frame, { column: 'Marital' });
 * intersectGroups([age, marital]).labels[0]; // 'Age=<30 & Marital=divorced'
 */
import type { Grouping } from '../../data/groups.js';

/** Separates the parts of an intersection label. */
export const INTERSECTION_SEPARATOR = ' & ';

/**
 * The intersection of two or more groupings over the same rows.
 *
 * @example
 * intersectGroups([a, b]).attribute; // 'A × B'
 */
export function intersectGroups(parts: readonly Grouping[]): Grouping {
  if (parts.length < 2) throw new RangeError(`intersectGroups: need at least 2 groupings, got ${parts.length}`);
  const n = parts[0]!.codes.length;
  for (const p of parts) {
    if (p.codes.length !== n) throw new RangeError(`intersectGroups: '${p.attribute}' has ${p.codes.length} rows, expected ${n}`);
  }
  // Mixed-radix key per row. Safe as a double while the product of group counts stays below
  // 2^53 (20 attributes of 6 groups each still fit); beyond that keys could collide.
  let radix = 1;
  for (const p of parts) radix *= p.labels.length;
  if (radix > Number.MAX_SAFE_INTEGER) throw new RangeError('intersectGroups: too many attribute combinations to key exactly');
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (const p of parts) key = key * p.labels.length + p.codes[i]!;
    keys[i] = key;
  }
  const distinct = [...new Set(keys)].sort((a, b) => a - b);
  const index = new Map(distinct.map((k, j) => [k, j]));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = index.get(keys[i]!)!;
  const labels = distinct.map((key) => {
    const pieces: string[] = [];
    for (let j = parts.length - 1; j >= 0; j--) {
      const m = parts[j]!.labels.length;
      const code = key % m;
      key = (key - code) / m;
      pieces.push(`${parts[j]!.attribute}=${parts[j]!.labels[code]}`);
    }
    return pieces.reverse().join(INTERSECTION_SEPARATOR);
  });
  return { attribute: parts.map((p) => p.attribute).join(' × '), columns: parts.flatMap((p) => p.columns), labels, codes };
}
