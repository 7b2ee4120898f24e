/**
 * What a run was asked to do, as recorded with it: the spec (as loaded, or pointed at new data
 * for a retrain), its hash, and the fingerprints of its data.
 *
 * @example
 * const spec = retrainSpec(await loadSpec('specml.yaml'), 'new.csv');
 * await fingerprint(spec, 'train'); // sha256 of new.csv
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SpecmlError } from '../../core/errors.js';
import type { Spec } from '../../spec/index.js';
import { sha256File } from '../train.js';

/**
 * The data fingerprint recorded with a run: the file's sha256; a database URI is recorded as
 * itself (the rows behind it are read, not hashed). A missing file is the spec's mistake.
 */
export async function fingerprint(spec: Spec, field: 'train' | 'test'): Promise<string> {
  const file = spec.data[field]!;
  if (/^[a-z][a-z0-9+]*:/i.test(file) && !/^file:/i.test(file) && !/^[a-z]:[\\/]/i.test(file)) return `uri:${file}`;
  if (!existsSync(file)) {
    throw new SpecmlError('spec.data_not_found', `data.${field} '${spec.data.given?.[field] ?? file}' does not exist (looked for ${file})`, {
      hint: "Paths in a spec are relative to the spec file's folder; fix the path or move the file.",
      location: { ...(spec.file ? { file: spec.file } : {}), path: `data.${field}` },
    });
  }
  return sha256File(file);
}

/** sha256 of the spec as loaded (defaults filled, file path left out): what the run was asked to do. */
export function specHash(spec: Spec): string {
  const { file: _file, ...rest } = spec;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/**
 * The spec of a retrain (pipeline/retrain.ts): trained on `train` instead of data.train, its
 * holdout split from that file (data.test is dropped: the old test set says nothing of the new data).
 */
export function retrainSpec(spec: Spec, train: string): Spec {
  const { test: _test, ...data } = spec.data;
  return { ...spec, data: { ...data, train: path.resolve(train), given: { train } } };
}
