/**
 * Loads a spec file: YAML or JSON (`.yaml`, `.yml`, `.json`, anything else not `.md`) or a PRP
 * markdown file (`.md`, `.markdown`). Relative data paths are resolved against the spec file's
 * folder, so a spec and its data can move together; what the user wrote is kept in
 * `data.given` for messages.
 *
 * @example
 * const spec = await loadSpec('examples/credit/specml.yaml');
 * spec.data.train;       // '/abs/path/examples/credit/credit.csv'
 * spec.data.given.train; // 'credit.csv'
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SpecmlError } from '../core/errors.js';
import { SpecLocator } from './locate.js';
import { parsePrp } from './prp.js';
import type { Spec } from './types.js';
import { validateSpec } from './validate.js';
import { readYaml } from './yaml.js';

/** Reads and validates a spec file. Throws `spec.not_found`, `spec.yaml_syntax` or `spec.invalid`. */
export async function loadSpec(file: string): Promise<Spec> {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
      throw new SpecmlError('spec.not_found', `spec file ${file} not found${code === 'EISDIR' ? ' (it is a folder)' : ''}`, {
        hint: 'Check the path, or write a starter spec with `specml init --data FILE --target COL`.',
        location: { file },
        cause: err,
      });
    }
    throw new SpecmlError('spec.unreadable', `cannot read spec file ${file}: ${(err as Error).message}`, { location: { file }, cause: err });
  }
  return { ...parseSpecText(text, file), file: abs };
}

/**
 * Parses and validates spec text as if it were the file `file` (its extension picks YAML or PRP;
 * its folder anchors relative data paths; its base name is the default `name`). Messages name
 * `file` as given.
 *
 * @example
 * const spec = parseSpecText('data: { train: a.csv, target: y }\n', '/tmp/churn.yaml');
 * spec.name;       // 'churn'
 * spec.data.train; // '/tmp/a.csv'
 */
export function parseSpecText(text: string, file: string): Spec {
  const isPrp = /\.(md|markdown)$/i.test(file);
  let raw: unknown;
  let spec: Spec;
  const withName = (v: unknown): unknown => (isPlainObject(v) && v.name === undefined ? { ...v, name: defaultName(file) } : v);
  if (isPrp) {
    const prp = parsePrp(text, file);
    raw = withName(prp.raw);
    spec = validateSpec(raw, { file, locator: prp.locator, extraIssues: prp.issues, suppress: prp.suppress });
  } else {
    const src = readYaml(text, file);
    raw = withName(src.doc.toJS());
    spec = validateSpec(raw, { file, locator: new SpecLocator([src]) });
  }
  return resolveDataPaths(spec, path.dirname(path.resolve(file)));
}

/**
 * The default spec name: the file's base name as a slug (`Credit Risk.yaml` → `credit-risk`); for
 * the conventional `specml.yaml` (or a PRP `README.md`/`prp.md`), the folder's name, since every
 * project's spec file is called that.
 */
function defaultName(file: string): string {
  let base = path.basename(file).replace(/\.[^.]*$/, '');
  if (/^(specml|prp|readme)$/i.test(base)) base = path.basename(path.dirname(path.resolve(file))) || base;
  return base.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '') || 'spec';
}

function resolveDataPaths(spec: Spec, dir: string): Spec {
  const given = { train: spec.data.train, ...(spec.data.test !== undefined ? { test: spec.data.test } : {}) };
  const data = { ...spec.data, train: resolveLocation(spec.data.train, dir), given };
  if (spec.data.test !== undefined) data.test = resolveLocation(spec.data.test, dir);
  return { ...spec, data };
}

/**
 * A path → absolute against `dir`; a `file:` URL → its path; `sqlite:`/`postgres:` URIs unchanged
 * (their own syntax decides what a relative database path means).
 */
function resolveLocation(loc: string, dir: string): string {
  if (/^file:\/\//i.test(loc)) return fileURLToPath(loc);
  if (/^file:/i.test(loc)) return path.resolve(dir, loc.slice('file:'.length));
  if (/^[a-z][a-z0-9+.-]+:/i.test(loc)) return loc;
  return path.resolve(dir, loc);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
