/**
 * The fitted ensemble as flat typed arrays, and prediction from raw feature values (STYLE.md §5):
 * serving walks thresholds on the column values, never bins, and this file imports no training
 * code.
 *
 * Layout (all trees concatenated; `nodes` internal nodes, `leaves` leaves, `trees` trees):
 * - `root: Int32Array[trees]`: the tree's root node, or `~leaf` for a tree without splits;
 *   tree t adds to output `t % nOutputs` (softmax grows one tree per class per round).
 * - `feature: Int32Array[nodes]`, `threshold: Float32Array[nodes]`: numeric rule
 *   `fround(x) <= threshold` goes left (thresholds are float32, so an ONNX TreeEnsemble on float32
 *   inputs routes identically).
 * - `catSet: Int32Array[nodes]`: -1 for numeric nodes, else the index of a bitset over training
 *   category codes: words `catBits[catOffset[s] .. catOffset[s+1])` (`Uint32Array`), bit set = left.
 * - `missingLeft: Uint8Array[nodes]`: where NaN (and unseen categories) go.
 * - `left, right: Int32Array[nodes]`: a child >= 0 is a node, < 0 is the leaf `~child`.
 * - `leafValue: Float64Array[leaves]`, `init: Float64Array[nOutputs]`.
 *
 * @example
 * const raw = new Float64Array(ens.nOutputs * n);
 * predictRaw(ens, featureColumns(frame.columns, specs), n, raw);
 */
import type { Column } from '../../core/frame.js';
import { BOOL_MISSING } from '../../core/frame.js';
import { levelPositions } from '../../core/levels.js';
import { exp } from '../../core/math.js';

/**
 * The flat ensemble (layout above).
 *
 * @example
 * const e: TreeEnsemble = (model as GbdtModel).s.ensemble;
 */
export interface TreeEnsemble {
  nOutputs: number;
  init: Float64Array;
  root: Int32Array;
  feature: Int32Array;
  threshold: Float32Array;
  catSet: Int32Array;
  catOffset: Int32Array;
  catBits: Uint32Array;
  missingLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  leafValue: Float64Array;
}

/**
 * How an input column becomes the float32 values the trees compare.
 *
 * @example
 * const spec: FeatureSpec = { kind: 'categorical', levels: ['own', 'rent'], known: new Uint8Array([1, 1]) };
 */
export type FeatureSpec = { kind: 'numeric' } | { kind: 'categorical'; levels: string[]; known: Uint8Array };

/**
 * Input columns as `Float32Array[n]` each, in model input order: numbers rounded to float32 (the
 * comparisons trees make), booleans 0/1, categories as training codes (matched by level name, so
 * level order may differ from training); missing, and categories unknown to training, are NaN.
 * ±Infinity passes through and compares as the extreme value it is.
 *
 * @example
 * featureColumns(frame.select(names).columns, specs)[0]; // Float32Array
 */
export function featureColumns(cols: readonly Column[], specs: readonly FeatureSpec[]): Float32Array[] {
  return cols.map((col, j) => {
    const spec = specs[j]!;
    if (col.kind === 'categorical') {
      if (spec.kind !== 'categorical') throw new TypeError(`column '${col.name}' is categorical, expected numeric`);
      const pos = levelPositions(spec.levels, col.levels);
      const out = new Float32Array(col.codes.length);
      for (let i = 0; i < out.length; i++) {
        const c = col.codes[i]!;
        const p = c >= 0 ? pos[c]! : -1;
        out[i] = p >= 0 && spec.known[p] === 1 ? p : NaN;
      }
      return out;
    }
    if (col.kind === 'boolean') return Float32Array.from(col.values, (v) => (v === BOOL_MISSING ? NaN : v));
    if (col.kind === 'numeric' || col.kind === 'datetime') return Float32Array.from(col.values);
    throw new TypeError(`column '${col.name}' (${col.kind}) cannot feed a tree`);
  });
}

/**
 * The leaf that row `i` reaches in tree `t` (absolute leaf index).
 *
 * @example
 * leafOf(ens, cols, 0, 12);
 */
export function leafOf(e: TreeEnsemble, cols: readonly Float32Array[], t: number, i: number): number {
  let node = e.root[t]!;
  while (node >= 0) {
    const x = cols[e.feature[node]!]![i]!;
    let goLeft: boolean;
    if (x !== x) goLeft = e.missingLeft[node] === 1;
    else {
      const s = e.catSet[node]!;
      if (s < 0) goLeft = x <= e.threshold[node]!;
      else {
        const w = e.catOffset[s]! + (x >>> 5);
        goLeft = w < e.catOffset[s + 1]! && ((e.catBits[w]! >>> (x & 31)) & 1) === 1;
      }
    }
    node = goLeft ? e.left[node]! : e.right[node]!;
  }
  return ~node;
}

