/**
 * The best categorical cut of a forest node (see split.ts for the channel gain): categories (runs
 * of the bin-ordered rows with one bin; the missing bin is one more category) are ordered by their
 * share of the node's majority channel (regression: the mean), and prefixes of that order are
 * scanned — exact for regression and binary targets (Fisher 1958), a heuristic for multiclass.
 * Cost O(m + categories · log categories).
 *
 * @example
 * categoricalCut(bins.subarray(f * n, f * n + n), f, nb, m, ch, val, node, 1, scratch, best);
 */
import type { ForestSplit, NodeStats, SplitScratch } from './split.js';

export function categoricalCut(col: Uint8Array, f: number, nb: number, m: number, ch: Int32Array, val: Float64Array, node: NodeStats, minLeaf: number, s: SplitScratch, best: ForestSplit): void {
  const order = s.order;
  const P = node.sums;
  // The node's majority channel (regression: the only one) keys the category order.
  let major = 0;
  for (let c = 1; c < P.length; c++) if (P[c]! > P[major]!) major = c;
  const groups: { bin: number; start: number; end: number; key: number }[] = [];
  for (let k = 0; k < m; ) {
    const b = col[order[k]!]!;
    let e = k;
    let sum = 0;
    while (e < m && col[order[e]!] === b) {
      const r = order[e]!;
      if (ch[r] === major) sum += val[r]!;
      e++;
    }
    groups.push({ bin: b, start: k, end: e, key: sum / (e - k) });
    k = e;
  }
  groups.sort((a, b) => a.key - b.key || a.bin - b.bin);
  const L = s.left;
  L.fill(0);
  let sqL = 0;
  let sqR = node.sumSq;
  let cl = 0;
  const parent = node.sumSq / m;
  let bestK = -1;
  let bestGain = best.gain;
  for (let g = 0; g + 1 < groups.length; g++) {
    const grp = groups[g]!;
    for (let k = grp.start; k < grp.end; k++) {
      const r = order[k]!;
      const c = ch[r]!;
      const v = val[r]!;
      const lc = L[c]!;
      const rc = P[c]! - lc;
      sqL += 2 * lc * v + v * v;
      sqR += v * v - 2 * rc * v;
      L[c] = lc + v;
      cl++;
    }
    if (cl < minLeaf) continue;
    if (m - cl < minLeaf) break;
    const gain = sqL / cl + sqR / (m - cl) - parent;
    if (gain > bestGain) {
      bestGain = gain;
      bestK = g;
    }
  }
  if (bestK < 0) return;
  const flags = new Uint8Array(nb);
  for (let g = 0; g <= bestK; g++) flags[groups[g]!.bin] = 1;
  best.feature = f;
  best.gain = bestGain;
  best.bin = -1;
  best.catLeft = flags;
  best.missingLeft = flags[nb - 1] === 1;
}
