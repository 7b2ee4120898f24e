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
 * Adds the trees `t0..t1` of a flat ensemble to the raw scores of `m` rows (see
 * src/models/gbdt/predictor.ts for the ensemble and src/models/gbdt/wasm-predict.ts for this
 * packing). Rows: row-major f32 values `x[i * nf + f]` (NaN = missing). Nodes: 16-byte records
 * `[word, threshold, left, right]`, word = feature | 1 << 30 (missing goes left) | 1 << 29
 * (categorical: the threshold slot then holds the category set's index, an i32); a child < 0 is
 * the leaf `~child`. Tree t adds to output t % k: `out[(t % k) * n + b0 + i]` (f64).
 * Categorical sets: bitset words `catBits[catOffset[s] .. catOffset[s + 1])`, bit c set = code c
 * goes left. Per row, trees are added in order, as the JavaScript predictor does.
 */
export function predictBlock(
  xP: usize, m: i32, nf: i32, rootP: usize, t0: i32, t1: i32, k: i32, nodesP: usize,
  catOffP: usize, catBitsP: usize, leafP: usize, outP: usize, n: i32, b0: i32,
): void {
  // Fewer than four rows (a served request): walkers over four trees of one row instead.
  if (m < 4) {
    predictFew(xP, m, nf, rootP, t0, t1, k, nodesP, catOffP, catBitsP, leafP, outP, n, b0);
    return;
  }
  // Blocks of 256 rows: their values stay in cache while every tree walks them.
  for (let s = 0; s < m; s += 256) {
    predictRows(xP + (<usize>(s * nf) << 2), min(256, m - s), nf, rootP, t0, t1, k, nodesP, catOffP, catBitsP, leafP, outP, n, b0 + s);
  }
}

/** {@link step} for a walker that may already be at a leaf (node < 0): it then stays there. */
// @ts-ignore: decorator
@inline
function stepOrStay(node: i32, row: usize, nodesP: usize, catOffP: usize, catBitsP: usize): i32 {
  return select<i32>(step(select<i32>(node, 0, node >= 0), row, nodesP, catOffP, catBitsP), node, node >= 0);
}

/**
 * The walk of {@link predictBlock} for fewer than four rows: for each row, four walkers descend
 * four consecutive trees side by side (their load chains overlap, as the row walkers' do), then
 * the four leaf values are added in tree order, so each output gets the same sums in the same
 * order as {@link predictRows} gives it.
 */
function predictFew(
  xP: usize, m: i32, nf: i32, rootP: usize, t0: i32, t1: i32, k: i32, nodesP: usize,
  catOffP: usize, catBitsP: usize, leafP: usize, outP: usize, n: i32, b0: i32,
): void {
  const rowBytes = <usize>nf << 2;
  for (let i = 0; i < m; i++) {
    const row = xP + <usize>i * rowBytes;
    const col = outP + (<usize>(b0 + i) << 3);
    let t = t0;
    for (; t + 4 <= t1; t += 4) {
      let a = load<i32>(rootP + (<usize>t << 2));
      let b = load<i32>(rootP + (<usize>(t + 1) << 2));
      let c = load<i32>(rootP + (<usize>(t + 2) << 2));
      let d = load<i32>(rootP + (<usize>(t + 3) << 2));
      // Until all four are at a leaf (the AND keeps the sign bit only if every one is negative).
      while ((a & b & c & d) >= 0) {
        a = stepOrStay(a, row, nodesP, catOffP, catBitsP);
        b = stepOrStay(b, row, nodesP, catOffP, catBitsP);
        c = stepOrStay(c, row, nodesP, catOffP, catBitsP);
        d = stepOrStay(d, row, nodesP, catOffP, catBitsP);
      }
      addLeaf(col + ((<usize>(t % k) * <usize>n) << 3), 0, a, leafP);
      addLeaf(col + ((<usize>((t + 1) % k) * <usize>n) << 3), 0, b, leafP);
      addLeaf(col + ((<usize>((t + 2) % k) * <usize>n) << 3), 0, c, leafP);
      addLeaf(col + ((<usize>((t + 3) % k) * <usize>n) << 3), 0, d, leafP);
    }
    for (; t < t1; t++) {
      let a = load<i32>(rootP + (<usize>t << 2));
      while (a >= 0) a = step(a, row, nodesP, catOffP, catBitsP);
      addLeaf(col + ((<usize>(t % k) * <usize>n) << 3), 0, a, leafP);
    }
  }
}

/** One step down a tree from the internal node `node` (>= 0) for the row at `row`. */
// @ts-ignore: decorator
@inline
function step(node: i32, row: usize, nodesP: usize, catOffP: usize, catBitsP: usize): i32 {
  const rec = nodesP + (<usize>node << 4);
  const word = load<i32>(rec);
  const v = load<f32>(row + (<usize>(word & 0x1fffffff) << 2));
  let goLeft: bool;
  if ((word & 0x20000000) == 0) {
    goLeft = select<bool>((word & 0x40000000) != 0, v <= load<f32>(rec, 4), v != v);
  } else if (v != v) goLeft = (word & 0x40000000) != 0;
  else {
    const s = load<i32>(rec, 4);
    const w = load<i32>(catOffP + (<usize>s << 2)) + <i32>(<u32>v >> 5);
    goLeft = w < load<i32>(catOffP + (<usize>(s + 1) << 2)) && ((load<u32>(catBitsP + (<usize>w << 2)) >> (<u32>v & 31)) & 1) != 0;
  }
  return select<i32>(load<i32>(rec, 8), load<i32>(rec, 12), goLeft);
}

/** Adds leaf `~leaf`'s value to the output slot of row `i` (`base`: the tree's output column). */
// @ts-ignore: decorator
@inline
function addLeaf(base: usize, i: i32, leaf: i32, leafP: usize): void {
  const o = base + (<usize>i << 3);
  store<f64>(o, load<f64>(o) + load<f64>(leafP + (<usize>~leaf << 3)));
}

/**
 * The walk of {@link predictBlock} over at most 256 rows. Four walkers descend a tree side by side,
 * branch-free for numeric nodes (`select`): their load chains overlap, and the left/right choice,
 * a coin flip for the branch predictor, costs no misprediction. A walker that reaches a leaf adds
 * its value and takes the next row, so deep and shallow paths do not wait for each other. While
 * rows are left, all four walkers are busy and the loop tests nothing but leaves; the last rows
 * finish in a guarded loop where idle walkers (row -1) are skipped.
 */
function predictRows(
  xP: usize, m: i32, nf: i32, rootP: usize, t0: i32, t1: i32, k: i32, nodesP: usize,
  catOffP: usize, catBitsP: usize, leafP: usize, outP: usize, n: i32, b0: i32,
): void {
  const rowBytes = <usize>nf << 2;
  for (let t = t0; t < t1; t++) {
    const base = outP + ((<usize>(t % k) * <usize>n + <usize>b0) << 3);
    const r = load<i32>(rootP + (<usize>t << 2));
    if (r < 0) {
      // A tree that is one leaf: every row gets its value.
      for (let i = 0; i < m; i++) addLeaf(base, i, r, leafP);
      continue;
    }
    // Walker w: its node (>= 0 while walking), its row (-1: idle).
    let na = r, nb = r, nc = r, nd = r;
    let ia = 0, ib = 1, ic = 2, id = 3;
    let next = 4;
    if (m >= 4) {
      while (true) {
        na = step(na, xP + <usize>ia * rowBytes, nodesP, catOffP, catBitsP);
        nb = step(nb, xP + <usize>ib * rowBytes, nodesP, catOffP, catBitsP);
        nc = step(nc, xP + <usize>ic * rowBytes, nodesP, catOffP, catBitsP);
        nd = step(nd, xP + <usize>id * rowBytes, nodesP, catOffP, catBitsP);
        if ((na | nb | nc | nd) >= 0) continue;
        if (na < 0) { addLeaf(base, ia, na, leafP); if (next < m) { ia = next++; na = r; } else { ia = -1; break; } }
        if (nb < 0) { addLeaf(base, ib, nb, leafP); if (next < m) { ib = next++; nb = r; } else { ib = -1; break; } }
        if (nc < 0) { addLeaf(base, ic, nc, leafP); if (next < m) { ic = next++; nc = r; } else { ic = -1; break; } }
        if (nd < 0) { addLeaf(base, id, nd, leafP); if (next < m) { id = next++; nd = r; } else { id = -1; break; } }
      }
    } else {
      if (m < 2) ib = -1;
      if (m < 3) ic = -1;
      id = -1;
    }
    // The tail: a walker that broke out above may leave others at a leaf, not yet added.
    while ((ia & ib & ic & id) >= 0) {
      if (ia >= 0) { if (na >= 0) na = step(na, xP + <usize>ia * rowBytes, nodesP, catOffP, catBitsP); if (na < 0) { addLeaf(base, ia, na, leafP); ia = -1; } }
      if (ib >= 0) { if (nb >= 0) nb = step(nb, xP + <usize>ib * rowBytes, nodesP, catOffP, catBitsP); if (nb < 0) { addLeaf(base, ib, nb, leafP); ib = -1; } }
      if (ic >= 0) { if (nc >= 0) nc = step(nc, xP + <usize>ic * rowBytes, nodesP, catOffP, catBitsP); if (nc < 0) { addLeaf(base, ic, nc, leafP); ic = -1; } }
      if (id >= 0) { if (nd >= 0) nd = step(nd, xP + <usize>id * rowBytes, nodesP, catOffP, catBitsP); if (nd < 0) { addLeaf(base, id, nd, leafP); id = -1; } }
    }
  }
}

/** T(G)^2 / (H + l2), with T the L1 soft threshold (src/models/gbdt/splitter.ts leafScore). */
// @ts-ignore: decorator
@inline
function leafScore(g: f64, h: f64, l1: f64, l2: f64): f64 {
  const a = Math.abs(g) - l1;
  const t = a > 0 ? (g > 0 ? a : -a) : 0.0;
  return (t * t) / (h + l2);
}

/**
 * The best numeric split over `feats[0..nFeat)` (categorical features, `isCat[f] = 1`, skipped) of
 * a leaf with histogram `hist`: the scan of `numericSplit` in src/models/gbdt/splitter.ts,
 * operation for operation, so gains and ties come out the same. Reads f64 `params[0..9)`: G, H, C,
 * l1, l2, minC, minH, parent score, gain floor. Writes f64 `out[0..7)`: j (index in feats, -1 if
 * none), gain, bin, missingLeft, leftG, leftH, leftCount. (Records in memory, not arguments, so
 * that worker threads, which get integer arguments, can run it.)
 */
export function bestNumericSplit(histP: usize, featsP: usize, nFeat: i32, offBP: usize, nBinsP: usize, isCatP: usize, paramsP: usize, outP: usize): void {
  const G = load<f64>(paramsP);
  const H = load<f64>(paramsP, 8);
  const C = load<f64>(paramsP, 16);
  const l1 = load<f64>(paramsP, 24);
  const l2 = load<f64>(paramsP, 32);
  const minC = load<f64>(paramsP, 40);
  const minH = load<f64>(paramsP, 48);
  const parent = load<f64>(paramsP, 56);
  const floor = load<f64>(paramsP, 64);
  let bestJ: i32 = -1;
  let bestGain: f64 = -Infinity;
  let bestBin: i32 = -1;
  let bestMissLeft: i32 = 0;
  let bestG: f64 = 0;
  let bestH: f64 = 0;
  let bestC: f64 = 0;
  for (let j = 0; j < nFeat; j++) {
    const f = <usize>load<i32>(featsP + (<usize>j << 2));
    if (load<u8>(isCatP + f)) continue;
    const h0 = histP + <usize>load<i32>(offBP + (f << 2));
    const nb = load<i32>(nBinsP + (f << 2));
    const mo = h0 + <usize>(nb - 1) * 24;
    const mG = load<f64>(mo);
    const mH = load<f64>(mo, 8);
    const mC = load<f64>(mo, 16);
    const passes = mC > 0 ? 2 : 1;
    for (let pass = 0; pass < passes; pass++) {
      let gl: f64 = pass ? mG : 0;
      let hl: f64 = pass ? mH : 0;
      let cl: f64 = pass ? mC : 0;
      for (let b = pass ? -1 : 0; b < nb - 2; b++) {
        if (b >= 0) {
          const o = h0 + <usize>b * 24;
          gl += load<f64>(o);
          hl += load<f64>(o, 8);
          cl += load<f64>(o, 16);
        }
        if (cl < minC || hl < minH) continue;
        const cr = C - cl;
        const hr = H - hl;
        if (cr < minC || hr < minH) break;
        const gr = G - gl;
        const gain = l1 == 0 ? (gl * gl) / (hl + l2) + (gr * gr) / (hr + l2) - parent : leafScore(gl, hl, l1, l2) + leafScore(gr, hr, l1, l2) - parent;
        if (gain > bestGain && gain > floor) {
          bestJ = j;
          bestGain = gain;
          bestBin = b;
          bestMissLeft = pass == 1 || (mC == 0 && cl > cr) ? 1 : 0;
          bestG = gl;
          bestH = hl;
          bestC = cl;
        }
      }
    }
  }
  store<f64>(outP, <f64>bestJ);
  store<f64>(outP, bestGain, 8);
  store<f64>(outP, <f64>bestBin, 16);
  store<f64>(outP, <f64>bestMissLeft, 24);
  store<f64>(outP, bestG, 32);
  store<f64>(outP, bestH, 40);
  store<f64>(outP, bestC, 48);
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
