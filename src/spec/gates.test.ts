import { describe, expect, test } from 'vitest';
import { SpecmlError } from '../core/errors.js';
import { formatGate, looksLikeGate, parseGate } from './gates.js';
import { GATE_METRICS, normaliseMetricName } from './metrics.js';

describe('parseGate', () => {
  test.each([
    ['roc_auc >= 0.85', 'roc_auc', '>=', 0.85],
    ['ROC AUC >= 0.85 on held-out test', 'roc_auc', '>=', 0.85],
    ['demographic parity difference <= 0.1', 'demographic_parity_difference', '<=', 0.1],
    ['p99 latency ms <= 5', 'p99_latency_ms', '<=', 5],
    ['p99_latency_ms <= 5', 'p99_latency_ms', '<=', 5],
    ['model size mb <= 50', 'model_size_mb', '<=', 50],
    ['accuracy > 90%', 'accuracy', '>', 0.9],
    ['F1 >= 0.8', 'f1', '>=', 0.8],
    ['RMSE <= 25000', 'rmse', '<=', 25000],
    ['RMSE <= 25,000 dollars', 'rmse', '<=', 25000],
    ['AUC ≥ 0.7', 'roc_auc', '>=', 0.7],
    ['log-loss ≤ .5', 'log_loss', '<=', 0.5],
    ['PR AUC > 0.3', 'average_precision', '>', 0.3],
    ['average precision >= 0.3', 'average_precision', '>=', 0.3],
    ['test ROC AUC >= 0.85', 'roc_auc', '>=', 0.85],
    ['r2 == 1', 'r2', '==', 1],
    ['balanced accuracy < 1e-1', 'balanced_accuracy', '<', 0.1],
  ])('%s', (expr, metric, op, value) => {
    expect(parseGate(expr)).toEqual({ kind: 'threshold', metric, op, value, source: expr });
  });

  test.each(['beats baseline', 'Beats the baseline', 'beats: baseline'])('%s is a beats gate', (expr) => {
    expect(parseGate(expr)).toEqual({ kind: 'beats', against: 'baseline', source: expr });
  });

  const fails = (expr: string): SpecmlError => {
    try {
      parseGate(expr);
    } catch (e) {
      return e as SpecmlError;
    }
    throw new Error(`'${expr}' parsed`);
  };

  test('an unknown metric names the closest known one', () => {
    const e = fails('rocauc >= 0.8');
    expect(e.code).toBe('spec.unknown_metric');
    expect(e.message).toContain("did you mean 'roc_auc'?");
    expect(e.hint).toContain('roc_auc');
  });

  test('=> and =< are rejected with the intended operator', () => {
    expect(fails('roc_auc => 0.8').message).toContain("did you mean '>='?");
    expect(fails('mae =< 3').message).toContain("did you mean '<='?");
    expect(fails('roc_auc = 0.8').code).toBe('spec.bad_gate');
  });

  test('no operator, no number, no metric', () => {
    expect(fails('good enough').code).toBe('spec.bad_gate');
    expect(fails('roc_auc >= high').message).toContain("expected a number after '>='");
    expect(fails('>= 0.5').message).toContain('names no metric');
  });

  test('formatGate gives the canonical expression', () => {
    expect(formatGate(parseGate('ROC AUC ≥ 85% on test'))).toBe('roc_auc >= 0.85');
    expect(formatGate(parseGate('beats baseline'))).toBe('beats baseline');
    expect(formatGate(parseGate('roc_auc >= 0.8 (lower CI bound)'))).toBe('roc_auc >= 0.8 (ci_low)');
  });

  test.each(['roc_auc >= 0.8 (lower CI bound)', 'ci_low roc_auc >= 0.8', 'ROC AUC >= 0.8, lower bound of the CI', 'roc_auc >= 0.8 on the lower confidence bound'])('%s holds the CI lower bound', (expr) => {
    expect(parseGate(expr)).toMatchObject({ kind: 'threshold', metric: 'roc_auc', bound: 'ci_low' });
    expect(parseGate('roc_auc >= 0.8 on held-out test')).not.toHaveProperty('bound');
  });
});

describe('looksLikeGate', () => {
  test.each([
    ['ROC AUC >= 0.85', true],
    ['[x] beats baseline', false],
    ['beats baseline', true],
    ['CSV => model', false],
    ['roc_auc => 0.8', true],
    ['Latency < the budget', false],
  ])('%s → %s', (text, want) => {
    expect(looksLikeGate(text)).toBe(want);
  });
});

test('metric names normalise and every alias targets a known gate metric', () => {
  expect(normaliseMetricName(' Mean-Absolute Error ')).toBe('mae');
  expect(normaliseMetricName('unknown thing')).toBe('unknown_thing');
  for (const m of GATE_METRICS) expect(normaliseMetricName(m)).toBe(m);
});
