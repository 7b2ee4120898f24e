// GBDT hot loops in AssemblyScript (compiled to WebAssembly by `npm run build:wasm`, see
// scripts/build-wasm.mjs; loaded by src/kernels/wasm.ts). Every argument named `*P` is a byte
// offset into the one imported memory, where the JavaScript side placed the typed arrays (an
// arena per fit). No allocation, no runtime: `--runtime stub`.
//
// Layouts (the same as the JavaScript kernels in src/models/gbdt/histogram.ts):
// - bins: row-major `u8[n * nf]`, feature f of row r at `r * nf + f` (histograms read whole rows),
//   and a column-major copy `u8[nf * n]`, f of r at `f * n + r` (partitions read one feature); the
//   last bin of each feature (`nBins[f] - 1`) is its missing bin.
// - histogram: `f64[totalBins * 3]`, (sum of gradients, sum of hessians, row count) per bin;
//   feature f starts at byte `offB[f]` (= offsets[f] * 24).
// Sums run over rows in the order of `rows`, one add per row and bin, exactly as the JavaScript
// kernels do, so both give bit-identical histograms (f64x2.add is two IEEE additions).
//
// The split scan is in assembly/split.ts and the tree walkers of prediction in
// assembly/predict.ts, both exported from this module.
export { bestNumericSplit } from './split';
export { predictBlock } from './predict';

/** Zeroes the histogram slots of the features `feats[jLo..jHi)`. */
function zero(feats: usize, jLo: i32, jHi: i32, offB: usize, nBins: usize, hist: usize): void {
  for (let j = jLo; j < jHi; j++) {
    const f = <usize>load<i32>(feats + (<usize>j << 2));
    memory.fill(hist + <usize>load<i32>(offB + (f << 2)), 0, <usize>load<i32>(nBins + (f << 2)) * 24);
  }
}

/** Rows gathered per chunk by {@link buildHistogram}. */
const CHUNK: i32 = 256;

/**
 * Scratch bytes one thread needs for {@link buildHistogram} with `nf` features: a chunk of
 * gathered rows plus their (gradient, hessian) pairs.
 */
export function histScratchBytes(nf: i32): i32 {
  return CHUNK * (((nf + 15) >> 4) << 4) + CHUNK * 16;
}

/**
 * Histogram of the rows `rows[start..end)` over the features `feats[jLo..jHi)`, gradients and
 * hessians read at each row (`grad[r]`, `hess[r]`). When the features are the contiguous range
 * `feats[jLo] .. feats[jLo] + (jHi - jLo) - 1` (no feature sampling), pass `contiguous = 1`.
 *
 * Rows go in chunks of 256: first the chunk's rows (their bytes of the feature range) and
 * gradient pairs are gathered into `scratchP` ({@link histScratchBytes}), a loop with independent
 * loads that keeps many cache misses in flight; then the histogram loop reads the gathered bytes
 * sequentially. Gathering straight from scattered rows inside the update loop measured 2-3x
 * slower per update on leaves deep in a tree. Copies are 16-byte vectors that may read up to 15
 * bytes past a row: the bins need 16 bytes of padding after the last row.
 */
