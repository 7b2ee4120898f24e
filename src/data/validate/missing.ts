/**
 * Missing values per column.
 */
import { isMissing, type Column } from '../../core/frame.js';
import type { Issue } from '../../core/issue.js';
import { formatPct } from './stats.js';
import type { Check } from './types.js';

/**
 * Thresholds on a column's missing ratio. 5%: below it, any imputer is harmless and the report
 * stays quiet. 50%: the column is mostly imputed values, so imputation choices start to decide what
 * a model learns. 95%: almost empty, so only missingness itself can carry signal.
 */
export const MISSING_INFO = 0.05;
export const MISSING_WARN = 0.5;
export const MISSING_EMPTY = 0.95;

/**
 * Number of missing cells in a column. O(n).
 *
 * @example
 * missingCount(numericColumn('x', new Float64Array([1, NaN]))); // 1
 */
export function missingCount(c: Column): number {
  let m = 0;
  switch (c.kind) {
    case 'numeric':
    case 'datetime':
      for (let i = 0; i < c.values.length; i++) if (c.values[i] !== c.values[i]) m++;
      return m;
    case 'categorical':
      for (let i = 0; i < c.codes.length; i++) if (c.codes[i]! < 0) m++;
      return m;
    default:
      for (let i = 0; i < c.values.length; i++) if (isMissing(c, i)) m++;
      return m;
  }
}

/**
 * `high_missing`: non-target columns with missing ratio ≥ 5% (info), ≥ 50% (warning), ≥ 95%
 * (warning, "almost empty"). The target has its own check, `target_missing`.
 *
 * @example
 * highMissing.run(ctx);
 * // [{ code: 'high_missing', path: 'PoolQC', severity: 'warning', message: 'PoolQC is almost empty: 99.6% missing (2917 of 2930 rows)' }]
 */
export const highMissing: Check = {
  name: 'high_missing',
  description: 'Columns with many missing values.',
  run(ctx) {
    const n = ctx.frame.nRows;
    if (n === 0) return [];
    const issues: Issue[] = [];
    for (const c of ctx.frame.columns) {
      if (c.name === ctx.target) continue;
      const missing = missingCount(c);
      const ratio = missing / n;
      if (ratio < MISSING_INFO) continue;
      const numbers = `${formatPct(ratio)} missing (${missing} of ${n} rows)`;
      const details = { missing, rows: n, ratio };
      if (ratio >= MISSING_EMPTY) {
        issues.push({
          code: 'high_missing',
          path: c.name,
          severity: 'warning',
          message: `${c.name} is almost empty: ${numbers}`,
          hint: `Drop '${c.name}', or replace it with a "${c.name} is present" indicator if presence may matter.`,
          details,
        });
      } else if (ratio >= MISSING_WARN) {
        issues.push({
          code: 'high_missing',
          path: c.name,
          severity: 'warning',
          message: `${c.name} is mostly missing: ${numbers}`,
          hint: `Check whether missing means "none" (then fill it with that), and add a missing indicator rather than trusting imputed values.`,
          details,
        });
      } else {
        issues.push({
          code: 'high_missing',
          path: c.name,
          severity: 'info',
          message: `${c.name}: ${numbers}`,
          hint: 'It will be imputed; check whether values are missing at random.',
          details,
        });
      }
    }
    return issues;
  },
};
