/**
 * Input checks for the fairness functions. Each failure is a {@link SpecmlError} in the `data.*`
 * family (exit code 2: the caller's input) naming the first offending row, so a bad label
 * encoding is caught here instead of turning into a selection rate of 1.7.
 *
 * @example
 * const y = binaryLabels('yTrue', [0, 1, 1], 3); // Int32Array [0, 1, 1]
 */
import { SpecmlError } from '../../core/errors.js';

/**
 * Copies `values` into an `Int32Array[n]` after checking that every entry is 0 or 1 and that
 * there are exactly `n` of them.
 *
 * @example
 * binaryLabels('yPred', Float64Array.of(1, 0), 2); // Int32Array [1, 0]
 */
export function binaryLabels(name: 'yTrue' | 'yPred', values: ArrayLike<number>, n: number): Int32Array {
  checkLength(name, values.length, n);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== 0 && v !== 1) {
      const target = name === 'yTrue';
      throw new SpecmlError(target ? 'data.non_binary_target' : 'data.non_binary_prediction', `${name}[${i}] is ${v}; the binary fairness report needs 0/1 ${target ? 'labels' : 'predictions'}`, {
        hint: target
          ? 'Encode the positive class as 1 and every other class as 0 (e.g. y === "bad" ? 1 : 0); for a numeric target use regressionFairnessReport.'
          : 'Threshold the scores first (score >= 0.5 ? 1 : 0, or applyGroupThresholds).',
      });
    }
    out[i] = v;
  }
  return out;
}

/**
 * Checks that an input has one entry per frame row.
 *
 * @example
 * checkLength('score', 10, 10); // ok
 */
export function checkLength(name: string, got: number, n: number): void {
  if (got !== n) {
    throw new SpecmlError('data.length_mismatch', `${name} has ${got} entries but the data has ${n} rows`, {
      hint: 'Pass one value per row of the frame, in the frame’s row order.',
    });
  }
}

/**
 * Copies `values` into a `Float64Array[n]`, rejecting NaN and ±Infinity.
 *
 * @example
 * finiteValues('score', [0.2, 0.9], 2); // Float64Array [0.2, 0.9]
 */
export function finiteValues(name: string, values: ArrayLike<number>, n: number): Float64Array {
  checkLength(name, values.length, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new SpecmlError('data.not_finite', `${name}[${i}] is ${v}; fairness metrics need finite numbers`, { hint: 'Drop or impute the rows with missing predictions or targets first.' });
    out[i] = v;
  }
  return out;
}
