/**
 * `specml export --format esm`: one dependency-free JavaScript module that predicts with a model
 * package in a browser, a worker or an edge runtime. It is the prebuilt inference bundle
 * (dist/serve/esm-runtime.js, see src/serve/esm-entry.ts for its API and
 * scripts/build-esm-runtime.mjs for how it is made) with the package's manifest and weights
 * (base64) written in place of its placeholder. The weights are checked against the manifest's
 * SHA-256 before they are embedded (the package is loaded as `specml predict` loads it).
 *
 * @example
 * await exportEsm({ dir: 'models/credit', out: 'web/credit.mjs' });
 * // in the browser: import { predict } from './credit.mjs'; predict([{ Income: 129, ... }]);
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadModelPackage } from '../artifact/load.js';
import { writeFileAtomic } from '../core/atomic.js';
import { SpecmlError } from '../core/errors.js';

/** The bundle, from dist/ (two levels above this file in both src/serve and dist/serve). */
const RUNTIME = new URL('../../dist/serve/esm-runtime.js', import.meta.url);
const PLACEHOLDER = /(["'])__SPECML_EMBEDDED_PACKAGE__\1/;

export interface EsmExport {
  out: string;
  bytes: number;
  /** Of the model: name, task and weights hash, as in its manifest. */
  name: string;
  sha256: string;
}

export async function exportEsm(o: { dir: string; out: string }): Promise<EsmExport> {
  const { manifest } = await loadModelPackage(o.dir);
  const weights = await readFile(path.join(o.dir, manifest.weights.file));
  const runtime = await readFile(RUNTIME, 'utf8').catch((e: unknown) => {
    throw new SpecmlError('usage.not_built', `the ESM runtime bundle is missing (${RUNTIME.pathname})`, {
      hint: 'Run `npm run build` in the specml checkout (it bundles the runtime), then export again.',
      cause: e,
    });
  });
  if (!PLACEHOLDER.test(runtime)) throw new Error(`${RUNTIME.pathname}: the package placeholder is missing; rebuild with npm run build`);
  const embedded = JSON.stringify({ manifest, weights: weights.toString('base64') });
  const header = [
    `// ${manifest.name}: a specml model as one ES module (specml export --format esm).`,
    `// Task ${manifest.task}; weights sha256 ${manifest.weights.sha256}.`,
    `// import { predict, manifest, outputs } from './${path.basename(o.out)}'; predict([{ column: value, ... }])`,
    '',
  ].join('\n');
  // A function replacement: `$` sequences in the JSON must not be read as replacement patterns.
  const text = header + runtime.replace(PLACEHOLDER, () => embedded);
  await writeFileAtomic(o.out, text);
  return { out: o.out, bytes: Buffer.byteLength(text), name: manifest.name, sha256: manifest.weights.sha256 };
}
