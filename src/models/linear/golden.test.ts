/**
 * specml's linear models against scikit-learn's coefficients (test/golden/linear: make_linear.py
 * wrote linear.json; README.md there justifies each tolerance).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Estimator, FitEvent, PredictorModel } from '../../core/estimator.js';
import { Frame, categoricalColumn, numericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { LinearRegressorModel, LogisticRegressionModel } from './linear-model.js';
import { LogisticRegressionEstimator } from './logistic.js';
import { ElasticNetEstimator, LassoEstimator, LinearRegressionEstimator, RidgeEstimator } from './regression.js';

interface GoldenCase {
  dataset: 'regression' | 'binary' | 'multiclass';
  params: Record<string, unknown>;
  sklearn: string;
  coef: number[][];
  intercept: number[];
  proba?: number[][];
  predict?: number[];
}
interface Golden {
  versions: Record<string, string>;
  datasets: Record<string, { x: number[][]; y: number[] }>;
  cases: Record<string, GoldenCase>;
}

const golden = JSON.parse(readFileSync(new URL('../../../test/golden/linear/linear.json', import.meta.url), 'utf8')) as Golden;

function data(name: GoldenCase['dataset']): { frame: Frame; target: ReturnType<typeof numericColumn> | ReturnType<typeof categoricalColumn> } {
  const { x, y } = golden.datasets[name]!;
  const p = x[0]!.length;
  const frame = Frame.fromColumns(Array.from({ length: p }, (_, j) => numericColumn(`x${j}`, Float64Array.from(x, (r) => r[j]!))));
  const target = name === 'regression' ? numericColumn('y', Float64Array.from(y)) : categoricalColumn('y', Int32Array.from(y), name === 'binary' ? ['0', '1'] : ['0', '1', '2']);
  return { frame, target };
}

/**
 * Tolerances, as |ours - sklearn| ≤ atol + rtol·|sklearn| (README.md has the reasoning):
 * - exact solves (least squares, ridge): both sides are one Cholesky/LAPACK solve of a
 *   well-conditioned 5 x 5 system; only rounding differs.
 * - coordinate descent: the same algorithm and stop on both sides, run to a duality gap ≤ 1e-10·‖y‖².
 * - logistic: different solvers (sklearn newton-cg / saga, ours L-BFGS / FISTA) each stopped at a
 *   first-order optimality of about 1e-10; the coefficient error is then ≈ gradient / curvature.
 */
const TOL: Record<string, { rtol: number; atol: number }> = {
  exact: { rtol: 1e-10, atol: 1e-12 },
  cd: { rtol: 1e-9, atol: 1e-11 },
  logistic: { rtol: 1e-7, atol: 1e-8 },
};

const SOLVE = { tol: 1e-10, max_iter: 100_000 };
const CASES: Record<string, { tol: keyof typeof TOL; make: (params: Record<string, unknown>) => Estimator<PredictorModel> }> = {
  linear_regression: { tol: 'exact', make: (p) => new LinearRegressionEstimator(p) },
  ridge: { tol: 'exact', make: (p) => new RidgeEstimator(p) },
  ridge_no_intercept: { tol: 'exact', make: (p) => new RidgeEstimator(p) },
  lasso: { tol: 'cd', make: (p) => new LassoEstimator({ ...p, ...SOLVE }) },
  elastic_net: { tol: 'cd', make: (p) => new ElasticNetEstimator({ ...p, ...SOLVE }) },
  logistic_binary: { tol: 'logistic', make: (p) => new LogisticRegressionEstimator({ ...p, ...SOLVE }) },
  logistic_binary_balanced: { tol: 'logistic', make: (p) => new LogisticRegressionEstimator({ ...p, ...SOLVE }) },
  logistic_multinomial: { tol: 'logistic', make: (p) => new LogisticRegressionEstimator({ ...p, ...SOLVE }) },
  logistic_l1_binary: { tol: 'logistic', make: (p) => new LogisticRegressionEstimator({ ...p, ...SOLVE }) },
  logistic_l1_multinomial: { tol: 'logistic', make: (p) => new LogisticRegressionEstimator({ ...p, ...SOLVE }) },
  logistic_elasticnet_binary: { tol: 'logistic', make: (p) => new LogisticRegressionEstimator({ ...p, ...SOLVE }) },
};

function expectClose(what: string, ours: ArrayLike<number>, ref: readonly number[], tol: { rtol: number; atol: number }): void {
  expect(ours.length, `${what}: length`).toBe(ref.length);
  for (let i = 0; i < ref.length; i++) {
    const err = Math.abs(ours[i]! - ref[i]!);
    if (!(err <= tol.atol + tol.rtol * Math.abs(ref[i]!))) {
      expect.fail(`${what}[${i}]: ours ${ours[i]} vs sklearn ${ref[i]} (|diff| ${err.toExponential(2)} > ${tol.atol} + ${tol.rtol}·|ref|)`);
    }
  }
}

describe(`linear models match scikit-learn ${golden.versions.sklearn}`, () => {
  it('covers every golden case', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(golden.cases).sort());
  });

  for (const [name, c] of Object.entries(golden.cases)) {
    it(`${name} (${c.sklearn})`, async () => {
      const spec = CASES[name]!;
      const tol = TOL[spec.tol]!;
      const { frame, target } = data(c.dataset);
      const events: FitEvent[] = [];
      const model = await spec.make(c.params).fit(frame, target, { rng: new Rng(1), emit: (e) => events.push(e) });
      expect(events.filter((e) => e.code === 'linear.not_converged')).toEqual([]);
      if (model instanceof LinearRegressorModel) {
        expectClose(`${name} coef`, model.coef, c.coef[0]!, tol);
        expectClose(`${name} intercept`, [model.intercept], c.intercept, tol);
        expectClose(`${name} predict`, model.predict(frame.head(5)).values, c.predict!, tol);
      } else if (model instanceof LogisticRegressionModel) {
        expectClose(`${name} coef`, model.coef, c.coef.flat(), tol);
        expectClose(`${name} intercept`, model.intercept, c.intercept, tol);
        expectClose(`${name} proba`, model.predict(frame.head(5)).proba!, c.proba!.flat(), tol);
      } else {
        expect.fail(`unexpected model ${model.name}`);
      }
    });
  }
});
