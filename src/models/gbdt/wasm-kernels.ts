/**
 * The WebAssembly implementation of {@link TreeKernels} (see kernels.ts for the contract, and
 * assembly/gbdt.ts for the kernels): the arena arrays it works on, and how it shares work with the
 * worker threads of a {@link KernelSession} so that each piece is done whole by one thread.
 *
 * @example
 * const k = wasmKernels(data, arena, wasmParts(arena, data, 2), openKernelSession(arena, 2));
 */
import type { KernelSession } from '../../kernels/pool.js';
import type { Arena } from '../../kernels/wasm.js';
import type { BinnedData, TreeKernels } from './kernels.js';
import { scanBounds } from './splitter.js';

/** Leaves with fewer rows x features than this build their histogram on one thread (a job costs a few µs). */
export const PARALLEL_MIN_WORK = 32768;
/** Split scans of histograms with fewer bins than this run on one thread. */
const PARALLEL_MIN_BINS = 2048;
/** Score updates of fewer rows than this run on one thread. */
const PARALLEL_MIN_ROWS = 65536;

/** Arguments of the bestNumericSplit kernel (arena offsets and the feature count). */
type ScanArgs = [number, number, number, number, number, number, number, number];

/**
 * WebAssembly kernels over row-major `data` whose bins live in `arena` (followed by 16 bytes of
 * padding: the histogram kernel copies rows in 16-byte vectors); gradients passed to `build` must
 * be arena arrays too. With `session`, large leaves' histograms are split over its
 * worker threads (see the module doc: each piece of work is done whole by one thread).
 *
 * @example
 * const k = wasmKernels(data, arena, wasmParts(arena, data, 2), openKernelSession(arena, 2));
 */
