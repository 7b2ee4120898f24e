/**
 * How checks see the target: the column, and whether it is a classification target (its class codes come from data/classes.ts).
 */
import type { Column } from '../../core/frame.js';
import type { CheckContext } from './types.js';

/**
 * The target column, or undefined when there is no target or it is absent from the frame.
 *
 * @example
 * targetColumn({ frame, schema, target: 'y', rng }); // frame.get('y')
 */
export function targetColumn(ctx: CheckContext): Column | undefined {
  return ctx.target === undefined ? undefined : ctx.frame.get(ctx.target);
}

/**
 * Whether the target is a class label. The task decides when known ('text' and 'image' tasks still
 * learn a class label); otherwise categorical, boolean and text targets are classes and numeric ones
 * are not (a datetime target is neither).
 *
 * @example
 * isClassificationTarget(numericColumn('y', new Float64Array([0, 1])), 'binary'); // true
 */
export function isClassificationTarget(col: Column, task: CheckContext['task']): boolean {
  if (col.kind === 'datetime') return false;
  if (task !== undefined) return task !== 'regression';
  return col.kind !== 'numeric';
}
