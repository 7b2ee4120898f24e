/**
 * Best split of a leaf from its histogram (LightGBM's FeatureHistogram::FindBestThreshold).
 *
 * Gain of a split with L1/L2 regularisation, where T(G) = sign(G) max(|G| - l1, 0):
 *   score(G, H) = T(G)^2 / (H + l2),  gain = score(L) + score(R) - score(parent),
 * and a leaf's value is -T(G) / (H + l2) (times the learning rate). A split needs at least
 * `minChildSamples` rows and `minChildWeight` hessian on each side and gain > `minGain`.
 *
 * Numeric features scan the value bins left to right twice, once with the missing bin on each
 * side, and keep the side with the larger gain (the direction is stored; with no missing rows in
 * the leaf, missing goes to the side with more rows). Categorical features sort their categories by
 * G / (H + catSmooth) and scan prefixes from both ends (the many-vs-many split of LightGBM; Fisher
 * 1958 shows sorted prefixes contain the optimum for squared error), with `catL2` added to l2; the
 * missing bin takes part as one more category. With at most 4 categories, one-vs-rest is tried too.
 *
 * @example
 * const best = emptySplit();
 * findBestSplit(hist, layout, features, nFeatures, G, H, count, params, best); // best.feature >= 0 when found
 */

/**
 * Regularisation and constraints of split finding, from the parameter table.
 *
 * @example
 * const p: SplitParams = { lambdaL1: 0, lambdaL2: 1, minChildSamples: 20, minChildWeight: 1e-3, minGain: 0, catSmooth: 10, catL2: 10, maxCatThreshold: 32 };
 */
export interface SplitParams {
  lambdaL1: number;
  lambdaL2: number;
  minChildSamples: number;
  minChildWeight: number;
  minGain: number;
  catSmooth: number;
  catL2: number;
  maxCatThreshold: number;
}

/**
 * Where each feature's bins sit in a histogram (see histogram.ts): `Int32Array[nFeatures]` each.
 *
 * @example
 * const layout: HistLayout = binFrame(frame, mappers, levels).layout;
 */
export interface HistLayout {
  offsets: Int32Array;
  nBins: Int32Array;
  /** 1 for a categorical feature. */
  isCat: Uint8Array;
}

/**
 * A candidate split; `feature` is -1 while none is found.
 *
 * @example
 * const s: SplitInfo = emptySplit();
 */
export interface SplitInfo {
  feature: number;
  gain: number;
  /** Numeric: value bins `<= bin` go left. */
  bin: number;
  /** Categorical: `Uint8Array[nBins]`, 1 for bins that go left (missing bin included). */
  catLeft: Uint8Array | null;
  missingLeft: boolean;
  leftG: number;
  leftH: number;
  leftCount: number;
}

/**
 * An empty split record.
 *
 * @example
 * const s = emptySplit(); s.feature; // -1
 */
export function emptySplit(): SplitInfo {
  return { feature: -1, gain: -Infinity, bin: -1, catLeft: null, missingLeft: false, leftG: 0, leftH: 0, leftCount: 0 };
}

/**
 * T(G), LightGBM's ThresholdL1.
 *
 * @example
 * thresholdL1(5, 2); // 3
 */
export function thresholdL1(g: number, l1: number): number {
  const a = Math.abs(g) - l1;
  return a > 0 ? (g > 0 ? a : -a) : 0;
}

/**
 * score(G, H) = T(G)^2 / (H + l2).
 *
 * @example
 * leafScore(4, 3, 0, 1); // 4
 */
export function leafScore(g: number, h: number, l1: number, l2: number): number {
  const t = thresholdL1(g, l1);
  return (t * t) / (h + l2);
}

/**
 * The Newton step -T(G) / (H + l2) (before the learning rate).
 *
 * @example
 * leafWeight(4, 3, 0, 1); // -1
 */
export function leafWeight(g: number, h: number, l1: number, l2: number): number {
  return -thresholdL1(g, l1) / (h + l2);
}

/**
 * Updates `best` with the best split over `features[0..nFeatures)` of a leaf with totals
 * (sumG, sumH, count) whose histogram is `hist`. Cost O(total bins) (+ a sort per categorical).
 *
 * @example
 * findBestSplit(hist, layout, features, features.length, G, H, n, params, best);
 * findBestSplit(hist, layout, features, features.length, G, H, n, params, best, j); // numeric part done: best found at index j
 */
export function findBestSplit(
  hist: Float64Array,
  layout: HistLayout,
  features: Int32Array,
  nFeatures: number,
  sumG: number,
  sumH: number,
  count: number,
  p: SplitParams,
  best: SplitInfo,
  numericJ?: number,
): void {
  if (numericJ === undefined) {
    for (let j = 0; j < nFeatures; j++) {
      const f = features[j]!;
      if (layout.isCat[f]) categoricalSplit(hist, f, layout.offsets[f]!, layout.nBins[f]!, sumG, sumH, count, p, best);
      else numericSplit(hist, f, layout.offsets[f]!, layout.nBins[f]!, sumG, sumH, count, p, best);
    }
    return;
  }
  // The numeric features were scanned already (a kernel, see kernels.ts): `best` holds their best,
  // found at index numericJ (-1: none). Scan the categorical ones and keep the earlier feature on a
  // tie, as the sequential scan above does (a later candidate must be strictly better).
  let jCat = -1;
  const cat = emptySplit();
  for (let j = 0; j < nFeatures; j++) {
    const f = features[j]!;
    if (!layout.isCat[f]) continue;
    const before = cat.gain;
    categoricalSplit(hist, f, layout.offsets[f]!, layout.nBins[f]!, sumG, sumH, count, p, cat);
    if (cat.gain !== before) jCat = j;
  }
  if (jCat >= 0 && (numericJ < 0 || cat.gain > best.gain || (cat.gain === best.gain && jCat < numericJ))) Object.assign(best, cat);
}

