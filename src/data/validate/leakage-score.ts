/**
 * Kernels for `target_leakage`: single-feature predictive power, cross-fitted over two folds.
 *
 * Every scorer reads the same three inputs over the m sampled rows: `bins: Int32Array[m]` (the
 * feature's bin, in [0, nb)), `fold: Uint8Array[m]` (0 or 1) and the target. A lookup fitted on
 * one fold (per-bin class counts or per-bin mean) predicts the other fold; bins unseen in the
 * fitting fold fall back to that fold's prior. Because each row is scored by a table that never saw
 * it, a column with a value per row (an id, a timestamp) has only unseen bins and scores as chance:
 * this is what keeps high-cardinality columns from looking predictive.
 *
 * Cost: one O(m) accumulation pass per feature, then O(nb · classes) (O(nb log nb) for AUC)
 * on the tables; the rows are never revisited.
 */
import { valueAtRank, type ValueCounts } from '../profile/value-counts.js';

/** Most quantile bins per numeric feature: enough to resolve a monotone relation to R² ≈ 0.99. */
export const MAX_BINS = 32;

/**
 * Bins a numeric buffer's sampled rows into at most {@link MAX_BINS} quantile bins plus a last bin
 * for missing. Columns with ≤ 32 distinct values get one bin per value. Returns the bin count.
 *
 * @example
 * const bins = new Int32Array(2);
 * numericBins(values, vc, Int32Array.of(0, 5), bins); // nb, with bins filled
 */
export function numericBins(values: Float64Array, vc: ValueCounts, rows: Int32Array, out: Int32Array): number {
  const k = vc.uniq.length;
  let cuts: Float64Array;
  if (k <= MAX_BINS) cuts = vc.uniq.subarray(1);
  else {
    const raw: number[] = [];
    for (let b = 1; b < MAX_BINS; b++) {
      const v = valueAtRank(vc, Math.floor((b * vc.nPresent) / MAX_BINS));
      if (raw.length === 0 || v > raw[raw.length - 1]!) raw.push(v);
    }
    cuts = Float64Array.from(raw);
  }
  const missingBin = cuts.length + 1;
  const lo = k > 0 ? vc.uniq[0]! : 0;
  const range = k > 0 ? vc.uniq[k - 1]! - lo : 0;
  if (vc.integer && range <= 65536) {
    // Whole numbers over a short range (pixels, counts): a lookup table replaces the binary search.
    const lut = new Int32Array(range + 1);
    for (let v = 0, b = 0; v <= range; v++) {
      while (b < cuts.length && cuts[b]! <= v + lo) b++;
      lut[v] = b;
    }
    for (let i = 0; i < rows.length; i++) {
      const x = values[rows[i]!]!;
      out[i] = x !== x ? missingBin : lut[x - lo]!;
    }
  } else {
    for (let i = 0; i < rows.length; i++) {
      const x = values[rows[i]!]!;
      if (x !== x) {
        out[i] = missingBin;
        continue;
      }
      // Number of cuts ≤ x.
      let a = 0;
      let b = cuts.length;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (cuts[mid]! <= x) a = mid + 1;
        else b = mid;
      }
      out[i] = a;
    }
  }
  return cuts.length + 2;
}

/**
 * Cross-fitted ROC AUC of a binary target (`y: Int32Array[m]` in {0, 1}) from per-bin positive
 * rates, each smoothed toward its fold's prior with one pseudo-row.
 *
 * @example
 * binaryAuc(bins, nb, fold, y); // 0.5 for an unrelated feature, 1 for a copy of y
 */
export function binaryAuc(bins: Int32Array, nb: number, fold: Uint8Array, y: Int32Array): number {
  const cnt = new Float64Array(2 * nb * 2);
  for (let i = 0; i < bins.length; i++) cnt[(fold[i]! * nb + bins[i]!) * 2 + y[i]!]!++;
  const prior = [0, 0];
  for (let f = 0; f < 2; f++) {
    let pos = 0;
    let all = 0;
    for (let b = 0; b < nb; b++) {
      pos += cnt[(f * nb + b) * 2 + 1]!;
      all += cnt[(f * nb + b) * 2]! + cnt[(f * nb + b) * 2 + 1]!;
    }
    prior[f] = all > 0 ? pos / all : 0.5;
  }
  const groups: { s: number; pos: number; neg: number }[] = [];
  let P = 0;
  let N = 0;
  for (let f = 0; f < 2; f++) {
    const g = 1 - f;
    for (let b = 0; b < nb; b++) {
      const neg = cnt[(f * nb + b) * 2]!;
      const pos = cnt[(f * nb + b) * 2 + 1]!;
      if (pos + neg === 0) continue;
      const gPos = cnt[(g * nb + b) * 2 + 1]!;
      const gAll = gPos + cnt[(g * nb + b) * 2]!;
      groups.push({ s: (gPos + prior[g]!) / (gAll + 1), pos, neg });
      P += pos;
      N += neg;
    }
  }
  if (P === 0 || N === 0) return 0.5;
  groups.sort((a, b) => a.s - b.s);
  // Mann-Whitney over groups: ties (equal scores) count one half.
  let below = 0;
  let sum = 0;
  for (let i = 0; i < groups.length; ) {
    let pos = 0;
    let neg = 0;
    const s = groups[i]!.s;
    for (; i < groups.length && groups[i]!.s === s; i++) {
      pos += groups[i]!.pos;
      neg += groups[i]!.neg;
    }
    sum += pos * (below + 0.5 * neg);
    below += neg;
  }
  return sum / (P * N);
}

