import { describe, expect, it } from 'vitest';
import { loadCalibrationGolden } from '../calibration/golden.fixture.js';
import { chooseThreshold } from './choose-threshold.js';
import { confusionAt } from './confusion-at.js';
import { precisionRecallCurve } from './pr-curve.js';
import { code } from '../../core/errors.fixture.js';

const I = (...v: number[]): Int32Array => Int32Array.from(v);
const F = (...v: number[]): Float64Array => Float64Array.from(v);

// Real data: 600 held-out credit applicants (test/golden/calibration, see its README).
const { doc } = loadCalibrationGolden();
const creditY = Int32Array.from(doc.shared.creditYTest!);
const creditP = Float64Array.from(doc.shared.creditPTest!);

/** Brute force over every distinct score: the reference chooseThreshold must agree with. */
function bruteForce(y: Int32Array, s: Float64Array, target: 'precision' | 'recall', min: number): { threshold: number; met: boolean } {
  const cuts = [...new Set(s)].sort((a, b) => a - b);
  const pts = cuts.map((t) => {
    const c = confusionAt(y, s, t);
    const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
    const recall = c.tp / (c.tp + c.fn);
    return { t, primary: target === 'precision' ? precision : recall, secondary: target === 'precision' ? recall : precision };
  });
  const ok = pts.filter((p) => p.primary >= min);
  const pool = ok.length > 0 ? ok : pts;
  pool.sort((a, b) => (ok.length > 0 ? 0 : b.primary - a.primary) || b.secondary - a.secondary || b.t - a.t);
  return { threshold: pool[0]!.t, met: ok.length > 0 };
}

describe('precisionRecallCurve', () => {
  it('computes the documented example (sklearn’s docstring case)', () => {
    const c = precisionRecallCurve(I(0, 0, 1, 1), F(0.1, 0.4, 0.35, 0.8));
    expect([...c.thresholds]).toEqual([0.1, 0.35, 0.4, 0.8]);
    expect([...c.precision]).toEqual([0.5, 2 / 3, 0.5, 1, 1]);
    expect([...c.recall]).toEqual([1, 1, 0.5, 0.5, 0]);
  });

  it('drops zero-weight rows entirely (no threshold of their own)', () => {
    const c = precisionRecallCurve(I(0, 1, 1), F(0.2, 0.9, 0.5), F(1, 1, 0));
    expect([...c.thresholds]).toEqual([0.2, 0.9]);
  });

  it('refuses non-binary targets and NaN scores', () => {
    expect(code(() => precisionRecallCurve(I(0, 2), F(0.1, 0.2)))).toBe('data.invalid_label');
    expect(code(() => precisionRecallCurve(I(0, 1), F(0.1, NaN)))).toBe('data.nan');
    expect(code(() => precisionRecallCurve(I(0, 1), F(0.1)))).toBe('data.length_mismatch');
  });
});

describe('confusionAt', () => {
  it('predicts positive at score >= threshold and reproduces every curve point (real data)', () => {
    const c = precisionRecallCurve(creditY, creditP);
    const positives = creditY.reduce((s, v) => s + v, 0);
    for (let j = 0; j < c.thresholds.length; j += 7) {
      const m = confusionAt(creditY, creditP, c.thresholds[j]!);
      expect(m.tp + m.fp + m.fn + m.tn).toBe(creditY.length);
      expect(m.tp / (m.tp + m.fp)).toBe(c.precision[j]);
      expect(m.tp / positives).toBe(c.recall[j]);
    }
    expect(confusionAt(I(1, 0), F(0.7, 0.7), 0.7)).toEqual({ tp: 1, fp: 1, fn: 0, tn: 0 });
    expect(confusionAt(I(1, 0), F(0.7, 0.2), Infinity)).toEqual({ tp: 0, fp: 0, fn: 1, tn: 1 });
    expect(confusionAt(I(1, 0), F(0.7, 0.2), 0.5, F(2, 3))).toEqual({ tp: 2, fp: 0, fn: 0, tn: 3 });
    expect(code(() => confusionAt(I(1, 0), F(0.7, 0.2), NaN))).toBe('usage.invalid_threshold');
  });
});

describe('chooseThreshold', () => {
  it('computes the documented examples', () => {
    const y = I(0, 0, 1, 1, 0, 1);
    const s = F(0.1, 0.4, 0.35, 0.8, 0.6, 0.7);
    expect(chooseThreshold(y, s, { target: 'precision', min: 0.9 })).toEqual({ threshold: 0.7, precision: 1, recall: 2 / 3, met: true });
    expect(chooseThreshold(I(0, 1, 1, 0), F(0.2, 0.9, 0.6, 0.7), { target: 'recall', min: 1 })).toEqual({ threshold: 0.6, precision: 2 / 3, recall: 1, met: true });
  });

  it('breaks ties toward the larger threshold', () => {
    // Recall target: cuts 0.8 (recall 0.5) and 0.6 (recall 1) both meet recall >= 0.5 with the
    // best precision, 0.5; the larger cut wins.
    const tie = chooseThreshold(I(0, 1, 0, 1), F(0.9, 0.8, 0.7, 0.6), { target: 'recall', min: 0.5 });
    expect(tie).toEqual({ threshold: 0.8, precision: 0.5, recall: 0.5, met: true });
    // Precision target: cuts 0.8 and 0.5 both have recall 1 (0.5 only adds a negative); 0.8 wins.
    expect(chooseThreshold(I(1, 0, 0), F(0.8, 0.5, 0.3), { target: 'precision', min: 0.4 }).threshold).toBe(0.8);
    // Not a tie: higher recall beats a larger threshold.
    expect(chooseThreshold(I(1, 1, 0), F(0.9, 0.8, 0.1), { target: 'precision', min: 1 }).threshold).toBe(0.8);
  });

  it('reports met = false and the closest cut when the floor is out of reach', () => {
    const r = chooseThreshold(I(0, 1, 0, 1), F(0.9, 0.8, 0.7, 0.6), { target: 'precision', min: 0.9 });
    expect(r.met).toBe(false);
    // Best precision is 0.5, reached at 0.8 (recall 0.5) and at 0.6 (recall 1): higher recall wins.
    expect(r).toEqual({ threshold: 0.6, precision: 0.5, recall: 1, met: false });
  });

  it('agrees with a brute-force search over every cut on real data', () => {
    for (const target of ['precision', 'recall'] as const) {
      for (const min of [0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1]) {
        const got = chooseThreshold(creditY, creditP, { target, min });
        const want = bruteForce(creditY, creditP, target, min);
        expect(got.threshold, `${target} >= ${min}`).toBe(want.threshold);
        expect(got.met).toBe(want.met);
        if (got.met) expect(target === 'precision' ? got.precision : got.recall).toBeGreaterThanOrEqual(min);
      }
    }
  });

  it('refuses targets it cannot judge', () => {
    expect(code(() => chooseThreshold(I(0, 0), F(0.1, 0.2), { target: 'recall', min: 0.5 }))).toBe('data.single_class');
    expect(code(() => chooseThreshold(I(0, 1), F(0.1, 0.2), { target: 'recall', min: 1.5 }))).toBe('usage.invalid_threshold_floor');
    expect(code(() => chooseThreshold(I(0, 1), F(0.1, 0.2), { target: 'f1' as never, min: 0.5 }))).toBe('usage.invalid_target');
  });
});
