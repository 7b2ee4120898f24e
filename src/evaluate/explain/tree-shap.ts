/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature
 * attribution for tree ensembles", Algorithm 2) over the flat {@link TreeEnsemble}: the Shapley
 * values of v(S) = E[f(x) | x_S], where the expectation follows x at nodes splitting on a feature
 * in S and otherwise averages the children weighted by their covers (see tree-covers.ts).
 *
 * Routing is the predictor's: the "hot" child of a node is the one x takes, NaN by `missingLeft`
 * and categories by bitset, so missing values and categorical splits need nothing special; the
 * other child is "cold". A node with zero cover (a reference set that never reaches it) splits its
 * weight evenly between its children, so results stay finite with any reference.
 *
 * Cost O(T L D²) per row (T trees, L leaves, D depth): each leaf unwinds its path of at most D + 1
 * elements once per element. Memory O(D²) for the path stack, plus the output.
 *
 * Output layout, `Float64Array[n * k * (p + 1)]` (k = nOutputs, p = input columns): row i, output
 * c, feature j at `(i * k + c) * (p + 1) + j`; slot j = p holds the expected value of output c.
 * This is XGBoost's `pred_contribs` layout (n, k, p + 1). Per row and output the p values plus the
 * expected value add up to the raw score: the gbdt's pre-link score (log-odds for binary,
 * per-class margin for softmax, the value for identity links), or a forest's mean leaf value
 * (class probability, or the prediction).
 *
 * @example
 * const cols = featureColumns(selectInputs(model, frame).columns, model.s.specs);
 * const covers = treeCovers(model.s.ensemble, trainCols);
 * const phi = treeShap(model.s.ensemble, 'gbdt', cols, covers); // n * 1 * (p + 1) for binary
 */
import type { TreeEnsemble } from '../../models/gbdt/predictor.js';
import { goesLeft, type TreeCovers } from './tree-covers.js';

/**
 * How an ensemble's trees make its outputs. 'gbdt': tree t adds its single leaf value to output
 * t % nOutputs, on top of `init`. 'forest': every leaf holds nOutputs values (leaf-major) and the
 * trees are averaged (each scaled by 1 / trees), `init` unused.
 *
 * @example
 * const kind: EnsembleKind = model instanceof ForestModel ? 'forest' : 'gbdt';
 */
export type EnsembleKind = 'gbdt' | 'forest';

/**
 * Fraction of a node's reference weight that goes to a child (even split at an unreached node).
 * Written once and used by the SHAP walk, the expected value and the tests' brute force alike.
 *
 * @example
 * coverFraction(covers, ens.left[node]!, covers.node[node]!); // in [0, 1]
 */
export function coverFraction(covers: TreeCovers, child: number, parentCover: number): number {
  if (!(parentCover > 0)) return 0.5;
  return (child >= 0 ? covers.node[child]! : covers.leaf[~child]!) / parentCover;
}

function depthOf(e: TreeEnsemble, node: number): number {
  return node < 0 ? 0 : 1 + Math.max(depthOf(e, e.left[node]!), depthOf(e, e.right[node]!));
}

/**
 * The expected raw score per output, `Float64Array[k]`: `init` (gbdt) plus each tree's leaf values
 * averaged by cover fractions from the root. This is v(∅), the slot p of {@link treeShap}'s rows.
 *
 * @example
 * expectedValue(ens, 'gbdt', covers)[0]; // mean log-odds over the reference, for binary
 */