/**
 * Copies rows `b0 .. b0 + m` of the columns into `x` row-major (`x[i * nFeatures + f]`): the block
 * layout both tree walkers read.
 *
 * @example
 * rowBlock(cols, 0, 256, x);
 */
export function rowBlock(cols: readonly Float32Array[], b0: number, m: number, x: Float32Array): void {
  const nf = cols.length;
  for (let f = 0; f < nf; f++) {
    const col = cols[f]!;
    for (let i = 0; i < m; i++) x[i * nf + f] = col[b0 + i]!;
  }
}

/** Rows per block of {@link predictRaw}: a block's values (rows x features x 4 bytes) stay in cache. */
const PREDICT_BLOCK = 256;

/**
 * Raw scores (before the inverse link) into `out: Float64Array[nOutputs * n]`, output-major
 * (output c of row i at `c * n + i`). Trees are added in training order, so the sums are bitwise
 * those training computed. Cost O(trees x n x depth).
 *
 * Rows go in blocks of 256, copied row-major (a row's features adjacent), and every tree walks the
 * whole block before the next tree: node arrays and the block's values both stay in cache, where a
 * tree at a time over all rows would fetch each node's feature from a different column.
 *
 * @example
 * predictRaw(ens, cols, n, out);
 */
export function predictRaw(e: TreeEnsemble, cols: readonly Float32Array[], n: number, out: Float64Array): void {
  const k = e.nOutputs;
  for (let c = 0; c < k; c++) out.fill(e.init[c]!, c * n, (c + 1) * n);
  const nTrees = e.root.length;
  const nf = cols.length;
  const x = new Float32Array(PREDICT_BLOCK * Math.max(1, nf));
  const { feature, threshold, catSet, catOffset, catBits, missingLeft, left, right, leafValue, root } = e;
  for (let b0 = 0; b0 < n; b0 += PREDICT_BLOCK) {
    const m = Math.min(PREDICT_BLOCK, n - b0);
    rowBlock(cols, b0, m, x);
    for (let t = 0; t < nTrees; t++) {
      const base = (t % k) * n + b0;
      const r = root[t]!;
      for (let i = 0; i < m; i++) {
        let node = r;
        const row = i * nf;
        while (node >= 0) {
          const v = x[row + feature[node]!]!;
          let goLeft: boolean;
          if (v !== v) goLeft = missingLeft[node] === 1;
          else {
            const s = catSet[node]!;
            if (s < 0) goLeft = v <= threshold[node]!;
            else {
              const w = catOffset[s]! + (v >>> 5);
              goLeft = w < catOffset[s + 1]! && ((catBits[w]! >>> (v & 31)) & 1) === 1;
            }
          }
          node = goLeft ? left[node]! : right[node]!;
        }
        out[base + i] = out[base + i]! + leafValue[~node]!;
      }
    }
  }
}

/**
 * The ensemble restricted to its first `nTrees` trees (node and leaf arrays keep their storage:
 * unreachable entries cost memory only).
 *
 * @example
 * const first10 = truncateEnsemble(ens, 10);
 */
export function truncateEnsemble(e: TreeEnsemble, nTrees: number): TreeEnsemble {
  return { ...e, root: e.root.slice(0, nTrees) };
}

/**
 * Inverse links by name (the same set as the losses'), so serving needs no loss code.
 *
 * @example
 * const link: LinkName = 'sigmoid';
 */
export type LinkName = 'identity' | 'sigmoid' | 'softmax' | 'exp';

/**
 * Applies the inverse link to raw scores `raw: Float64Array[k * n]` (output-major) and writes
 * `out: Float64Array[n * k]` row-major (probabilities per row for classification, k = 1 for the
 * others; a sigmoid's single score becomes the two probabilities [1 - p, p] when `twoClass`).
 *
 * @example
 * applyLink('sigmoid', raw, n, 1, true, proba); // proba: Float64Array[n * 2]
 */
export function applyLink(link: LinkName, raw: Float64Array, n: number, k: number, twoClass: boolean, out: Float64Array): void {
  if (link === 'softmax') {
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, raw[c * n + i]!);
      let sum = 0;
      for (let c = 0; c < k; c++) {
        const e = exp(raw[c * n + i]! - max);
        out[i * k + c] = e;
        sum += e;
      }
      for (let c = 0; c < k; c++) out[i * k + c] = out[i * k + c]! / sum;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const r = raw[i]!;
    const v = link === 'sigmoid' ? 1 / (1 + exp(-r)) : link === 'exp' ? exp(r) : r;
    if (twoClass) {
      out[2 * i] = 1 - v;
      out[2 * i + 1] = v;
    } else out[i] = v;
  }
}
