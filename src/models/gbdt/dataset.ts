/**
 * From frames to binned training data: fits one bin mapper per input column and bins frames
 * (training, validation) with them. Also the input specs the predictor needs (levels per
 * categorical column), so serving never sees a mapper.
 *
 * @example
 * const mappers = fitMappers(frame, opts);
 * const data = binFrame(frame, mappers, levelsOf(frame));
 */
import type { Frame } from '../../core/frame.js';
import { binColumn, fitMapper, type BinMapper, type BinningOptions } from './binning.js';
import type { BinnedData } from './kernels.js';
import type { FeatureSpec } from './predictor.js';

/**
 * One mapper per column of `frame`, in column order.
 *
 * @example
 * fitMappers(frame, { maxBins: 255, maxCatBins: 64, minCatCount: 5 });
 */
export function fitMappers(frame: Frame, opts: BinningOptions): BinMapper[] {
  return frame.columns.map((c) => fitMapper(c, opts));
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
  mappers.forEach((m, f) => {
    if (into.rowMajor) binColumn(frame.columns[f]!, m, levels[f], bins.subarray(f), nf);
    else binColumn(frame.columns[f]!, m, levels[f], bins.subarray(f * n, (f + 1) * n));
  });
  return { n, bins, rowMajor: into.rowMajor, ...layoutOf(mappers) };
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
  return { ...d, n: m, bins, rowMajor: into.rowMajor };
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
