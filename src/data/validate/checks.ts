/**
 * The built-in checks, registered in the order reports list them (target first, then rows, then
 * columns), and the entry point that runs them.
 */
import type { Issue } from '../../core/issue.js';
import { sortIssues } from '../../core/issue.js';
import { constantColumn, nearConstantColumn } from './constant.js';
import { duplicateRows, trainTestOverlap } from './duplicates.js';
import { idLikeColumn } from './id-like.js';
import { targetLeakage } from './leakage.js';
import { highMissing } from './missing.js';
import { outliers } from './outliers.js';
import { CheckRegistry } from './registry.js';
import { classImbalance, targetMissing } from './target-checks.js';
import type { CheckContext } from './types.js';

/**
 * A fresh registry holding every built-in check; add your own with `register`.
 *
 * @example
 * const reg = builtinChecks();
 * reg.register({ name: 'my_check', description: 'Mine.', run: () => [] });
 * runChecks(ctx, undefined, reg);
 */
export function builtinChecks(): CheckRegistry {
  return new CheckRegistry([
    targetMissing,
    classImbalance,
    targetLeakage,
    duplicateRows,
    trainTestOverlap,
    idLikeColumn,
    constantColumn,
    nearConstantColumn,
    highMissing,
    outliers,
  ]);
}

const defaults = builtinChecks();

/**
 * Runs the named checks (all registered ones by default) and returns their issues sorted most
 * severe first (`sortIssues`). Throws a RangeError for an unknown name: that is a caller's bug,
 * not a finding about the data.
 *
 * @example
 * const issues = runChecks({ frame, schema, target: 'SalePrice', task: 'regression', rng: new Rng(42) });
 * const onlyRows = runChecks(ctx, ['duplicate_rows', 'train_test_overlap']);
 */
export function runChecks(ctx: CheckContext, names?: readonly string[], registry: CheckRegistry = defaults): Issue[] {
  const checks = names === undefined ? registry.list() : names.map((n) => registry.get(n));
  const issues: Issue[] = [];
  for (const check of checks) issues.push(...check.run(ctx));
  return sortIssues(issues);
}