export function expectedValue(e: TreeEnsemble, kind: EnsembleKind, covers: TreeCovers): Float64Array {
  const k = e.nOutputs;
  const out = kind === 'gbdt' ? Float64Array.from(e.init) : new Float64Array(k);
  const nTrees = e.root.length;
  const width = kind === 'forest' ? k : 1;
  const scale = kind === 'forest' ? 1 / nTrees : 1;
  const acc = new Float64Array(width);
  const mean = (node: number, weight: number): void => {
    if (node < 0) {
      for (let c = 0; c < width; c++) acc[c] = acc[c]! + weight * e.leafValue[~node * width + c]!;
      return;
    }
    const cover = covers.node[node]!;
    mean(e.left[node]!, weight * coverFraction(covers, e.left[node]!, cover));
    mean(e.right[node]!, weight * coverFraction(covers, e.right[node]!, cover));
  };
  for (let t = 0; t < nTrees; t++) {
    acc.fill(0);
    mean(e.root[t]!, 1);
    if (kind === 'forest') for (let c = 0; c < k; c++) out[c] = out[c]! + scale * acc[c]!;
    else out[t % k] = out[t % k]! + acc[0]!;
  }
  return out;
}

/**
 * SHAP values of every row (layout in the file comment): `cols` are the model's input columns as
 * `Float32Array[n]` each (`featureColumns`), `covers` the reference weights (`treeCovers`, or a
 * trained library's own, e.g. XGBoost's hessian covers). Cost O(n T L D²).
 *
 * @example
 * const phi = treeShap(ens, 'forest', cols, covers); // Float64Array[n * k * (p + 1)]
 */
