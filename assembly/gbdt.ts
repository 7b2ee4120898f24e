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

/** Zeroes the histogram slots of the features `feats[jLo..jHi)`. */
function zero(feats: usize, jLo: i32, jHi: i32, offB: usize, nBins: usize, hist: usize): void {
  for (let j = jLo; j < jHi; j++) {
    const f = <usize>load<i32>(feats + (<usize>j << 2));
    memory.fill(hist + <usize>load<i32>(offB + (f << 2)), 0, <usize>load<i32>(nBins + (f << 2)) * 24);
  }
}

/**
 * Histogram of the rows `rows[start..end)` over the features `feats[jLo..jHi)`, gradients and
 * hessians read at each row (`grad[r]`, `hess[r]`). When the features are the contiguous range
 * `feats[jLo] .. feats[jLo] + (jHi - jLo) - 1` (no feature sampling), pass `contiguous = 1`: the
 * inner loop then walks the row's bytes directly.
 */
export function buildHistogram(
  binsP: usize, nf: i32, featsP: usize, jLo: i32, jHi: i32, contiguous: i32, offBP: usize, nBinsP: usize,
  rowsP: usize, start: i32, end: i32, gradP: usize, hessP: usize, histP: usize,
): void {
  zero(featsP, jLo, jHi, offBP, nBinsP, histP);
  if (jHi <= jLo) return;
  const stride = <usize>nf;
  if (contiguous) {
    const f0 = <usize>load<i32>(featsP + (<usize>jLo << 2));
    const f1 = f0 + <usize>(jHi - jLo);
    for (let k = start; k < end; k++) {
      const r = <usize>load<i32>(rowsP + (<usize>k << 2));
      const gh = f64x2(load<f64>(gradP + (r << 3)), load<f64>(hessP + (r << 3)));
      const rp = binsP + r * stride;
      for (let f = f0; f < f1; f++) {
        const a = histP + <usize>load<i32>(offBP + (f << 2)) + <usize>load<u8>(rp + f) * 24;
        v128.store(a, f64x2.add(v128.load(a), gh));
        store<f64>(a, load<f64>(a, 16) + 1.0, 16);
      }
    }
    return;
  }
  for (let k = start; k < end; k++) {
    const r = <usize>load<i32>(rowsP + (<usize>k << 2));
    const gh = f64x2(load<f64>(gradP + (r << 3)), load<f64>(hessP + (r << 3)));
    const rp = binsP + r * stride;
    for (let j = jLo; j < jHi; j++) {
      const f = <usize>load<i32>(featsP + (<usize>j << 2));
      const a = histP + <usize>load<i32>(offBP + (f << 2)) + <usize>load<u8>(rp + f) * 24;
      v128.store(a, f64x2.add(v128.load(a), gh));
      store<f64>(a, load<f64>(a, 16) + 1.0, 16);
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
  memory.copy(rowsP + (<usize>l << 2), tmpP, t - tmpP);
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