export function wasmKernels(data: BinnedData, arena: Arena, parts: WasmParts, session: KernelSession | null): TreeKernels {
  if (!data.rowMajor || !data.colBins) throw new Error('wasmKernels: expects row-major bins with a column-major copy');
  const colP = data.colBins.byteOffset;
  const k = arena.gbdt;
  const nf = data.layout.nBins.length;
  const size = data.totalBins * 3;
  const { rows, tmp, feats, offB, nBins, cat, scratch, isCat, scanParams, scanOut } = parts;
  const threads = session ? Math.min(session.threads, parts.workerScratch.length + 1) : 1;
  const binsP = data.bins.byteOffset;
  const partOut = arena.i32(2);
  const leaf: { capacity: number; start: Int32Array; end: Int32Array; value: Float64Array } = { capacity: 0, start: new Int32Array(0), end: new Int32Array(0), value: new Float64Array(0) };
  let lastFeatures: Int32Array | null = null;
  let lastCount = -1;
  let contiguous = 0;
  /** Copies the feature list into the arena when it changed; returns whether it is a contiguous range. */
  const useFeatures = (features: Int32Array, nFeatures: number): number => {
    if (features !== lastFeatures || nFeatures !== lastCount) {
      if (features !== feats) feats.set(features.subarray(0, nFeatures));
      contiguous = 1;
      for (let j = 1; j < nFeatures; j++) if (feats[j] !== feats[0]! + j) contiguous = 0;
      lastFeatures = features;
      lastCount = nFeatures;
    }
    return contiguous;
  };
  return {
    rows,
    build(start, end, grad, hess, features, nFeatures, hist) {
      const c = useFeatures(features, nFeatures);
      const t = Math.min(threads, nFeatures);
      if (session && t > 1 && (end - start) * nFeatures >= PARALLEL_MIN_WORK) {
        // Worker w takes features[w*nf/t .. (w+1)*nf/t), this thread the last range: each
        // feature's bins are summed by one thread, in row order, so any t gives the same sums.
        for (let w = 0; w < t - 1; w++) {
          const j0 = Math.floor((w * nFeatures) / t);
          const j1 = Math.floor(((w + 1) * nFeatures) / t);
          session.args(w).set([binsP, nf, feats.byteOffset, j0, j1, c, offB.byteOffset, nBins.byteOffset, rows.byteOffset, start, end, grad.byteOffset, hess.byteOffset, hist.byteOffset, parts.workerScratch[w]!]);
        }
        session.dispatch('buildHistogram', t - 1);
        const j0 = Math.floor(((t - 1) * nFeatures) / t);
        k.buildHistogram(binsP, nf, feats.byteOffset, j0, nFeatures, c, offB.byteOffset, nBins.byteOffset, rows.byteOffset, start, end, grad.byteOffset, hess.byteOffset, hist.byteOffset, scratch.byteOffset);
        session.wait();
      } else {
        k.buildHistogram(binsP, nf, feats.byteOffset, 0, nFeatures, c, offB.byteOffset, nBins.byteOffset, rows.byteOffset, start, end, grad.byteOffset, hess.byteOffset, hist.byteOffset, scratch.byteOffset);
      }
    },
    subtract(parent, child, features, nFeatures) {
      useFeatures(features, nFeatures);
      k.subtractHistogram(parent.byteOffset, child.byteOffset, parent.byteOffset, feats.byteOffset, 0, nFeatures, offB.byteOffset, nBins.byteOffset);
    },
    partition(start, end, s) {
      let catP = 0;
      if (s.catLeft) {
        cat.set(s.catLeft);
        catP = cat.byteOffset;
      }
      const missing = nBins[s.feature]! - 1;
      const ml = s.missingLeft ? 1 : 0;
      if (!session || threads < 2 || end - start < PARALLEL_MIN_ROWS) {
        return k.partition(colP, data.n, s.feature, rows.byteOffset, start, end, tmp.byteOffset, s.bin, missing, ml, catP);
      }
      // Two halves partitioned at once, each keeping its right-hand rows in its own part of tmp;
      // then [left 0, left 1, right 0, right 1]: each side still in the original order.
      const mid = start + ((end - start) >> 1);
      const R = rows.byteOffset;
      const T = tmp.byteOffset;
      session.args(0).set([colP, data.n, s.feature, R, start, mid, T + 4 * start, s.bin, missing, ml, catP, partOut.byteOffset]);
      session.dispatch('partitionInto', 1);
      k.partitionInto(colP, data.n, s.feature, R, mid, end, T + 4 * mid, s.bin, missing, ml, catP, partOut.byteOffset + 4);
      session.wait();
      const l0 = partOut[0]! - start;
      const l1 = partOut[1]! - mid;
      const r0 = mid - start - l0;
      const r1 = end - mid - l1;
      k.copyBytes(R + 4 * (start + l0), R + 4 * mid, 4 * l1);
      k.copyBytes(R + 4 * (start + l0 + l1), T + 4 * start, 4 * r0);
      k.copyBytes(R + 4 * (start + l0 + l1 + r0), T + 4 * mid, 4 * r1);
      return start + l0 + l1;
    },
    newHist: () => arena.f64(size),
    addLeafValues(leafStart, leafEnd, leafValue, scores) {
      const L = leafValue.length;
      if (L > leaf.capacity) {
        leaf.capacity = Math.max(2 * leaf.capacity, L);
        leaf.start = arena.i32(leaf.capacity);
        leaf.end = arena.i32(leaf.capacity);
        leaf.value = arena.f64(leaf.capacity);
      }
      leaf.start.set(leafStart);
      leaf.end.set(leafEnd);
      leaf.value.set(leafValue);
      const args = (l0: number, l1: number): [number, number, number, number, number, number, number] => [rows.byteOffset, leaf.start.byteOffset, leaf.end.byteOffset, leaf.value.byteOffset, l0, l1, scores.byteOffset];
      let total = 0;
      for (let l = 0; l < L; l++) total += leafEnd[l]! - leafStart[l]!;
      if (session && threads > 1 && L > 1 && total >= PARALLEL_MIN_ROWS) {
        // Leaves hold disjoint rows: the worker takes the first leaves, up to about half the rows,
        // this thread the rest.
        let mid = 0;
        for (let acc = 0; mid < L - 1 && acc < total / 2; mid++) acc += leafEnd[mid]! - leafStart[mid]!;
        session.args(0).set(args(0, mid));
        session.dispatch('addLeafValues', 1);
        k.addLeafValues(...args(mid, L));
        session.wait();
      } else k.addLeafValues(...args(0, L));
    },
    scanNumeric(jobs, features, nFeatures, p) {
      if (jobs.length > scanOut.length) throw new RangeError(`scanNumeric: at most ${scanOut.length} leaves at once`);
      useFeatures(features, nFeatures);
      for (let q = 0; q < jobs.length; q++) {
        const job = jobs[q]!;
        const { parent, floor } = scanBounds(job.sumG, job.sumH, p);
        scanParams[q]!.set([job.sumG, job.sumH, job.count, p.lambdaL1, p.lambdaL2, p.minChildSamples, p.minChildWeight, parent, floor]);
      }
      const args = (q: number): ScanArgs => [jobs[q]!.hist.byteOffset, feats.byteOffset, nFeatures, offB.byteOffset, nBins.byteOffset, isCat.byteOffset, scanParams[q]!.byteOffset, scanOut[q]!.byteOffset];
      if (session && threads > 1 && jobs.length === 2 && data.totalBins >= PARALLEL_MIN_BINS) {
        // The worker scans the first leaf, this thread the second: one leaf, one thread, same result.
        session.args(0).set(args(0));
        session.dispatch('bestNumericSplit', 1);
        k.bestNumericSplit(...args(1));
        session.wait();
      } else {
        for (let q = 0; q < jobs.length; q++) k.bestNumericSplit(...args(q));
      }
      return jobs.map((job, q) => {
        const out = scanOut[q]!;
        const j = out[0]!;
        if (j < 0) return -1;
        const best = job.best;
        best.feature = features[j]!;
        best.gain = out[1]!;
        best.bin = out[2]!;
        best.catLeft = null;
        best.missingLeft = out[3] === 1;
        best.leftG = out[4]!;
        best.leftH = out[5]!;
        best.leftCount = out[6]!;
        return j;
      });
    },
  };
}

