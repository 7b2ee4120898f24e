import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../../core/errors.js';
import { BUILTIN_METRICS } from './builtin.js';
import { metric, metricNames, registerMetric, type Metric } from './registry.js';

const custom: Metric = { name: 'hit', task: 'classification', needs: 'labels', greaterIsBetter: true, description: 'any hit', compute: () => 1 };

describe('metric registry', () => {
  it('looks up built-ins with their task, inputs and direction', () => {
    expect(metric('roc_auc')).toMatchObject({ task: 'classification', needs: 'proba', greaterIsBetter: true });
    expect(metric('f1_macro')).toMatchObject({ needs: 'labels', greaterIsBetter: true });
    expect(metric('log_loss').greaterIsBetter).toBe(false);
    expect(metric('rmse')).toMatchObject({ task: 'regression', needs: 'values', greaterIsBetter: false });
    expect(metric('r2').greaterIsBetter).toBe(true);
    expect(metricNames().filter((n) => n !== 'hit')).toEqual(BUILTIN_METRICS.map((m) => m.name).sort());
  });

  it('dispatches compute with the narrowed signature', () => {
    const m = metric('f1_micro');
    if (m.needs !== 'labels') throw new Error('f1_micro needs labels');
    expect(m.compute(Int32Array.of(0, 1, 2), Int32Array.of(0, 1, 1))).toBeCloseTo(2 / 3, 15);
  });

  it('an unknown name throws usage.unknown_metric with a did-you-mean hint', () => {
    try {
      metric('rmes');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SpecmlError);
      expect((e as SpecmlError).code).toBe('usage.unknown_metric');
      expect((e as SpecmlError).hint).toMatch(/^Did you mean 'rmse'\?/);
    }
    expect(() => metric('zzzzzzzzzz')).toThrow(SpecmlError);
    try {
      metric('zzzzzzzzzz');
    } catch (e) {
      expect((e as SpecmlError).hint).toMatch(/^Known: accuracy, average_precision, /);
    }
  });

  it('registering a name twice throws; entries are frozen', () => {
    registerMetric(custom);
    expect(metricNames()).toContain('hit');
    expect(() => registerMetric(custom)).toThrow(/registered twice/);
    expect(() => registerMetric(BUILTIN_METRICS[0]!)).toThrow(/registered twice/);
    expect(Object.isFrozen(metric('hit'))).toBe(true);
  });
});
