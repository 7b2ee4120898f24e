/**
 * The model families `specml train --model NAME` offers: each is a parameter table (whose entries
 * become CLI flags and spec keys) and a function that builds the estimator — with the
 * preprocessing the family needs — for a learning task.
 *
 * @example
 * const fam = family('baseline');
 * const est = fam.make({ strategy: 'median' }, 'regression');
 */
import type { Estimator, LearningTask, PredictorModel } from '../core/estimator.js';
import { SpecmlError } from '../core/errors.js';
import type { ParamTable } from '../core/params.js';
import { Registry } from '../core/registry.js';
import { columns, DatetimeParts, OneHot, pipeline, SimpleImputer, StandardScaler, Tfidf } from '../features/index.js';
import { BASELINE_PARAMS, BaselineEstimator } from '../models/baseline.js';
import { GBDT_PARAMS, GbdtEstimator } from '../models/gbdt/index.js';
import { EXTRA_TREES_PARAMS, ExtraTreesEstimator, RANDOM_FOREST_PARAMS, RandomForestEstimator } from '../models/forest/index.js';
import { KNN_PARAMS, KnnEstimator } from '../models/knn/index.js';
import { LOGISTIC_PARAMS, LogisticRegressionEstimator, RIDGE_PARAMS, RidgeEstimator } from '../models/linear/index.js';

export interface ModelFamily {
  name: string;
  description: string;
  params: ParamTable;
  /** Builds the estimator; `params` are the user's values for keys of `params` only. */
  make(params: Record<string, unknown>, task: LearningTask): Estimator<PredictorModel>;
}

const families = new Registry<ModelFamily>('model family');

export function registerFamily(f: ModelFamily): void {
  families.register(f.name, f);
}

export function family(name: string): ModelFamily {
  return families.get(name);
}

export function familyNames(): string[] {
  return families.names();
}

registerFamily({
  name: 'baseline',
  description: 'class priors or the mean: the model every candidate must beat',
  params: BASELINE_PARAMS,
  make: (params, task) => new BaselineEstimator({ ...params, task }),
});

/**
 * Preprocessing a linear model needs, fitted inside each fold with the model: numeric columns
 * median-imputed (with missing indicators) and standardised; categories one-hot encoded (rare ones,
 * under 1% of rows, pooled; unseen ones counted as infrequent); booleans imputed; datetimes split
 * into parts; free text as TF-IDF (at most 2,000 terms).
 */
function linearPreprocessing() {
  return columns(
    [
      { select: { kind: ['numeric'] }, estimator: pipeline([new SimpleImputer({ strategy: 'median', add_indicator: true }), new StandardScaler({})]) },
      { select: { kind: ['boolean'] }, estimator: new SimpleImputer({ strategy: 'most_frequent' }) },
      { select: { kind: ['categorical'] }, estimator: new OneHot({ min_frequency: 0.01, handle_unknown: 'infrequent' }) },
      { select: { kind: ['datetime'] }, estimator: pipeline([new DatetimeParts({}), new SimpleImputer({ strategy: 'median' }), new StandardScaler({})]) },
      { select: { kind: ['text'] }, estimator: new Tfidf({}) },
    ],
    { remainder: 'drop' },
  );
}

const { task: _task, ...logisticFlags } = LOGISTIC_PARAMS;

registerFamily({
  name: 'linear',
  description: 'logistic regression (classification) or ridge regression, after imputation, scaling and one-hot encoding',
  params: { ...logisticFlags, alpha: RIDGE_PARAMS.alpha },
  make: (params, task) => {
    const { alpha, ...rest } = params;
    const model =
      task === 'regression'
        ? new RidgeEstimator(alpha === undefined ? {} : { alpha })
        : new LogisticRegressionEstimator({ ...rest, task });
    if (task === 'regression' && Object.keys(rest).length) {
      throw new SpecmlError('usage.param_not_for_task', `${Object.keys(rest).map((k) => `--${k.replaceAll('_', '-')}`).join(', ')} apply to logistic regression, but this is a regression task`, { hint: 'For regression the linear family is ridge regression: use --alpha.' });
    }
    if (task !== 'regression' && alpha !== undefined) {
      throw new SpecmlError('usage.param_not_for_task', '--alpha applies to ridge regression, but this is a classification task', { hint: 'For classification use --C (inverse regularisation).' });
    }
    return pipeline([linearPreprocessing(), model]) as unknown as Estimator<PredictorModel>;
  },
});

const { task: _gbdtTask, ...gbdtFlags } = GBDT_PARAMS;

registerFamily({
  name: 'gbdt',
  description: 'histogram gradient boosting with native missing values and categorical splits (the default)',
  params: gbdtFlags,
  // Numeric, categorical, boolean and datetime columns go in as they are.
  make: (params, task) => withTextAsTerms(new GbdtEstimator({ ...params, task })),
});

/** Trees cannot split raw strings: free-text columns become TF-IDF terms; the rest passes through. */
function withTextAsTerms(model: Estimator<PredictorModel>): Estimator<PredictorModel> {
  return pipeline([columns([{ select: { kind: ['text'] }, estimator: new Tfidf({ max_features: 500 }) }], { remainder: 'passthrough' }), model]) as unknown as Estimator<PredictorModel>;
}

const { task: _rfTask, ...forestFlags } = RANDOM_FOREST_PARAMS;
registerFamily({
  name: 'forest',
  description: 'random forest (bootstrap, best cuts, out-of-bag score) on the GBDT tree code',
  params: forestFlags,
  make: (params, task) => withTextAsTerms(new RandomForestEstimator({ ...params, task })),
});

const { task: _etTask, ...extraFlags } = EXTRA_TREES_PARAMS;
registerFamily({
  name: 'extra_trees',
  description: 'extremely randomised trees (random cuts, no bootstrap)',
  params: extraFlags,
  make: (params, task) => withTextAsTerms(new ExtraTreesEstimator({ ...params, task })),
});

const { task: _knnTask, ...knnFlags } = KNN_PARAMS;
registerFamily({
  name: 'knn',
  description: 'k-nearest neighbours (Euclidean, brute force) after the linear family\'s imputation, scaling and one-hot encoding',
  params: knnFlags,
  make: (params, task) => pipeline([linearPreprocessing(), new KnnEstimator({ ...params, task })]) as unknown as Estimator<PredictorModel>,
});
