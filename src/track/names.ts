/**
 * Model and alias names: what may appear in `NAME@ALIAS`, in a URL path and as a folder under the
 * store. Letters, digits, `.`, `_`, `-`, starting with a letter or digit, at most 100 characters:
 * no separators, no `..`, so a name can never escape the store's folder.
 *
 * @example
 * checkName('credit-risk', 'model name'); // ok
 * checkName('../etc', 'model name');      // SpecmlError store.bad_name
 */
import { SpecmlError } from '../core/errors.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function checkName(name: string, what: string): void {
  if (typeof name !== 'string' || !NAME.test(name) || name.includes('..')) {
    throw new SpecmlError('store.bad_name', `${what} '${String(name)}' is not allowed`, {
      hint: 'Use letters, digits, ".", "_" and "-", starting with a letter or digit (at most 100 characters).',
    });
  }
}
