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
import type { ParamTable } from '../core/params.js';
import { Registry } from '../core/registry.js';
import { BASELINE_PARAMS, BaselineEstimator } from '../models/baseline.js';

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
