/**
 * Columns that carry (almost) no information: one value everywhere, or one value nearly everywhere.
 */
import type { Issue } from '../../core/issue.js';
import { formatPct, topValue } from './stats.js';
import type { Check } from './types.js';

/**
 * Top-value share at or above which a column is near-constant. At 99% a column has at most 1 row
 * in 100 that differs: a tree needs min-leaf-size rows on each side of a split and CV folds see a
 * handful of the rare rows, so the column rarely helps (Ames `Utilities`: 2927 of 2930 'AllPub').
 * It is one rule for every kind, numeric included: "≤ 2 distinct values with a minority < 1%" is a
 * special case of it, and a numeric column with many rare values spread over 1% is still reported.
 */
export const NEAR_CONSTANT_SHARE = 0.99;

/**
 * `constant_column`: a non-target column with exactly one distinct present value. Warning: it
 * cannot inform a model (only its missingness can, when it has missing cells).
 *
 * @example
 * constantColumn.run({ frame, schema, target: 'y', rng: new Rng(1) });
 * // [{ code: 'constant_column', path: 'country', severity: 'warning', message: "country: every present value is 'US' (4454 rows)" }]
 */
export const constantColumn: Check = {
  name: 'constant_column',
  description: 'Columns with a single distinct non-missing value.',
  run(ctx) {
    const issues: Issue[] = [];
    for (const c of ctx.frame.columns) {
      if (c.name === ctx.target) continue;
      const t = topValue(c);
      if (t.distinct !== 1) continue;
      const nMissing = ctx.frame.nRows - t.nPresent;
      const missingNote = nMissing > 0 ? `; the other ${nMissing} are missing` : '';
      issues.push({
        code: 'constant_column',
        path: c.name,
        severity: 'warning',
        message: `${c.name}: every present value is '${t.label}' (${t.nPresent} rows${missingNote})`,
        hint:
          nMissing > 0
            ? `Drop '${c.name}', or keep only a "${c.name} is missing" indicator if missingness may matter.`
            : `Drop '${c.name}': a column with one value cannot help any model.`,
        details: { value: t.label, present: t.nPresent, missing: nMissing },
      });
    }
    return issues;
  },
};

/**
 * `near_constant_column`: a non-target column whose most frequent value covers at least
 * {@link NEAR_CONSTANT_SHARE} of its present rows (but not all). Info, not warning: the rare value
 * is sometimes exactly the signal (a fraud flag), so this asks for a look rather than a drop.
 *
 * @example
 * nearConstantColumn.run(ctx);
 * // [{ code: 'near_constant_column', path: 'Utilities', severity: 'info', message: "Utilities: 99.9% of rows are 'AllPub' (2927 of 2930)" }]
 */
export const nearConstantColumn: Check = {
  name: 'near_constant_column',
  description: `Columns whose top value covers at least ${NEAR_CONSTANT_SHARE * 100}% of present rows.`,
  run(ctx) {
    const issues: Issue[] = [];
    for (const c of ctx.frame.columns) {
      if (c.name === ctx.target) continue;
      const t = topValue(c);
      if (t.distinct < 2) continue;
      const share = t.count / t.nPresent;
      if (share < NEAR_CONSTANT_SHARE) continue;
      issues.push({
        code: 'near_constant_column',
        path: c.name,
        severity: 'info',
        message: `${c.name}: ${formatPct(share)} of rows are '${t.label}' (${t.count} of ${t.nPresent})`,
        hint: `Consider dropping '${c.name}' unless its ${t.nPresent - t.count} rare rows are the point (e.g. a rare flag that predicts the target).`,
        details: { value: t.label, count: t.count, present: t.nPresent, share, distinct: t.distinct },
      });
    }
    return issues;
  },
};
