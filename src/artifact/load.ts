/**
 * Reads a model package: checks the format and version, verifies weights.bin against its SHA-256,
 * and rebuilds the model through the model registry. Imports inference code only.
 *
 * @example
 * const { manifest, model } = await loadModelPackage('models/credit');
 * model.predict(frame);
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SpecmlError } from '../core/errors.js';
import type { PredictorModel } from '../core/estimator.js';
import { deserializeModel } from '../core/model-io.js';
import '../models/inference.js';
import { PACKAGE_FORMAT, PACKAGE_VERSION, type PackageManifest } from './manifest.js';

export interface LoadedPackage {
  dir: string;
  manifest: PackageManifest;
  model: PredictorModel;
}

export async function loadModelPackage(dir: string): Promise<LoadedPackage> {
  const file = path.join(dir, 'model.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new SpecmlError('artifact.not_found', `${dir}: no model package here (cannot read model.json: ${(e as NodeJS.ErrnoException).code ?? e})`, {
      hint: 'Pass the directory written by `specml train --out DIR`.',
      cause: e,
    });
  }
  let manifest: PackageManifest;
  try {
    manifest = JSON.parse(text) as PackageManifest;
  } catch (e) {
    throw new SpecmlError('artifact.corrupt', `${file}: not valid JSON (${(e as Error).message})`, { hint: 'The package is damaged: train the model again or restore it.' });
  }
  if (manifest.format !== PACKAGE_FORMAT) throw new SpecmlError('artifact.bad_format', `${file}: not a specml model package`, { hint: 'Pass a directory written by `specml train`.' });
  if (manifest.version > PACKAGE_VERSION) {
    throw new SpecmlError('artifact.newer_format', `${file}: package version ${manifest.version} is newer than this specml reads (${PACKAGE_VERSION})`, { hint: 'Upgrade specml.' });
  }
  const weights = await readFile(path.join(dir, manifest.weights.file)).catch((e: unknown) => {
    throw new SpecmlError('artifact.corrupt', `${dir}: cannot read ${manifest.weights.file}`, { hint: 'The package is incomplete: train the model again or restore it.', cause: e });
  });
  const sha = createHash('sha256').update(weights).digest('hex');
  if (sha !== manifest.weights.sha256 || weights.byteLength !== manifest.weights.bytes) {
    throw new SpecmlError('artifact.checksum', `${dir}: ${manifest.weights.file} does not match its checksum in model.json`, {
      hint: 'The file was changed or damaged after training: train the model again or restore it.',
    });
  }
  const buffers = manifest.weights.buffers.map((b) => weights.subarray(b.offset, b.offset + b.bytes));
  const model = deserializeModel(manifest.model, buffers);
  if (model.kind !== 'predictor') throw new SpecmlError('artifact.bad_format', `${file}: the package holds a ${model.kind}, not a predictor`);
  return { dir, manifest, model };
}
