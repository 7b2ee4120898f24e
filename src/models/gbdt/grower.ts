/**
 * Leaf-wise (best-first) tree growth, as LightGBM: among the current leaves, split the one whose
 * best split has the largest gain, until `maxLeaves` leaves or no split gains. `maxDepth` (0 = no
 * limit) bounds depth as well.
 *
 * Costs. Rows are partitioned in place over one index array, so a leaf is a range
 * `rows[start..end)`. Of two new children only the smaller's histogram is built from its rows
 * (O(rows x features)); the larger one's is the parent's minus the smaller's (O(bins), the
 * subtraction trick), written over the parent's buffer. Histogram buffers are recycled through a
 * pool, so a tree allocates at most one buffer per simultaneously open leaf, and none once the pool is warm.
 *
 * @example
 * const tree = growTree(data, grad, hess, rows, rows.length, features, features.length, params, scratch);
 * tree.leafValue.length; // number of leaves
 */
import { PARALLEL_MIN_WORK, type HistSession } from './hist-pool.js';
import { buildHistogram, gatherGradients, subtractHistogram } from './histogram.js';
import { emptySplit, findBestSplit, leafWeight, type HistLayout, type SplitInfo, type SplitParams } from './splitter.js';

/**
 * Binned training data (see histogram.ts for the layout).
 *
 * @example
 * const data: BinnedData = binFrame(frame, mappers, levelsOf(frame));
 */
export interface BinnedData {
  /** Rows. */
  n: number;
  /** `Uint8Array[nFeatures * n]`, column-major. */
  bins: Uint8Array;
  layout: HistLayout;
  /** Sum of nBins over features: a histogram has `totalBins * 3` slots. */
  totalBins: number;
}

/**
 * Split parameters plus the tree's size limits and the learning rate.
 *
 * @example
 * const p: GrowParams = { ...splitParams, maxLeaves: 31, maxDepth: 0, learningRate: 0.05 };
 */
export interface GrowParams extends SplitParams {
  maxLeaves: number;
  /** 0: unlimited. */
  maxDepth: number;
  learningRate: number;
}

/**
 * A grown tree over bins (see {@link growTree}; `flatten` turns it into serving arrays). Internal nodes are indexed from 0 (node 0 is the root when there is one);
 * a child < 0 is the leaf `~child`. A tree with no split has one leaf and no nodes.
 *
 * @example
 * const t: GrownTree = growTree(data, g, h, rows, n, features, nf, params, scratch);
 */
export interface GrownTree {
  feature: number[];
  /** Numeric split: value bins <= bin go left. */
  bin: number[];
  /** Categorical split: per-bin flags (1 = left), else null. */
  catLeft: (Uint8Array | null)[];
  missingLeft: boolean[];
  left: number[];
  right: number[];
  gain: number[];
  /** Leaf outputs, already scaled by the learning rate. */
  leafValue: number[];
  /** Leaf row ranges in the partitioned `rows` (valid until the next tree). */
  leafStart: number[];
  leafEnd: number[];
}

/**
 * Appends an internal node for split `s` to `tree` and links it as the left or right child of
 * `parent` (-1 for the root); returns the node's index. Children are linked when they split in
 * turn (leaves are encoded later by `flatten`). Shared by the GBDT grower and the forest's.
 *
 * @example
 * const node = pushSplitNode(tree, leaf.split, leaf.parent, leaf.isLeft);
 */
export function pushSplitNode(
  tree: GrownTree,
  s: { feature: number; bin: number; catLeft: Uint8Array | null; missingLeft: boolean; gain: number },
  parent: number,
  isLeft: boolean,
): number {
  const node = tree.feature.length;
  tree.feature.push(s.feature);
  tree.bin.push(s.bin);
  tree.catLeft.push(s.catLeft);
  tree.missingLeft.push(s.missingLeft);
  tree.gain.push(s.gain);
  tree.left.push(0);
  tree.right.push(0);
  if (parent >= 0) (isLeft ? tree.left : tree.right)[parent] = node;
  return node;
}

