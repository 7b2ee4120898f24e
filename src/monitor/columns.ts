/**
 * Column helpers of the drift tests (drift.ts): counts, the non-missing values sorted, category
 * counts aligned by label across two frames, Cochran's pooling of sparse categories, and the PSI
 * over reference deciles.
 */
import { isMissing, type Column } from '../core/frame.js';
import { quantileSorted } from '../core/stats/index.js';
import { populationStabilityIndex, totals } from './stats.js';

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
 * Cochran's rule for the chi-square approximation: every cell should expect at least 5 counts in
 * each sample. Categories that expect fewer are pooled into one cell, and while that pool itself
 * still expects fewer than 5, the smallest remaining category joins it (a pool of one rare level,
 * or of a few, would otherwise keep the too-small cell and give wildly small p-values on chance
 * counts). The effect is measured on the full counts.
 */
export function lumpSparse(a: number[], b: number[]): [number[], number[]] {
  const [na, nb] = totals(a, b);
  const total = na + nb;
  const expectedMin = (col: number): number => Math.min((col * na) / total, (col * nb) / total);
  const kept: number[] = [];
  let oa = 0;
  let ob = 0;
  for (let k = 0; k < a.length; k++) {
    if (expectedMin(a[k]! + b[k]!) < 5) {
      oa += a[k]!;
      ob += b[k]!;
    } else kept.push(k);
  }
  // Smallest kept categories first into a pool that is still too small.
  kept.sort((x, y) => a[x]! + b[x]! - (a[y]! + b[y]!) || x - y);
  while (oa + ob > 0 && expectedMin(oa + ob) < 5 && kept.length > 0) {
    const k = kept.shift()!;
    oa += a[k]!;
    ob += b[k]!;
  }
  kept.sort((x, y) => x - y);
  const la = kept.map((k) => a[k]!);
  const lb = kept.map((k) => b[k]!);
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

/**
 * The Wasserstein distance two samples of an unchanged distribution show by chance: for sizes n
 * and m, |F_n − F_m|(x) is about normal with variance F(1 − F)(1/n + 1/m), so its expected
 * integral is √(2/π)·√(1/n + 1/m)·∫ √(F(1 − F)) dx, with F the reference's ECDF (`a` ascending).
 */
export function wassersteinNoise(a: Float64Array, m: number): number {
  const n = a.length;
  let integral = 0;
  for (let k = 0; k + 1 < n; k++) {
    const f = (k + 1) / n;
    integral += (a[k + 1]! - a[k]!) * Math.sqrt(f * (1 - f));
  }
  return Math.sqrt(2 / Math.PI) * Math.sqrt(1 / n + 1 / m) * integral;
}

/**
 * The Jensen-Shannon divergence (nats) two samples of one distribution over `k` categories show by
 * chance: JSD ≈ χ²/8 for close distributions, and the two-sample χ² statistic per row has
 * expectation (k − 1)(1/n + 1/m).
 */
export function jensenShannonNoise(k: number, n: number, m: number): number {
  return (Math.max(0, k - 1) * (1 / n + 1 / m)) / 8;
}
