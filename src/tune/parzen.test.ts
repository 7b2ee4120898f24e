/**
 * The Parzen estimator against Optuna 5.0.0's `_ParzenEstimator` on the cases in
 * test/golden/tpe/tpe.json (make_tpe.py and README.md beside it), plus properties Optuna's numbers
 * cannot show: densities that sum or integrate to 1, and samples distributed as the density says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.js';
import { defaultWeights, fitParzen, logPdfParzen, normMass, sampleParzen } from './parzen.js';
import type { Distribution } from './types.js';

interface ParzenCase {
  name: string;
  space: Distribution[];
  priorWeight: number;
  obs: number[][];
  points: number[][];
  logPdf: number[];
}
const revive = (_k: string, v: unknown): unknown => (v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v);
const golden = JSON.parse(readFileSync(new URL('../../test/golden/tpe/tpe.json', import.meta.url), 'utf8'), revive) as { parzen: ParzenCase[] };

describe('fitParzen / logPdfParzen vs Optuna 5.0.0', () => {
  for (const c of golden.parzen) {
    it(c.name, () => {
      const p = fitParzen(c.space, c.obs.map((o) => Float64Array.from(o)), c.priorWeight);
      const got = logPdfParzen(p, c.points.map((x) => Float64Array.from(x)));
      c.logPdf.forEach((want, i) => {
        const err = Math.abs(got[i]! - want);
        // Tolerance 1e-9 on log densities: both sides use a float64-exact normal CDF (core/stats is
        // checked against mpmath), so what is left is summation order and the midpoint rule for
        // narrow grid cells (relative error < 1e-11, see normMass) — well under 1e-9.
        expect(err, `${c.name} point ${i}: got ${got[i]}, optuna ${want}`).toBeLessThan(1e-9);
      });
    });
  }
});

describe('normMass', () => {
  it('matches SciPy 1.10.1 norm.cdf differences, centre, narrow cells and far tails', () => {
    // (a, b, scipy): the tails were taken on the side where scipy is exact (cdf left, sf right).
    const cases: [number, number, number][] = [
      [-1, 1, 0.6826894921370859],
      [-0.3, 2, 0.5951612902407735],
      [0, 0.001, 0.00039894221391106877],
      [2.5, 2.5001, 1.752610960939656e-6],
      [5, 6, 2.856649842341556e-7],
      [-8, -7, 1.2791904478284077e-12],
      [-30, -29.99, 1.7185294565063788e-198],
    ];
    // Relative 1e-6: erfc's fit is good to 1.2e-7 relative and the cells here cancel < 10x.
    for (const [a, b, want] of cases) expect(Math.abs(normMass(a, b) / want - 1), `[${a}, ${b}]`).toBeLessThan(1e-6);
  });
});

describe('defaultWeights', () => {
  it('is flat below 25 observations, then ramps the oldest from 1/n up to 1', () => {
    expect(Array.from(defaultWeights(24))).toEqual(new Array(24).fill(1));
    const w = defaultWeights(30); // numpy: linspace(1/30, 1, 5) then 25 ones
    [1 / 30, 0.275, 0.5166666666666667, 0.7583333333333333, 1].forEach((v, i) => expect(w[i]).toBeCloseTo(v, 14));
    expect(Array.from(w.subarray(5))).toEqual(new Array(25).fill(1));
    expect(Array.from(defaultWeights(26))).toEqual([1 / 26, ...new Array(25).fill(1)]);
  });
});

describe('densities are proper', () => {
  it('sum to 1 over every grid value (int, int on a log scale, step with an off-grid top)', () => {
    const spaces: [Distribution, number[]][] = [
      [{ kind: 'int', low: 2, high: 12 }, [3, 3, 4, 9, 12]],
      [{ kind: 'int', low: 1, high: 1024, log: true }, [2, 3, 3, 100, 1000]],
      [{ kind: 'int', low: 2, high: 1024, log: true }, [2, 3, 3, 100, 1000]],
      [{ kind: 'float', low: 0, high: 1, step: 0.3 }, [0, 0.3, 0.9]],
      [{ kind: 'int', low: 8, high: 255, step: 16 }, [8, 24, 248]],
    ];
    for (const [d, o] of spaces) {
      const p = fitParzen([d], [Float64Array.from(o)], 1);
      const grid: number[] = [];
      if (d.kind === 'categorical') continue;
      const step = d.step ?? 1;
      for (let k = 0; d.low + k * step <= d.high + 1e-9; k++) grid.push(d.low + k * step);
      let total = 0;
      for (const lp of logPdfParzen(p, [Float64Array.from(grid)])) total += Math.exp(lp);
      // 1e-6: each cell's mass carries erfc's ~1e-7 relative error.
      expect(Math.abs(total - 1), JSON.stringify(d)).toBeLessThan(1e-6);
    }
  });

  it('integrate to 1 over a continuous range (in log coordinates for a log range)', () => {
    for (const [d, o] of [
      [{ kind: 'float', low: -5, high: 5 }, [0.1, 0.12, 4.9, -3]],
      [{ kind: 'float', low: 1e-5, high: 1, log: true }, [1e-3, 2e-3, 0.5]],
    ] as [Distribution & { kind: 'float' }, number[]][]) {
      const p = fitParzen([d], [Float64Array.from(o)], 1);
      const lo = d.log ? Math.log(d.low) : d.low;
      const hi = d.log ? Math.log(d.high) : d.high;
      // Simpson's rule on 2000 panels: error ~ (h^4) * max f'''' ~ 1e-10 for kernels >= range/6 wide.
      const m = 2000;
      const h = (hi - lo) / m;
      const xs = Float64Array.from({ length: m + 1 }, (_, i) => (d.log ? Math.exp(lo + i * h) : lo + i * h));
      const f = logPdfParzen(p, [xs]);
      let s = 0;
      for (let i = 0; i <= m; i++) s += Math.exp(f[i]!) * (i === 0 || i === m ? 1 : i % 2 ? 4 : 2);
      expect(Math.abs((s * h) / 3 - 1)).toBeLessThan(1e-6);
    }
  });

  it('samples follow the density (int and categorical jointly, 20000 draws)', () => {
    const space: Distribution[] = [{ kind: 'int', low: 1, high: 6 }, { kind: 'categorical', choices: ['a', 'b', 'c'] }];
    const p = fitParzen(space, [Float64Array.of(2, 2, 5), Float64Array.of(0, 1, 0)], 1);
    const N = 20000;
    const xs = sampleParzen(p, new Rng(5), N);
    const counts = new Map<string, number>();
    for (let i = 0; i < N; i++) counts.set(`${xs[0]![i]},${xs[1]![i]}`, (counts.get(`${xs[0]![i]},${xs[1]![i]}`) ?? 0) + 1);
    const cells: [number, number][] = [];
    for (let v = 1; v <= 6; v++) for (let c = 0; c < 3; c++) cells.push([v, c]);
    const dens = logPdfParzen(p, [Float64Array.from(cells, (x) => x[0]), Float64Array.from(cells, (x) => x[1])]);
    let total = 0;
    cells.forEach(([v, c], i) => {
      const pr = Math.exp(dens[i]!);
      total += pr;
      // Within 4.5 binomial standard deviations of N·p for each of the 18 joint cells.
      expect(Math.abs((counts.get(`${v},${c}`) ?? 0) - N * pr), `cell ${v},${c}`).toBeLessThan(4.5 * Math.sqrt(N * pr * (1 - pr)) + 1);
    });
    expect(Math.abs(total - 1)).toBeLessThan(1e-6);
  });

  it('samples of a continuous log range follow the density per decade', () => {
    const d: Distribution = { kind: 'float', low: 1e-5, high: 1, log: true };
    const p = fitParzen([d], [Float64Array.of(1e-4, 3e-4, 0.2)], 1);
    const N = 20000;
    const xs = sampleParzen(p, new Rng(6), N)[0]!;
    for (const x of xs) expect(x >= 1e-5 && x <= 1).toBe(true);
    for (let dec = -5; dec < 0; dec++) {
      const inDecade = xs.filter((x) => x >= 10 ** dec && x < 10 ** (dec + 1)).length;
      // Expected share: the density integrated over log x in [dec, dec+1]·ln 10 (Simpson, 200 panels).
      const a = dec * Math.LN10;
      const h = Math.LN10 / 200;
      const f = logPdfParzen(p, [Float64Array.from({ length: 201 }, (_, i) => Math.exp(a + i * h))]);
      let s = 0;
      for (let i = 0; i <= 200; i++) s += Math.exp(f[i]!) * (i === 0 || i === 200 ? 1 : i % 2 ? 4 : 2);
      const pr = (s * h) / 3;
      expect(Math.abs(inDecade - N * pr), `decade 1e${dec}`).toBeLessThan(4.5 * Math.sqrt(N * pr * (1 - pr)));
    }
  });
});
