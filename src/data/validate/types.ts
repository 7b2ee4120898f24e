/**
 * The contract every data-quality check implements. A check is a pure function of its context:
 * it reads the frame (never mutates it), draws randomness only from `ctx.rng.fork(<its name>)`,
 * and returns findings as data (`Issue[]`, STYLE.md §15) rather than throwing.
 */
import type { Frame } from '../../core/frame.js';
import type { Issue } from '../../core/issue.js';
import type { Rng } from '../../core/rng.js';
import type { Schema } from '../schema/types.js';
import type { Task } from '../task.js';

/**
 * What a check may look at.
 *
 * @example
 * const ctx: CheckContext = { frame, schema, target: 'SalePrice', task: 'regression', rng: new Rng(42) };
 */
export interface CheckContext {
  /** The training data, target included. */
  frame: Frame;
  /** Inferred schema for `frame`'s columns (same names, same order). */
  schema: Schema;
  /** The target column's name, when known. */
  target?: string;
  /** The inferred task, when known. */
  task?: Task;
  /** A separate test set, when given. */
  test?: Frame;
  /** Source of all sampling; a check forks it with its own name so checks do not shift each other. */
  rng: Rng;
}

/**
 * A named check. `name` is also the `code` of every issue it returns.
 *
 * @example
 * const check: Check = { name: 'no_rows', description: 'The frame has no rows.',
 *   run: (ctx) => ctx.frame.nRows === 0 ? [{ code: 'no_rows', path: 'rows', severity: 'error', message: 'No rows.' }] : [] };
 */
export interface Check {
  name: string;
  /** One sentence for `--help` and reports. */
  description: string;
  run(ctx: CheckContext): Issue[];
}
