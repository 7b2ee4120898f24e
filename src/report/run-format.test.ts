import { describe, expect, it } from 'vitest';
import { formatEstimate, formatP, formatRange, formatRate, formatRateRange, formatScore, formatSigned, higherIsBetter, importanceEffect, metricLabel } from './run-format.js';

describe('run report number formats', () => {
  it('prints scores with three decimals under 1, four significant digits to 1,000, separators above', () => {
    expect([0.85123, 0.5, 0, 3.4, 123.456, 27345.2, -1204.4, 0.00014, null, NaN].map(formatScore))
      .toEqual(['0.851', '0.500', '0.000', '3.4', '123.5', '27,345', '−1,204', '0.00014', '—', '—']);
    expect(formatSigned(0.3521)).toBe('+0.352');
    expect(formatSigned(-0.01)).toBe('−0.010');
  });

  it('writes intervals with an en dash, or "to" when a bound is negative', () => {
    expect(formatRange(0.824, 0.877)).toBe('0.824–0.877');
    expect(formatRange(-0.01, 0.05)).toBe('−0.010 to 0.050');
    expect(formatRange(null, 0.5)).toBe('—');
    expect(formatEstimate({ value: 0.851, ci_low: 0.824, ci_high: 0.877 })).toBe('0.851 (95% CI 0.824–0.877)');
    expect(formatEstimate({ value: 0.851, ci_low: null, ci_high: null })).toBe('0.851');
  });

  it('prints proportions as percentages with one decimal, so a column lines up', () => {
    expect(formatRate('selection_rate', 0.35)).toBe('35.0%');
    expect(formatRate('mae', 1234.5)).toBe('1,235');
    expect(formatRateRange('tpr', 0.2, 0.2841)).toBe('20.0–28.4%');
    expect(formatRateRange('tpr', null, null)).toBe('—');
  });

  it('writes p-values to two significant digits with a floor of 0.001', () => {
    expect([0.3141, 0.05, 0.0123, 0.0012, 0.0004, null].map(formatP)).toEqual(['p = 0.31', 'p = 0.05', 'p = 0.012', 'p = 0.0012', 'p < 0.001', 'p not computed']);
  });

  it('names metrics and knows which way they are better', () => {
    expect(metricLabel('roc_auc')).toBe('ROC AUC');
    expect(metricLabel('demographic_parity_ratio')).toBe('demographic parity ratio');
    expect([higherIsBetter('rmse'), higherIsBetter('roc_auc'), higherIsBetter('p95_latency_ms')]).toEqual([false, true, undefined]);
    expect([importanceEffect('rmse'), importanceEffect('roc_auc')]).toEqual(['rise in RMSE', 'drop in ROC AUC']);
  });
});
