import { describe, it } from 'vitest';
import { checkEstimator } from '../core/check-estimator.js';
import type { Estimator } from '../core/estimator.js';
import { mixedFrame, SumPredictor } from './testing.fixture.js';
import { columns, DatetimeParts, HashingVectorizer, OneHot, Ordinal, pipeline, RobustScaler, SimpleImputer, StandardScaler, TargetEncoder, Tfidf } from './index.js';

const { frame, y, label } = mixedFrame(60);
const { frame: test } = mixedFrame(25, 11);

const cases: [string, () => Estimator, 'y' | 'label' | undefined][] = [
  ['simple_imputer', () => new SimpleImputer({ add_indicator: true }), undefined],
  ['simple_imputer constant', () => new SimpleImputer({ strategy: 'constant', fill_level: 'none' }), undefined],
  ['standard_scaler', () => new StandardScaler({}), undefined],
  ['robust_scaler', () => new RobustScaler({}), undefined],
  ['one_hot', () => new OneHot({ min_frequency: 5 }), undefined],
  ['ordinal', () => new Ordinal({}), undefined],
  ['datetime_parts', () => new DatetimeParts({ cyclic: true }), undefined],
  ['target_encoder regression', () => new TargetEncoder({}), 'y'],
  ['target_encoder binary', () => new TargetEncoder({ smoothing: 'm_estimate' }), 'label'],
  ['tfidf', () => new Tfidf({ ngram_max: 2 }), undefined],
  ['hashing_vectorizer', () => new HashingVectorizer({ n_features: 32 }), undefined],
  ['pipeline (transformer)', () => pipeline([new SimpleImputer({}), new OneHot({}), new StandardScaler({})]), undefined],
  ['pipeline (predictor)', () => pipeline([new SimpleImputer({}), new TargetEncoder({}), new SumPredictor()]), 'y'],
  [
    'columns',
    () =>
      columns(
        [
          { select: { kind: ['numeric'] }, estimator: pipeline([new SimpleImputer({}), new StandardScaler({})]) },
          { select: ['city'], estimator: new OneHot({}) },
          { select: { kind: ['text'] }, estimator: new Tfidf({}) },
        ],
        { remainder: 'passthrough' },
      ),
    undefined,
  ],
];

describe('every feature estimator passes checkEstimator', () => {
  for (const [name, make, t] of cases) {
    it(name, async () => {
      const target = t === 'y' ? y : t === 'label' ? label : undefined;
      await checkEstimator(make, { frame, target, test });
      await checkEstimator(make, { frame, target });
    });
  }
});