/**
 * Cross-fitted balanced accuracy of a per-bin majority-class lookup (`y: Int32Array[m]` in
 * [0, K), every class present). Ties and unseen bins go to the fitting fold's most frequent class.
 *
 * @example
 * balancedAccuracy(bins, nb, fold, y, 10); // ≈ 0.1 for an unrelated feature, 1 for a copy of y
 */
export function balancedAccuracy(bins: Int32Array, nb: number, fold: Uint8Array, y: Int32Array, K: number): number {
  const cnt = new Float64Array(2 * nb * K);
  for (let i = 0; i < bins.length; i++) cnt[(fold[i]! * nb + bins[i]!) * K + y[i]!]!++;
  const prior = [new Float64Array(K), new Float64Array(K)];
  for (let f = 0; f < 2; f++) for (let b = 0; b < nb; b++) for (let k = 0; k < K; k++) prior[f]![k]! += cnt[(f * nb + b) * K + k]!;
  const argmax = (arr: Float64Array, off: number, tie: Float64Array): number => {
    let best = 0;
    for (let k = 1; k < K; k++) {
      const d = arr[off + k]! - arr[off + best]!;
      if (d > 0 || (d === 0 && tie[k]! > tie[best]!)) best = k;
    }
    return best;
  };
  const priorClass = [argmax(prior[0]!, 0, prior[0]!), argmax(prior[1]!, 0, prior[1]!)];
  const correct = new Float64Array(K);
  for (let f = 0; f < 2; f++) {
    const g = 1 - f;
    for (let b = 0; b < nb; b++) {
      const off = (g * nb + b) * K;
      let seen = 0;
      for (let k = 0; k < K; k++) seen += cnt[off + k]!;
      const pred = seen > 0 ? argmax(cnt, off, prior[g]!) : priorClass[g]!;
      correct[pred]! += cnt[(f * nb + b) * K + pred]!;
    }
  }
  let ba = 0;
  for (let k = 0; k < K; k++) ba += correct[k]! / (prior[0]![k]! + prior[1]![k]!);
  return ba / K;
}

/**
 * Cross-fitted R² of a per-bin mean lookup (`y: Float64Array[m]`, centred by the caller for
 * precision). Unseen bins predict the fitting fold's mean. Can be negative (worse than the mean).
 *
 * @example
 * binnedR2(bins, nb, fold, y); // ≤ 0 for an unrelated feature, ≈ 1 for a copy of y
 */
export function binnedR2(bins: Int32Array, nb: number, fold: Uint8Array, y: Float64Array): number {
  const n = new Float64Array(2 * nb);
  const sy = new Float64Array(2 * nb);
  const syy = new Float64Array(2 * nb);
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i]!;
  mean /= y.length;
  let sst = 0;
  for (let i = 0; i < y.length; i++) {
    const j = fold[i]! * nb + bins[i]!;
    const v = y[i]!;
    n[j]!++;
    sy[j]! += v;
    syy[j]! += v * v;
    sst += (v - mean) * (v - mean);
  }
  const foldMean = [0, 0];
  for (let f = 0; f < 2; f++) {
    let a = 0;
    let s = 0;
    for (let b = 0; b < nb; b++) {
      a += n[f * nb + b]!;
      s += sy[f * nb + b]!;
    }
    foldMean[f] = a > 0 ? s / a : mean;
  }
  let sse = 0;
  for (let f = 0; f < 2; f++) {
    const g = 1 - f;
    for (let b = 0; b < nb; b++) {
      const j = f * nb + b;
      if (n[j] === 0) continue;
      const k = g * nb + b;
      const pred = n[k]! > 0 ? sy[k]! / n[k]! : foldMean[g]!;
      sse += syy[j]! - 2 * pred * sy[j]! + n[j]! * pred * pred;
    }
  }
  return sst > 0 ? 1 - Math.max(0, sse) / sst : 0;
}
