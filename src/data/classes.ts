/**
 * A classification target as class codes: the one encoding that task inference, metric
 * recommendation, the profile's association and the validation checks all use.
 *
 * Classes are the distinct present values: categorical levels in level order (unused levels
 * dropped), booleans as 'false'/'true', numbers in numeric order (written with `String`), datetimes
 * as ISO strings, text sorted. `codes: Int32Array[n]` index `classes`, -1 where the target is missing.
 *
 * @example
 * encodeClasses(categoricalColumn('y', Int32Array.of(1, -1, 1, 0), ['bad', 'good']));
 * // { codes: [1, -1, 1, 0], classes: ['bad', 'good'], counts: [1, 2] }
 */
import type { Column } from '../core/frame.js';
import { BOOL_MISSING } from '../core/frame.js';

export interface EncodedClasses {
  codes: Int32Array;
  classes: string[];
  counts: number[];
}

export function encodeClasses(col: Column): EncodedClasses {
  const n = col.kind === 'categorical' ? col.codes.length : col.values.length;
  const raw = new Int32Array(n);
  let labels: string[];
  switch (col.kind) {
    case 'categorical':
      raw.set(col.codes);
      labels = col.levels;
      break;
    case 'boolean':
      for (let i = 0; i < n; i++) raw[i] = col.values[i] === BOOL_MISSING ? -1 : col.values[i]!;
      labels = ['false', 'true'];
      break;
    case 'numeric':
    case 'datetime': {
      const distinct = [...new Set(col.values.filter((v) => v === v))].map((v) => (v === 0 ? 0 : v)).sort((a, b) => a - b);
      const unique = distinct.filter((v, i) => i === 0 || v !== distinct[i - 1]);
      const index = new Map(unique.map((v, j) => [v, j]));
      for (let i = 0; i < n; i++) {
        const v = col.values[i]!;
        raw[i] = v !== v ? -1 : index.get(v === 0 ? 0 : v)!;
      }
      labels = unique.map((v) => (col.kind === 'datetime' ? new Date(v).toISOString() : String(v)));
      break;
    }
    case 'text': {
      labels = [...new Set(col.values.filter((v): v is string => v !== null))].sort();
      const index = new Map(labels.map((l, j) => [l, j]));
      for (let i = 0; i < n; i++) raw[i] = col.values[i] === null ? -1 : index.get(col.values[i]!)!;
      break;
    }
  }
  // Drop labels no row uses, renumbering so codes stay dense.
  const used = new Array<number>(labels.length).fill(0);
  for (let i = 0; i < n; i++) if (raw[i]! >= 0) used[raw[i]!]!++;
  const remap = new Int32Array(labels.length).fill(-1);
  const classes: string[] = [];
  const counts: number[] = [];
  used.forEach((c, k) => {
    if (c > 0) {
      remap[k] = classes.length;
      classes.push(labels[k]!);
      counts.push(c);
    }
  });
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = raw[i]! < 0 ? -1 : remap[raw[i]!]!;
  return { codes, classes, counts };
}
