/**
 * From frames to binned training data: fits one bin mapper per input column and bins frames
 * (training, validation) with them. Also the input specs the predictor needs (levels per
 * categorical column), so serving never sees a mapper.
 *
 * @example
 * const mappers = fitMappers(frame, opts);
 * const data = binFrame(frame, mappers, levelsOf(frame));
 */
import type { Column, Frame } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import type { Arena } from '../../kernels/wasm.js';
import { binColumn, columnBinner, fitMapper, numericValues, type BinMapper, type BinningOptions, type NumericMapper } from './binning.js';
import type { BinnedData } from './kernels.js';
import type { FeatureSpec } from './predictor.js';

/**
 * One mapper per column of `frame`, in column order.
 *
 * @example
 * fitMappers(frame, { maxBins: 255, maxCatBins: 64, minCatCount: 5 });
 */
export function fitMappers(frame: Frame, opts: BinningOptions): BinMapper[] {
  const n = frame.nRows;
  const cap = opts.sampleRows ?? 0;
  // One sample for all columns, from a fixed seed: the bins depend on the data only.
  const sample = cap > 0 && n > cap ? new Rng(0).fork('gbdt.bin_sample').sampleIndices(n, cap) : null;
  return frame.columns.map((c) => fitMapper(c, opts, sample));
}

/**
 * Training levels per column (undefined for non-categorical columns).
 *
 * @example
 * levelsOf(frame); // [undefined, ['own', 'rent'], ...]
 */
export function levelsOf(frame: Frame): (string[] | undefined)[] {
  return frame.columns.map((c) => (c.kind === 'categorical' ? c.levels : undefined));
}

const ROW_BLOCK = 2048;

/**
 * Where binned data goes: a row-major layout (the WebAssembly kernels') and the buffer to fill
 * (`Uint8Array[nFeatures * n]`, e.g. from an arena); default a new column-major buffer.
 *
 * @example
 * const into: BinTarget = { rowMajor: true, bins: arena.u8(nf * n) };
 */
export interface BinTarget {
  rowMajor: boolean;
  bins?: Uint8Array;
  /** The arena `bins` lives in: numeric columns are then binned by the WebAssembly kernel. */
  arena?: Arena | null;
  /** With `rowMajor`: also fill this column-major copy. */
  colBins?: Uint8Array;
}

function layoutOf(mappers: readonly BinMapper[]): Omit<BinnedData, 'n' | 'bins' | 'rowMajor'> {
  const nf = mappers.length;
  const offsets = new Int32Array(nf);
  const nBins = new Int32Array(nf);
  const isCat = new Uint8Array(nf);
  let total = 0;
  mappers.forEach((m, f) => {
    offsets[f] = total;
    nBins[f] = m.nBins;
    isCat[f] = m.kind === 'categorical' ? 1 : 0;
    total += m.nBins;
  });
  return { layout: { offsets, nBins, isCat }, totalBins: total };
}

/**
 * Bins every column of `frame` (same columns, same order as the mappers) into one
 * `Uint8Array[nFeatures * n]` with its histogram layout. `levels`: the training levels, so that a
 * validation frame with another level order bins by name.
 *
 * @example
 * const valid = binFrame(validationFrame, mappers, levelsOf(trainFrame));
 */
export function binFrame(frame: Frame, mappers: readonly BinMapper[], levels: readonly (string[] | undefined)[], into: BinTarget = { rowMajor: false }): BinnedData {
  const n = frame.nRows;
  const nf = mappers.length;
  const bins = into.bins ?? new Uint8Array(nf * n);
  if (into.rowMajor) {
    // Row blocks: each block's rows (ROW_BLOCK x nf bytes) stay in cache while every column writes
    // its byte of them; column by column over all rows would stream the whole buffer nf times.
    const binners = mappers.map((m, f) => (into.arena && m.kind === 'numeric' ? wasmBinner(into.arena, frame.columns[f]!, m) : columnBinner(frame.columns[f]!, m, levels[f])));
    for (let from = 0; from < n; from += ROW_BLOCK) {
      const to = Math.min(n, from + ROW_BLOCK);
      for (let f = 0; f < nf; f++) binners[f]!(bins.subarray(f), nf, from, to);
      if (into.colBins) transposeBlock(bins, nf, n, from, to, into.colBins);
    }
  } else mappers.forEach((m, f) => binColumn(frame.columns[f]!, m, levels[f], bins.subarray(f * n, (f + 1) * n)));
  return { n, bins, rowMajor: into.rowMajor, ...(into.rowMajor && into.colBins ? { colBins: into.colBins } : {}), ...layoutOf(mappers) };
}

/** Copies rows [from, to) of row-major `bins` (n rows x nf) into column-major `out`. */
function transposeBlock(bins: Uint8Array, nf: number, n: number, from: number, to: number, out: Uint8Array): void {
  for (let f = 0; f < nf; f++) {
    const o = f * n;
    for (let i = from; i < to; i++) out[o + i] = bins[i * nf + f]!;
  }
}

/**
 * A numeric column binner (as {@link columnBinner}) running the WebAssembly kernel: each block of
 * values is copied into the arena, binned there into `out` (an arena array). Same bins as binOf.
 */
function wasmBinner(arena: Arena, col: Column, m: NumericMapper): (out: Uint8Array, stride: number, from: number, to: number) => void {
  const values = numericValues(col);
  const edges = arena.f32(Math.max(1, m.edges.length));
  edges.set(m.edges);
  const block = arena.f64(ROW_BLOCK);
  const missing = m.nBins - 1;
  return (out, stride, from, to) => {
    block.set(values.subarray(from, to));
    arena.gbdt.binNumeric(block.byteOffset, 0, to - from, edges.byteOffset, m.edges.length, out.byteOffset + from * stride, stride, missing);
  };
}

/**
 * The rows `idx` of binned data (copies; same layout as `d` unless `into` says otherwise).
 *
 * @example
 * const train = takeRows(all, trainIdx);
 */
export function takeRows(d: BinnedData, idx: Int32Array, into: BinTarget = { rowMajor: d.rowMajor }): BinnedData {
  const m = idx.length;
  const nf = d.layout.nBins.length;
  const bins = into.bins ?? new Uint8Array(nf * m);
  const [rs, cs] = d.rowMajor ? [nf, 1] : [1, d.n];
  const [ors, ocs] = into.rowMajor ? [nf, 1] : [1, m];
  for (let f = 0; f < nf; f++) for (let i = 0; i < m; i++) bins[i * ors + f * ocs] = d.bins[idx[i]! * rs + f * cs]!;
  const { colBins: _, ...rest } = d;
  if (into.rowMajor && into.colBins) transposeBlock(bins, nf, m, 0, m, into.colBins);
  return { ...rest, n: m, bins, rowMajor: into.rowMajor, ...(into.rowMajor && into.colBins ? { colBins: into.colBins } : {}) };
}

/**
 * What the predictor needs to read each input column.
 *
 * @example
 * featureSpecs(mappers, levelsOf(frame));
 */
export function featureSpecs(mappers: readonly BinMapper[], levels: readonly (string[] | undefined)[]): FeatureSpec[] {
  return mappers.map((m, f) => {
    if (m.kind === 'numeric') return { kind: 'numeric' };
    const missing = m.nBins - 1;
    return { kind: 'categorical', levels: levels[f] ?? [], known: Uint8Array.from(m.levelBin, (b) => (b === missing ? 0 : 1)) };
  });
}
