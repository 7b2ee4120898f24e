/**
 * Stacking (Wolpert 1992; AutoGluon's multi-layer stack): base models' predictions become extra
 * columns beside the original features, and a second-layer model is trained on both. At
 * prediction time the bases predict first, their outputs are appended as the same columns, and
 * the second layer predicts from the augmented frame.
 *
 * The stack columns per base: its value (regression), its probability of the second class
 * (binary), or one probability per class (multiclass), named `__stack_<base>_<k>`. For training,
 * the caller builds them from the bases' out-of-fold predictions (never from predictions on rows
 * a base was fitted on), with {@link augmentFrame}.
 *
 * @example
 * const aug = augmentFrame(frame, ['gbdt_a'], [oofProba], 'binary');
 * const stacked = new StackedModel({}, [gbdtModel], ['gbdt_a'], metaModel);
 */
import { numericColumn, Frame, type Column } from '../../core/frame.js';
import { registerModel, type InputColumn, type LearningTask, type Params, type Prediction, type PredictorModel } from '../../core/estimator.js';
import { SpecmlError } from '../../core/errors.js';
import type { StateValue } from '../../core/state.js';
import { loadStep, saveStep } from '../../features/step-state.js';

/** Stack columns contributed by one base: 1 for regression and binary, k for multiclass. */
export function stackWidth(task: LearningTask, k: number): number {
  return task === 'multiclass' ? k : 1;
}

/** Names of the stack columns of `bases`, in order. */
export function stackColumnNames(bases: readonly string[], task: LearningTask, k: number): string[] {
  const w = stackWidth(task, k);
  return bases.flatMap((b) => Array.from({ length: w }, (_, j) => `__stack_${b}_${j}`));
}

/**
 * `frame` with the stack columns appended. `preds[b]`: base b's predictions on these rows —
 * values `[n]` (regression) or probabilities `[n * k]` (classification).
 */
export function augmentFrame(frame: Frame, bases: readonly string[], preds: readonly Float64Array[], task: LearningTask, k = 0): Frame {
  const n = frame.nRows;
  const w = stackWidth(task, k);
  const names = stackColumnNames(bases, task, k);
  const cols: Column[] = [];
  preds.forEach((p, b) => {
    for (let j = 0; j < w; j++) {
      const v = new Float64Array(n);
      if (task === 'regression') v.set(p.subarray(0, n));
      else {
        const c = task === 'binary' ? 1 : j;
        for (let i = 0; i < n; i++) v[i] = p[i * k + c]!;
      }
      cols.push(numericColumn(names[b * w + j]!, v, false));
    }
  });
  return Frame.fromColumns([...frame.columns, ...cols], n);
}

export class StackedModel implements PredictorModel {
  readonly kind = 'predictor';
  readonly name = 'stacked';
  readonly task: LearningTask;
  readonly classes?: readonly string[];
  readonly inputs: readonly InputColumn[];

  constructor(
    readonly params: Params,
    readonly bases: readonly PredictorModel[],
    readonly baseNames: readonly string[],
    readonly meta: PredictorModel,
  ) {
    if (bases.length === 0 || bases.length !== baseNames.length) throw new SpecmlError('usage.bad_stack', `a stack needs one name per base model (${bases.length} bases, ${baseNames.length} names)`, { hint: 'Pass the ids of the bases the stack columns were built from.' });
    this.task = meta.task;
    if (meta.classes) this.classes = meta.classes;
    for (const b of bases) {
      if (b.task !== meta.task || JSON.stringify(b.classes ?? null) !== JSON.stringify(meta.classes ?? null)) {
        throw new SpecmlError('usage.bad_stack', `stack base '${b.name}' and the second layer disagree on the task or classes`, { hint: 'Stack models fitted on the same target.' });
      }
    }
    // The original columns any base or the second layer reads; the stack columns are made here.
    const seen = new Map<string, InputColumn>();
    for (const m of [...bases, meta]) for (const c of m.inputs) if (!c.name.startsWith('__stack_') && !seen.has(c.name)) seen.set(c.name, c);
    this.inputs = [...seen.values()];
    Object.freeze(this);
  }

  predict(frame: Frame): Prediction {
    const k = this.classes?.length ?? 0;
    const preds = this.bases.map((b) => {
      const p = b.predict(frame);
      return this.task === 'regression' ? p.values : p.proba!;
    });
    return this.meta.predict(augmentFrame(frame, this.baseNames, preds, this.task, k));
  }

  state(): StateValue {
    return { bases: this.bases.map((m) => saveStep(m) as unknown as StateValue), names: [...this.baseNames], meta: saveStep(this.meta) as unknown as StateValue };
  }
}

registerModel('stacked', ({ params, state }) => {
  const s = state as { bases?: StateValue[]; names?: string[]; meta?: StateValue };
  if (!Array.isArray(s.bases) || !Array.isArray(s.names) || !s.meta) throw new SpecmlError('artifact.bad_state', 'a saved stack has no bases or second layer', { hint: 'The package is damaged; train it again.' });
  const bases = s.bases.map(loadStep);
  const meta = loadStep(s.meta);
  if ([...bases, meta].some((m) => m.kind !== 'predictor')) throw new SpecmlError('artifact.bad_state', 'a saved stack holds a transformer', { hint: 'The package is damaged; train it again.' });
  return new StackedModel(params, bases as PredictorModel[], s.names, meta as PredictorModel);
});
