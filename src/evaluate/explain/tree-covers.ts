/**
 * Node covers of a {@link TreeEnsemble}: how much reference data (the training rows, as a rule)
 * reaches each node and leaf. The flat ensemble stores no covers (serving does not need them), but
 * path-dependent TreeSHAP does: where a feature is "absent" it averages a node's children in
 * proportion to their covers. Counting them again from the rows costs O(trees x n x depth).
 *
 * With the training rows as reference the counts are those the trees were grown on, except where
 * training subsampled rows (forest bootstrap, gbdt bagging): there the covers count every row once
 * rather than the rows each tree saw, which describes the data distribution, not the sample.
 *
 * @example
 * const covers = treeCovers(model.s.ensemble, featureColumns(selectInputs(model, train).columns, model.s.specs));
 * covers.node; // Float64Array[nodes]: rows reaching each internal node
 */
import type { TreeEnsemble } from '../../models/gbdt/predictor.js';

/**
 * Reference weight per node: `node: Float64Array[nodes]` and `leaf: Float64Array[>= leaves]`
 * (indexed like the ensemble's node and leaf arrays; counts, or sums of row weights).
 *
 * @example
 * const c: TreeCovers = { node: Float64Array.of(10), leaf: Float64Array.of(4, 6) };
 */
export interface TreeCovers {
  node: Float64Array;
  leaf: Float64Array;
}

/**
 * Does `x` go left at internal node `node`? The routing of gbdt/predictor.ts `leafOf`: NaN (missing
 * or an unknown category) by `missingLeft`, categories by bitset, numbers by `x <= threshold`.
 *
 * @example
 * goesLeft(ens, 0, 1.5); // true when 1.5 <= threshold of node 0
 */
export function goesLeft(e: TreeEnsemble, node: number, x: number): boolean {
  if (x !== x) return e.missingLeft[node] === 1;
  const s = e.catSet[node]!;
  if (s < 0) return x <= e.threshold[node]!;
  const w = e.catOffset[s]! + (x >>> 5);
  return w < e.catOffset[s + 1]! && ((e.catBits[w]! >>> (x & 31)) & 1) === 1;
}

/**
 * Passes every row of `cols` (`Float32Array[n]` per model input column, from `featureColumns`)
 * through every tree and counts (or, with `weights: Float64Array[n]`, sums the weights of) the rows
 * reaching each node and leaf. Cost O(trees x n x depth).
 *
 * @example
 * treeCovers(ens, cols).leaf; // Float64Array[leaves]
 */
export function treeCovers(e: TreeEnsemble, cols: readonly Float32Array[], weights?: Float64Array): TreeCovers {
  const n = cols[0]?.length ?? 0;
  const node = new Float64Array(e.feature.length);
  const leaf = new Float64Array(e.leafValue.length);
  // leafValue holds one value per leaf (gbdt) or nOutputs per leaf (forest) and the ensemble does
  // not say which, so `leaf` is sized for the former: a forest's tail of it stays unused.
  for (let t = 0; t < e.root.length; t++) {
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i]! : 1;
      let at = e.root[t]!;
      while (at >= 0) {
        node[at] = node[at]! + w;
        at = goesLeft(e, at, cols[e.feature[at]!]![i]!) ? e.left[at]! : e.right[at]!;
      }
      leaf[~at] = leaf[~at]! + w;
    }
  }
  return { node, leaf };
}
