/**
 * Split search of forest trees over several target channels (STYLE.md §4: pure functions over
 * typed arrays, buffers passed in).
 *
 * Targets as channels. Row r adds `val[r]` to channel `ch[r]` of K channels: classification puts
 * 1 in the channel of its class (K = classes), regression puts its (centred) value in channel 0
 * (K = 1). With S_c the channel sums of a node of m rows, the impurity decrease of a split is
 *   gain = Σ_c SL_c² / mL + Σ_c SR_c² / mR − Σ_c S_c² / m,
 * which is m × the Gini decrease for class indicators (m·Gini = m − Σ S_c²/m, and the m terms
 * cancel) and the squared-error (variance) reduction for regression: the GBDT's leaf-weight gain
 * with gradient −y, hessian 1 and no L2, summed over channels. Moving one row from right to left
 * changes one channel, so Σ SL² and Σ SR² update in O(1) and a scan costs O(m), not O(m·K).
 *
 * Best cuts (random forest): a node's rows are ordered by bin (counting sort, O(m + bins);
 * insertion sort for tiny nodes) and scanned once per missing-value direction. Random cuts
 * (extra trees, random-cut.ts): one uniform bin cut between the node's smallest and largest value
 * bin, O(m).
 * Categorical features: categories (the missing bin as one more) ordered by their share of the
 * node's majority class (regression: mean), prefixes scanned — exact for regression and binary
 * (Fisher 1958, Breiman et al. 1984), a heuristic for multiclass; extra trees draw a random subset.
 *
 * @example
 * const best = emptyForestSplit();
 * bestCut(bins, n, f, nBins[f], isCat[f] === 1, rows, start, end, ch, val, node, 1, scratch, best);
 */
import { categoricalCut } from './categorical-cut.js';

/**
 * A node's channel sums: `sums: Float64Array[K]`, `sumSq` = Σ_c sums_c², `count` rows.
 *
 * @example
 * const node: NodeStats = { sums: new Float64Array(k), sumSq: 0, count: 0 };
 */
export interface NodeStats {
  sums: Float64Array;
  sumSq: number;
  count: number;
}

/**
 * A candidate split; `feature` is -1 while none is found. Same meaning of `bin`, `catLeft` and
 * `missingLeft` as the GBDT's SplitInfo, so grown trees flatten with the GBDT's `flatten`.
 *
 * @example
 * const s: ForestSplit = emptyForestSplit();
 */
export interface ForestSplit {
  feature: number;
  gain: number;
  /** Numeric: value bins `<= bin` go left (-1: only missing goes left). */
  bin: number;
  /** Categorical: `Uint8Array[nBins]`, 1 for bins that go left (missing bin included). */
  catLeft: Uint8Array | null;
  missingLeft: boolean;
}

/**
 * An empty split record.
 *
 * @example
 * emptyForestSplit().feature; // -1
 */
export function emptyForestSplit(): ForestSplit {
  return { feature: -1, gain: -Infinity, bin: -1, catLeft: null, missingLeft: false };
}

/**
 * Reusable buffers of split search: `order: Int32Array[n]` (rows by bin), `left: Float64Array[K]`,
 * `count: Int32Array[257]` (counting sort), `missing: Float64Array[K]`.
 *
 * @example
 * const scratch = makeSplitScratch(n, k);
 */
export interface SplitScratch {
  order: Int32Array;
  left: Float64Array;
  missing: Float64Array;
  count: Int32Array;
}

/**
 * Split-search buffers for `n` rows and `k` channels.
 *
 * @example
 * makeSplitScratch(1000, 3).left.length; // 3
 */
export function makeSplitScratch(n: number, k: number): SplitScratch {
  return { order: new Int32Array(n), left: new Float64Array(k), missing: new Float64Array(k), count: new Int32Array(257) };
}

/**
 * Channel sums of rows `rows[start..end)` into `out` (sums zeroed first). Returns Σ val² (for the
 * purity test: impurity = Σ val² − sumSq / count).
 *
 * @example
 * const sumV2 = nodeStats(rows, 0, n, ch, val, stats);
 */