/**
 * The parent score and the gain floor of a leaf with totals (G, H): what a numeric scan kernel
 * needs besides the histogram.
 *
 * @example
 * const { parent, floor } = scanBounds(G, H, params);
 */
export function scanBounds(sumG: number, sumH: number, p: SplitParams): { parent: number; floor: number } {
  const parent = leafScore(sumG, sumH, p.lambdaL1, p.lambdaL2);
  return { parent, floor: gainFloor(parent, p) };
}

/** A split must beat min_gain and float noise relative to the parent's score. */
function gainFloor(parent: number, p: SplitParams): number {
  return Math.max(p.minGain, 1e-10 * Math.abs(parent));
}

function numericSplit(hist: Float64Array, f: number, off: number, nb: number, G: number, H: number, C: number, p: SplitParams, best: SplitInfo): void {
  const { lambdaL1: l1, lambdaL2: l2, minChildSamples: minC, minChildWeight: minH } = p;
  const parent = leafScore(G, H, l1, l2);
  const floor = gainFloor(parent, p);
  const mo = (off + nb - 1) * 3;
  const mG = hist[mo]!;
  const mH = hist[mo + 1]!;
  const mC = hist[mo + 2]!;
  // Pass 0: missing right; pass 1: missing left (only when the leaf has missing rows).
  for (let pass = 0; pass < (mC > 0 ? 2 : 1); pass++) {
    let gl = pass ? mG : 0;
    let hl = pass ? mH : 0;
    let cl = pass ? mC : 0;
    // b = -1 on pass 1 is "missing alone vs all values".
    for (let b = pass ? -1 : 0; b < nb - 2; b++) {
      if (b >= 0) {
        const o = (off + b) * 3;
        gl += hist[o]!;
        hl += hist[o + 1]!;
        cl += hist[o + 2]!;
      }
      if (cl < minC || hl < minH) continue;
      const cr = C - cl;
      const hr = H - hl;
      if (cr < minC || hr < minH) break;
      // Without L1 the score is g^2 / (h + l2): skipping the soft threshold saves ~20% of the scan.
      const gr = G - gl;
      const gain = l1 === 0 ? (gl * gl) / (hl + l2) + (gr * gr) / (hr + l2) - parent : leafScore(gl, hl, l1, l2) + leafScore(gr, hr, l1, l2) - parent;
      if (gain > best.gain && gain > floor) {
        best.feature = f;
        best.gain = gain;
        best.bin = b;
        best.catLeft = null;
        // Without missing rows here, unseen-missing follows the bigger side.
        best.missingLeft = pass === 1 || (mC === 0 && cl > cr);
        best.leftG = gl;
        best.leftH = hl;
        best.leftCount = cl;
      }
    }
  }
}

function categoricalSplit(hist: Float64Array, f: number, off: number, nb: number, G: number, H: number, C: number, p: SplitParams, best: SplitInfo): void {
  const { lambdaL1: l1, minChildSamples: minC, minChildWeight: minH } = p;
  const l2 = p.lambdaL2 + p.catL2;
  const used: number[] = [];
  for (let b = 0; b < nb; b++) if (hist[(off + b) * 3 + 2]! > 0) used.push(b);
  if (used.length < 2) return;
  const parent = leafScore(G, H, l1, l2);
  const floor = gainFloor(parent, p);
  const ratio = (b: number): number => hist[(off + b) * 3]! / (hist[(off + b) * 3 + 1]! + p.catSmooth);
  used.sort((a, b) => ratio(a) - ratio(b) || a - b);
  let bestSet: number[] | null = null;
  let bestStats = [0, 0, 0];
  let bestGain = Math.max(best.gain, floor);
  const consider = (set: readonly number[], gl: number, hl: number, cl: number): void => {
    if (cl < minC || hl < minH || C - cl < minC || H - hl < minH) return;
    const gain = leafScore(gl, hl, l1, l2) + leafScore(G - gl, H - hl, l1, l2) - parent;
    if (gain > bestGain) {
      bestGain = gain;
      bestSet = set.slice();
      bestStats = [gl, hl, cl];
    }
  };
  const maxK = Math.min(p.maxCatThreshold, used.length - 1);
  for (const dir of [1, -1]) {
    let gl = 0;
    let hl = 0;
    let cl = 0;
    const set: number[] = [];
    for (let k = 0; k < maxK; k++) {
      const b = used[dir > 0 ? k : used.length - 1 - k]!;
      const o = (off + b) * 3;
      gl += hist[o]!;
      hl += hist[o + 1]!;
      cl += hist[o + 2]!;
      set.push(b);
      consider(set, gl, hl, cl);
    }
  }
  if (used.length <= 4) {
    for (const b of used) {
      const o = (off + b) * 3;
      consider([b], hist[o]!, hist[o + 1]!, hist[o + 2]!);
    }
  }
  if (bestSet === null) return;
  const flags = new Uint8Array(nb);
  for (const b of bestSet as number[]) flags[b] = 1;
  best.feature = f;
  best.gain = bestGain;
  best.bin = -1;
  best.catLeft = flags;
  best.missingLeft = flags[nb - 1] === 1;
  best.leftG = bestStats[0]!;
  best.leftH = bestStats[1]!;
  best.leftCount = bestStats[2]!;
}
