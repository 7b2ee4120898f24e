/**
 * model.json of a model package (DESIGN.md §5): everything needed to use the model, with no
 * training code and no native dependency. Buffers live in weights.bin, referenced by offset and
 * checked by SHA-256; a package never contains code.
 */
import type { LearningTask } from '../core/estimator.js';
import type { SerializedModel } from '../core/model-io.js';
import type { Schema } from '../data/schema/types.js';

export const PACKAGE_FORMAT = 'specml.package';
export const PACKAGE_VERSION = 1;

export interface BufferRef {
  /** Byte offset in weights.bin (8-byte aligned so any typed array can view it). */
  offset: number;
  bytes: number;
}

export interface PackageManifest {
  format: typeof PACKAGE_FORMAT;
  version: number;
  specml_version: string;
  name: string;
  task: LearningTask;
  target: string;
  classes?: string[];
  positive_class?: string;
  /** The input contract: the training schema of the feature columns. */
  input: { schema: Schema; id_columns: string[] };
  /** Columns `predict` writes, in order (after the id columns). */
  output: { columns: string[] };
  model: SerializedModel;
  weights: { file: 'weights.bin'; bytes: number; sha256: string; buffers: BufferRef[] };
  lineage: {
    seed: number;
    data: { file: string; sha256: string; rows: number };
    params: Record<string, unknown>;
    /** How the model was chosen (AutoML: budget, trials, the final choice and why), when it was searched for. */
    training?: Record<string, unknown>;
  };
}

/** Output column names: `prediction`, then one `proba_<class>` per class for classifiers. */
export function outputColumns(task: LearningTask, classes: readonly string[] | undefined): string[] {
  return task === 'regression' ? ['prediction'] : ['prediction', ...(classes ?? []).map((c) => `proba_${c}`)];
}
