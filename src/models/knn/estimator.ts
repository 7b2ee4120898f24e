/**
 * k-nearest neighbours for classification and regression (scikit-learn's KNeighborsClassifier /
 * KNeighborsRegressor with the brute-force Euclidean search). Fitting stores the rows; all work
 * happens at prediction (model.ts). Inputs must be numeric and complete: put imputation, one-hot
 * encoding and scaling in front (the `knn` family in pipeline/families.ts does), since distances
 * are only meaningful on comparable scales.
 *
 * @example
 * const model = await new KnnEstimator({ n_neighbors: 15, weights: 'distance' }).fit(x, y, { rng: new Rng(0) });
 */
import { requireWeightSupport, signatureOf, type Estimator, type FitContext, type LearningTask, type PredictorModel } from '../../core/estimator.js';
import type { Column, Frame } from '../../core/frame.js';
import { resolveParams, type ParamsOf } from '../../core/params.js';
import { designMatrix } from '../linear/design.js';
import { encodeTarget } from '../target.js';
import { KnnModel } from './model.js';
import { KNN_PARAMS } from './params.js';

export class KnnEstimator implements Estimator<PredictorModel> {
  readonly kind = 'predictor';
  readonly name = 'knn';
  readonly params: ParamsOf<typeof KNN_PARAMS>;

  constructor(params: Record<string, unknown> = {}) {
    this.params = resolveParams(KNN_PARAMS, params, 'knn');
  }

  async fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<PredictorModel> {
    requireWeightSupport(ctx, frame.nRows, 'knn', false);
    if (!target) throw new Error('knn: a target is required');
    const y = encodeTarget(target, this.params.task as LearningTask | 'auto');
    const d = designMatrix(frame, 'knn');
    const state =
      y.task === 'regression'
        ? { task: 'regression' as const, x: d.x, p: d.p, y: Float64Array.from(y.values) }
        : { task: y.task, classes: y.classes, x: d.x, p: d.p, y: Float64Array.from(y.codes) };
    return new KnnModel(this.params, signatureOf(frame), state);
  }
}
