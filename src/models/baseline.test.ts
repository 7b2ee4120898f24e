import { describe, expect, it } from 'vitest';
import { checkEstimator } from '../core/check-estimator.js';
import { Frame, categoricalColumn, numericColumn, textColumn } from '../core/frame.js';
import { Rng } from '../core/rng.js';
import { BaselineEstimator } from './baseline.js';

const frame = Frame.fromColumns([numericColumn('x', Float64Array.from({ length: 10 }, (_, i) => i)), textColumn('note', Array.from({ length: 10 }, (_, i) => `n${i}`))]);
const labels = categoricalColumn('y', Int32Array.from([0, 0, 0, 1, 1, 0, 0, 2, 0, 0]), ['a', 'b', 'c']);
const values = numericColumn('y', Float64Array.from([1, 2, 3, 4, 100, 6, 7, 8, 9, 10]));

describe('BaselineEstimator', () => {
  it('conforms (classification and regression)', async () => {
    await checkEstimator(() => new BaselineEstimator({}), { frame, target: labels });
    await checkEstimator(() => new BaselineEstimator({ strategy: 'median' }), { frame, target: values });
  });

  it('predicts the class priors and the majority class', async () => {
    const m = await new BaselineEstimator({}).fit(frame, labels, { rng: new Rng(1) });
    const p = m.predict(frame.head(2));
    expect(m.task).toBe('multiclass');
    expect(m.classes).toEqual(['a', 'b', 'c']);
    expect(Array.from(p.proba!)).toEqual([0.7, 0.2, 0.1, 0.7, 0.2, 0.1]);
    expect(Array.from(p.values)).toEqual([0, 0]);
  });

  it('predicts the mean or the median', async () => {
    const mean = await new BaselineEstimator({}).fit(frame, values, { rng: new Rng(1) });
    expect(mean.predict(frame).values[0]).toBe(15);
    const median = await new BaselineEstimator({ strategy: 'median' }).fit(frame, values, { rng: new Rng(1) });
    expect(median.predict(frame).values[0]).toBe(6.5);
  });

  it('rejects a single-class target and an unknown parameter', async () => {
    const one = categoricalColumn('y', new Int32Array(10), ['a']);
    await expect(new BaselineEstimator({}).fit(frame, one, { rng: new Rng(1) })).rejects.toMatchObject({ code: 'data.single_class' });
    // Weights are refused rather than silently ignored.
    await expect(new BaselineEstimator({}).fit(frame, labels, { rng: new Rng(1), sampleWeight: new Float64Array(10).fill(1) })).rejects.toMatchObject({ code: 'usage.weights_unsupported' });
    let hint = '';
    try {
      new BaselineEstimator({ stratgy: 'mean' });
    } catch (e) {
      hint = (e as { hint: string }).hint;
    }
    expect(hint).toMatch(/Did you mean 'strategy'/);
  });
});
