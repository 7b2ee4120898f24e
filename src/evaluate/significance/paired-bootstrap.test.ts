import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { metric, type ProbaMetric } from '../metrics/index.js';
import { delongTest } from './delong.js';
import { pairedBootstrap } from './paired-bootstrap.js';

const hold = JSON.parse(readFileSync(new URL('../../../test/golden/stats/significance.json', import.meta.url), 'utf8')).holdout as {
  yTrue: number[];
  proba: Record<string, number[]>;
};
const y = Int32Array.from(hold.yTrue);
const col1 = (name: string): Float64Array => Float64Array.from(hold.proba[name]!);
const twoCol = (p: Float64Array): Float64Array => Float64Array.from({ length: 2 * p.length }, (_, i) => (i % 2 ? p[i >> 1]! : 1 - p[i >> 1]!));
const [hgb, lr, nb] = ['hgb', 'logistic', 'naive_bayes'].map((k) => twoCol(col1(k))) as [Float64Array, Float64Array, Float64Array];

describe('pairedBootstrap on credit_data holdout predictions', () => {
  it('agrees with DeLong on the AUC difference and its spread', () => {
    const r = pairedBootstrap(y, hgb, lr, 'roc_auc', { rng: new Rng(11) });
    const d = delongTest(y, col1('hgb'), col1('logistic'));
    expect(r.difference).toBeCloseTo(d.aucA - d.aucB, 14);
    expect(r.scoreA).toBeCloseTo(d.aucA, 14);
    // Percentile interval width / (2·1.96) estimates the sd; DeLong's is the asymptotic one.
    // 1000 rounds estimate an sd to ~2 %, so 20 % is a real bound, not a formality.
    const sdBoot = (r.ci[1] - r.ci[0]) / (2 * 1.959963984540054);
    const sdDelong = Math.sqrt(d.varianceA + d.varianceB - 2 * d.covariance);
    expect(Math.abs(sdBoot / sdDelong - 1)).toBeLessThan(0.2);
    expect(r.pValue).toBeGreaterThan(0.08); // DeLong: 0.19
    expect(r.pValue).toBeLessThan(0.4);
    const big = pairedBootstrap(y, lr, nb, 'roc_auc', { rng: new Rng(11) }); // DeLong p = 1.7e-6
    expect(big.pValue).toBe(2 / 1001);
    expect(big.ci[0]).toBeGreaterThan(0);
  });

  it('is a function of the seed; swapping A and B negates the difference and keeps p', () => {
    const r = pairedBootstrap(y, hgb, lr, 'log_loss', { rng: new Rng(3), rounds: 300 });
    expect(pairedBootstrap(y, hgb, lr, 'log_loss', { rng: new Rng(3), rounds: 300 })).toEqual(r);
    const s = pairedBootstrap(y, lr, hgb, 'log_loss', { rng: new Rng(3), rounds: 300 });
    expect(s.difference).toBe(-r.difference);
    expect(s.pValue).toBe(r.pValue);
    expect(s.ci[0]).toBeCloseTo(-r.ci[1], 14);
    expect(r.greaterIsBetter).toBe(false);
    expect(pairedBootstrap(y, hgb, lr, 'log_loss', { rng: new Rng(4), rounds: 300 }).ci).not.toEqual(r.ci);
  });

  it('identical predictions: difference 0, p = 1', () => {
    const labels = Int32Array.from(col1('hgb'), (p) => (p > 0.5 ? 1 : 0));
    expect(pairedBootstrap(y, labels, labels, 'accuracy', { rng: new Rng(1), rounds: 50 })).toMatchObject({ difference: 0, pValue: 1, ci: [0, 0] });
  });

  it('stratifies classification resamples and passes weights along', () => {
    const positives = y.reduce((a, b) => a + b, 0);
    const seen: number[] = [];
    const counting: ProbaMetric = {
      ...(metric('brier') as ProbaMetric),
      name: 'counting_brier',
      compute: (yy, p, w) => {
        seen.push(yy.reduce((a, b) => a + b, 0));
        expect(w?.length).toBe(yy.length);
        return (metric('brier') as ProbaMetric).compute(yy, p, w);
      },
    };
    pairedBootstrap(y, hgb, lr, counting, { rng: new Rng(5), rounds: 20, sampleWeight: new Float64Array(y.length).fill(2) });
    expect(seen.length).toBe(42);
    expect(new Set(seen)).toEqual(new Set([positives]));
  });

  it('handles regression values', () => {
    const t = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i));
    const good = t.map((v, i) => v + 0.1 * Math.cos(3 * i));
    const bad = t.map((v, i) => v + 0.3 * Math.cos(7 * i));
    const r = pairedBootstrap(t, good, bad, 'rmse', { rng: new Rng(2), rounds: 200 });
    expect(r.difference).toBeLessThan(0);
    expect(r.ci[1]).toBeLessThan(0);
  });

  it('refuses mismatched shapes and types', () => {
    const labels = Int32Array.from(y);
    const cases: [() => unknown, string][] = [
      [() => pairedBootstrap(y, hgb, lr.subarray(2), 'roc_auc', { rng: new Rng(1) }), 'data.length_mismatch'],
      [() => pairedBootstrap(y, hgb.subarray(0, 5), lr.subarray(0, 5), 'roc_auc', { rng: new Rng(1) }), 'data.length_mismatch'],
      [() => pairedBootstrap(y, hgb, lr, 'accuracy', { rng: new Rng(1) }), 'usage.bad_param'],
      [() => pairedBootstrap(Float64Array.from(y), labels, labels, 'accuracy', { rng: new Rng(1) }), 'usage.bad_param'],
      [() => pairedBootstrap(y, labels, labels, 'accuracy', { rng: new Rng(1), rounds: 0 }), 'usage.bad_param'],
      [() => pairedBootstrap(new Int32Array(0), new Int32Array(0), new Int32Array(0), 'accuracy', { rng: new Rng(1) }), 'data.empty'],
    ];
    for (const [f, want] of cases) {
      try {
        f();
        throw new Error(`expected ${want}`);
      } catch (e) {
        expect(e).toBeInstanceOf(SpecmlError);
        expect((e as SpecmlError).code).toBe(want);
      }
    }
  });
});
