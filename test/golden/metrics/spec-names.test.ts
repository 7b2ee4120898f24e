// The spec's metric names (src/spec/metrics.ts) and the evaluate registry must agree: a spec that
// validates must find its metric at run time. This test lives outside src/ because src/evaluate
// may not import src/spec (layer rule, DESIGN.md §3).
import { describe, expect, it } from 'vitest';
import { metric, metricNames } from '../../../src/evaluate/metrics/index.js';
import { CLASSIFICATION_METRICS, REGRESSION_METRICS } from '../../../src/spec/metrics.js';

describe('spec metric names ↔ evaluate registry', () => {
  it('every classification spec metric is a registered classification metric', () => {
    for (const name of CLASSIFICATION_METRICS) expect(metric(name).task, name).toBe('classification');
  });

  it('every regression spec metric is a registered regression metric', () => {
    for (const name of REGRESSION_METRICS) expect(metric(name).task, name).toBe('regression');
  });

  it('the registry has no built-in the spec cannot name', () => {
    expect(new Set(metricNames())).toEqual(new Set([...CLASSIFICATION_METRICS, ...REGRESSION_METRICS]));
  });
});
