import { describe, expect, it } from 'vitest';
import { checkEstimator } from '../../core/check-estimator.js';
import type { FitEvent } from '../../core/estimator.js';
import { Frame, booleanColumn, numericColumn, textColumn, type NumericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { LogisticRegressionEstimator } from './logistic.js';

/** n rows, two numeric features and a boolean; labels from a noisy linear score. */
function toy(n: number, classes: string[], seed = 1) {
  const rng = new Rng(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const flag = new Uint8Array(n);
  const y: string[] = [];
  for (let i = 0; i < n; i++) {
    a[i] = rng.float() * 4 - 2;
    b[i] = rng.float() * 10;
    flag[i] = rng.float() < 0.3 ? 1 : 0;
    const score = a[i]! + 0.2 * b[i]! - 1 + flag[i]! + (rng.float() - 0.5);
    const k = classes.length;
    y.push(classes[Math.min(k - 1, Math.max(0, Math.floor(((score + 2) / 5) * k)))]!);
  }
  return { frame: Frame.fromColumns([numericColumn('a', a), numericColumn('b', b), booleanColumn('flag', flag)]), target: textColumn('label', y) };
}

const accuracy = (pred: Float64Array, codes: number[]) => pred.reduce((s, v, i) => s + (v === codes[i] ? 1 : 0), 0) / codes.length;

describe('LogisticRegressionEstimator', () => {
  it('conforms for binary, multinomial and every penalty', async () => {
    const bin = toy(120, ['no', 'yes']);
    const multi = toy(150, ['lo', 'mid', 'hi']);
    for (const penalty of ['l2', 'l1', 'elasticnet', 'none']) {
      await checkEstimator(() => new LogisticRegressionEstimator({ penalty, C: 0.5 }), bin);
      await checkEstimator(() => new LogisticRegressionEstimator({ penalty, C: 0.5 }), multi);
    }
  });

  it('predicts classes from probabilities that sum to one', async () => {
    const { frame, target } = toy(300, ['hi', 'lo', 'mid']);
    const m = await new LogisticRegressionEstimator({}).fit(frame, target, { rng: new Rng(1) });
    expect(m.task).toBe('multiclass');
    expect(m.classes).toEqual(['hi', 'lo', 'mid']);
    const { values, proba } = m.predict(frame);
    for (let i = 0; i < frame.nRows; i++) {
      const row = Array.from(proba!.subarray(i * 3, i * 3 + 3));
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      expect(values[i]).toBe(row.indexOf(Math.max(...row)));
    }
    const codes = target.values.map((v) => m.classes.indexOf(v!));
    expect(accuracy(values, codes)).toBeGreaterThan(0.7);
    expect(m.intercept.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
  });

  it('l1 zeroes a feature that carries no signal, and stronger C-regularisation zeroes more', async () => {
    const { frame, target } = toy(400, ['no', 'yes']);
    const noise = numericColumn('noise', Float64Array.from({ length: 400 }, (_, i) => Math.sin(i * 12.9898) * 0.5));
    const f = Frame.fromColumns([...frame.columns, noise]);
    const m = await new LogisticRegressionEstimator({ penalty: 'l1', C: 0.05 }).fit(f, target, { rng: new Rng(1) });
    expect(m.coef[3]).toBe(0);
    expect(m.coef[0]).not.toBe(0);
    const strong = await new LogisticRegressionEstimator({ penalty: 'l1', C: 0.001 }).fit(f, target, { rng: new Rng(1) });
    expect(Array.from(strong.coef)).toEqual([0, 0, 0, 0]);
  });

  it('class_weight balanced moves the intercept towards the rare class', async () => {
    const { frame, target } = toy(300, ['no', 'yes']);
    const plain = await new LogisticRegressionEstimator({}).fit(frame, target, { rng: new Rng(1) });
    const balanced = await new LogisticRegressionEstimator({ class_weight: 'balanced' }).fit(frame, target, { rng: new Rng(1) });
    const rare = target.values.filter((v) => v === 'yes').length < 150 ? 1 : -1;
    expect(rare * (balanced.intercept[0]! - plain.intercept[0]!)).toBeGreaterThan(0);
  });

  it('takes a numeric target as class labels', async () => {
    const { frame } = toy(60, ['a', 'b']);
    const a = (frame.column('a') as NumericColumn).values;
    const y = numericColumn('y', Float64Array.from(a, (v) => (v > 0 ? 5 : 2)));
    const m = await new LogisticRegressionEstimator({}).fit(frame, y, { rng: new Rng(1) });
    expect(m.task).toBe('binary');
    expect(m.classes).toEqual(['2', '5']);
  });

  it('warns linear.not_converged (and still returns a model) when max_iter is too small', async () => {
    const { frame, target } = toy(200, ['lo', 'mid', 'hi']);
    for (const penalty of ['l2', 'l1']) {
      const events: FitEvent[] = [];
      const m = await new LogisticRegressionEstimator({ penalty, max_iter: 2, tol: 1e-12 }).fit(frame, target, { rng: new Rng(1), emit: (e) => events.push(e) });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ level: 'warning', code: 'linear.not_converged', details: { iterations: 2, tol: 1e-12 } });
      expect((events[0]!.details as { gradNorm: number }).gradNorm).toBeGreaterThan(1e-12);
      expect(m.predict(frame).proba).toHaveLength(600);
      const quiet: FitEvent[] = [];
      await new LogisticRegressionEstimator({ penalty }).fit(frame, target, { rng: new Rng(1), emit: (e) => quiet.push(e) });
      expect(quiet).toEqual([]);
    }
  });

  it('rejects bad parameters with the table\'s message', () => {
    expect(() => new LogisticRegressionEstimator({ C: 0 })).toThrow(/C: must be > 0/);
    expect(() => new LogisticRegressionEstimator({ penalty: 'l3' })).toThrow(/expected one of l2, l1, elasticnet, none/);
    expect(() => new LogisticRegressionEstimator({ l1ratio: 0.5 })).toThrow(/unknown parameter/);
  });
});