/**
 * The arena arrays the WebAssembly kernels work on, besides bins and gradients.
 *
 * @example
 * const parts = wasmParts(arena, data);
 */
export interface WasmParts {
  rows: Int32Array;
  tmp: Int32Array;
  /** The current feature list. */
  feats: Int32Array;
  /** Byte offset of each feature's first histogram slot (`offsets[f] * 24`). */
  offB: Int32Array;
  nBins: Int32Array;
  /** Left flags of a categorical split (one byte per bin, up to 256 bins). */
  cat: Uint8Array;
  /** Histogram scratch of the calling thread. */
  scratch: Uint8Array;
  /** 1 per categorical feature. */
  isCat: Uint8Array;
  /** Parameter and result records of the two split scans (f64[9], f64[8]). */
  scanParams: Float64Array[];
  scanOut: Float64Array[];
  /** Arena offsets of each worker's histogram scratch. */
  workerScratch: number[];
}

/**
 * Allocates the {@link WasmParts} of `data` in `arena`, for `threads` threads in all.
 *
 * @example
 * const parts = wasmParts(arena, data, 2);
 */
export function wasmParts(arena: Arena, data: BinnedData, threads = 1): WasmParts {
  const nf = data.layout.nBins.length;
  const offB = arena.i32(Math.max(1, nf));
  for (let f = 0; f < nf; f++) offB[f] = data.layout.offsets[f]! * 24;
  const nBins = arena.i32(Math.max(1, nf));
  nBins.set(data.layout.nBins);
  const isCat = arena.u8(Math.max(1, nf));
  isCat.set(data.layout.isCat);
  return {
    isCat,
    scanParams: [arena.f64(9), arena.f64(9)],
    scanOut: [arena.f64(8), arena.f64(8)],
    rows: arena.i32(data.n),
    tmp: arena.i32(data.n),
    feats: arena.i32(Math.max(1, nf)),
    offB,
    nBins, cat: arena.u8(256),
    scratch: arena.u8(arena.gbdt.histScratchBytes(nf)),
    workerScratch: Array.from({ length: Math.max(0, threads - 1) }, () => arena.alloc(arena.gbdt.histScratchBytes(nf))),
  };
}
