/**
 * Raw scores with the WebAssembly tree walker (assembly/predict.ts `predictBlock`): the same sums,
 * in the same order, as {@link predictRaw}, about twice as fast. Serving code: imports no training
 * module.
 *
 * An ensemble is packed once into its own arena (16-byte node records, roots, leaf values,
 * category bitsets) and cached for as long as the ensemble lives (a WeakMap); each call then
 * reuses the arena for its row block and output.
 *
 * @example
 * if (!predictRawWasm(ens, cols, n, raw)) predictRaw(ens, cols, n, raw);
 */
import { openKernelSession } from '../../kernels/pool.js';
import { openArena, type Arena } from '../../kernels/wasm.js';
import { rowBlock, type TreeEnsemble } from './predictor.js';

interface Packed {
  arena: Arena;
  /** Arena offsets of the packed arrays. */
  rootP: number;
  nodesP: number;
  catOffP: number;
  catBitsP: number;
  leafP: number;
  /** Arena use once packed: per-call arrays start here. */
  mark: number;
}

const cache = new WeakMap<TreeEnsemble, Packed | null>();

function pack(e: TreeEnsemble): Packed | null {
  const nNodes = e.feature.length;
  const arena = openArena(16 * nNodes + 4 * e.root.length + 8 * e.leafValue.length + 4 * (e.catOffset.length + e.catBits.length) + 4096);
  if (!arena) return null;
  const root = arena.i32(Math.max(1, e.root.length));
  root.set(e.root);
  const nodes = arena.i32(4 * Math.max(1, nNodes));
  const thr = new Float32Array(nodes.buffer, nodes.byteOffset, nodes.length);
  for (let j = 0; j < nNodes; j++) {
    const cat = e.catSet[j]!;
    nodes[4 * j] = e.feature[j]! | (e.missingLeft[j] ? 1 << 30 : 0) | (cat >= 0 ? 1 << 29 : 0);
    if (cat >= 0) nodes[4 * j + 1] = cat;
    else thr[4 * j + 1] = e.threshold[j]!;
    nodes[4 * j + 2] = e.left[j]!;
    nodes[4 * j + 3] = e.right[j]!;
  }
  const catOff = arena.i32(Math.max(1, e.catOffset.length));
  catOff.set(e.catOffset);
  const catBits = arena.i32(Math.max(1, e.catBits.length));
  catBits.set(e.catBits);
  const leaf = arena.f64(Math.max(1, e.leafValue.length));
  leaf.set(e.leafValue);
  return { arena, rootP: root.byteOffset, nodesP: nodes.byteOffset, catOffP: catOff.byteOffset, catBitsP: catBits.byteOffset, leafP: leaf.byteOffset, mark: arena.used };
}

/** Rows copied (row-major float32) per round; with threads, each thread walks a slice of them. */
const CHUNK = 16384;
/** Fewer rows than this predict on one thread. */
const PARALLEL_MIN_ROWS = 8192;

/**
 * Raw scores into `out: Float64Array[nOutputs * n]` (output-major, as {@link predictRaw}); false
 * when the WebAssembly kernels are unavailable (nothing written: run predictRaw). With `threads`
 * > 1 and enough rows, worker threads walk slices of each chunk of rows (each row's sum is computed
 * by one thread, in tree order: the same bits for any thread count).
 *
 * @example
 * predictRawWasm(ens, featureColumns(cols, specs), n, raw, 2);
 */
export function predictRawWasm(e: TreeEnsemble, cols: readonly Float32Array[], n: number, out: Float64Array, threads = 1): boolean {
  let p = cache.get(e);
  if (p === undefined) {
    p = pack(e);
    cache.set(e, p);
  }
  if (!p) return false;
  const { arena } = p;
  const k = e.nOutputs;
  const nf = cols.length;
  arena.release(p.mark);
  const chunk = Math.min(CHUNK, Math.max(1, n));
  const x = arena.f32(chunk * Math.max(1, nf));
  const o = arena.f64(k * n);
  for (let c = 0; c < k; c++) o.fill(e.init[c]!, c * n, (c + 1) * n);
  const nTrees = e.root.length;
  const session = threads > 1 && n >= PARALLEL_MIN_ROWS ? openKernelSession(arena, threads) : null;
  try {
    const t = session ? session.threads : 1;
    for (let b0 = 0; b0 < n; b0 += chunk) {
      const m = Math.min(chunk, n - b0);
      rowBlock(cols, b0, m, x);
      // Worker w walks rows [w*m/t, (w+1)*m/t) of the chunk; this thread the last slice.
      for (let w = 0; w < t - 1; w++) {
        const r0 = Math.floor((w * m) / t);
        const r1 = Math.floor(((w + 1) * m) / t);
        session!.args(w).set([x.byteOffset + 4 * r0 * nf, r1 - r0, nf, p.rootP, 0, nTrees, k, p.nodesP, p.catOffP, p.catBitsP, p.leafP, o.byteOffset, n, b0 + r0]);
      }
      if (session) session.dispatch('predictBlock', t - 1);
      const r0 = Math.floor(((t - 1) * m) / t);
      arena.gbdt.predictBlock(x.byteOffset + 4 * r0 * nf, m - r0, nf, p.rootP, 0, nTrees, k, p.nodesP, p.catOffP, p.catBitsP, p.leafP, o.byteOffset, n, b0 + r0);
      session?.wait();
    }
  } finally {
    session?.close();
  }
  out.set(o);
  return true;
}