export function nodeStats(rows: Int32Array, start: number, end: number, ch: Int32Array, val: Float64Array, out: NodeStats): number {
  out.sums.fill(0);
  let v2 = 0;
  for (let k = start; k < end; k++) {
    const r = rows[k]!;
    const v = val[r]!;
    out.sums[ch[r]!] = out.sums[ch[r]!]! + v;
    v2 += v * v;
  }
  let sq = 0;
  for (let c = 0; c < out.sums.length; c++) sq += out.sums[c]! * out.sums[c]!;
  out.sumSq = sq;
  out.count = end - start;
  return v2;
}

/** Rows `rows[start..end)` ordered by their bin of feature f into `order[0..m)` (stable). */
function sortByBin(col: Uint8Array, nb: number, rows: Int32Array, start: number, end: number, order: Int32Array, count: Int32Array): void {
  const m = end - start;
  if (m <= 24) {
    for (let k = 0; k < m; k++) {
      const r = rows[start + k]!;
      const b = col[r]!;
      let j = k;
      while (j > 0 && col[order[j - 1]!]! > b) {
        order[j] = order[j - 1]!;
        j--;
      }
      order[j] = r;
    }
    return;
  }
  count.fill(0, 0, nb + 1);
  for (let k = start; k < end; k++) count[col[rows[k]!]! + 1]!++;
  for (let b = 1; b <= nb; b++) count[b] = count[b]! + count[b - 1]!;
  for (let k = start; k < end; k++) {
    const r = rows[k]!;
    order[count[col[r]!]!++] = r;
  }
}

/**
 * Updates `best` with the best cut of feature `f` (`nb` bins, the last one missing) for the node
 * of rows `rows[start..end)` with stats `node`; each child keeps at least `minLeaf` rows.
 * Returns false when the feature is constant in the node (a draw that does not count).
 *
 * @example
 * bestCut(bins, n, 3, 256, false, rows, 0, n, ch, val, node, 1, scratch, best);
 */
export function bestCut(
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
  best: ForestSplit,
): boolean {
  const col = bins.subarray(f * n, (f + 1) * n);
  const m = end - start;
  const order = s.order;
  sortByBin(col, nb, rows, start, end, order, s.count);
  if (col[order[0]!] === col[order[m - 1]!]) return false;
  if (isCat) {
    categoricalCut(col, f, nb, m, ch, val, node, minLeaf, s, best);
    return true;
  }
  const P = node.sums;
  const L = s.left;
  const parent = node.sumSq / m;
  const missingBin = nb - 1;
  let nVal = m;
  while (nVal > 0 && col[order[nVal - 1]!] === missingBin) nVal--;
  const nMiss = m - nVal;
  for (let pass = 0; pass < (nMiss > 0 ? 2 : 1); pass++) {
    L.fill(0);
    let sqL = 0;
    let sqR = node.sumSq;
    let cl = 0;
    const add = (r: number): void => {
      const c = ch[r]!;
      const v = val[r]!;
      const lc = L[c]!;
      const rc = P[c]! - lc;
      sqL += 2 * lc * v + v * v;
      sqR += v * v - 2 * rc * v;
      L[c] = lc + v;
      cl++;
    };
    if (pass === 1) {
      for (let k = nVal; k < m; k++) add(order[k]!);
      // Missing alone on the left against every value.
      if (nVal > 0 && cl >= minLeaf && m - cl >= minLeaf) consider(f, -1, true, sqL / cl + sqR / (m - cl) - parent, best);
    }
    for (let k = 0; k + 1 < nVal; k++) {
      const r = order[k]!;
      add(r);
      const b = col[r]!;
      if (col[order[k + 1]!] === b) continue;
      const cr = m - cl;
      if (cl < minLeaf) continue;
      if (cr < minLeaf) break;
      // Without missing rows in the node, unseen missing values follow the bigger side.
      consider(f, b, pass === 1 || (nMiss === 0 && cl > cr), sqL / cl + sqR / cr - parent, best);
    }
  }
  return true;
}

/**
 * Keeps a numeric cut in `best` when its gain is strictly greater (shared with random-cut.ts).
 *
 * @example
 * consider(f, bin, false, gain, best);
 */
export function consider(f: number, bin: number, missingLeft: boolean, gain: number, best: ForestSplit): void {
  if (gain > best.gain) {
    best.feature = f;
    best.gain = gain;
    best.bin = bin;
    best.catLeft = null;
    best.missingLeft = missingLeft;
  }
}
