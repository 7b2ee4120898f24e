import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.js';
import { rocAuc } from '../evaluate/metrics/index.js';
import { cbpe, labelledPerformance } from './performance.js';

describe('cbpe', () => {
  it('gives the expected confusion matrix and ROC curve of two rows by hand', () => {
    const e = cbpe(Float64Array.from([0.9, 0.1]));
    expect(e.expected.tp).toBeCloseTo(0.9, 15);
    expect(e.expected.fp).toBeCloseTo(0.1, 15);
    expect(e.expected.tn).toBeCloseTo(0.9, 15);
    expect(e.expected.fn).toBeCloseTo(0.1, 15);
    expect(e.accuracy).toBeCloseTo(0.9, 15);
    // Curve (0,0) -> (0.1, 0.9) -> (1, 1): 0.1·0.45 + 0.9·0.95 = 0.9.
    expect(e.roc_auc).toBeCloseTo(0.9, 15);
  });

  it("uses the model's own decisions when given, instead of a threshold", () => {
    const p = Float64Array.from([0.9, 0.4, 0.1]);
    const at = cbpe(p); // 0.4 is a negative at 0.5: TP 0.9, FP 0.1, TN 0.6 + 0.9, FN 0.4 + 0.1
    expect(at.accuracy).toBeCloseTo((0.9 + 1.5) / 3, 15);
    const own = cbpe(p, 0.5, [1, 1, 0]); // a lower threshold: 0.4 is a positive
    expect(own.threshold).toBeNull();
    expect(own.expected.tp).toBeCloseTo(1.3, 15);
    expect(own.accuracy).toBeCloseTo((1.3 + 0.9) / 3, 15);
    expect(own.roc_auc).toBeCloseTo(at.roc_auc, 14); // the curve does not depend on the decisions (sums in another order)
  });

  it('matches the realised accuracy and AUC when labels are drawn from calibrated probabilities', () => {
    const rng = new Rng(3);
    const n = 20_000;
    const p = new Float64Array(n);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      p[i] = 1 / (1 + Math.exp(-1.5 * rng.normal()));
      y[i] = rng.float() < p[i]! ? 1 : 0;
    }
    const e = cbpe(p);
    let correct = 0;
    for (let i = 0; i < n; i++) if ((p[i]! >= 0.5 ? 1 : 0) === y[i]) correct++;
    expect(Math.abs(e.accuracy - correct / n)).toBeLessThan(0.015);
    const proba = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      proba[2 * i] = 1 - p[i]!;
      proba[2 * i + 1] = p[i]!;
    }
    expect(Math.abs(e.roc_auc - rocAuc(y, proba))).toBeLessThan(0.015);
  });
});

describe('labelledPerformance', () => {
  it('flags a metric as worse only when the whole window interval is on the bad side of the holdout', () => {
    const rng = new Rng(4);
    const n = 600;
    const y = new Int32Array(n);
    const proba = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      y[i] = rng.float() < 0.5 ? 1 : 0;
      // A weak model: the true class gets 0.6 on average.
      const q = Math.min(0.99, Math.max(0.01, 0.5 + (y[i] ? 0.1 : -0.1) + 0.25 * rng.normal()));
      proba[2 * i] = 1 - q;
      proba[2 * i + 1] = q;
    }
    const r = labelledPerformance('binary', y, { proba }, { roc_auc: { value: 0.95, ci_low: 0.94, ci_high: 0.96 }, log_loss: { value: 0.2, ci_low: 0.18, ci_high: 0.22 } }, 7);
    expect(r.labelled_rows).toBe(n);
    expect(r.metrics['roc_auc']!.worse).toBe(true);
    expect(r.metrics['log_loss']!.worse).toBe(true);
    expect(r.metrics['accuracy']!.worse).toBeNull(); // no holdout value to compare with
    const same = labelledPerformance('binary', y, { proba }, { roc_auc: { value: r.metrics['roc_auc']!.value, ci_low: null, ci_high: null } }, 7);
    expect(same.metrics['roc_auc']!.worse).toBe(false);
  });
});
