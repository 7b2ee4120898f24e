import { describe, expect, it } from 'vitest';
import { Frame, categoricalColumn, numericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { BaselineEstimator } from '../../models/baseline.js';
import { WeightedEnsembleModel } from '../../models/ensemble/index.js';
import { crossValidate } from './cross-validate.js';
import { KFold } from './kfold.js';
import { StratifiedKFold } from './stratified-kfold.js';

const n = 100;
const frame = Frame.fromColumns([numericColumn('x', Float64Array.from({ length: n }, (_, i) => i))]);

describe('crossValidate', () => {
  it('scores every fold out of fold and fills out-of-fold probabilities for every row', async () => {
    const y = categoricalColumn('y', Int32Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0)), ['no', 'yes']);
    const cv = await crossValidate(new BaselineEstimator({}), frame, y, new StratifiedKFold({ n_splits: 5 }), ['roc_auc', 'accuracy', 'log_loss'], new Rng(1));
    expect(cv.folds.length).toBe(5);
    // The baseline ranks nothing: AUC 0.5 in every fold; accuracy = majority share 0.75.
    expect(cv.scores.roc_auc!.folds).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(cv.scores.accuracy!.mean).toBeCloseTo(0.75, 12);
    expect(cv.classes).toEqual(['no', 'yes']);
    for (let i = 0; i < n; i++) expect(cv.oofProba![2 * i]! + cv.oofProba![2 * i + 1]!).toBeCloseTo(1, 12);
    expect(cv.oof.every((v) => v === 0)).toBe(true);
  });

  it('regression: the mean of the other folds, scored with RMSE', async () => {
    const y = numericColumn('y', Float64Array.from({ length: n }, (_, i) => i));
    const cv = await crossValidate(new BaselineEstimator({}), frame, y, new KFold({ n_splits: 2 }), ['rmse', 'r2'], new Rng(1));
    // Fold 1 tests rows 0-49 with the mean of rows 50-99 (74.5), fold 2 the other way round (24.5).
    expect(cv.oof[0]).toBe(74.5);
    expect(cv.oof[99]).toBe(24.5);
    expect(cv.scores.r2!.mean).toBeLessThan(0);
  });

  it('keepModels returns the fold models: their out-of-fold predictions, and a bag that averages them', async () => {
    const y = numericColumn('y', Float64Array.from({ length: n }, (_, i) => i));
    const cv = await crossValidate(new BaselineEstimator({}), frame, y, new KFold({ n_splits: 2 }), ['rmse'], new Rng(1), { keepModels: true });
    expect(cv.models).toHaveLength(2);
    expect(cv.models![0]!.predict(frame.take([0])).values[0]).toBe(cv.oof[0]);
    const bag = new WeightedEnsembleModel({}, cv.models!, [1, 1]);
    expect(bag.predict(frame.take([7])).values[0]).toBe((74.5 + 24.5) / 2);
    expect((await crossValidate(new BaselineEstimator({}), frame, y, new KFold({ n_splits: 2 }), ['rmse'], new Rng(1))).models).toBeUndefined();
  });

  it('a regression metric on a label target is a clear error', async () => {
    const y = categoricalColumn('y', Int32Array.from({ length: n }, (_, i) => i % 2), ['a', 'b']);
    await expect(crossValidate(new BaselineEstimator({}), frame, y, new KFold({}), ['rmse'], new Rng(1))).rejects.toMatchObject({ code: 'usage.metric_task_mismatch' });
  });
});
