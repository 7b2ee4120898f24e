import { describe, expect, it } from 'vitest';
import { parseGate } from '../../spec/index.js';
import type { Spec } from '../../spec/index.js';
import { checkGatesApply, judgeGates, type Measured } from './judge.js';

const measured: Measured = {
  metrics: { roc_auc: { value: 0.83, ci_low: 0.79, ci_high: 0.87 }, rmse: { value: 100, ci_low: 90, ci_high: 120 }, f1: { value: 0.5, ci_low: null, ci_high: null } },
  fairness: { demographic_parity_difference: { Age: 0.12, Marital: 0.04 }, demographic_parity_ratio: { Age: 0.7, Marital: 0.9 }, equal_opportunity_difference: { Age: null } },
  operational: { p99_latency_ms: 3.2, model_size_mb: 1.5 },
  beats: { metric: 'roc_auc', difference: 0.3, ci_low: 0.25, ci_high: 0.35, p_value: 0.002, significant: true },
};
const judge = (g: string) => judgeGates([parseGate(g)], measured)[0]!;

describe('judgeGates', () => {
  it('compares holdout metrics, or the pessimistic CI bound when the gate asks for it', () => {
    expect(judge('roc_auc >= 0.8')).toMatchObject({ passed: true, measured: 0.83 });
    expect(judge('roc_auc >= 0.8 (lower CI bound)')).toMatchObject({ passed: false, measured: 0.79 });
    // For a loss the pessimistic end is the upper one.
    expect(judge('rmse <= 110 (ci_low)')).toMatchObject({ passed: false, measured: 120 });
    expect(judge('rmse <= 110')).toMatchObject({ passed: true, measured: 100 });
    expect(judge('f1 >= 0.4 (lower CI bound)')).toMatchObject({ passed: false, measured: null });
  });

  it('holds fairness gates for every attribute and reports the worst', () => {
    expect(judge('demographic_parity_difference <= 0.1')).toMatchObject({ passed: false, measured: 0.12, detail: 'Age 0.1200, Marital 0.04000' });
    expect(judge('demographic_parity_ratio >= 0.8')).toMatchObject({ passed: false, measured: 0.7 });
    expect(judge('equal_opportunity_difference <= 0.1')).toMatchObject({ passed: false, measured: null });
    expect(judge('equal_opportunity_difference <= 0.1').detail).toMatch(/undefined for Age/);
  });

  it('fails what was not measured, and checks operational gates and beats baseline', () => {
    expect(judge('mae <= 10')).toMatchObject({ passed: false, measured: null });
    expect(judge('p95_latency_ms <= 10')).toMatchObject({ passed: false, detail: 'not measured' });
    expect(judge('p99_latency_ms <= 5')).toMatchObject({ passed: true, measured: 3.2 });
    expect(judge('model_size_mb < 1')).toMatchObject({ passed: false });
    expect(judge('beats baseline')).toMatchObject({ kind: 'beats', passed: true, measured: 0.3 });
    expect(judgeGates([parseGate('beats baseline')], { ...measured, beats: { ...measured.beats!, significant: false } })[0]!.detail).toMatch(/not significant/);
  });
});

describe('checkGatesApply', () => {
  const spec = (...gates: string[]) => ({ gates: gates.map(parseGate), file: 's.yaml' }) as unknown as Spec;
  it('refuses gates that cannot apply to the task, naming the gate', () => {
    expect(() => checkGatesApply(spec('rmse <= 3'), 'binary')).toThrow(/gate 'rmse <= 3': rmse is a regression metric, but this is a binary task/);
    expect(() => checkGatesApply(spec('roc_auc >= 0.8'), 'regression')).toThrow(/classification metric/);
    expect(() => checkGatesApply(spec('f1 >= 0.8'), 'multiclass')).toThrow(/needs a binary target/);
    expect(() => checkGatesApply(spec('demographic_parity_difference <= 0.1'), 'regression')).toThrow(/fairness gates/);
    expect(() => checkGatesApply(spec('roc_auc >= 0.8', 'p99_latency_ms <= 5', 'beats baseline', 'f1_macro >= 0.5'), 'multiclass')).not.toThrow();
  });
});
