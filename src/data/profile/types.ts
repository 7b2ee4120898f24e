/**
 * The data profile: plain JSON-safe data. The analysis report, the monitoring reference and the
 * dashboard all read this one shape.
 */
import type { SemanticType } from '../schema/types.js';

export interface Histogram {
  /** Bin edges, length = counts.length + 1. */
  edges: number[];
  counts: number[];
}

export interface NumericStats {
  min: number;
  max: number;
  mean: number;
  std: number;
  /** Quantiles at the probabilities in {@link QUANTILE_PROBS}, same order. */
  quantiles: number[];
  zeros: number;
  skewness: number;
  histogram: Histogram;
}

export const QUANTILE_PROBS = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99] as const;

export interface CategoryCount {
  value: string;
  count: number;
}

export interface CategoricalStats {
  /** Most frequent levels, descending count, at most 20. */
  top: CategoryCount[];
  /** Rows in levels not listed in `top` (missing excluded). */
  otherCount: number;
}

export interface TextStats {
  meanLength: number;
  maxLength: number;
  meanTokens: number;
}

export interface DatetimeStats {
  /** ISO 8601 strings. */
  min: string;
  max: string;
  histogram: Histogram;
}

export interface TargetAssociation {
  /**
   * mutual_information (nats, estimated on binned values) for a categorical target;
   * pearson / correlation_ratio for a numeric target.
   */
  measure: 'mutual_information' | 'pearson' | 'correlation_ratio';
  value: number;
  /** Normalised to [0, 1] so columns can be ranked across measures. */
  normalized: number;
}

export interface ColumnProfile {
  name: string;
  type: SemanticType;
  idLike: boolean;
  count: number;
  missing: number;
  distinct: number;
  numeric?: NumericStats;
  categorical?: CategoricalStats;
  text?: TextStats;
  datetime?: DatetimeStats;
  association?: TargetAssociation;
}

export interface Profile {
  rows: number;
  /** Column profiles in file order. */
  columns: ColumnProfile[];
  target?: string;
  /** Sum of missing cells over all columns. */
  missingCells: number;
  /** Rows used to compute the profile (all rows unless the file was sampled). */
  sampledRows: number;
}

/**
 * Rows of the training data kept for drift monitoring (reference.json's `sample`): two-sample
 * tests need the values, not only the histograms. Cells as JSON values (numbers, strings,
 * booleans, datetimes as ISO strings, null for missing), column by column.
 */
export interface ReferenceSample {
  /** Rows kept. */
  rows: number;
  /** Rows they were drawn from (uniformly, without replacement). */
  of: number;
  seed: number;
  columns: Record<string, (number | string | boolean | null)[]>;
}

/** reference.json: the training profile, with a sample of its rows (absent in packages written before monitoring). */
export interface Reference extends Profile {
  sample?: ReferenceSample;
}
