/**
 * The per-leaf work of tree growth behind one interface: build a histogram, subtract one from its
 * parent's, partition a leaf's rows by a split, scan for numeric splits, add leaf values to the
 * training scores. Two implementations give bit-identical results:
 *
 * - `wasmKernels` (wasm-kernels.ts): WebAssembly (assembly/gbdt.ts) over row-major bins in an arena,
 *   optionally with worker threads (a KernelSession): large leaves' histograms by feature
 *   ranges, the two children's split scans one per thread, score updates by leaves, large
 *   partitions by halves; the default.
 * - {@link jsKernels}: plain JavaScript over column-major bins (histogram.ts, splitter.ts); used
 *   when WebAssembly is unavailable or disabled (`SPECML_WASM=0`), and as the reference in tests.
 *
 * Both sum every histogram bin over the leaf's rows in the order of `rows`, one addition per row,
 * and scan splits in the same order with the same arithmetic, so the float64 sums, the splits and
 * the models are the same for either, and for any thread count.
 *
 * @example
 * const k = arena ? wasmKernels(data, arena, wasmParts(arena, data), null) : jsKernels(data);
 * k.build(0, n, grad, hess, features, nf, hist);
 */
import { buildHistogram, gatherGradients, subtractHistogram } from './histogram.js';
import type { HistLayout, SplitInfo, SplitParams } from './splitter.js';

/**
 * Binned training data (see histogram.ts for the histogram layout). Bin of row i, feature f:
 * `bins[f * n + i]` (column-major) or `bins[i * nFeatures + f]` (`rowMajor`, then usually with a
 * column-major copy `colBins` as well: partitions and tree walks read one feature of many rows).
 *
 * @example
 * const data: BinnedData = binFrame(frame, mappers, levelsOf(frame));
 */
export interface BinnedData {
  /** Rows. */
  n: number;
  /** `Uint8Array[nFeatures * n]`. */
  bins: Uint8Array;
  /** True: row i's bins are contiguous (the WebAssembly kernels' layout); false: column-major. */
  rowMajor: boolean;
  /** With `rowMajor`: the same bins column-major (`bins[f * n + i]`), needed by the WebAssembly kernels. */
  colBins?: Uint8Array;
  layout: HistLayout;
  /** Sum of nBins over features: a histogram has `totalBins * 3` slots. */
  totalBins: number;
}

/**
 * Bin of row `i`, feature `f` of `d` (for cold paths; hot loops hoist the strides).
 *
 * @example
 * binAt(data, 0, 3);
 */
export function binAt(d: BinnedData, i: number, f: number): number {
  if (!d.rowMajor) return d.bins[f * d.n + i]!;
  return d.colBins ? d.colBins[f * d.n + i]! : d.bins[i * d.layout.nBins.length + f]!;
}

/**
 * Tree-growth kernels bound to one fit's data and buffers.
 *
 * @example
 * const mid = kernels.partition(leaf.start, leaf.end, split);
 */
export interface TreeKernels {
  /** The row index array the grower partitions (`Int32Array[n]`); leaves are ranges of it. */
  readonly rows: Int32Array;
  /** `hist` = histogram of `rows[start..end)` over `features[0..nFeatures)`, with per-row gradients `grad`/`hess`. */
  build(start: number, end: number, grad: Float64Array, hess: Float64Array, features: Int32Array, nFeatures: number, hist: Float64Array): void;
  /** `parent -= child` over the features' slots. */
  subtract(parent: Float64Array, child: Float64Array, features: Int32Array, nFeatures: number): void;
  /** Stable partition of `rows[start..end)` by split `s`, left rows first; returns the boundary. */
  partition(start: number, end: number, s: SplitInfo): number;
  /** A histogram buffer of `totalBins * 3` slots (contents undefined; `build` zeroes what it writes). */
  newHist(): Float64Array;
  /**
   * The numeric split scan of up to two leaves as a kernel (in parallel when threads are there):
   * each job's best numeric split goes into `job.best` exactly as splitter.ts's sequential scan
   * would find it; returns each one's index in `features` (-1: none). Null: scan in JavaScript.
   */
  readonly scanNumeric: ((jobs: readonly ScanJob[], features: Int32Array, nFeatures: number, p: SplitParams) => number[]) | null;
  /**
   * `scores[rows[q]] += leafValue[l]` for every leaf l and q in its range of `rows` (one addition
   * per row: the same sums whoever adds them). `scores` is `Float64Array[n]` from the fit's
   * allocator (an arena array for the WebAssembly kernels).
   */
  addLeafValues(leafStart: readonly number[], leafEnd: readonly number[], leafValue: readonly number[], scores: Float64Array): void;
}

/**
 * One leaf to scan for its best numeric split.
 *
 * @example
 * const job: ScanJob = { hist, sumG, sumH, count, best: emptySplit() };
 */
export interface ScanJob {
  hist: Float64Array;
  sumG: number;
  sumH: number;
  count: number;
  best: SplitInfo;
}

/**
 * JavaScript kernels over column-major `data`.
 *
 * @example
 * const k = jsKernels(binFrame(frame, mappers, levels));
 */
export function jsKernels(data: BinnedData): TreeKernels {
  if (data.rowMajor) throw new Error('jsKernels: expects column-major bins');
  const n = data.n;
  const { offsets, nBins } = data.layout;
  const ordG = new Float64Array(n);
  const ordH = new Float64Array(n);
  const tmp = new Int32Array(n);
  const rows = new Int32Array(n);
  const size = data.totalBins * 3;
  return {
    rows,
    build(start, end, grad, hess, features, nFeatures, hist) {
      gatherGradients(rows, start, end, grad, hess, ordG, ordH);
      buildHistogram(data.bins, n, features, nFeatures, offsets, nBins, rows, start, end, ordG, ordH, hist);
    },
    subtract(parent, child, features, nFeatures) {
      subtractHistogram(parent, child, parent, features, nFeatures, offsets, nBins);
    },
    partition(start, end, s) {
      const col = s.feature * n;
      const bins = data.bins;
      const missing = nBins[s.feature]! - 1;
      const cat = s.catLeft;
      let l = start;
      let r = 0;
      for (let k = start; k < end; k++) {
        const row = rows[k]!;
        const b = bins[col + row]!;
        const goLeft = cat ? cat[b] === 1 : b === missing ? s.missingLeft : b <= s.bin;
        if (goLeft) rows[l++] = row;
        else tmp[r++] = row;
      }
      for (let q = 0; q < r; q++) rows[l + q] = tmp[q]!;
      return l;
    },
    newHist: () => new Float64Array(size),
    scanNumeric: null,
    addLeafValues(leafStart, leafEnd, leafValue, s) {
      for (let l = 0; l < leafValue.length; l++) {
        const v = leafValue[l]!;
        for (let q = leafStart[l]!; q < leafEnd[l]!; q++) s[rows[q]!] = s[rows[q]!]! + v;
      }
    },
  };
}