export function buildHistogram(
  binsP: usize, nf: i32, featsP: usize, jLo: i32, jHi: i32, contiguous: i32, offBP: usize, nBinsP: usize,
  rowsP: usize, start: i32, end: i32, gradP: usize, hessP: usize, histP: usize, scratchP: usize,
): void {
  zero(featsP, jLo, jHi, offBP, nBinsP, histP);
  if (jHi <= jLo) return;
  const stride = <usize>nf;
  // Bytes of each row to gather: the feature range, or (sampled features) the whole row.
  const f0: usize = contiguous ? <usize>load<i32>(featsP + (<usize>jLo << 2)) : 0;
  const width: usize = contiguous ? <usize>(jHi - jLo) : stride;
  const rowBytes: usize = ((width + 15) >> 4) << 4;
  const ghP = scratchP + <usize>CHUNK * rowBytes;
  for (let c = start; c < end; c += CHUNK) {
    const m = min(CHUNK, end - c);
    let dst = scratchP;
    let gh = ghP;
    for (let k = c; k < c + m; k++) {
      const r = <usize>load<i32>(rowsP + (<usize>k << 2));
      const src = binsP + r * stride + f0;
      for (let o: usize = 0; o < width; o += 16) v128.store(dst + o, v128.load(src + o));
      v128.store(gh, f64x2(load<f64>(gradP + (r << 3)), load<f64>(hessP + (r << 3))));
      dst += rowBytes;
      gh += 16;
    }
    let row = scratchP;
    gh = ghP;
    if (contiguous) {
      const offF = offBP + (f0 << 2);
      let i = 0;
      // Two rows per pass over the features: their updates are independent (a bin both rows hit
      // still gets row i's value before row i + 1's), so twice the memory operations are in flight.
      for (; i + 1 < m; i += 2) {
        const g0 = v128.load(gh);
        const g1 = v128.load(gh, 16);
        const row1 = row + rowBytes;
        for (let q: usize = 0; q < width; q++) {
          const off = histP + <usize>load<i32>(offF + (q << 2));
          const a = off + <usize>load<u8>(row + q) * 24;
          v128.store(a, f64x2.add(v128.load(a), g0));
          store<f64>(a, load<f64>(a, 16) + 1.0, 16);
          const b = off + <usize>load<u8>(row1 + q) * 24;
          v128.store(b, f64x2.add(v128.load(b), g1));
          store<f64>(b, load<f64>(b, 16) + 1.0, 16);
        }
        row += rowBytes << 1;
        gh += 32;
      }
      for (; i < m; i++) {
        const g = v128.load(gh);
        for (let q: usize = 0; q < width; q++) {
          const a = histP + <usize>load<i32>(offF + (q << 2)) + <usize>load<u8>(row + q) * 24;
          v128.store(a, f64x2.add(v128.load(a), g));
          store<f64>(a, load<f64>(a, 16) + 1.0, 16);
        }
        row += rowBytes;
        gh += 16;
      }
    } else {
      for (let i = 0; i < m; i++) {
        const g = v128.load(gh);
        for (let j = jLo; j < jHi; j++) {
          const f = <usize>load<i32>(featsP + (<usize>j << 2));
          const a = histP + <usize>load<i32>(offBP + (f << 2)) + <usize>load<u8>(row + f) * 24;
          v128.store(a, f64x2.add(v128.load(a), g));
          store<f64>(a, load<f64>(a, 16) + 1.0, 16);
        }
        row += rowBytes;
        gh += 16;
      }
    }
  }
}

/**
 * out = parent - child over the slots of the features `feats[jLo..jHi)` (the subtraction trick);
 * `out` may be `parent`.
 */
export function subtractHistogram(parentP: usize, childP: usize, outP: usize, featsP: usize, jLo: i32, jHi: i32, offBP: usize, nBinsP: usize): void {
  for (let j = jLo; j < jHi; j++) {
    const f = <usize>load<i32>(featsP + (<usize>j << 2));
    const o0 = <usize>load<i32>(offBP + (f << 2));
    const o1 = o0 + <usize>load<i32>(nBinsP + (f << 2)) * 24;
    for (let o = o0; o < o1; o += 8) store<f64>(outP + o, load<f64>(parentP + o) - load<f64>(childP + o));
  }
}

/**
 * Stable partition of `rows[start..end)` by feature f: rows whose bin goes left first, each side
 * in its original order; returns the boundary. Reads the feature's column-major copy
 * (`colBins + f * n`: one byte per row, cache-friendly, where the row-major bins would cost a
 * cache line per row). Numeric split (`catP` = 0): bins <= `bin` go left, the missing bin
 * `missing` goes left iff `missingLeft`. Categorical split: `u8` flags at `catP` (1 = left),
 * missing bin included. `tmpP` holds the right-hand rows meanwhile.
 */
