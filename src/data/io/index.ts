export type { RawColumn, RawTable, ReadOptions, SourceFormat } from './raw.js';
export { readTable, SUPPORTED_EXTENSIONS } from './read.js';
export { readCsv, readCsvBatches } from './csv.js';
export { readJsonl, readJsonlBatches, toColumn as rawColumnFromCells } from './jsonl.js';
export { readParquet, readParquetBatches } from './parquet.js';
export { DEFAULT_NA_VALUES, parseNumber } from './number.js';
