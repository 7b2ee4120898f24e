/**
 * Calibration against scikit-learn 1.2.1 on test/golden/calibration/calibration.json (its README
 * lists the cases and explains every tolerance; each is restated where it is used).
 */
import { describe, expect, it } from 'vitest';
import { applyBinary, applyCalibrator } from '../../models/calibrated/apply.js';
import { fitCalibrator } from './calibrator.js';
import { expectedCalibrationError } from './ece.js';
import { loadCalibrationGolden } from './golden.fixture.js';
import { fitIsotonic } from './isotonic.js';
import { reliabilityCurve } from './reliability.js';
import { fitSigmoid } from './sigmoid.js';

const { doc, num, int } = loadCalibrationGolden();

function expectAllClose(got: ArrayLike<number>, want: ArrayLike<number>, tol: (w: number) => number, what: string): void {
  expect(got.length, `${what}: length`).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i]! - want[i]!);
    expect(err <= tol(want[i]!), `${what}[${i}]: got ${got[i]}, sklearn ${want[i]} (diff ${err})`).toBe(true);
  }
}
const exact = (): number => 0;

describe(`calibration matches scikit-learn ${doc.versions.sklearn}`, () => {
  it('has the cases the README promises', () => {
    expect(doc.reliability.map((c) => c.name)).toEqual(['grid_ties', 'beta_skewed', 'small_edges', 'credit']);
    expect(doc.sigmoid.length).toBe(5);
    expect(doc.isotonic.length).toBe(6);
    expect(doc.ovr.length).toBe(4);
  });

  // Bit-identical: the same edges (numpy's linspace/percentile arithmetic replayed), the same
  // side-'left' search and the same left-to-right sums as np.bincount; any difference is a bug.
  for (const c of doc.reliability) {
    it(`reliability curve: ${c.name}`, () => {
      const y = int(c.y);
      const p = num(c.p);
      for (const k of c.curves) {
        const what = `${c.name} ${k.strategy}/${k.bins}`;
        const got = reliabilityCurve(y, p, { bins: k.bins, strategy: k.strategy });
        expectAllClose(got.edges, num(k.edges), exact, `${what} edges`);
        expectAllClose(got.probTrue, num(k.probTrue), exact, `${what} probTrue`);
        expectAllClose(got.probPred, num(k.probPred), exact, `${what} probPred`);
        expectAllClose(got.counts, num(k.counts), exact, `${what} counts`);
        if (k.ece !== undefined) {
          // numpy sums the ≤ 20 bin terms pairwise (8 accumulators), we sum left to right: each
          // order rounds ≤ 20 times at ≤ 2^-53 of a total ≤ 1, so they differ by < 5e-15.
          expect(Math.abs(expectedCalibrationError(y, p, { bins: k.bins }) - k.ece), `${what} ECE`).toBeLessThan(5e-15);
        }
      }
    });
  }

  it('top-label ECE (multiclass, Guo et al.)', () => {
    const y = int(doc.topLabel.y);
    const P = num(doc.topLabel.proba);
    for (const [bins, want] of Object.entries(doc.topLabel.ece)) {
      // The reference takes numpy .mean() per bin (pairwise sums); we divide left-to-right sums.
      // Sums of ≤ 300 terms ≤ 1 agree to 300 · 2^-53 ≈ 3e-14; the bound allows that per bin.
      expect(Math.abs(expectedCalibrationError(y, P, { bins: Number(bins) }) - want)).toBeLessThan(1e-13);
    }
  });

  for (const c of doc.sigmoid) {
    it(`Platt sigmoid: ${c.name}`, () => {
      const score = num(c.score);
      const w = c.sampleWeight === null ? undefined : num(c.sampleWeight);
      const s = fitSigmoid(score, int(c.y), w);
      // Against the optimum of sklearn's own objective solved to float precision (BFGS, gtol
      // 1e-10, then two Newton steps): both minimise one strictly convex function of two
      // parameters. The gradient sums carry ~n · 2^-53 rounding, which moves the minimiser by
      // ~1e-15 here (observed ≤ 9e-16); 1e-12 · max(1, |θ|) keeps a 1000× margin for other
      // platforms' exp/log1p, and still fails an optimiser that stops at Armijo's limit (~1e-9).
      expect(Math.abs(s.a - c.optimum.a)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(c.optimum.a)));
      expect(Math.abs(s.b - c.optimum.b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(c.optimum.b)));
      // Against sklearn's own (a, b): its BFGS stops once max |gradient| ≤ 1e-5, which puts it
      // within ‖H⁻¹‖₂ · √2 · 1e-5 of the optimum (c.sklearnBound, computed per case by the script;
      // 2.6e-7 to 2.2e-5 here). The observed gaps are 0.3 % to 12 % of it.
      expect(Math.abs(s.a - c.sklearn.a)).toBeLessThanOrEqual(c.sklearnBound);
      expect(Math.abs(s.b - c.sklearn.b)).toBeLessThanOrEqual(c.sklearnBound);
      const xt = num(c.scoreTest);
      const p = applyBinary(s, xt);
      // Same formula as scipy's expit(-(a·x + b)); with (a, b) within 1e-12 relative of the
      // optimum's, p moves by ≤ p(1−p)·|Δ(a·x + b)| ≤ 0.25 · 1e-12 · (1 + |x|) · max(1, |a|, |b|)
      // < 3e-12 here, where (1 + |x|) · max(1, |a|, |b|) ≤ 11.2 (observed ≤ 2.2e-16).
      expectAllClose(p, num(c.probaAtOptimum), () => 1e-11, `${c.name} proba at optimum`);
      // Against sklearn's predictions: |Δp| ≤ 0.25 · (|Δa|·|x| + |Δb|) ≤ 0.25 · bound · (|x| + 1).
      const maxX = xt.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expectAllClose(p, num(c.probaSklearn), () => 0.25 * c.sklearnBound * (maxX + 1), `${c.name} proba vs sklearn`);
    });
  }

  for (const c of doc.isotonic) {
    it(`isotonic regression: ${c.name}`, () => {
      const w = c.sampleWeight === null ? undefined : num(c.sampleWeight);
      const s = fitIsotonic(num(c.x), num(c.y), w);
      // Bit-identical: the same sort, tie merge, PAVA and trim, each float operation in sklearn's order.
      expectAllClose(s.x, num(c.xThresholds), exact, `${c.name} X_thresholds_`);
      expectAllClose(s.y, num(c.yThresholds), exact, `${c.name} y_thresholds_`);
      // numpy.interp's arithmetic (slope · (x − x_j) + y_j) replayed; V8 and C round the same
      // IEEE operations identically, so predictions are bit-identical too.
      expectAllClose(applyBinary(s, num(c.xTest)), num(c.predict), exact, `${c.name} predict`);
    });
  }

  for (const c of doc.ovr) {
    it(`CalibratedClassifierCV(cv='prefit'): ${c.name}`, () => {
      const state = fitCalibrator(c.method, int(c.yCal), num(c.scoresCal));
      expect(state.nClasses).toBe(c.nClasses);
      expect(state.inputColumns).toBe(c.inputColumns);
      expect(state.perClass.length).toBe(c.calibrators.length);
      let tol = 0;
      state.perClass.forEach((got, j) => {
        const want = c.calibrators[j]!;
        if (got.method === 'sigmoid' && 'a' in want) {
          // sklearn's BFGS stopping bound for this one-vs-rest problem, as in the Platt cases
          // (observed ≤ 15 % of it).
          expect(Math.abs(got.a - want.a), `${c.name}[${j}].a`).toBeLessThanOrEqual(want.bound);
          expect(Math.abs(got.b - want.b), `${c.name}[${j}].b`).toBeLessThanOrEqual(want.bound);
          tol = Math.max(tol, want.bound);
        } else if (got.method === 'isotonic' && 'x' in want) {
          expectAllClose(got.x, num(want.x), exact, `${c.name}[${j}].x`);
          expectAllClose(got.y, num(want.y), exact, `${c.name}[${j}].y`);
        } else throw new Error(`${c.name}: calibrator ${j} has the wrong method`);
      });
      const scoresTest = num(c.scoresTest);
      const proba = applyCalibrator(state, scoresTest);
      const want = num(c.proba);
      const got = c.nClasses === 2 ? proba.filter((_, i) => i % 2 === 1) : proba;
      // Isotonic: the knots are bit-identical, but the row sums divide in numpy's order (≤ 1 ulp
      // per division, 3 classes), hence 1e-15. Sigmoid: each class probability moves by at most
      // 0.25 · bound · (|x| + 1) (see the Platt cases) before normalisation; dividing by a row sum
      // that moved by ≤ k times that at most triples it, hence the factor 4 · k.
      const maxX = scoresTest.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      const pTol = c.method === 'isotonic' ? 1e-15 : 4 * c.nClasses * 0.25 * tol * (maxX + 1);
      expectAllClose(got, want, () => pTol, `${c.name} predict_proba`);
      if (c.nClasses === 2) for (let i = 0; i < got.length; i++) expect(proba[2 * i]).toBe(1 - proba[2 * i + 1]!);
    });
  }
});
