/**
 * Test helpers for expected failures (test-only; *.fixture.ts files are not built).
 *
 * @example
 * expect(thrown(() => metric('rmes')).code).toBe('usage.unknown_metric');
 * expect(code(() => parse('ok'))).toBeUndefined();
 */
import { SpecmlError } from './errors.js';

/** The SpecmlError that `fn` throws (fails the test if it throws anything else or nothing). */
export function thrown(fn: () => unknown): SpecmlError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SpecmlError) return e;
    throw e;
  }
  throw new Error('expected a SpecmlError');
}

/** The code of the SpecmlError `fn` throws, or undefined when it returns (other errors propagate). */
export function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof SpecmlError) return e.code;
    throw e;
  }
  return undefined;
}
