// GBDT prediction in AssemblyScript: the tree walkers of the `gbdt` WebAssembly module (this file
// is compiled with assembly/gbdt.ts, which exports `predictBlock`; see that file for the memory
// conventions). No allocation: every `*P` argument is a byte offset into the imported memory.

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
