/**
 * The boosting round loop: gradients from the loss, one tree per output per round (grower.ts),
 * row bagging and feature sampling from forked Rngs, early stopping on validation rows, and gain /
 * split importances.
 *
 * Training scores are updated from the leaves' row ranges (no tree walk) when every row is in the
 * bag; otherwise all rows walk the new tree over bins. Either way the scores are the same float64
 * sums, in the same order, as the flat predictor computes from raw values.
 *
 * @example
 * const out = boost({ data, y, w, loss, params, rng });
 * out.trees.length; // rounds x outputs
 */
import type { Rng } from '../../core/rng.js';
import type { Loss } from '../loss/index.js';
import type { Arena } from '../../kernels/wasm.js';
import { openKernelSession } from '../../kernels/pool.js';
import { growTree, leafOfBinned, makeScratch, type GrowParams, type GrownTree } from './grower.js';
import { jsKernels, type BinnedData, type TreeKernels } from './kernels.js';
import { wasmKernels, wasmParts } from './wasm-kernels.js';

/**
 * Boosting options (the parameter table, in camelCase).
 *
 * @example
 * const o: BoostOptions = { ...growParams, nRounds: 300, baggingFraction: 1, featureFraction: 1, earlyStoppingRounds: 20 };
 */
export interface BoostOptions extends GrowParams {
  nRounds: number;
  baggingFraction: number;
  featureFraction: number;
  earlyStoppingRounds: number;
  /** Threads building histograms, the main thread included (1: no workers). Models do not depend on it. */
  threads?: number;
}

/**
 * What {@link boost} fits.
 *
 * @example
 * const input: BoostInput = { data, y, w, loss, params, rng };
 */
export interface BoostInput {
  data: BinnedData;
  /** Targets: class codes or values, `Float64Array[n]`. */
  y: Float64Array;
  /** Row weights, `Float64Array[n]`. */
  w: Float64Array;
  loss: Loss;
  params: BoostOptions;
  rng: Rng;
  /** Rows binned with the training mappers, for early stopping. */
  valid?: { data: BinnedData; y: Float64Array; w: Float64Array };
  /** Where row-major `data` lives: then the WebAssembly kernels run (else `data` is column-major, JavaScript kernels). */
  arena?: Arena | null;
}

/**
 * The trees and what was learned along the way.
 *
 * @example
 * const { trees, rounds, gainImportance } = boost(input);
 */
export interface BoostResult {
  init: Float64Array;
  /** Tree t adds to output t % k; rounds x k trees after early stopping's truncation. */
  trees: GrownTree[];
  /** Rounds kept. */
  rounds: number;
  /** Validation loss per round (empty without validation). */
  validLoss: number[];
  /** Training raw scores of the kept trees, `Float64Array[k * n]`. */
  scores: Float64Array;
  /** Per feature: total gain and number of splits, `Float64Array[nFeatures]` each. */
  gainImportance: Float64Array;
  splitImportance: Float64Array;
}

/**
 * Runs the boosting loop.
 *
 * @example
 * boost({ data, y, w, loss: makeLoss('logistic'), params, rng: ctx.rng.fork('gbdt') });
 */
export function boost(input: BoostInput): BoostResult {
  const { data, params: p, arena } = input;
  if (!data.rowMajor) return boostWith(input, jsKernels(data), (m) => new Float64Array(m));
  if (!arena) throw new Error('boost: row-major data needs its arena');
  const threads = p.threads ?? 1;
  const parts = wasmParts(arena, data, threads);
  const session = threads > 1 && data.layout.nBins.length > 1 ? openKernelSession(arena, threads) : null;
  try {
    return boostWith(input, wasmKernels(data, arena, parts, session), (m) => arena.f64(m));
  } finally {
    session?.close();
  }
}

