/**
 * `pipeline(steps)`: transformers in order, optionally ending in a predictor, as one estimator
 * (STYLE.md §3, sklearn's `Pipeline`). When the last step is a predictor the fitted pipeline is a
 * PredictorModel, so CV, tuning and ensembles treat it like any model; otherwise it is a
 * TransformerModel (and can sit inside `columns()` or another pipeline).
 *
 * No leakage by construction: step i is fitted on the output of steps 0..i-1 fitted on the
 * training frame only. That output comes from each step's `fitTransform` when it has one (see
 * {@link FitTransformer}): a target encoder hands the next step out-of-fold encodings of the
 * training rows, while the fitted pipeline encodes new rows with full-training statistics.
 * `ctx.validation`, when given, is passed through the already fitted steps so the final
 * predictor's early stopping sees features made the same way; each step gets its own rng fork
 * (`<index>:<name>`), so adding a step does not shift another step's draws.
 *
 * Params: `{ steps: [{ name, params }] }`. State: `{ steps: [{ name, params, inputs, state }] }`,
 * each step rebuilt through the model registry, so a pipeline round-trips through
 * `serializeModel` / `deserializeModel` when every step's module is loaded.
 *
 * @example
 * const est = pipeline([new SimpleImputer({}), new StandardScaler({}), new BaselineEstimator({})]);
 * const model = await est.fit(frame, target, { rng: new Rng(1) }); // a PredictorModel
 * model.kind === 'predictor' && model.predict(test);
 */
import { SpecmlError } from '../core/errors.js';
import {
  registerModel,
  selectInputs,
  type Estimator,
  type FitContext,
  type InputColumn,
  type LearningTask,
  type Model,
  type Params,
  type Prediction,
  type PredictorModel,
  type TransformerModel,
} from '../core/estimator.js';
import type { Column, Frame } from '../core/frame.js';
import type { StateValue } from '../core/state.js';
import { loadStep, saveStep } from './step-state.js';
import { fitTransform, type FitTransformer } from './transformer.js';

/**
 * Builds a pipeline estimator; every step but the last must be a transformer.
 *
 * @example
 * pipeline([new OneHot({}), new StandardScaler({})]).kind; // 'transformer'
 */
export function pipeline(steps: readonly Estimator[]): Pipeline {
  return new Pipeline(steps);
}

/** The pipeline estimator; see {@link pipeline}. */
export class Pipeline implements Estimator<Model>, FitTransformer {
  readonly name = 'pipeline';
  readonly kind: Model['kind'];
  readonly params: Params;
  readonly steps: readonly Estimator[];

  constructor(steps: readonly Estimator[]) {
    if (steps.length === 0) throw new SpecmlError('usage.bad_pipeline', 'a pipeline needs at least one step', { hint: 'Pass the steps in order, e.g. pipeline([imputer, scaler, model]).' });
    steps.forEach((s, i) => {
      if (i < steps.length - 1 && s.kind !== 'transformer') {
        throw new SpecmlError('usage.bad_pipeline', `pipeline step ${i + 1} ('${s.name}') is a ${s.kind}; only the last step may be a predictor`, { hint: 'Move the model to the end of the steps.' });
      }
    });
    this.steps = Object.freeze([...steps]);
    this.kind = steps[steps.length - 1]!.kind;
    this.params = Object.freeze({ steps: Object.freeze(steps.map((s) => Object.freeze({ name: s.name, params: s.params }))) });
  }

  async fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<Model> {
    return (await this.run(frame, target, ctx, false)).model;
  }

  /** Fits, and returns the training output the next step should see (transformer pipelines only). */
  async fitTransform(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<{ model: TransformerModel; output: Frame }> {
    if (this.kind !== 'transformer') {
      throw new SpecmlError('usage.bad_pipeline', 'a pipeline ending in a predictor has no transform output', { hint: 'Use it as the last step, or drop the predictor from it.' });
    }
    const { model, output } = await this.run(frame, target, ctx, true);
    return { model: model as TransformerModel, output };
  }

  private async run(frame: Frame, target: Column | undefined, ctx: FitContext, wantOutput: boolean): Promise<{ model: Model; output: Frame }> {
    let cur = frame;
    let val = ctx.validation?.frame;
    const models: Model[] = [];
    for (let i = 0; i < this.steps.length; i++) {
      const step = this.steps[i]!;
      const last = i === this.steps.length - 1;
      const stepCtx: FitContext = { ...ctx, rng: ctx.rng.fork(`${i}:${step.name}`), validation: val && ctx.validation ? { frame: val, target: ctx.validation.target } : undefined };
      let model: Model;
      if (step.kind === 'transformer' && (!last || wantOutput)) {
        const r = await fitTransform(step as Estimator<TransformerModel>, cur, target, stepCtx);
        model = r.model;
        cur = r.output;
        if (val && !last) val = r.model.transform(val);
      } else {
        model = await step.fit(cur, target, stepCtx);
      }
      models.push(model);
    }
    return { model: pipelineModel(this.params, models[0]!.inputs, models), output: cur };
  }
}

function pipelineModel(params: Params, inputs: readonly InputColumn[], models: Model[]): Model {
  const last = models[models.length - 1]!;
  return last.kind === 'predictor' ? new PipelinePredictor(params, inputs, models, last) : new PipelineTransformer(params, inputs, models);
}

/** Runs the transformer steps of `models` (all but a final predictor) on the model's inputs. */
function transformThrough(model: { name: string; inputs: readonly InputColumn[] }, models: readonly Model[], frame: Frame): Frame {
  let f = selectInputs(model, frame);
  for (const m of models) if (m.kind === 'transformer') f = m.transform(f);
  return f;
}

class PipelineTransformer implements TransformerModel {
  readonly kind = 'transformer';
  readonly name = 'pipeline';
  constructor(
    readonly params: Params,
    readonly inputs: readonly InputColumn[],
    private readonly models: readonly Model[],
  ) {
    Object.freeze(this);
  }

  transform(frame: Frame): Frame {
    return transformThrough(this, this.models, frame);
  }

  state(): StateValue {
    return { steps: this.models.map(saveStep) };
  }
}

class PipelinePredictor implements PredictorModel {
  readonly kind = 'predictor';
  readonly name = 'pipeline';
  readonly task: LearningTask;
  readonly classes?: readonly string[];
  constructor(
    readonly params: Params,
    readonly inputs: readonly InputColumn[],
    private readonly models: readonly Model[],
    private readonly last: PredictorModel,
  ) {
    this.task = last.task;
    if (last.classes) this.classes = last.classes;
    Object.freeze(this);
  }

  predict(frame: Frame): Prediction {
    return this.last.predict(transformThrough(this, this.models, frame));
  }

  /** The fitted steps in order, the predictor last (explanations look inside a pipeline). */
  get steps(): readonly Model[] {
    return this.models;
  }

  state(): StateValue {
    return { steps: this.models.map(saveStep) };
  }
}

/**
 * The fitted steps of a pipeline predictor (the predictor last), or undefined for any other model.
 *
 * @example
 * pipelineSteps(model)?.at(-1)?.name; // 'gbdt'
 */
export function pipelineSteps(model: PredictorModel): readonly Model[] | undefined {
  return model instanceof PipelinePredictor ? model.steps : undefined;
}

registerModel('pipeline', ({ params, inputs, state }) => {
  const steps = (state as { steps?: StateValue[] }).steps;
  if (!Array.isArray(steps) || steps.length === 0) throw new SpecmlError('artifact.bad_state', 'a saved pipeline has no steps');
  return pipelineModel(params, inputs, steps.map(loadStep));
});
