/**
 * Fitting a forest: per tree a forked Rng, a bootstrap sample (or all rows), one tree from
 * tree.ts; out-of-bag predictions accumulated as the trees come (each row averaged over the trees
 * that did not draw it) and impurity-decrease importances.
 *
 * @example
 * const out = growForest(data, target, { nTrees: 100, bootstrap: true, oob: true, tree }, rng);
 * out.trees.length; // 100
 */
import type { Rng } from '../../core/rng.js';
import { leafOfBinned, type GrownTree } from '../gbdt/grower.js';
import type { BinnedData } from '../gbdt/kernels.js';
import { growForestTree, makeTreeScratch, type ChannelTarget, type TreeParams } from './tree.js';

/**
 * What to grow.
 *
 * @example
 * const o: ForestOptions = { nTrees: 300, bootstrap: true, oob: true, tree: { mtry: 4, maxDepth: 0, minLeaf: 1, maxLeaves: 0, randomCuts: false } };
 */
export interface ForestOptions {
  nTrees: number;
  bootstrap: boolean;
  /** Accumulate out-of-bag predictions (only with bootstrap). */
  oob: boolean;
  tree: TreeParams;
}

/**
 * Grown trees with their leaf values, and the out-of-bag sums when asked.
 *
 * @example
 * const { trees, values, oob } = growForest(data, target, opts, rng);
 */
export interface ForestResult {
  trees: GrownTree[];
  /** Per tree `Float64Array[leaves * k]`. */
  values: Float64Array[];
  /** Sum of out-of-bag leaf values `Float64Array[n * k]` and the trees counted per row `Int32Array[n]`. */
  oob: { sum: Float64Array; count: Int32Array } | null;
  /** Total impurity decrease per feature, `Float64Array[nFeatures]`. */
  gain: Float64Array;
}

/**
 * Grows `opts.nTrees` trees. Tree t uses `rng.fork('tree.' + t)` only, so a tree does not depend on
 * how many trees came before it. Cost: trees x O(n x depth x mtry) (+ O(n x depth) for OOB).
 *
 * @example
 * growForest(data, target, opts, ctx.rng.fork('random_forest'));
 */
export function growForest(data: BinnedData, target: ChannelTarget, opts: ForestOptions, rng: Rng): ForestResult {
  const n = data.n;
  const k = target.k;
  const scratch = makeTreeScratch(data, k);
  const rows = new Int32Array(n);
  const inBag = new Uint8Array(n);
  const drawn = new Int32Array(n);
  const oob = opts.bootstrap && opts.oob ? { sum: new Float64Array(n * k), count: new Int32Array(n) } : null;
  const gain = new Float64Array(data.layout.nBins.length);
  const trees: GrownTree[] = [];
  const values: Float64Array[] = [];
  for (let t = 0; t < opts.nTrees; t++) {
    const tr = rng.fork(`tree.${t}`);
    if (opts.bootstrap) {
      // n draws with replacement, laid out in row order (counting sort) for cache-friendly scans.
      const br = tr.fork('bootstrap');
      drawn.fill(0);
      for (let i = 0; i < n; i++) drawn[br.int(n)]!++;
      let at = 0;
      for (let i = 0; i < n; i++) {
        inBag[i] = drawn[i]! > 0 ? 1 : 0;
        for (let c = drawn[i]!; c > 0; c--) rows[at++] = i;
      }
    } else for (let i = 0; i < n; i++) rows[i] = i;
    const { tree, values: v } = growForestTree(data, target, rows, n, opts.tree, tr.fork('split'), scratch);
    trees.push(tree);
    values.push(v);
    for (let j = 0; j < tree.feature.length; j++) gain[tree.feature[j]!] = gain[tree.feature[j]!]! + tree.gain[j]!;
    if (oob) {
      for (let i = 0; i < n; i++) {
        if (inBag[i]) continue;
        const leaf = leafOfBinned(tree, data, i);
        for (let c = 0; c < k; c++) oob.sum[i * k + c] = oob.sum[i * k + c]! + v[leaf * k + c]!;
        oob.count[i]!++;
      }
    }
  }
  return { trees, values, oob, gain };
}

/**
 * Out-of-bag score over the rows with at least one out-of-bag tree: accuracy of the argmax for
 * classification (`y` class codes), R² for regression (`y` values). Null when no row qualifies.
 *
 * @example
 * oobScore(out.oob, 1, yValues, true); // R²
 */
export function oobScore(oob: { sum: Float64Array; count: Int32Array }, k: number, y: ArrayLike<number>, regression: boolean): { score: number | null; rows: number } {
  const n = oob.count.length;
  let rows = 0;
  if (regression) {
    let mean = 0;
    for (let i = 0; i < n; i++) {
      if (oob.count[i]! > 0) {
        mean += y[i]!;
        rows++;
      }
    }
    if (rows === 0) return { score: null, rows };
    mean /= rows;
    let ssRes = 0;
    let ssTot = 0;
    for (let i = 0; i < n; i++) {
      if (oob.count[i] === 0) continue;
      const p = oob.sum[i]! / oob.count[i]!;
      ssRes += (y[i]! - p) ** 2;
      ssTot += (y[i]! - mean) ** 2;
    }
    return { score: ssTot > 0 ? 1 - ssRes / ssTot : ssRes === 0 ? 1 : 0, rows };
  }
  let ok = 0;
  for (let i = 0; i < n; i++) {
    if (oob.count[i] === 0) continue;
    rows++;
    let best = 0;
    for (let c = 1; c < k; c++) if (oob.sum[i * k + c]! > oob.sum[i * k + best]!) best = c;
    if (best === y[i]) ok++;
  }
  return { score: rows > 0 ? ok / rows : null, rows };
}
