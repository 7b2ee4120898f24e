import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { SpecmlError } from '../core/errors.js';
import { starterSpec, type StarterSpecOptions } from './init.js';
import { parseSpecText } from './load.js';

const base: StarterSpecOptions = {
  name: 'churn',
  train: 'data/churn data.csv',
  target: 'Churn: yes/no',
  task: 'binary',
  metric: 'roc_auc',
  taskReason: 'Churn has 2 values (No 73%, Yes 27%), so this is binary classification; a long reason wraps onto several comment lines without breaking the YAML around it.',
  metricReason: 'roc_auc is threshold-free and robust to the 27% minority class.',
};

describe('starterSpec', () => {
  test('round-trips through the loader with the fields it was given', () => {
    const text = starterSpec({ ...base, idColumns: ['customer id'], time: 'signup_at', sensitive: ['gender', 'age band'] });
    const s = parseSpecText(text, '/p/specml.yaml');
    expect(s).toMatchObject({
      name: 'churn',
      task: 'binary',
      metric: 'roc_auc',
      data: { train: '/p/data/churn data.csv', target: 'Churn: yes/no', id: ['customer id'], time: 'signup_at' },
      split: { holdout: 0.2, folds: 5, strategy: 'time' },
      budget: { preset: 'balanced' },
      seed: 42,
      fairness: { sensitive: ['gender', 'age band'] },
    });
    expect(s.gates.map((g) => (g.kind === 'threshold' ? g.metric : g.kind))).toEqual(['demographic_parity_difference', 'beats']);
  });

  test('the minimal form loads and carries the inference reasons as comments', () => {
    const text = starterSpec({ ...base, task: 'regression', metric: 'rmse', taskReason: 'numeric target', metricReason: 'rmse in target units' });
    const s = parseSpecText(text, '/p/house.yaml');
    expect(s.gates).toEqual([{ kind: 'beats', against: 'baseline', source: 'beats: baseline' }]);
    expect(s.data.id).toBeUndefined();
    expect(text).toContain('# task: regression. numeric target');
    expect(text).toContain('# - rmse <= <threshold>');
    expect(text.split('\n').every((l) => l.length <= 120)).toBe(true);
    expect(parseDocument(text).errors).toEqual([]);
  });

  test('an unknown metric is refused rather than written into a spec that would not load', () => {
    expect(() => starterSpec({ ...base, metric: 'auc_roc' })).toThrow(SpecmlError);
  });
});
