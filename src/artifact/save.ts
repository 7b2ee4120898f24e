/**
 * Writes a model package directory: model.json, weights.bin, reference.json (the training profile
 * for drift monitoring) and card.md. The directory is assembled beside the target and renamed into
 * place, so a reader never sees half a package and a failed save leaves the old one intact.
 *
 * @example
 * await saveModelPackage('models/credit', { model, name: 'credit', target: 'Status', schema, ... });
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../core/atomic.js';
import type { PredictorModel } from '../core/estimator.js';
import { serializeModel } from '../core/model-io.js';
import type { Reference } from '../data/profile/types.js';
import type { Schema } from '../data/schema/types.js';
import { renderCard } from './card.js';
import { PACKAGE_FORMAT, PACKAGE_VERSION, outputColumns, type PackageManifest } from './manifest.js';

export interface PackageInput {
  model: PredictorModel;
  name: string;
  target: string;
  schema: Schema;
  idColumns: string[];
  positiveClass?: string;
  seed: number;
  data: { file: string; sha256: string; rows: number };
  specmlVersion: string;
  reference?: Reference;
  /** Recorded as lineage.training (e.g. the AutoML trials and choice). */
  training?: Record<string, unknown>;
}

export async function saveModelPackage(dir: string, p: PackageInput): Promise<PackageManifest> {
  const { json, buffers } = serializeModel(p.model);
  const refs: { offset: number; bytes: number }[] = [];
  let size = 0;
  for (const b of buffers) {
    size = align8(size);
    refs.push({ offset: size, bytes: b.byteLength });
    size += b.byteLength;
  }
  const weights = new Uint8Array(size);
  buffers.forEach((b, i) => weights.set(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), refs[i]!.offset));
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    specml_version: p.specmlVersion,
    name: p.name,
    task: p.model.task,
    target: p.target,
    ...(p.model.classes ? { classes: [...p.model.classes] } : {}),
    ...(p.positiveClass ? { positive_class: p.positiveClass } : {}),
    input: { schema: p.schema, id_columns: p.idColumns },
    output: { columns: outputColumns(p.model.task, p.model.classes) },
    model: json,
    weights: { file: 'weights.bin', bytes: size, sha256: createHash('sha256').update(weights).digest('hex'), buffers: refs },
    lineage: { seed: p.seed, data: p.data, params: { ...p.model.params }, ...(p.training ? { training: p.training } : {}) },
  };

  const parent = path.dirname(path.resolve(dir));
  await mkdir(parent, { recursive: true });
  const tmp = path.join(parent, `.${path.basename(dir)}.tmp-${randomBytes(4).toString('hex')}`);
  try {
    await writeFileAtomic(path.join(tmp, 'weights.bin'), weights);
    await writeFileAtomic(path.join(tmp, 'model.json'), JSON.stringify(manifest, null, 1) + '\n');
    if (p.reference) await writeFileAtomic(path.join(tmp, 'reference.json'), JSON.stringify(p.reference) + '\n');
    await writeFileAtomic(path.join(tmp, 'card.md'), renderCard(manifest));
    await replaceDir(tmp, path.resolve(dir));
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  return manifest;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** Moves `from` to `to`, replacing an existing directory (old one renamed aside, then removed). */
async function replaceDir(from: string, to: string): Promise<void> {
  const exists = await stat(to).then(
    () => true,
    () => false,
  );
  if (!exists) return rename(from, to);
  const aside = `${to}.old-${randomBytes(4).toString('hex')}`;
  await rename(to, aside);
  try {
    await rename(from, to);
  } catch (err) {
    await rename(aside, to);
    throw err;
  }
  await rm(aside, { recursive: true, force: true });
}
