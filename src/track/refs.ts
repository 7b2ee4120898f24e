/**
 * Model references as people write them: `NAME@ALIAS` (`credit-risk@champion`), `NAME@vN` or
 * `NAME@N` (a version), or `NAME` alone (the latest version).
 *
 * @example
 * parseModelRef('credit-risk@staging'); // { name: 'credit-risk', alias: 'staging' }
 * const v = await resolveModelRef(store, 'credit-risk@staging');
 * v.packageDir; // …/.specml/models/credit-risk/v3
 */
import { SpecmlError } from '../core/errors.js';
import { checkName } from './names.js';
import type { ModelVersion, Store } from './types.js';

export type ModelRef = { name: string; alias: string } | { name: string; version: number } | { name: string };

/** Whether `s` reads as a registry reference rather than a path (no path separators, one `@` at most). */
export function looksLikeModelRef(s: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*(@[A-Za-z0-9._-]+)?$/.test(s) && !s.includes('..');
}

export function parseModelRef(ref: string): ModelRef {
  const at = ref.indexOf('@');
  const name = at < 0 ? ref : ref.slice(0, at);
  checkName(name, 'model name');
  if (at < 0) return { name };
  const tail = ref.slice(at + 1);
  const v = /^v?(\d+)$/.exec(tail);
  if (v) return { name, version: Number(v[1]) };
  checkName(tail, 'alias');
  return { name, alias: tail };
}

export async function resolveModelRef(store: Store, ref: string): Promise<ModelVersion> {
  const r = parseModelRef(ref);
  if ('version' in r) return store.getModelVersion(r.name, r.version);
  if ('alias' in r) {
    const aliases = await store.aliases(r.name);
    const v = aliases[r.alias];
    if (v === undefined) {
      const known = Object.keys(aliases);
      throw new SpecmlError('store.unknown_alias', `model '${r.name}' has no alias '${r.alias}'${(await store.listVersions(r.name)).length ? '' : ' (no such model in the registry)'}`, {
        hint: known.length ? `Aliases of ${r.name}: ${known.map((a) => `${a} -> v${aliases[a]}`).join(', ')}.` : `List models with \`specml models list\` (store: ${store.uri}).`,
      });
    }
    return store.getModelVersion(r.name, v);
  }
  const versions = await store.listVersions(r.name);
  if (versions.length === 0) throw new SpecmlError('store.unknown_model', `no model named '${r.name}' in the registry (${store.uri})`, { hint: 'List models with `specml models list`, or give a package folder.' });
  return versions[versions.length - 1]!;
}
