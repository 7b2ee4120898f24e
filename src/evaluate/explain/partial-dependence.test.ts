/**
 * Partial dependence and ICE: exact lines for linear models (raw and standardised inputs), ICE
 * averaging to PD on a gbdt, categorical grids, and class selection.
 */
import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../../core/errors.js';
import type { PredictorModel } from '../../core/estimator.js';
import { Frame, numericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { pipeline } from '../../features/pipeline.js';
import { StandardScaler } from '../../features/scalers.js';
import { GbdtEstimator } from '../../models/gbdt/estimator.js';
import type { LinearRegressorModel } from '../../models/linear/linear-model.js';
import { RidgeEstimator } from '../../models/linear/regression.js';
import { synth } from './explain.fixture.js';
import { partialDependence } from './partial-dependence.js';
import { pipelineParts } from './pipeline-parts.js';

function linearData(n: number): { frame: Frame; target: ReturnType<typeof numericColumn>; x1: Float64Array; x2: Float64Array } {
  const r = new Rng(21);
  // x1 on a scale far from 1 (mean 50, sd 10) so that a slope mixed up with its standardised
  // version would show.
  const x1 = Float64Array.from({ length: n }, () => 50 + 10 * r.normal());
  const x2 = Float64Array.from({ length: n }, () => r.normal());
  const y = Float64Array.from({ length: n }, (_, i) => 0.3 * x1[i]! - 2 * x2[i]! + r.normal());
  return { frame: Frame.fromColumns([numericColumn('x1', x1), numericColumn('x2', x2)]), target: numericColumn('y', y), x1, x2 };
}

const mean = (x: ArrayLike<number>): number => Array.from(x).reduce((a, b) => a + b, 0) / x.length;

describe('partialDependence', () => {
  it('ridge on raw inputs: PD(v) = intercept + coef1 v + coef2 mean(x2), a line of slope coef1', async () => {
    const { frame, target, x2 } = linearData(300);
    const model = (await new RidgeEstimator({ alpha: 1 }).fit(frame, target, { rng: new Rng(1) })) as LinearRegressorModel;
    const pd = partialDependence(model, frame, 'x1');
    const grid = pd.grid as number[];
    expect(grid).toHaveLength(20);
    expect(pd.output).toBe('value');
    const [b1, b2] = model.coef;
    for (let g = 0; g < grid.length; g++) {
      // Both sides sum the same ~300 terms of size ~20 in float64: rounding ~1e-13.
      expect(pd.pd[g]).toBeCloseTo(model.intercept + b1! * grid[g]! + b2! * mean(x2), 9);
    }
  });

  it('standardised ridge in a pipeline: slope is coef / sd(x1) in raw units', async () => {
    const { frame, target, x1 } = linearData(300);
    const model = (await pipeline([new StandardScaler({}), new RidgeEstimator({ alpha: 5 })]).fit(frame, target, { rng: new Rng(1) })) as PredictorModel;
    const ridge = pipelineParts(model).last as LinearRegressorModel;
    // The model is b0 + b1 (x1 - m1) / s1 + b2 (x2 - m2) / s2 with s the population sd (ddof 0,
    // as the scaler): moving x1 by dv moves every row's prediction, hence the average, by
    // b1 dv / s1. The x2 term averages to b2 · mean((x2 - m2) / s2) = 0 up to rounding.
    const m1 = mean(x1);
    const s1 = Math.sqrt(mean(Array.from(x1, (v) => (v - m1) ** 2)));
    const slope = ridge.coef[0]! / s1;
    expect(Math.abs(slope - 0.3)).toBeLessThan(0.05); // the true slope, shrunk a little by ridge
    const pd = partialDependence(model, frame, 'x1', { gridSize: 12 });
    const grid = pd.grid as number[];
    expect(grid).toHaveLength(12);
    for (let g = 0; g + 1 < grid.length; g++) {
      const got = (pd.pd[g + 1]! - pd.pd[g]!) / (grid[g + 1]! - grid[g]!);
      // Differences of values ~15 over grid steps ~2: float64 cancellation leaves ~1e-14 / 2.
      expect(Math.abs(got - slope)).toBeLessThan(1e-9);
    }
    for (let g = 0; g < grid.length; g++) expect(pd.pd[g]).toBeCloseTo(ridge.intercept + (ridge.coef[0]! * (grid[g]! - m1)) / s1, 9);
    // The grid spans the 5th to 95th percentile of x1.
    const below = (v: number): number => Array.from(x1).filter((x) => x < v).length / x1.length;
    expect(below(grid[0]!)).toBeCloseTo(0.05, 2);
    expect(below(grid[grid.length - 1]!)).toBeCloseTo(0.95, 2);
  });

  it('gbdt: ICE curves of all rows average to the PD curve; sampled ICE rows are seeded', async () => {
    const { frame, target } = synth(300, 8, 'binary');
    const model = await new GbdtEstimator({ trees: 30, learning_rate: 0.2, min_child_samples: 5 }).fit(frame, target, { rng: new Rng(1) });
    const full = partialDependence(model, frame, 'x1', { iceRows: 1000 });
    const G = full.grid.length;
    expect(full.output).toBe('yes');
    expect(full.iceRows).toHaveLength(300);
    for (let g = 0; g < G; g++) {
      let s = 0;
      for (let r = 0; r < 300; r++) s += full.ice[r * G + g]!;
      // Same terms summed in the same order: equal up to the final division's rounding.
      expect(Math.abs(s / 300 - full.pd[g]!)).toBeLessThan(1e-12);
    }
    // x1 pushes towards 'yes': the curve rises across the grid.
    expect(full.pd[G - 1]!).toBeGreaterThan(full.pd[0]! + 0.2);
    const a = partialDependence(model, frame, 'x1', { iceRows: 15, rng: new Rng(4) });
    const b = partialDependence(model, frame, 'x1', { iceRows: 15, rng: new Rng(4) });
    expect(Array.from(a.iceRows)).toEqual(Array.from(b.iceRows));
    expect(a.iceRows).toHaveLength(15);
    for (let r = 0; r < 15; r++) {
      const row = a.iceRows[r]!;
      for (let g = 0; g < G; g++) expect(a.ice[r * G + g]).toBe(full.ice[row * G + g]);
    }
    expect(Array.from(a.pd)).toEqual(Array.from(full.pd));
  });

  it('categorical column: one point per present level, ordered by the effect built into the data', async () => {
    const { frame, target } = synth(400, 9, 'multiclass');
    const model = await new GbdtEstimator({ trees: 20, learning_rate: 0.2, min_child_samples: 5 }).fit(frame, target, { rng: new Rng(1) });
    expect(() => partialDependence(model, frame, 'c')).toThrow(SpecmlError);
    const pd = partialDependence(model, frame, 'c', { output: 'c' });
    expect(pd.grid).toEqual(['p', 'q', 'r', 's']);
    // Level r adds +2 to the score that makes class c, level p subtracts 1.
    expect(pd.pd[2]!).toBeGreaterThan(pd.pd[1]! + 0.1);
    expect(pd.pd[1]!).toBeGreaterThan(pd.pd[0]!);
    const byIndex = partialDependence(model, frame, 'c', { output: 2 });
    expect(Array.from(byIndex.pd)).toEqual(Array.from(pd.pd));
    const bool = partialDependence(model, frame, 'b', { output: 'c' });
    expect(bool.grid).toEqual([0, 1]);
  });
});
