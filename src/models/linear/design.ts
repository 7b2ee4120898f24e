/**
 * Frame → dense design matrix, with the checks every linear model needs.
 *
 * Linear models multiply numbers, so every input column must be numeric or boolean (booleans as
 * 0/1) and every cell finite. Categorical, text and datetime columns are refused with a pointer to
 * the encoders in the features module rather than silently coded as integers, which would impose a
 * made-up order; missing values are refused rather than imputed here, because an imputer fitted
 * inside the pipeline is the only place that can use training statistics without leakage.
 *
 * Layout: `x: Float64Array[n * p]`, row-major (row i is `x[i*p .. i*p+p)`), built once per fit or
 * predict. Row-major suits the per-row loss and gradient loops of logistic regression; coordinate
 * descent makes its own column-major copy. Memory: 8·n·p bytes.
 *
 * @example
 * const d = designMatrix(Frame.fromColumns([numericColumn('a', Float64Array.of(1, 2))]), 'ridge');
 * d.x; // Float64Array [1, 2]; d.n === 2, d.p === 1
 */
import { SpecmlError } from '../../core/errors.js';
import { BOOL_MISSING, type Frame } from '../../core/frame.js';

/**
 * A dense design matrix: `x[i * p + j]` is row i, column j (n x p, row-major).
 *
 * @example
 * const { x, n, p } = designMatrix(frame, 'ridge'); // x.length === n * p
 */
export interface Design {
  x: Float64Array;
  n: number;
  p: number;
  names: string[];
}

/**
 * Copies the frame's columns, in frame order, into an n x p row-major matrix, refusing
 * non-numeric columns, missing values and infinities with errors that name the column.
 * `model` names the caller in messages (e.g. 'logistic_regression').
 *
 * @example
 * designMatrix(frame, 'lasso').x; // Float64Array[n * p]
 */
export function designMatrix(frame: Frame, model: string): Design {
  const n = frame.nRows;
  const p = frame.nCols;
  const x = new Float64Array(n * p);
  frame.columns.forEach((c, j) => {
    if (c.kind === 'numeric') {
      let missing = 0;
      let infinite = 0;
      for (let i = 0; i < n; i++) {
        const v = c.values[i]!;
        if (v !== v) missing++;
        else if (v === Infinity || v === -Infinity) infinite++;
        x[i * p + j] = v;
      }
      if (missing > 0) throw missingError(model, c.name, missing, n);
      if (infinite > 0) {
        throw new SpecmlError('data.not_finite', `${model}: column '${c.name}' holds ${infinite} infinite value${infinite === 1 ? '' : 's'}`, {
          hint: 'Replace or clip infinite values (often a division by zero upstream) before fitting a linear model.',
        });
      }
    } else if (c.kind === 'boolean') {
      let missing = 0;
      for (let i = 0; i < n; i++) {
        const v = c.values[i]!;
        if (v === BOOL_MISSING) missing++;
        x[i * p + j] = v === 1 ? 1 : 0;
      }
      if (missing > 0) throw missingError(model, c.name, missing, n);
    } else {
      throw new SpecmlError('data.not_numeric', `${model}: column '${c.name}' is ${c.kind}, but a linear model needs numeric or boolean columns`, {
        hint:
          c.kind === 'text'
            ? `Turn '${c.name}' into numbers first (a text vectoriser from the features module), or drop it.`
            : c.kind === 'datetime'
              ? `Derive numeric features from '${c.name}' (e.g. year, day of week) with the features module, or drop it.`
              : `Put a one-hot or ordinal encoder (features module) before the ${model} model for '${c.name}'.`,
      });
    }
  });
  return { x, n, p, names: frame.names };
}

function missingError(model: string, name: string, missing: number, n: number): SpecmlError {
  return new SpecmlError('data.missing_values', `${model}: column '${name}' is missing in ${missing} of ${n} rows`, {
    hint: `Add an imputer (features module) before the ${model} model, or drop the rows or the column.`,
  });
}
