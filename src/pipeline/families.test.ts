import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkEstimator } from '../core/check-estimator.js';
import { takeColumn } from '../core/frame.js';
import { Rng } from '../core/rng.js';
import { readTable } from '../data/io/index.js';
import { inferSchema } from '../data/schema/index.js';
import { crossValidate, StratifiedKFold } from '../evaluate/cv/index.js';
import { family } from './families.js';

const credit = fileURLToPath(new URL('../../examples/credit/credit.csv', import.meta.url));

async function creditFrame() {
  const { frame } = inferSchema(await readTable(credit));
  return { x: frame.drop(['Status']), y: frame.column('Status') };
}

describe('model families', () => {
  it('linear (preprocessing + logistic regression) conforms on real data with missing values', async () => {
    const { x, y } = await creditFrame();
    const rows = Int32Array.from({ length: 600 }, (_, i) => i * 7);
    await checkEstimator(() => family('linear').make({}, 'binary'), { frame: x.take(rows), target: takeColumn(y, rows) });
  });

  it('linear reaches the scikit-learn peer on credit_data (5-fold CV ROC AUC)', async () => {
    const { x, y } = await creditFrame();
    const cv = await crossValidate(family('linear').make({}, 'binary'), x, y, new StratifiedKFold({ n_splits: 5, shuffle: true }), ['roc_auc'], new Rng(0));
    // ../shared/peers: sklearn LogisticRegression after impute + scale + one-hot: 0.8302 ± 0.010.
    // Our folds differ (our own shuffle), so allow one fold-std below the peer. Measured: 0.8395 ± 0.0075.
    expect(cv.scores.roc_auc!.mean).toBeGreaterThan(0.82);
  });

  it('knn (the linear preprocessing + brute-force neighbours) conforms on real data with missing values and categories', async () => {
    const { x, y } = await creditFrame();
    const rows = Int32Array.from({ length: 500 }, (_, i) => i * 8);
    await checkEstimator(() => family('knn').make({ n_neighbors: 15 }, 'binary'), { frame: x.take(rows), target: takeColumn(y, rows) });
  });

  it('gbdt (text as TF-IDF, everything else native) conforms on real data with missing values', async () => {
    const { x, y } = await creditFrame();
    const rows = Int32Array.from({ length: 600 }, (_, i) => i * 7);
    await checkEstimator(() => family('gbdt').make({ trees: 20 }, 'binary'), { frame: x.take(rows), target: takeColumn(y, rows) });
  });

  it('gbdt defaults reach the XGBoost / HistGradientBoosting peers on credit_data (5-fold CV ROC AUC)', async () => {
    const { x, y } = await creditFrame();
    const cv = await crossValidate(family('gbdt').make({}, 'binary'), x, y, new StratifiedKFold({ n_splits: 5, shuffle: true }), ['roc_auc'], new Rng(0));
    // ../shared/peers 5-fold CV: xgb 0.8107 ± 0.018, hgb 0.8244 ± 0.012 (mean 0.8176). Measured: 0.8320 ± 0.011.
    expect(cv.scores.roc_auc!.mean).toBeGreaterThan(0.8176 - 0.005);
  });

  it('a parameter of the other task is a clear error', () => {
    expect(() => family('linear').make({ alpha: 2 }, 'binary')).toThrow(/--alpha applies to ridge/);
    expect(() => family('linear').make({ C: 2 }, 'regression')).toThrow(/--C apply to logistic/);
  });
});
