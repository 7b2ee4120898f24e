import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { decodeState, encodeState, type StateValue } from '../../core/state.js';
import { applyBinary, applyCalibrator } from '../../models/calibrated/apply.js';
import { quantileEdges, uniformEdges } from './bins.js';
import { calibratorFromState } from '../../models/calibrated/state.js';
import { fitCalibrator } from './calibrator.js';
import { expectedCalibrationError } from './ece.js';
import { loadCalibrationGolden } from './golden.fixture.js';
import { fitIsotonic, pava } from './isotonic.js';
import { reliabilityCurve } from './reliability.js';
import { fitSigmoid } from './sigmoid.js';
import { code } from '../../core/errors.fixture.js';

const I = (...v: number[]): Int32Array => Int32Array.from(v);
const F = (...v: number[]): Float64Array => Float64Array.from(v);

// Real data: credit applicants scored by a logistic regression; 600 calibration rows, 600 test
// rows (test/golden/calibration/calibration.json, see its README).
const { doc } = loadCalibrationGolden();
const sh = (k: string): Float64Array => Float64Array.from(doc.shared[k]!);
const yCal = Int32Array.from(doc.shared.creditYCal!);
const yTest = Int32Array.from(doc.shared.creditYTest!);

/** Classic O(n²) pool-adjacent-violators: merge the first violating pair of blocks until none is left. */
function slowPava(y: Float64Array, w: Float64Array): Float64Array {
  let blocks = Array.from(y, (v, i) => ({ sum: v * w[i]!, w: w[i]!, n: 1 }));
  for (;;) {
    const j = blocks.findIndex((b, i) => i + 1 < blocks.length && b.sum / b.w > blocks[i + 1]!.sum / blocks[i + 1]!.w);
    if (j < 0) break;
    const [a, b] = [blocks[j]!, blocks[j + 1]!];
    blocks = [...blocks.slice(0, j), { sum: a.sum + b.sum, w: a.w + b.w, n: a.n + b.n }, ...blocks.slice(j + 2)];
  }
  return Float64Array.from(blocks.flatMap((b) => Array<number>(b.n).fill(b.sum / b.w)));
}

describe('reliabilityCurve and ECE', () => {
  it('computes sklearn’s docstring example', () => {
    const c = reliabilityCurve(I(0, 0, 0, 0, 1, 1, 1, 1, 1), F(0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1), { bins: 3 });
    expect([...c.probTrue]).toEqual([0, 0.5, 1]);
    expect(c.probPred[0]).toBeCloseTo(0.2, 15);
    expect(c.probPred[1]).toBeCloseTo(0.525, 15);
    expect(c.probPred[2]).toBeCloseTo(0.85, 15);
    expect([...c.counts]).toEqual([3, 2, 4]);
  });

  it('replays numpy’s edge arithmetic', () => {
    expect(uniformEdges(10)[3]).toBe(0.30000000000000004); // 3 * 0.1, as np.linspace(0, 1, 11)
    expect([...quantileEdges(F(0.5, 0.1, 0.3, 0.2, 0.4), 2)]).toEqual([0.1, 0.3, 0.5]);
  });

  it('puts equal shares in quantile bins on real data', () => {
    const c = reliabilityCurve(yTest, sh('creditPTest'), { bins: 5, strategy: 'quantile' });
    for (const n of c.counts) expect(Math.abs(n - 120)).toBeLessThanOrEqual(3); // ties at an edge move a row or two
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(600);
  });

  it('computes the documented ECE examples', () => {
    expect(expectedCalibrationError(I(0, 1, 1, 1), F(0.1, 0.9, 0.9, 0.6), { bins: 10 })).toBeCloseTo(0.175, 15);
    expect(expectedCalibrationError(I(0, 2), F(0.8, 0.1, 0.1, 0.2, 0.2, 0.6))).toBeCloseTo(0.3, 15);
  });

  it('is small for calibrated and large for overconfident probabilities', () => {
    const rng = new Rng(4);
    const n = 20000;
    const p = Float64Array.from({ length: n }, () => rng.float());
    const y = Int32Array.from(p, (v) => (rng.float() < v ? 1 : 0));
    // Calibrated: only sampling noise, ~Σ_b (n_b/n)·√(p(1−p)/n_b) ≈ 0.01 for 15 bins of ~1300 rows.
    expect(expectedCalibrationError(y, p)).toBeLessThan(0.02);
    // Squashed toward 0 and 1 (p ↦ p³ / (p³ + (1 − p)³)): gaps of ~0.1 over most bins.
    const sharp = Float64Array.from(p, (v) => v ** 3 / (v ** 3 + (1 - v) ** 3));
    expect(expectedCalibrationError(y, sharp)).toBeGreaterThan(0.07);
    // For k = 2 the top-label reading differs from the positive-class one.
    const two = Float64Array.from(Array.from(sharp).flatMap((v) => [1 - v, v]));
    expect(expectedCalibrationError(y, two)).not.toBeCloseTo(expectedCalibrationError(y, sharp), 6);
  });

  it('refuses bad inputs', () => {
    expect(code(() => reliabilityCurve(I(0, 1), F(0.2, 1.2)))).toBe('data.invalid_proba');
    expect(code(() => reliabilityCurve(I(0, 3), F(0.2, 0.3)))).toBe('data.invalid_label');
    expect(code(() => reliabilityCurve(I(0, 1), F(0.2, 0.3), { bins: 0 }))).toBe('usage.invalid_bins');
    expect(code(() => reliabilityCurve(I(0, 1), F(0.2, 0.3), { strategy: 'kmeans' as never }))).toBe('usage.invalid_strategy');
    expect(code(() => expectedCalibrationError(I(0, 1), F(0.2, 0.3, 0.5)))).toBe('data.length_mismatch');
  });
});