/**
 * Reusable buffers of one fit (allocated once, sized for n rows).
 *
 * @example
 * const scratch: GrowScratch = makeScratch(n);
 */
export interface GrowScratch {
  ordG: Float64Array;
  ordH: Float64Array;
  /** Right-hand rows during a stable partition. */
  tmp: Int32Array;
  pool: Float64Array[];
  /** Parallel histogram session (threads > 1): `ordG/ordH` are its buffers, `rows` must be its `rows`. */
  par: HistSession | null;
}

/**
 * Scratch buffers for growing trees on `n` rows; with a parallel session, its shared buffers.
 *
 * @example
 * const scratch = makeScratch(data.n);
 */
export function makeScratch(n: number, par: HistSession | null = null): GrowScratch {
  if (par) return { ordG: par.ordG, ordH: par.ordH, tmp: new Int32Array(n), pool: [], par };
  return { ordG: new Float64Array(n), ordH: new Float64Array(n), tmp: new Int32Array(n), pool: [], par: null };
}

interface OpenLeaf {
  start: number;
  end: number;
  depth: number;
  g: number;
  h: number;
  hist: Float64Array | null;
  split: SplitInfo;
  /** Node whose child pointer leads here (-1: the root), and which side. */
  parent: number;
  isLeft: boolean;
}

/**
 * Grows one tree on `rows[0..nRows)` (reordered in place) with gradients `grad/hess`
 * (`Float64Array[n]`, indexed by row), using only `features[0..nFeatures)`.
 *
 * @example
 * growTree(data, grad, hess, rows, n, features, nFeatures, params, makeScratch(n));
 */
export function growTree(
  data: BinnedData,
  grad: Float64Array,
  hess: Float64Array,
  rows: Int32Array,
  nRows: number,
  features: Int32Array,
  nFeatures: number,
  p: GrowParams,
  scratch: GrowScratch,
): GrownTree {
  const tree: GrownTree = { feature: [], bin: [], catLeft: [], missingLeft: [], left: [], right: [], gain: [], leafValue: [], leafStart: [], leafEnd: [] };
  const size = data.totalBins * 3;
  const par = scratch.par;
  if (par && rows !== par.rows) throw new Error('growTree: with a parallel session, rows must be the session rows');
  const take = (): Float64Array => scratch.pool.pop() ?? (par ? par.alloc(size) : new Float64Array(size));
  const give = (h: Float64Array | null): void => {
    if (h) scratch.pool.push(h);
  };
  const { layout } = data;
  const canSplit = (l: OpenLeaf): boolean => (p.maxDepth === 0 || l.depth < p.maxDepth) && l.end - l.start >= 2 * p.minChildSamples;
  const build = (l: OpenLeaf): void => {
    l.hist = take();
    gatherGradients(rows, l.start, l.end, grad, hess, scratch.ordG, scratch.ordH);
    if (par && (l.end - l.start) * nFeatures >= PARALLEL_MIN_WORK) par.build(l.start, l.end, features, nFeatures, l.hist);
    else buildHistogram(data.bins, data.n, features, nFeatures, layout.offsets, layout.nBins, rows, l.start, l.end, scratch.ordG, scratch.ordH, l.hist);
  };
  const findSplit = (l: OpenLeaf): void => {
    l.split = emptySplit();
    if (canSplit(l)) findBestSplit(l.hist!, layout, features, nFeatures, l.g, l.h, l.end - l.start, p, l.split);
  };

  let g0 = 0;
  let h0 = 0;
  for (let k = 0; k < nRows; k++) {
    g0 += grad[rows[k]!]!;
    h0 += hess[rows[k]!]!;
  }
  const root: OpenLeaf = { start: 0, end: nRows, depth: 0, g: g0, h: h0, hist: null, split: emptySplit(), parent: -1, isLeft: false };
  if (p.maxLeaves > 1 && canSplit(root)) {
    build(root);
    findSplit(root);
  }
  const leaves: OpenLeaf[] = [root];

  while (leaves.length < p.maxLeaves) {
    let pick = -1;
    for (let i = 0; i < leaves.length; i++) {
      const s = leaves[i]!.split;
      if (s.feature >= 0 && (pick < 0 || s.gain > leaves[pick]!.split.gain)) pick = i;
    }
    if (pick < 0) break;
    const leaf = leaves[pick]!;
    const s = leaf.split;
    const mid = partition(data, rows, leaf.start, leaf.end, s, scratch.tmp);

    const node = pushSplitNode(tree, s, leaf.parent, leaf.isLeft);

    const left: OpenLeaf = { start: leaf.start, end: mid, depth: leaf.depth + 1, g: s.leftG, h: s.leftH, hist: null, split: emptySplit(), parent: node, isLeft: true };
    const right: OpenLeaf = { start: mid, end: leaf.end, depth: leaf.depth + 1, g: leaf.g - s.leftG, h: leaf.h - s.leftH, hist: null, split: emptySplit(), parent: node, isLeft: false };
    leaves[pick] = left;
    leaves.push(right);
    if (leaves.length < p.maxLeaves && (canSplit(left) || canSplit(right))) {
      const [small, large] = left.end - left.start <= right.end - right.start ? [left, right] : [right, left];
      build(small);
      subtractHistogram(leaf.hist!, small.hist!, leaf.hist!, features, nFeatures, layout.offsets, layout.nBins);
      large.hist = leaf.hist;
      leaf.hist = null;
      for (const c of [left, right]) {
        findSplit(c);
        if (c.split.feature < 0) {
          give(c.hist);
          c.hist = null;
        }
      }
    } else {
      give(leaf.hist);
      leaf.hist = null;
    }
  }

  for (let i = 0; i < leaves.length; i++) {
    const l = leaves[i]!;
    give(l.hist);
    l.hist = null;
    if (l.parent >= 0) (l.isLeft ? tree.left : tree.right)[l.parent] = ~i;
    tree.leafValue.push(leafWeight(l.g, l.h, p.lambdaL1, p.lambdaL2) * p.learningRate);
    tree.leafStart.push(l.start);
    tree.leafEnd.push(l.end);
  }
  return tree;
}

