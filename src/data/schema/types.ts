/**
 * The schema document: what a column is, beyond how the file stored it. It is saved with a model
 * and checked against new data in training, batch prediction and serving alike.
 */
export type SemanticType = 'numeric' | 'integer' | 'boolean' | 'categorical' | 'datetime' | 'text';

export interface ColumnSchema {
  name: string;
  type: SemanticType;
  nullable: boolean;
  /** Looks like a row identifier (unique or near-unique keys, sequential integers): not a feature. */
  idLike: boolean;
  /** categorical/boolean: the levels seen, sorted. */
  categories?: string[];
  /** numeric/integer/datetime (datetime as ISO strings in JSON, ms here): observed range. */
  min?: number;
  max?: number;
  /** Why the type was chosen, for the report (e.g. "12 distinct strings in 4454 rows"). */
  reason?: string;
}

export interface Schema {
  version: 1;
  columns: ColumnSchema[];
}