describe('Platt sigmoid', () => {
  it('recovers a known sigmoid from many rows', () => {
    const rng = new Rng(12);
    const n = 50000;
    const x = Float64Array.from({ length: n }, () => 3 * rng.normal());
    const y = Int32Array.from(x, (v) => (rng.float() < 1 / (1 + Math.exp(-1.5 * v + 0.3)) ? 1 : 0));
    const s = fitSigmoid(x, y);
    // True (a, b) = (−1.5, 0.3) in sklearn's sign convention; the MLE's sd is ~0.02 at n = 50,000.
    expect(Math.abs(s.a + 1.5)).toBeLessThan(0.06);
    expect(Math.abs(s.b - 0.3)).toBeLessThan(0.06);
  });

  it('stays finite on separable data (Platt’s smoothed targets)', () => {
    const s = fitSigmoid(F(-2, -1, 1, 2), I(0, 0, 1, 1));
    expect(Number.isFinite(s.a) && Number.isFinite(s.b)).toBe(true);
    // Targets 1/4 and 3/4 for 2 rows per class: the fit cannot pass 3/4 by much.
    expect(applyBinary(s, F(2))[0]!).toBeLessThan(0.85);
    expect(code(() => fitSigmoid(F(1, 2), I(0, 2)))).toBe('data.invalid_label');
  });
});

describe('isotonic', () => {
  it('PAVA equals the classic O(n²) pooling', () => {
    const rng = new Rng(3);
    for (let t = 0; t < 20; t++) {
      const y = Float64Array.from({ length: 60 }, () => Math.round(rng.float() * 10) / 10);
      const w = Float64Array.from({ length: 60 }, () => 0.5 + rng.float());
      const fast = Float64Array.from(y);
      pava(fast, Float64Array.from(w));
      const slow = slowPava(y, w);
      for (let i = 0; i < 60; i++) expect(Math.abs(fast[i]! - slow[i]!)).toBeLessThan(1e-12); // same pools, sums in another order
      for (let i = 1; i < 60; i++) expect(fast[i]!).toBeGreaterThanOrEqual(fast[i - 1]!);
    }
  });

  it('averages tied x, clips outside the range, interpolates inside', () => {
    const s = fitIsotonic(F(1, 2, 2, 3), F(0, 1, 0, 1));
    expect([...s.x]).toEqual([1, 2, 3]);
    expect([...s.y]).toEqual([0, 0.5, 1]);
    expect([...applyBinary(s, F(-5, 1.5, 2.5, 9))]).toEqual([0, 0.25, 0.75, 1]);
    expect(code(() => fitIsotonic(F(1, 2), F(0, 1), F(0, 0)))).toBe('data.invalid_weight');
  });
});

