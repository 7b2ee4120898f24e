/**
 * A fitted predictor split into "transform the frame" and "the model at the end", so model-specific
 * explainers (TreeSHAP) can reach a tree model that sits behind transformers in a pipeline.
 *
 * The steps come from `pipelineSteps` (features/pipeline.ts): the fitted models themselves, no copy.
 *
 * @example
 * const { transform, last } = pipelineParts(model);
 * last.predict(transform(frame)); // same as model.predict(frame)
 */
import { selectInputs, type PredictorModel } from '../../core/estimator.js';
import type { Frame } from '../../core/frame.js';
import { pipelineSteps } from '../../features/index.js';

/**
 * A predictor as its input transformation and final model (`transform` is the identity for a
 * model that is not a pipeline).
 *
 * @example
 * const parts: PipelineParts = pipelineParts(model);
 */
export interface PipelineParts {
  transform: (frame: Frame) => Frame;
  last: PredictorModel;
}

/**
 * Splits `model` into its transformer steps and final predictor, unwrapping nested pipelines.
 *
 * @example
 * pipelineParts(pipelineModel).last.name; // 'gbdt'
 */
export function pipelineParts(model: PredictorModel): PipelineParts {
  const steps = pipelineSteps(model);
  if (!steps) return { transform: (f) => f, last: model };
  const end = steps[steps.length - 1];
  if (!end || end.kind !== 'predictor') return { transform: (f) => f, last: model };
  const inner = pipelineParts(end);
  const transform = (frame: Frame): Frame => {
    // As the pipeline's own predict: its input signature first, then each transformer in order.
    let f = selectInputs(model, frame);
    for (const s of steps) if (s.kind === 'transformer') f = s.transform(f);
    return inner.transform(f);
  };
  return { transform, last: inner.last };
}
