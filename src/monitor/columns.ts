/**
 * Column helpers of the drift tests (drift.ts): counts, the non-missing values sorted, category
 * counts aligned by label across two frames, Cochran's pooling of sparse categories, and the PSI
 * over reference deciles.
 */
import { isMissing, type Column } from '../core/frame.js';
import { quantileSorted } from '../core/stats/index.js';
import { populationStabilityIndex } from './stats.js';

export function length(c: Column): number {
  return c.kind === 'categorical' ? c.codes.length : c.values.length;
}

export function countMissing(c: Column): number {
  const n = length(c);
  let k = 0;
  for (let i = 0; i < n; i++) if (isMissing(c, i)) k++;
  return k;
}

/** The non-missing values, ascending. */
export function present(values: Float64Array): Float64Array {
  let k = 0;
  for (const v of values) if (!Number.isNaN(v)) k++;
  const out = new Float64Array(k);
  k = 0;
  for (const v of values) if (!Number.isNaN(v)) out[k++] = v;
  return out.sort();
}

export function standardDeviation(a: Float64Array): number {
  let mean = 0;
  for (const v of a) mean += v;
  mean /= a.length;
  let ss = 0;
  for (const v of a) ss += (v - mean) ** 2;
  return Math.sqrt(ss / Math.max(1, a.length - 1));
}

/** Counts of both columns over the union of their levels (by label: the codes of two frames differ). */
export function alignedCounts(ref: Column, cur: Column): [number[], number[]] {
  const index = new Map<string, number>();
  const a: number[] = [];
  const b: number[] = [];
  const add = (c: Column, into: number[]): void => {
    const n = length(c);
    for (let i = 0; i < n; i++) {
      if (isMissing(c, i)) continue;
      const label = c.kind === 'categorical' ? c.levels[c.codes[i]!]! : c.kind === 'boolean' ? String(c.values[i] === 1) : '';
      let k = index.get(label);
      if (k === undefined) {
        index.set(label, (k = a.length));
        a.push(0);
        b.push(0);
      }
      into[k]!++;
    }
  };
  add(ref, a);
  add(cur, b);
  return [a, b];
}

/**
 * Categories whose expected count is under 5 in either sample are pooled into one, so that the
 * chi-square approximation holds (Cochran's rule); the effect is measured on the full counts.
 */
export function lumpSparse(a: number[], b: number[]): [number[], number[]] {
  let na = 0;
  let nb = 0;
  for (let k = 0; k < a.length; k++) {
    na += a[k]!;
    nb += b[k]!;
  }
  const total = na + nb;
  const la: number[] = [];
  const lb: number[] = [];
  let oa = 0;
  let ob = 0;
  for (let k = 0; k < a.length; k++) {
    const col = a[k]! + b[k]!;
    if (Math.min((col * na) / total, (col * nb) / total) < 5) {
      oa += a[k]!;
      ob += b[k]!;
    } else {
      la.push(a[k]!);
      lb.push(b[k]!);
    }
  }
  if (oa + ob > 0) {
    la.push(oa);
    lb.push(ob);
  }
  return [la, lb];
}

/** PSI over the reference's deciles (distinct edges only, so tied data gets fewer bins). */
export function quantilePsi(a: Float64Array, b: Float64Array): number {
  const edges: number[] = [];
  for (let q = 1; q < 10; q++) {
    const e = quantileSorted(a, q / 10);
    if (edges.length === 0 || e > edges[edges.length - 1]!) edges.push(e);
  }
  const bin = (x: Float64Array): number[] => {
    const counts = new Array<number>(edges.length + 1).fill(0);
    let k = 0;
    for (const v of x) {
      while (k < edges.length && v > edges[k]!) k++;
      counts[k]!++;
    }
    return counts;
  };
  return populationStabilityIndex(bin(a), bin(b));
}
