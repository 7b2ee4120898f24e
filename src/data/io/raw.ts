/**
 * What a reader produces before schema inference: columns as the file stored them.
 *
 * Shapes (n = nRows):
 * - number: `values: Float64Array[n]`, NaN for a missing cell (empty or an NA token).
 * - string: dictionary-encoded, `codes: Int32Array[n]` into `levels`, -1 for missing. Levels are
 *   in first-seen order. Dictionary encoding keeps low-cardinality columns small while reading.
 * - boolean: `values: Uint8Array[n]`, 0/1, 255 missing (JSONL and Parquet booleans).
 * - datetime: `values: Float64Array[n]`, ms since epoch UTC, NaN missing (Parquet timestamps).
 *
 * `data/schema` turns a RawTable into a typed {@link Frame}.
 */
import type { Issue } from '../../core/issue.js';

export type RawColumn =
  | { type: 'number'; name: string; values: Float64Array }
  | { type: 'string'; name: string; codes: Int32Array; levels: string[] }
  | { type: 'boolean'; name: string; values: Uint8Array }
  | { type: 'datetime'; name: string; values: Float64Array };

export type SourceFormat = 'csv' | 'jsonl' | 'parquet';

export interface RawTable {
  names: string[];
  columns: RawColumn[];
  nRows: number;
  source: {
    file: string;
    format: SourceFormat;
    /** Bytes read from disk (compressed size for .gz). */
    bytes: number;
    /** CSV only: the delimiter used, detected or given. */
    delimiter?: string;
    /** True when reading stopped at `maxRows` before the end of the file. */
    truncated: boolean;
  };
  /** Non-fatal findings while reading (renamed empty header, BOM, ...). */
  warnings: Issue[];
}

export interface ReadOptions {
  /** CSV: force a delimiter instead of detecting it. */
  delimiter?: string;
  /** Strings read as missing, replacing the default NA token list. */
  naValues?: readonly string[];
  /** Stop after this many data rows (the RawTable is then marked truncated). */
  maxRows?: number;
}