export function treeShap(e: TreeEnsemble, kind: EnsembleKind, cols: readonly Float32Array[], covers: TreeCovers): Float64Array {
  const n = cols[0]?.length ?? 0;
  const p = cols.length;
  const k = e.nOutputs;
  const nTrees = e.root.length;
  const out = new Float64Array(n * k * (p + 1));
  const width = kind === 'forest' ? k : 1;
  const scale = kind === 'forest' ? 1 / nTrees : 1;
  let maxDepth = 0;
  for (let t = 0; t < nTrees; t++) maxDepth = Math.max(maxDepth, depthOf(e, e.root[t]!));
  // Path stack: a call at unique depth d writes d + 1 elements after its parent's, so depths
  // 0..D+1 need 1 + (D + 2)(D + 3) / 2 slots (slot 0 is the root call's empty parent).
  const size = 1 + ((maxDepth + 2) * (maxDepth + 3)) / 2;
  const pf = new Int32Array(size);
  const pz = new Float64Array(size);
  const po = new Float64Array(size);
  const pw = new Float64Array(size);
  let row = 0;
  let rowOut = 0; // offset of (row, output 0) in `out`
  let treeOut = 0; // gbdt: the output this tree adds to

  // Appends (f, zero, one) to the path at `off` of unique depth d, updating the permutation weights.
  const extend = (off: number, d: number, zero: number, one: number, f: number): void => {
    pf[off + d] = f;
    pz[off + d] = zero;
    po[off + d] = one;
    pw[off + d] = d === 0 ? 1 : 0;
    for (let i = d - 1; i >= 0; i--) {
      pw[off + i + 1] = pw[off + i + 1]! + (one * pw[off + i]! * (i + 1)) / (d + 1);
      pw[off + i] = (zero * pw[off + i]! * (d - i)) / (d + 1);
    }
  };
  // Removes element `at` from the path (undoing its extend), for a feature met a second time.
  const unwind = (off: number, d: number, at: number): void => {
    const one = po[off + at]!;
    const zero = pz[off + at]!;
    let next = pw[off + d]!;
    for (let i = d - 1; i >= 0; i--) {
      if (one !== 0) {
        const tmp = pw[off + i]!;
        pw[off + i] = (next * (d + 1)) / ((i + 1) * one);
        next = tmp - (pw[off + i]! * zero * (d - i)) / (d + 1);
      } else {
        pw[off + i] = (pw[off + i]! * (d + 1)) / (zero * (d - i));
      }
    }
    for (let i = at; i < d; i++) {
      pf[off + i] = pf[off + i + 1]!;
      pz[off + i] = pz[off + i + 1]!;
      po[off + i] = po[off + i + 1]!;
    }
  };
  // Total permutation weight of the path with element `at` unwound (without modifying it).
  const unwoundSum = (off: number, d: number, at: number): number => {
    const one = po[off + at]!;
    const zero = pz[off + at]!;
    let next = pw[off + d]!;
    let total = 0;
    for (let i = d - 1; i >= 0; i--) {
      if (one !== 0) {
        const tmp = (next * (d + 1)) / ((i + 1) * one);
        total += tmp;
        next = pw[off + i]! - (tmp * zero * (d - i)) / (d + 1);
      } else if (zero !== 0) {
        total += (pw[off + i]! / zero) * ((d + 1) / (d - i));
      }
    }
    return total;
  };
  const recurse = (node: number, d: number, parentOff: number, zero: number, one: number, f: number): void => {
    const off = parentOff + d + 1;
    for (let i = 0; i < d; i++) {
      pf[off + i] = pf[parentOff + i]!;
      pz[off + i] = pz[parentOff + i]!;
      po[off + i] = po[parentOff + i]!;
      pw[off + i] = pw[parentOff + i]!;
    }
    extend(off, d, zero, one, f);
    if (node < 0) {
      const leaf = ~node;
      for (let i = 1; i <= d; i++) {
        const w = unwoundSum(off, d, i) * (po[off + i]! - pz[off + i]!) * scale;
        const j = pf[off + i]!;
        if (width === 1) {
          const at = rowOut + treeOut * (p + 1) + j;
          out[at] = out[at]! + w * e.leafValue[leaf]!;
        } else {
          for (let c = 0; c < width; c++) {
            const at = rowOut + c * (p + 1) + j;
            out[at] = out[at]! + w * e.leafValue[leaf * width + c]!;
          }
        }
      }
      return;
    }
    const feat = e.feature[node]!;
    const goLeft = goesLeft(e, node, cols[feat]![row]!);
    const hot = goLeft ? e.left[node]! : e.right[node]!;
    const cold = goLeft ? e.right[node]! : e.left[node]!;
    const cover = covers.node[node]!;
    let inZero = 1;
    let inOne = 1;
    let at = 1; // slot 0 is the root's placeholder (feature -1), never a match
    while (at <= d && pf[off + at] !== feat) at++;
    if (at <= d) {
      // The feature split earlier on this path: undo that element and redo it with this split.
      inZero = pz[off + at]!;
      inOne = po[off + at]!;
      unwind(off, d, at);
      d--;
    }
    // A child whose element would be (zero 0, one 0) contributes exactly 0: extending the path with
    // it zeroes every permutation weight. Skipping it also avoids the 0/0 its unwind would hit if
    // its feature split again below. Cold children reach this with zero cover; hot ones when x
    // went the cold way at an earlier split on the same feature and this child has zero cover.
    const hotZero = coverFraction(covers, hot, cover) * inZero;
    if (hotZero > 0 || inOne > 0) recurse(hot, d + 1, off, hotZero, inOne, feat);
    const coldZero = coverFraction(covers, cold, cover) * inZero;
    if (coldZero > 0) recurse(cold, d + 1, off, coldZero, 0, feat);
  };

  pf[0] = -1;
  const expected = expectedValue(e, kind, covers);
  for (row = 0; row < n; row++) {
    rowOut = row * k * (p + 1);
    for (let t = 0; t < nTrees; t++) {
      treeOut = t % k;
      const r = e.root[t]!;
      if (r >= 0) recurse(r, 0, 0, 1, 1, -1);
    }
    for (let c = 0; c < k; c++) out[rowOut + c * (p + 1) + p] = expected[c]!;
  }
  return out;
}

/**
 * Global importance: mean |SHAP| over rows per output and feature, `Float64Array[k * p]`
 * (output c, feature j at c * p + j), from {@link treeShap}'s `values`.
 *
 * @example
 * meanAbsShap(phi, n, p, k)[j]; // average size of feature j's push on output 0
 */
export function meanAbsShap(values: Float64Array, n: number, p: number, k: number): Float64Array {
  const out = new Float64Array(k * p);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const base = (i * k + c) * (p + 1);
      for (let j = 0; j < p; j++) out[c * p + j] = out[c * p + j]! + Math.abs(values[base + j]!);
    }
  }
  if (n > 0) for (let j = 0; j < out.length; j++) out[j] = out[j]! / n;
  return out;
}
