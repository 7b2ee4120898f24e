/**
 * The exact window search behind groupThresholds (see thresholds.ts for the method and its
 * guarantees): each group's candidate thresholds with their rates and objective terms, and the
 * sweep of the window's lower end over every candidate rate with a monotone deque per group.
 */
import type { GroupThresholdOptions } from './thresholds.js';

/**
 * The double just above x (x finite): the "select nobody" threshold for a group whose largest
 * score is x.
 *
 * @example
 * nextUp(1) === 1 + Number.EPSILON; // true
 */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const f = new Float64Array([x]);
  const b = new BigInt64Array(f.buffer);
  b[0] = x > 0 ? b[0]! + 1n : b[0]! - 1n;
  return f[0]!;
}

/** Per-group candidates, in order of non-decreasing rate (descending threshold). */
export interface Candidates {
  thr: Float64Array;
  rate: Float64Array;
  /** Objective term (a whole number). */
  value: Float64Array;
}

/** Candidate thresholds of one group with their rates and objective terms. */
export function candidates(idx: number[], s: Float64Array, t: Int32Array, constraint: GroupThresholdOptions['constraint'], objective: 'accuracy' | 'balanced_accuracy', P: number, N: number): Candidates {
  const order = [...idx].sort((a, b) => s[b]! - s[a]! || a - b);
  const ng = order.length;
  let posG = 0;
  for (const i of order) posG += t[i]!;
  const negG = ng - posG;
  const thr: number[] = [nextUp(s[order[0]!]!)];
  const tps: number[] = [0];
  const fps: number[] = [0];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < ng; k++) {
    const i = order[k]!;
    tp += t[i]!;
    fp += 1 - t[i]!;
    // Close a candidate at the end of each run of equal scores.
    if (k === ng - 1 || s[order[k + 1]!]! !== s[i]!) {
      thr.push(s[i]!);
      tps.push(tp);
      fps.push(fp);
    }
  }
  const c = thr.length;
  const out: Candidates = { thr: Float64Array.from(thr), rate: new Float64Array(c), value: new Float64Array(c) };
  for (let j = 0; j < c; j++) {
    const TP = tps[j]!;
    const TN = negG - fps[j]!;
    out.rate[j] = constraint === 'demographic_parity' ? (TP + fps[j]!) / ng : TP / posG;
    out.value[j] = objective === 'accuracy' ? TP + TN : TP * N + TN * P;
  }
  return out;
}

/** Candidate a beats b: larger objective term, then closer to defaultThreshold, then higher. */
export function better(c: Candidates, a: number, b: number, def: number): boolean {
  if (c.value[a] !== c.value[b]) return c.value[a]! > c.value[b]!;
  const da = Math.abs(c.thr[a]! - def);
  const db = Math.abs(c.thr[b]! - def);
  if (da !== db) return da < db;
  return c.thr[a]! > c.thr[b]!;
}

/** The window sweep: index of the chosen candidate per constrained group. */
export function sweep(groups: readonly Candidates[], tol: number, def: number): Int32Array {
  const G = groups.length;
  const best = new Int32Array(G);
  if (G === 0) return best;
  const Ls = [...new Set(groups.flatMap((c) => [...c.rate]))].sort((a, b) => a - b);
  const lo = new Int32Array(G);
  const hi = new Int32Array(G);
  const dq = groups.map((c) => new Int32Array(c.thr.length));
  const head = new Int32Array(G);
  const tail = new Int32Array(G);
  let bestTotal = -Infinity;
  let bestGap = Infinity;
  for (const L of Ls) {
    let ok = true;
    for (let k = 0; k < G && ok; k++) {
      const c = groups[k]!;
      const q = dq[k]!;
      const m = c.thr.length;
      while (hi[k]! < m && c.rate[hi[k]!]! - L <= tol) {
        const j = hi[k]!;
        while (tail[k]! > head[k]! && better(c, j, q[tail[k]! - 1]!, def)) tail[k]!--;
        q[tail[k]!++] = j;
        hi[k]!++;
      }
      while (lo[k]! < m && c.rate[lo[k]!]! < L) lo[k]!++;
      while (tail[k]! > head[k]! && q[head[k]!]! < lo[k]!) head[k]!++;
      ok = tail[k]! > head[k]!;
    }
    if (!ok) continue;
    let total = 0;
    let rmin = Infinity;
    let rmax = -Infinity;
    for (let k = 0; k < G; k++) {
      const j = dq[k]![head[k]!]!;
      total += groups[k]!.value[j]!;
      rmin = Math.min(rmin, groups[k]!.rate[j]!);
      rmax = Math.max(rmax, groups[k]!.rate[j]!);
    }
    const gap = rmax - rmin;
    if (total > bestTotal || (total === bestTotal && gap < bestGap)) {
      bestTotal = total;
      bestGap = gap;
      for (let k = 0; k < G; k++) best[k] = dq[k]![head[k]!]!;
    }
  }
  return best;
}