export function partition(
  colBinsP: usize, n: i32, f: i32, rowsP: usize, start: i32, end: i32, tmpP: usize,
  bin: i32, missing: i32, missingLeft: i32, catP: usize,
): i32 {
  const l = partitionPart(colBinsP, n, f, rowsP, start, end, tmpP, bin, missing, missingLeft, catP);
  memory.copy(rowsP + (<usize>l << 2), tmpP, <usize>(end - l) << 2);
  return l;
}

/**
 * One part of a parallel partition: as {@link partition} over `rows[start..end)`, but the right-hand
 * rows stay in `tmp[0..)` and the boundary is stored at `resultP` (i32); the caller joins the parts
 * (left parts in order, then right parts in order: still stable).
 */
export function partitionInto(
  colBinsP: usize, n: i32, f: i32, rowsP: usize, start: i32, end: i32, tmpP: usize,
  bin: i32, missing: i32, missingLeft: i32, catP: usize, resultP: usize,
): void {
  store<i32>(resultP, partitionPart(colBinsP, n, f, rowsP, start, end, tmpP, bin, missing, missingLeft, catP));
}

// @ts-ignore: decorator
@inline
function partitionPart(
  colBinsP: usize, n: i32, f: i32, rowsP: usize, start: i32, end: i32, tmpP: usize,
  bin: i32, missing: i32, missingLeft: i32, catP: usize,
): i32 {
  const col = colBinsP + <usize>f * <usize>n;
  let l = start;
  let t: usize = tmpP;
  for (let k = start; k < end; k++) {
    const r = load<i32>(rowsP + (<usize>k << 2));
    const b = <i32>load<u8>(col + <usize>r);
    const left = catP ? <i32>load<u8>(catP + <usize>b) : b == missing ? missingLeft : <i32>(b <= bin);
    if (left) {
      store<i32>(rowsP + (<usize>l << 2), r);
      l++;
    } else {
      store<i32>(t, r);
      t += 4;
    }
  }
  return l;
}

/**
 * Bins of the numeric values `values[from..to)` (f64) into `out[(i - from) * stride]`: NaN goes to
 * the `missing` bin, else the first of the ascending float32 `edges[0..nEdges)` that is >= the
 * value rounded to float32 (as `binOf` in src/models/gbdt/binning.ts). Branchless binary search.
 */
export function binNumeric(valuesP: usize, from: i32, to: i32, edgesP: usize, nEdges: i32, outP: usize, stride: i32, missing: i32): void {
  let o = outP;
  const step = <usize>stride;
  for (let i = from; i < to; i++) {
    const v = load<f64>(valuesP + (<usize>i << 3));
    let b: i32 = missing;
    if (v == v) {
      const x = <f32>v;
      let base: i32 = 0;
      let n: i32 = nEdges;
      while (n > 1) {
        const half = n >> 1;
        base = select<i32>(base + half, base, load<f32>(edgesP + (<usize>(base + half - 1) << 2)) < x);
        n -= half;
      }
      b = base + <i32>(n == 1 && load<f32>(edgesP + (<usize>base << 2)) < x);
    }
    store<u8>(o, <u8>b);
    o += step;
  }
}

/**
 * Adds each leaf's value to the scores of its rows: for leaves l in [l0, l1), `scores[rows[q]] +=
 * value[l]` for q in `[leafStart[l], leafEnd[l])`. Every row is in one leaf, so leaves can be split
 * between threads and each score still gets exactly one addition per tree.
 */
export function addLeafValues(rowsP: usize, leafStartP: usize, leafEndP: usize, valueP: usize, l0: i32, l1: i32, scoresP: usize): void {
  for (let l = l0; l < l1; l++) {
    const v = load<f64>(valueP + (<usize>l << 3));
    const e = load<i32>(leafEndP + (<usize>l << 2));
    for (let q = load<i32>(leafStartP + (<usize>l << 2)); q < e; q++) {
      const s = scoresP + (<usize>load<i32>(rowsP + (<usize>q << 2)) << 3);
      store<f64>(s, load<f64>(s) + v);
    }
  }
}

/** memmove: `len` bytes from `src` to `dst` (the ranges may overlap). */
export function copyBytes(dstP: usize, srcP: usize, len: usize): void {
  memory.copy(dstP, srcP, len);
}