/** The loop, with the fit's kernels and an allocator for the gradient arrays (the kernels read them). */
function boostWith(input: BoostInput, kernels: TreeKernels, alloc: (n: number) => Float64Array): BoostResult {
  const rows = kernels.rows;
  const scratch = makeScratch(kernels);
  const { data, y, w, loss, params: p, valid } = input;
  const n = data.n;
  const k = loss.nOutputs;
  const nFeat = data.layout.nBins.length;
  const init = loss.initScore(y, w);
  const scores = alloc(k * n);
  for (let c = 0; c < k; c++) scores.fill(init[c]!, c * n, (c + 1) * n);
  const grad = alloc(k * n);
  const hess = alloc(k * n);
  const bagRng = input.rng.fork('bagging');
  const featRng = input.rng.fork('features');
  const bagging = p.baggingFraction < 1;
  const sampling = p.featureFraction < 1;
  const allFeatures = Int32Array.from({ length: nFeat }, (_, f) => f);
  const nv = valid ? valid.data.n : 0;
  const vScores = new Float64Array(k * nv);
  for (let c = 0; c < k; c++) vScores.fill(init[c]!, c * nv, (c + 1) * nv);
  // Scores at the best round, kept so truncating the trees can restore matching training scores.
  let bestScores: Float64Array<ArrayBuffer> | null = null;

  const trees: GrownTree[] = [];
  const validLoss: number[] = [];
  let best = Infinity;
  let bestRound = -1;
  for (let round = 0; round < p.nRounds; round++) {
    loss.gradients(y, w, scores, grad, hess);
    let nRows = n;
    let bag: Int32Array | null = null;
    if (bagging) {
      bag = bagRng.sampleIndices(n, Math.max(1, Math.round(p.baggingFraction * n)));
      nRows = bag.length;
    }
    let anySplit = false;
    for (let c = 0; c < k; c++) {
      if (bag) rows.set(bag);
      else for (let i = 0; i < n; i++) rows[i] = i;
      const features = sampling ? featRng.sampleIndices(nFeat, Math.max(1, Math.round(p.featureFraction * nFeat))) : allFeatures;
      const g = grad.subarray(c * n, (c + 1) * n);
      const h = hess.subarray(c * n, (c + 1) * n);
      const tree = growTree(data, g, h, nRows, features, features.length, p, scratch);
      if (loss.renewLeaf) {
        // Leaf renewal replaces the Newton step before the tree updates any score.
        const sc = scores.subarray(c * n, (c + 1) * n);
        for (let l = 0; l < tree.leafValue.length; l++) tree.leafValue[l] = p.learningRate * loss.renewLeaf(y, w, sc, rows, tree.leafStart[l]!, tree.leafEnd[l]!);
      }
      trees.push(tree);
      if (tree.feature.length > 0) anySplit = true;
      const s = scores.subarray(c * n, (c + 1) * n);
      if (bag) {
        for (let i = 0; i < n; i++) s[i] = s[i]! + tree.leafValue[leafOfBinned(tree, data, i)]!;
      } else kernels.addLeafValues(tree.leafStart, tree.leafEnd, tree.leafValue, s);
      if (valid) {
        const vs = vScores.subarray(c * nv, (c + 1) * nv);
        for (let i = 0; i < nv; i++) vs[i] = vs[i]! + tree.leafValue[leafOfBinned(tree, valid.data, i)]!;
      }
    }
    if (valid && p.earlyStoppingRounds > 0) {
      const v = loss.value(valid.y, valid.w, vScores);
      validLoss.push(v);
      if (v < best) {
        best = v;
        bestRound = round;
        bestScores = scores.slice();
      } else if (round - bestRound >= p.earlyStoppingRounds) break;
    }
    // Without randomness, a round with no split means every later round would be the same.
    if (!anySplit && !bagging && !sampling) break;
  }

  let rounds = trees.length / k;
  let finalScores: Float64Array = scores;
  if (valid && p.earlyStoppingRounds > 0 && bestRound >= 0 && bestRound + 1 < rounds) {
    rounds = bestRound + 1;
    trees.length = rounds * k;
    finalScores = bestScores!;
  }
  const gainImportance = new Float64Array(nFeat);
  const splitImportance = new Float64Array(nFeat);
  for (const t of trees) {
    for (let j = 0; j < t.feature.length; j++) {
      gainImportance[t.feature[j]!] = gainImportance[t.feature[j]!]! + t.gain[j]!;
      splitImportance[t.feature[j]!] = splitImportance[t.feature[j]!]! + 1;
    }
  }
  return { init, trees, rounds, validLoss, scores: finalScores, gainImportance, splitImportance };
}