/**
 * Stable in-place partition of `rows[start..end)` by split `s`: left rows first, each side in its
 * original order (keeps row access ascending, friendlier to caches). Returns the boundary.
 */
function partition(data: BinnedData, rows: Int32Array, start: number, end: number, s: SplitInfo, tmp: Int32Array): number {
  const col = s.feature * data.n;
  const bins = data.bins;
  const missing = data.layout.nBins[s.feature]! - 1;
  let l = start;
  let r = 0;
  const cat = s.catLeft;
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    const b = bins[col + row]!;
    const goLeft = cat ? cat[b] === 1 : b === missing ? s.missingLeft : b <= s.bin;
    if (goLeft) rows[l++] = row;
    else tmp[r++] = row;
  }
  // A plain loop, not rows.set: with a shared `rows` (parallel histograms) set() takes a slow path.
  for (let q = 0; q < r; q++) rows[l + q] = tmp[q]!;
  return l;
}

/**
 * The leaf a row of binned data falls in (walks the tree over bins; used for rows outside the
 * bag and for validation rows).
 *
 * @example
 * const leaf = leafOfBinned(tree, bins, n, layout.nBins, row);
 */
export function leafOfBinned(t: GrownTree, bins: Uint8Array, n: number, nBins: Int32Array, row: number): number {
  if (t.feature.length === 0) return 0;
  let node = 0;
  for (;;) {
    const f = t.feature[node]!;
    const b = bins[f * n + row]!;
    const cat = t.catLeft[node];
    const goLeft = cat ? cat[b] === 1 : b === nBins[f]! - 1 ? t.missingLeft[node]! : b <= t.bin[node]!;
    const next = goLeft ? t.left[node]! : t.right[node]!;
    if (next < 0) return ~next;
    node = next;
  }
}
