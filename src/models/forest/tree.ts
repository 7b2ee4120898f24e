/**
 * Growing one forest tree over binned data (the GBDT's `BinnedData`), as the GBDT's
 * {@link GrownTree} so its `flatten` and `leafOfBinned` serve here too, plus K values per leaf.
 *
 * Growth. With `maxLeaves` 0 the tree grows depth-first until leaves are pure, hold fewer than
 * 2·minLeaf rows, or reach `maxDepth` (scikit-learn's fully grown trees); with `maxLeaves` > 0 it
 * grows best-first by impurity decrease (LightGBM's leaf-wise order) up to that many leaves.
 * Each split draws features without replacement (a persistent partial Fisher-Yates permutation)
 * until `mtry` non-constant ones were tried (constant ones do not count, as in scikit-learn), and
 * keeps the best cut among them (random forest) or the best of one random cut each (extra trees).
 * A split is taken whenever one is valid, even at zero gain (XOR-like rules need it).
 *
 * Rows are a range of one index array partitioned in place (stably); a bootstrap sample is that
 * array with repeated rows, so counts act as weights at no extra cost.
 *
 * @example
 * const { tree, values } = growForestTree(data, target, rows, rows.length, params, rng, scratch);
 * values.length === tree.leafValue.length * target.k;
 */
import type { Rng } from '../../core/rng.js';
import { pushSplitNode, type GrownTree } from '../gbdt/grower.js';
import type { BinnedData } from '../gbdt/kernels.js';
import { randomCut } from './random-cut.js';
import { bestCut, emptyForestSplit, makeSplitScratch, nodeStats, type ForestSplit, type NodeStats, type SplitScratch } from './split.js';

/**
 * The target as channels (see split.ts): row r adds `val[r]` to channel `ch[r]` of `k`; a leaf's
 * value c is its channel mean plus `offset` (the centring of a regression target; 0 for classes).
 *
 * @example
 * const t: ChannelTarget = { k: 3, ch: codes, val: new Float64Array(n).fill(1), offset: 0 };
 */
export interface ChannelTarget {
  k: number;
  /** `Int32Array[n]`. */
  ch: Int32Array;
  /** `Float64Array[n]`. */
  val: Float64Array;
  offset: number;
}

/**
 * Shape and randomisation of a tree.
 *
 * @example
 * const p: TreeParams = { mtry: 4, maxDepth: 0, minLeaf: 1, maxLeaves: 0, randomCuts: false };
 */
export interface TreeParams {
  /** Non-constant features tried per split. */
  mtry: number;
  /** 0: unlimited. */
  maxDepth: number;
  minLeaf: number;
  /** 0: unlimited (depth-first); else best-first up to this many leaves. */
  maxLeaves: number;
  /** Extra trees: one random cut per tried feature instead of the best. */
  randomCuts: boolean;
}

/**
 * Buffers reused across the trees of one fit.
 *
 * @example
 * const scratch = makeTreeScratch(data, target.k);
 */
export interface TreeScratch {
  split: SplitScratch;
  /** Right-hand rows during a partition, `Int32Array[n]`. */
  tmp: Int32Array;
  /** Feature permutation, `Int32Array[nFeatures]`. */
  perm: Int32Array;
}

/**
 * Scratch for trees over `data` with `k` channels.
 *
 * @example
 * makeTreeScratch(data, 2);
 */
export function makeTreeScratch(data: BinnedData, k: number): TreeScratch {
  const nf = data.layout.nBins.length;
  return { split: makeSplitScratch(data.n, k), tmp: new Int32Array(data.n), perm: Int32Array.from({ length: nf }, (_, f) => f) };
}

interface Node {
  start: number;
  end: number;
  depth: number;
  stats: NodeStats;
  split: ForestSplit;
  parent: number;
  isLeft: boolean;
}

/**
 * Grows one tree on `rows[0..nRows)` (reordered in place; repeats allowed). Returns the tree
 * (leafValue holds each leaf's row count) and `values: Float64Array[leaves * k]`, leaf-major.
 *
 * @example
 * growForestTree(data, target, rows, n, { mtry: 4, maxDepth: 0, minLeaf: 1, maxLeaves: 0, randomCuts: false }, rng, scratch);
 */
