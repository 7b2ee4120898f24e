/**
 * The trivial model every candidate must beat (`beats: baseline` gates): class priors for
 * classification, the mean (or median) for regression. It ignores the features on purpose.
 *
 * @example
 * const model = await new BaselineEstimator({}).fit(frame, frame.column('Status'), { rng: new Rng(1) });
 * model.predict(frame).proba; // every row gets the class frequencies of the training data
 */
import { signatureOf, type Estimator, type FitContext, type LearningTask, type PredictorModel, requireWeightSupport } from '../core/estimator.js';
import type { Column, Frame } from '../core/frame.js';
import { defineParams, resolveParams, type ParamsOf } from '../core/params.js';
import { BaselineModel } from './baseline-model.js';
import { encodeTarget } from './target.js';

export const BASELINE_PARAMS = defineParams({
  strategy: { type: 'enum', default: 'auto', values: ['auto', 'prior', 'mean', 'median'], doc: 'auto: class priors for classification, the mean for regression' },
  task: { type: 'enum', default: 'auto', values: ['auto', 'binary', 'multiclass', 'regression'], doc: 'learning task; auto infers it from the target' },
});

export class BaselineEstimator implements Estimator<PredictorModel> {
  readonly kind = 'predictor';
  readonly name = 'baseline';
  readonly params: ParamsOf<typeof BASELINE_PARAMS>;

  constructor(params: Record<string, unknown> = {}) {
    this.params = resolveParams(BASELINE_PARAMS, params, 'baseline');
  }

  async fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<PredictorModel> {
    requireWeightSupport(ctx, frame.nRows, 'baseline', false);
    if (!target) throw new Error('baseline: a target is required');
    const y = encodeTarget(target, this.params.task as LearningTask | 'auto');
    const inputs = signatureOf(frame);
    if (y.task === 'regression') {
      const v = Float64Array.from(y.values).sort();
      const center = this.params.strategy === 'median' ? (v[(v.length - 1) >> 1]! + v[v.length >> 1]!) / 2 : v.reduce((a, b) => a + b, 0) / v.length;
      return new BaselineModel(this.params, inputs, { task: 'regression', center });
    }
    const total = y.counts.reduce((a, b) => a + b, 0);
    return new BaselineModel(this.params, inputs, { task: y.task, classes: y.classes, priors: Float64Array.from(y.counts, (c) => c / total) });
  }
}
