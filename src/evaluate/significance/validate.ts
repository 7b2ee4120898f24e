/**
 * Input checks shared by the significance tests. Each failure is a {@link SpecmlError} in the
 * `data.*` family (exit code 2: the caller's input) whose message starts with the test's name.
 *
 * @example
 * checkScores('corrected t-test', 'differences', diffs, 2);
 */
import { SpecmlError } from '../../core/errors.js';

/**
 * Throws the test's error.
 *
 * @example
 * fail('mcnemar', 'data.length_mismatch', 'yTrue has 5 rows but predA has 4.');
 */
export function fail(test: string, code: string, message: string, hint?: string): never {
  throw new SpecmlError(code, `${test}: ${message}`, hint === undefined ? {} : { hint });
}

/**
 * Checks that `x` has at least `min` entries (fold scores or differences), all finite.
 *
 * @example
 * checkScores('5x2cv t-test', 'differences', Float64Array.of(0.1, 0.2), 2); // ok
 */
export function checkScores(test: string, name: string, x: Float64Array, min: number): void {
  if (x.length === 0) fail(test, 'data.empty', `${name} is empty.`, 'Pass one score (or score difference) per cross-validation fold.');
  if (x.length < min) {
    fail(test, 'data.too_few_folds', `${name} has ${x.length} value(s); the test needs at least ${min}.`, 'A variance across folds needs at least two folds; run more folds or repeats.');
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!)) fail(test, 'data.nan', `${name}[${i}] is ${x[i]}.`, 'A fold whose score is NaN or infinite failed; fix or drop that fold for every candidate.');
  }
}

/**
 * Checks that every named array has `n` rows, and that `n > 0`.
 *
 * @example
 * checkLengths('mcnemar', [['yTrue', 3], ['predA', 3]]); // ok
 */
export function checkLengths(test: string, arrays: readonly (readonly [string, number])[]): number {
  const [first, n] = arrays[0]!;
  if (n === 0) fail(test, 'data.empty', `${first} is empty.`, 'Pass at least one row.');
  for (const [name, m] of arrays.slice(1)) {
    if (m !== n) fail(test, 'data.length_mismatch', `${first} has ${n} entries but ${name} has ${m}.`, 'Both candidates must be scored on the same rows (or folds), in the same order.');
  }
  return n;
}

/**
 * Checks a train/test size pair of the corrected t-test: positive and finite (means allowed, so
 * folds that differ by a row can pass their average sizes).
 *
 * @example
 * checkSizes('corrected t-test', 900, 100); // ok
 */
export function checkSizes(test: string, nTrain: number, nTest: number): void {
  for (const [name, v] of [['nTrain', nTrain], ['nTest', nTest]] as const) {
    if (!(v > 0 && Number.isFinite(v))) fail(test, 'usage.bad_param', `${name} must be a positive number of rows, got ${v}.`, 'Pass the (mean) number of training and test rows per fold.');
  }
}

/**
 * Checks a confidence level in (0, 1).
 *
 * @example
 * checkLevel('delong', 0.95); // ok
 */
export function checkLevel(test: string, level: number): void {
  if (!(level > 0 && level < 1)) fail(test, 'usage.bad_param', `level must be in (0, 1), got ${level}.`, 'Use e.g. 0.95 for a 95% interval.');
}

/**
 * Mean and sample variance (n − 1 denominator) by two passes, which keeps the variance of
 * near-equal values (fold scores agreeing to 1e-10) from cancelling to a negative number.
 *
 * @example
 * meanVar(Float64Array.of(1, 2, 3)); // { mean: 2, variance: 1 }
 */
export function meanVar(x: Float64Array): { mean: number; variance: number } {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  const mean = s / x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i]! - mean) ** 2;
  return { mean, variance: x.length > 1 ? ss / (x.length - 1) : NaN };
}
