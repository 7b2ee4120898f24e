/**
 * The models a server holds: each a loaded package (no training code) under the name clients use,
 * with the version it was registered as. Names are looked up in a Map, never joined into a path,
 * so a request cannot reach outside the models it was started with.
 *
 * @example
 * const m = await loadServed({ dir: '.specml/models/credit-risk/v2' });
 * m.name; // 'credit-risk'
 */
import path from 'node:path';
import { loadModelPackage, outputColumns, type PackageManifest } from '../artifact/index.js';
import type { PredictorModel } from '../core/estimator.js';
import type { Frame } from '../core/frame.js';

export interface ServedModel {
  name: string;
  version: string;
  dir: string;
  manifest: PackageManifest;
  model: PredictorModel;
  /** Output column names: `prediction`, then `proba_<class>` per class. */
  outputs: string[];
}

/** A package folder as served: name from its manifest unless given, version from a registry folder (`vN`) or the weights' hash. */
export async function loadServed(o: { dir: string; name?: string; version?: string }): Promise<ServedModel> {
  const pkg = await loadModelPackage(o.dir);
  const base = path.basename(path.resolve(o.dir));
  const version = o.version ?? (/^v\d+$/.test(base) ? base : `sha-${pkg.manifest.weights.sha256.slice(0, 12)}`);
  return { name: o.name ?? pkg.manifest.name, version, dir: o.dir, manifest: pkg.manifest, model: pkg.model, outputs: outputColumns(pkg.manifest.task, pkg.manifest.classes) };
}

/** Predictions as output columns (the same as `specml predict` writes): labels, then class probabilities. */
export function predictColumns(m: ServedModel, frame: Frame): Record<string, unknown[]> {
  const p = m.model.predict(frame);
  const n = frame.nRows;
  if (m.manifest.task === 'regression') return { prediction: Array.from(p.values) };
  const classes = m.model.classes ?? [];
  const k = classes.length;
  const out: Record<string, unknown[]> = { prediction: Array.from(p.values, (v) => classes[v]!) };
  classes.forEach((c, j) => {
    out[`proba_${c}`] = Array.from({ length: n }, (_, i) => p.proba![i * k + j]!);
  });
  return out;
}
