/**
 * The entry of the module `specml export --format esm` writes: the inference code of every model
 * family and preprocessing step (bundled without Node built-ins by scripts/build-esm-runtime.mjs
 * into dist/serve/esm-runtime.js), with one package's manifest and weights embedded in place of
 * {@link EMBEDDED}. In a browser or an edge runtime it predicts what `specml predict` and `specml
 * serve` predict, bit for bit: the rows are checked and converted by the server's own code
 * (serve/input.ts), and the model is the package's, rebuilt by the same loaders. GBDT walks use the
 * WebAssembly kernels where shared WebAssembly memory is available (cross-origin isolated pages,
 * Deno, Node) and the JavaScript walker elsewhere; both give the same bits.
 *
 * The module's API:
 *
 * @example
 * import { predict, manifest } from './credit-risk.mjs';
 * predict([{ Seniority: 9, Home: 'rent', Income: 129 }]);
 * // [{ prediction: 'good', proba_bad: 0.21, proba_good: 0.79 }]
 * manifest.input.schema.columns; // the signature
 */
import type { PackageManifest } from '../artifact/manifest.js';
import { outputColumns } from '../artifact/manifest.js';
import type { PredictorModel } from '../core/estimator.js';
import { deserializeModel } from '../core/model-io.js';
import '../models/inference.js';
import { rowsFromBody, type InputIssue } from './input.js';

/**
 * Replaced by the exporter with `{ manifest, weights }` (weights: base64 of weights.bin). The
 * placeholder must stay a plain string literal so the exporter finds it in the bundle.
 */
const EMBEDDED = '__SPECML_EMBEDDED_PACKAGE__' as unknown as { manifest: PackageManifest; weights: string };

/** Input that does not fit the model's signature: `issues` lists each value (row, field, expected, got). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly issues: InputIssue[],
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export const manifest: PackageManifest = EMBEDDED.manifest;

let model: PredictorModel | undefined;

function load(): PredictorModel {
  if (model) return model;
  const bytes = Uint8Array.from(atob(EMBEDDED.weights), (c) => c.charCodeAt(0));
  const buffers = manifest.weights.buffers.map((b) => bytes.subarray(b.offset, b.offset + b.bytes));
  model = deserializeModel(manifest.model, buffers) as PredictorModel;
  return model;
}

/**
 * Predicts rows (an array of `{column: value}` objects, or a body `{ rows }` / `{ columns }` as the
 * server takes): one object per row with the id columns given, `prediction`, and `proba_<class>`
 * for classifiers. Throws {@link InputError} listing every bad value.
 *
 * @example
 * predict({ columns: { Seniority: [9, 1], Home: ['rent', 'owner'] } }).length; // 2
 */
export function predict(input: unknown): Record<string, unknown>[] {
  const body = Array.isArray(input) ? { rows: input } : input;
  const parsed = rowsFromBody(body, manifest.input.schema, manifest.input.id_columns);
  if ('issues' in parsed) {
    const first = parsed.issues[0]!;
    const n = parsed.issues.length + parsed.more;
    throw new InputError(`${n} input problem${n === 1 ? '' : 's'}; first: row ${first.row}, field ${first.field}: expected ${first.expected}, got ${first.got}`, parsed.issues);
  }
  const m = load();
  const p = m.predict(parsed.frame);
  const classes = m.classes ?? [];
  const k = classes.length;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < parsed.n; i++) {
    const row: Record<string, unknown> = {};
    for (const id of manifest.input.id_columns) if (id in parsed.ids) row[id] = parsed.ids[id]![i];
    if (manifest.task === 'regression') row['prediction'] = p.values[i];
    else {
      row['prediction'] = classes[p.values[i]!];
      for (let j = 0; j < k; j++) row[`proba_${classes[j]}`] = p.proba![i * k + j];
    }
    out.push(row);
  }
  return out;
}

/** The output columns, in order: `prediction`, then `proba_<class>` per class. */
export const outputs: readonly string[] = outputColumns(manifest.task, manifest.classes);
