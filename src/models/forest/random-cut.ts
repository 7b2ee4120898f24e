/**
 * Extra trees' cut (see split.ts for the channel sums and the gain): one random threshold, or one
 * random category subset, per feature, scored against the node.
 *
 * @example
 * randomCut(bins, n, f, nb, false, rows, 0, n, ch, val, node, 1, scratch, (k) => rng.int(k), best);
 */
import { consider, type ForestSplit, type NodeStats, type SplitScratch } from './split.js';

/**
 * Extra trees: one random cut of feature `f` — a uniform bin threshold between the node's smallest
 * and largest value bin (categorical: a uniform random non-trivial subset of the node's
 * categories) — scored and kept in `best` if it beats it. Missing rows go to the side that scores
 * better. `draw(k)` is a uniform integer in [0, k) (the caller's forked Rng). Returns false when
 * the feature is constant in the node. Cost O(m + K).
 *
 * @example
 * randomCut(bins, n, f, nb, false, rows, 0, n, ch, val, node, 1, scratch, (k) => rng.int(k), best);
 */
export function randomCut(
  bins: Uint8Array,
  n: number,
  f: number,
  nb: number,
  isCat: boolean,
  rows: Int32Array,
  start: number,
  end: number,
  ch: Int32Array,
  val: Float64Array,
  node: NodeStats,
  minLeaf: number,
  s: SplitScratch,
  draw: (k: number) => number,
  best: ForestSplit,
): boolean {
  const col = bins.subarray(f * n, (f + 1) * n);
  const missingBin = nb - 1;
  const m = end - start;
  let lo = 256;
  let hi = -1;
  let nMiss = 0;
  for (let k = start; k < end; k++) {
    const b = col[rows[k]!]!;
    if (b === missingBin) nMiss++;
    else {
      if (b < lo) lo = b;
      if (b > hi) hi = b;
    }
  }
  let flags: Uint8Array | null = null;
  let cut = -1;
  if (isCat) {
    // Present categories, the missing bin as one more; each goes left with probability 1/2.
    const present = new Uint8Array(nb);
    for (let k = start; k < end; k++) present[col[rows[k]!]!] = 1;
    const cats: number[] = [];
    for (let b = 0; b < nb; b++) if (present[b]) cats.push(b);
    if (cats.length < 2) return false;
    flags = new Uint8Array(nb);
    let nLeft = 0;
    for (const b of cats) {
      if (draw(2) === 1) {
        flags[b] = 1;
        nLeft++;
      }
    }
    // A trivial subset (all or none) flips one random category.
    if (nLeft === 0 || nLeft === cats.length) {
      const b = cats[draw(cats.length)]!;
      flags[b] = flags[b] ? 0 : 1;
    }
  } else {
    if (hi < 0 || (lo === hi && nMiss === 0)) return false;
    if (lo === hi) {
      cut = -1; // one value bin plus missing rows: the only cut separates missing
    } else cut = lo + draw(hi - lo);
  }
  const L = s.left;
  const M = s.missing;
  L.fill(0);
  M.fill(0);
  let cl = 0;
  for (let k = start; k < end; k++) {
    const r = rows[k]!;
    const b = col[r]!;
    if (flags ? flags[b] === 1 : b !== missingBin && b <= cut) {
      L[ch[r]!] = L[ch[r]!]! + val[r]!;
      cl++;
    } else if (!flags && b === missingBin) M[ch[r]!] = M[ch[r]!]! + val[r]!;
  }
  const P = node.sums;
  const parent = node.sumSq / m;
  const score = (withMissing: boolean, nl: number): number => {
    let sqL = 0;
    let sqR = 0;
    for (let c = 0; c < P.length; c++) {
      const l = L[c]! + (withMissing ? M[c]! : 0);
      sqL += l * l;
      sqR += (P[c]! - l) * (P[c]! - l);
    }
    return sqL / nl + sqR / (m - nl) - parent;
  };
  if (flags) {
    if (cl >= minLeaf && m - cl >= minLeaf) {
      const gain = score(false, cl);
      if (gain > best.gain) {
        best.feature = f;
        best.gain = gain;
        best.bin = -1;
        best.catLeft = flags;
        best.missingLeft = flags[nb - 1] === 1;
      }
    }
    return true;
  }
  // Missing right, then missing left (only when the node has missing rows).
  if (cut >= 0 && cl >= minLeaf && m - cl >= minLeaf) consider(f, cut, nMiss === 0 && cl > m - cl, score(false, cl), best);
  if (nMiss > 0 && cl + nMiss >= minLeaf && m - cl - nMiss >= minLeaf) consider(f, cut, true, score(true, cl + nMiss), best);
  return true;
}
