/**
 * The target as a learner sees it: class codes for classification, values for regression, with
 * the checks every learner needs (a regression target must be numeric, a classifier needs two
 * classes, no missing labels).
 *
 * @example
 * encodeTarget(frame.column('Status')); // { task: 'binary', classes: ['bad', 'good'], codes: Int32Array [...] }
 */
import { SpecmlError } from '../core/errors.js';
import type { LearningTask } from '../core/estimator.js';
import type { Column } from '../core/frame.js';
import { isMissing } from '../core/frame.js';
import { encodeClasses } from '../data/classes.js';

export type EncodedTarget =
  | { task: 'regression'; values: Float64Array }
  | { task: 'binary' | 'multiclass'; classes: string[]; codes: Int32Array; counts: number[] };

/**
 * `task` 'auto' (default): numeric targets are regression, everything else classification.
 * A numeric target can be forced to classification (class labels are the numbers as strings).
 */
export function encodeTarget(target: Column, task: LearningTask | 'auto' = 'auto'): EncodedTarget {
  const n = target.kind === 'categorical' ? target.codes.length : target.values.length;
  let missing = 0;
  for (let i = 0; i < n; i++) if (isMissing(target, i)) missing++;
  if (missing > 0) {
    throw new SpecmlError('data.target_missing', `target '${target.name}' is missing in ${missing} of ${n} rows`, {
      hint: 'Drop the rows without a label before fitting (specml run does this and reports how many).',
    });
  }
  const regression = task === 'regression' || (task === 'auto' && target.kind === 'numeric');
  if (regression) {
    if (target.kind !== 'numeric') {
      throw new SpecmlError('data.target_not_numeric', `regression needs a numeric target, but '${target.name}' is ${target.kind}`, {
        hint: 'Use a classification task for labels, or convert the target to numbers.',
      });
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(target.values[i]!)) {
        throw new SpecmlError('data.target_not_finite', `target '${target.name}' holds ${target.values[i]} at row ${i + 1}`, { hint: 'Remove or fix rows with infinite targets.' });
      }
    }
    return { task: 'regression', values: target.values };
  }
  const { codes, classes, counts } = encodeClasses(target);
  if (classes.length < 2) {
    throw new SpecmlError('data.single_class', `target '${target.name}' has a single class ('${classes[0] ?? ''}'): a classifier needs at least two`, {
      hint: 'Check the target column and any row filter; a fold or sample may have lost the rare class.',
    });
  }
  const kind = task === 'auto' ? (classes.length === 2 ? 'binary' : 'multiclass') : task;
  if (kind === 'binary' && classes.length !== 2) {
    throw new SpecmlError('data.not_binary', `task binary needs 2 classes, but '${target.name}' has ${classes.length}`, { hint: 'Use task multiclass.' });
  }
  return { task: kind, classes, codes, counts };
}