export function growForestTree(data: BinnedData, target: ChannelTarget, rows: Int32Array, nRows: number, p: TreeParams, rng: Rng, scratch: TreeScratch): { tree: GrownTree; values: Float64Array } {
  const tree: GrownTree = { feature: [], bin: [], catLeft: [], missingLeft: [], left: [], right: [], gain: [], leafValue: [], leafStart: [], leafEnd: [] };
  const { ch, val, k } = target;
  if (data.rowMajor) throw new Error('growForestTree: expects column-major bins');
  const { bins, n } = data;
  const { nBins, isCat } = data.layout;
  const nf = nBins.length;
  const perm = scratch.perm;
  const draw = (m: number): number => rng.int(m);

  const evaluate = (node: Node): void => {
    const m = node.end - node.start;
    const sumV2 = nodeStats(rows, node.start, node.end, ch, val, node.stats);
    node.split = emptyForestSplit();
    if (m < 2 * p.minLeaf || (p.maxDepth > 0 && node.depth >= p.maxDepth)) return;
    // Pure node (every row in one class / one value): nothing to gain.
    if (sumV2 - node.stats.sumSq / m <= 1e-10 * sumV2) return;
    let tried = 0;
    for (let j = 0; j < nf && tried < p.mtry; j++) {
      const pick = j + rng.int(nf - j);
      const f = perm[pick]!;
      perm[pick] = perm[j]!;
      perm[j] = f;
      const cat = isCat[f] === 1;
      const informative = p.randomCuts
        ? randomCut(bins, n, f, nBins[f]!, cat, rows, node.start, node.end, ch, val, node.stats, p.minLeaf, scratch.split, draw, node.split)
        : bestCut(bins, n, f, nBins[f]!, cat, rows, node.start, node.end, ch, val, node.stats, p.minLeaf, scratch.split, node.split);
      if (informative) tried++;
    }
  };
  const makeNode = (start: number, end: number, depth: number, parent: number, isLeft: boolean): Node => ({
    start,
    end,
    depth,
    stats: { sums: new Float64Array(k), sumSq: 0, count: 0 },
    split: emptyForestSplit(),
    parent,
    isLeft,
  });

  const leaves: Node[] = [makeNode(0, nRows, 0, -1, false)];
  evaluate(leaves[0]!);
  // Leaves with a split to take: a stack (depth-first) or scanned for the largest gain (best-first).
  const pending: number[] = leaves[0]!.split.feature >= 0 ? [0] : [];
  while (pending.length > 0 && (p.maxLeaves === 0 || leaves.length < p.maxLeaves)) {
    let at = pending.length - 1;
    if (p.maxLeaves > 0) for (let i = 0; i < pending.length; i++) if (leaves[pending[i]!]!.split.gain > leaves[pending[at]!]!.split.gain) at = i;
    const li = pending[at]!;
    pending[at] = pending[pending.length - 1]!;
    pending.pop();
    const leaf = leaves[li]!;
    const s = leaf.split;
    const mid = partition(data, rows, leaf.start, leaf.end, s, scratch.tmp);
    const id = pushSplitNode(tree, s, leaf.parent, leaf.isLeft);
    const left = makeNode(leaf.start, mid, leaf.depth + 1, id, true);
    const right = makeNode(mid, leaf.end, leaf.depth + 1, id, false);
    leaves[li] = left;
    leaves.push(right);
    evaluate(left);
    evaluate(right);
    // Right pushed first so the left child is grown first (depth-first, left to right).
    if (right.split.feature >= 0) pending.push(leaves.length - 1);
    if (left.split.feature >= 0) pending.push(li);
  }

  const values = new Float64Array(leaves.length * k);
  leaves.forEach((l, i) => {
    if (l.parent >= 0) (l.isLeft ? tree.left : tree.right)[l.parent] = ~i;
    const m = l.end - l.start;
    for (let c = 0; c < k; c++) values[i * k + c] = l.stats.sums[c]! / m + target.offset;
    tree.leafValue.push(m);
    tree.leafStart.push(l.start);
    tree.leafEnd.push(l.end);
  });
  return { tree, values };
}

/** Stable in-place partition of `rows[start..end)` by split `s`; returns the boundary. */
function partition(data: BinnedData, rows: Int32Array, start: number, end: number, s: ForestSplit, tmp: Int32Array): number {
  const col = data.bins.subarray(s.feature * data.n, (s.feature + 1) * data.n);
  const missing = data.layout.nBins[s.feature]! - 1;
  const cat = s.catLeft;
  let l = start;
  let r = 0;
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    const b = col[row]!;
    const goLeft = cat ? cat[b] === 1 : b === missing ? s.missingLeft : b <= s.bin;
    if (goLeft) rows[l++] = row;
    else tmp[r++] = row;
  }
  rows.set(tmp.subarray(0, r), l);
  return l;
}
