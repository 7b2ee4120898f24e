/**
 * Where `--model` points: a package folder when one exists at that path, else a registry reference
 * (`NAME@ALIAS`, `NAME@vN`, `NAME`) resolved in the store (SPECML_STORE or ./.specml/store.db).
 * A folder wins, so an existing `./credit` directory is never shadowed by a model named `credit`.
 * Resolving never creates a store.
 *
 * @example
 * const dir = await resolveModelDir('credit-risk@staging'); // …/.specml/models/credit-risk/v2
 */
import { existsSync, statSync } from 'node:fs';
import { SpecmlError } from '../core/errors.js';
import { looksLikeModelRef, openStore, resolveModelRef, type Store } from '../track/index.js';

export async function resolveModelDir(ref: string): Promise<string> {
  if (existsSync(ref) && statSync(ref).isDirectory()) return ref;
  // Not a folder and not a reference: loadModelPackage reports the missing folder.
  if (!looksLikeModelRef(ref)) return ref;
  const bare = !ref.includes('@');
  let store: Store;
  try {
    store = await openStore(undefined, { mustExist: true });
  } catch (err) {
    if (bare && err instanceof SpecmlError && err.code === 'store.not_found') return ref;
    throw err;
  }
  try {
    return (await resolveModelRef(store, ref)).packageDir;
  } catch (err) {
    if (bare && err instanceof SpecmlError && err.code === 'store.unknown_model') {
      throw new SpecmlError('artifact.not_found', `'${ref}' is neither a model package folder nor a model in the registry (${store.uri})`, {
        hint: 'Give the folder `specml train --out` wrote, or NAME@ALIAS of a registered model (`specml models list`).',
      });
    }
    throw err;
  } finally {
    await store.close();
  }
}
