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
 * const tree = growTree(data, grad, hess, n, features, features.length, params, scratch);
 * tree.leafValue.length; // number of leaves
 */
import { binAt, type BinnedData, type TreeKernels } from './kernels.js';
import { emptySplit, findBestSplit, leafWeight, type SplitInfo, type SplitParams } from './splitter.js';

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
 * const t: GrownTree = growTree(data, g, h, n, features, nf, params, scratch);
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
 * What one fit's trees are grown with: its kernels (and their row index array) and a pool of
 * recycled histogram buffers.
 *
 * @example
 * const scratch: GrowScratch = makeScratch(jsKernels(data));
 */
export interface GrowScratch {
  kernels: TreeKernels;
  pool: Float64Array[];
}

/**
 * Scratch for growing trees with `kernels`.
 *
 * @example
 * const scratch = makeScratch(jsKernels(data));
 */
export function makeScratch(kernels: TreeKernels): GrowScratch {
  return { kernels, pool: [] };
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
 * Grows one tree on the rows `scratch.kernels.rows[0..nRows)` (reordered in place) with
 * gradients `grad/hess` (`Float64Array[n]`, indexed by row), using only `features[0..nFeatures)`.
 *
 * @example
 * growTree(data, grad, hess, n, features, nFeatures, params, makeScratch(jsKernels(data)));
 */
export function growTree(
  data: BinnedData,
  grad: Float64Array,
  hess: Float64Array,
  nRows: number,
  features: Int32Array,
  nFeatures: number,
  p: GrowParams,
  scratch: GrowScratch,
): GrownTree {
  const tree: GrownTree = { feature: [], bin: [], catLeft: [], missingLeft: [], left: [], right: [], gain: [], leafValue: [], leafStart: [], leafEnd: [] };
  const kern = scratch.kernels;
  const rows = kern.rows;
  const take = (): Float64Array => scratch.pool.pop() ?? kern.newHist();
  const give = (h: Float64Array | null): void => {
    if (h) scratch.pool.push(h);
  };
  const { layout } = data;
  const canSplit = (l: OpenLeaf): boolean => (p.maxDepth === 0 || l.depth < p.maxDepth) && l.end - l.start >= 2 * p.minChildSamples;
  const build = (l: OpenLeaf): void => {
    l.hist = take();
    kern.build(l.start, l.end, grad, hess, features, nFeatures, l.hist);
  };
  /** Best splits of the leaves (one or two); the numeric scans run as a kernel when there is one. */
  const findSplits = (ls: readonly OpenLeaf[]): void => {
    const todo = ls.filter((l) => {
      l.split = emptySplit();
      return canSplit(l);
    });
    if (todo.length === 0) return;
    const js = kern.scanNumeric?.(
      todo.map((l) => ({ hist: l.hist!, sumG: l.g, sumH: l.h, count: l.end - l.start, best: l.split })),
      features,
      nFeatures,
      p,
    );
    todo.forEach((l, q) => findBestSplit(l.hist!, layout, features, nFeatures, l.g, l.h, l.end - l.start, p, l.split, js?.[q]));
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
    findSplits([root]);
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
    const mid = kern.partition(leaf.start, leaf.end, s);

    const node = pushSplitNode(tree, s, leaf.parent, leaf.isLeft);

    const left: OpenLeaf = { start: leaf.start, end: mid, depth: leaf.depth + 1, g: s.leftG, h: s.leftH, hist: null, split: emptySplit(), parent: node, isLeft: true };
    const right: OpenLeaf = { start: mid, end: leaf.end, depth: leaf.depth + 1, g: leaf.g - s.leftG, h: leaf.h - s.leftH, hist: null, split: emptySplit(), parent: node, isLeft: false };
    leaves[pick] = left;
    leaves.push(right);
    if (leaves.length < p.maxLeaves && (canSplit(left) || canSplit(right))) {
      const [small, large] = left.end - left.start <= right.end - right.start ? [left, right] : [right, left];
      build(small);
      kern.subtract(leaf.hist!, small.hist!, features, nFeatures);
      large.hist = leaf.hist;
      leaf.hist = null;
      findSplits([left, right]);
      for (const c of [left, right]) {
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
 * The leaf a row of binned data falls in (walks the tree over bins; used for rows outside the
 * bag and for validation rows).
 *
 * @example
 * const leaf = leafOfBinned(tree, data, row);
 */
export function leafOfBinned(t: GrownTree, data: BinnedData, row: number): number {
  if (t.feature.length === 0) return 0;
  const nBins = data.layout.nBins;
  let node = 0;
  for (;;) {
    const f = t.feature[node]!;
    const b = binAt(data, row, f);
    const cat = t.catLeft[node];
    const goLeft = cat ? cat[b] === 1 : b === nBins[f]! - 1 ? t.missingLeft[node]! : b <= t.bin[node]!;
    const next = goLeft ? t.left[node]! : t.right[node]!;
    if (next < 0) return ~next;
    node = next;
  }
}