describe('calibrators', () => {
  it('fix an overconfident score on real data (fit on one split, judged on another)', () => {
    // Sharpen the logistic regression's decision function 3×: probabilities become overconfident.
    const logit = (d: Float64Array): Float64Array => Float64Array.from(d, (v) => 3 * v);
    const prob = (d: Float64Array): Float64Array => Float64Array.from(logit(d), (v) => 1 / (1 + Math.exp(-v)));
    const before = expectedCalibrationError(yTest, prob(sh('creditDecTest')));
    expect(before).toBeGreaterThan(0.1);
    // Platt maps a logit-scale score (sklearn feeds it decision_function); isotonic any monotone score.
    const inputs = { sigmoid: logit, isotonic: prob } as const;
    for (const method of ['sigmoid', 'isotonic'] as const) {
      const cal = fitCalibrator(method, yCal, inputs[method](sh('creditDecCal')));
      const after = expectedCalibrationError(yTest, applyCalibrator(cal, inputs[method](sh('creditDecTest'))).filter((_, i) => i % 2 === 1));
      expect(after, method).toBeLessThan(before / 2);
      if (method === 'sigmoid') expect(Math.abs((cal.perClass[0] as { a: number }).a + 1 / 3)).toBeLessThan(0.05); // undoes the 3×
    }
  });

  it('normalise one-vs-rest rows to 1 and fill column 0 of a binary target', () => {
    const { num, int } = loadCalibrationGolden();
    const c = doc.ovr.find((o) => o.name === 'multiclass3_isotonic')!;
    const proba = applyCalibrator(fitCalibrator('isotonic', int(c.yCal), num(c.scoresCal)), num(c.scoresTest));
    for (let i = 0; i < proba.length / 3; i++) expect(Math.abs(proba[3 * i]! + proba[3 * i + 1]! + proba[3 * i + 2]! - 1)).toBeLessThan(1e-15);
    const bin = applyCalibrator(fitCalibrator('sigmoid', I(0, 1, 1, 0, 1), F(0.1, 0.8, 0.6, 0.4, 0.3, 0.2, 0.7, 0.3, 0.9, 0.1).map((v, j) => (j % 2 ? v : 1 - v))), F(0.5, 0.5));
    expect(bin.length).toBe(2);
    expect(bin[0]).toBe(1 - bin[1]!);
  });

  it('save and load through model state (JSON + typed-array buffers) without changing a bit', () => {
    const { num, int } = loadCalibrationGolden();
    for (const c of doc.ovr) {
      const state = fitCalibrator(c.method, int(c.yCal), num(c.scoresCal));
      const { json, buffers } = encodeState(state as StateValue);
      const text = JSON.stringify(json);
      const again = calibratorFromState(decodeState(JSON.parse(text), buffers));
      const x = num(c.scoresTest);
      expect([...applyCalibrator(again, x)]).toEqual([...applyCalibrator(state, x)]);
    }
    // Plain JSON arrays (no buffers) load too.
    const plain = calibratorFromState(JSON.parse(JSON.stringify({ kind: 'calibrator', method: 'isotonic', nClasses: 2, inputColumns: 1, perClass: [{ method: 'isotonic', x: [0, 1], y: [0.1, 0.9] }] })));
    expect([...applyCalibrator(plain, F(0.5))]).toEqual([0.5, 0.5]);
  });

  it('refuse broken state, shapes and inputs', () => {
    const ok = { kind: 'calibrator', method: 'sigmoid', nClasses: 2, inputColumns: 1, perClass: [{ method: 'sigmoid', a: -1, b: 0 }] };
    expect(calibratorFromState(ok as StateValue).perClass[0]).toEqual({ method: 'sigmoid', a: -1, b: 0 });
    expect(code(() => calibratorFromState({ ...ok, kind: 'model' } as StateValue))).toBe('artifact.bad_state');
    expect(code(() => calibratorFromState({ ...ok, nClasses: 3 } as StateValue))).toBe('artifact.bad_state');
    expect(code(() => calibratorFromState({ ...ok, perClass: [{ method: 'sigmoid', a: 'x', b: 0 }] } as StateValue))).toBe('artifact.bad_state');
    const iso = { kind: 'calibrator', method: 'isotonic', nClasses: 2, inputColumns: 1, perClass: [{ method: 'isotonic', x: F(0, 0), y: F(0, 1) }] };
    expect(code(() => calibratorFromState(iso as StateValue))).toBe('artifact.bad_state');
    const state = calibratorFromState(ok as StateValue);
    expect(code(() => applyCalibrator({ ...state, inputColumns: 2 }, F(1, 2, 3)))).toBe('data.length_mismatch');
    expect(code(() => applyCalibrator(state, F(NaN)))).toBe('data.nan');
    expect(code(() => fitCalibrator('beta' as never, I(0, 1), F(0, 1)))).toBe('usage.invalid_method');
    expect(code(() => fitCalibrator('sigmoid', I(0, 3), F(0, 1)))).toBe('data.label_out_of_range');
    expect(code(() => fitCalibrator('sigmoid', I(0, 1, 1), F(0, 1)))).toBe('data.length_mismatch');
  });
});
