import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { choleskySolve } from './cholesky.js';
import { enetCoordinateDescent } from './coordinate-descent.js';
import { minimizeLbfgs, type Objective } from './lbfgs.js';
import { minimizeProximal } from './proximal.js';

const rosenbrock: Objective = (x, g) => {
  const [a, b] = [x[0]!, x[1]!];
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

/** A random least-squares problem: x n x p row-major, xc the same column-major, y. */
function problem(n: number, p: number, seed: number) {
  const rng = new Rng(seed);
  const x = new Float64Array(n * p);
  const xc = new Float64Array(n * p);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      const v = rng.float() * 2 - 1;
      x[i * p + j] = v;
      xc[j * n + i] = v;
      y[i]! += (j % 3 === 0 ? 2 : 0) * v;
    }
    y[i]! += 0.3 * (rng.float() - 0.5);
  }
  return { x, xc, y };
}

describe('minimizeLbfgs', () => {
  it('finds the Rosenbrock minimum from the usual start', () => {
    const r = minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxIter: 500, tol: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
    expect(r.x[1]).toBeCloseTo(1, 8);
    expect(r.gradNorm).toBeLessThanOrEqual(1e-10);
  });

  it('reports non-convergence when the iteration cap is hit, and does not modify x0', () => {
    const x0 = Float64Array.of(-1.2, 1);
    const r = minimizeLbfgs(rosenbrock, x0, { maxIter: 3, tol: 1e-10 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(3);
    expect(Array.from(x0)).toEqual([-1.2, 1]);
  });
});

describe('minimizeProximal', () => {
  it('soft-thresholds a scalar quadratic exactly', () => {
    const r = minimizeProximal((x, g) => ((g[0] = x[0]! - 3), 0.5 * (x[0]! - 3) ** 2), Float64Array.of(1), new Float64Array(1), { maxIter: 500, tol: 1e-12 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(2, 12);
  });

  it('agrees with coordinate descent on a lasso problem, zeros included', () => {
    const n = 80;
    const p = 6;
    const { x, xc, y } = problem(n, p, 3);
    const lam = 0.05;
    // ½/n ‖y - Xw‖² + lam‖w‖₁ (no intercept), as a smooth part plus a weighted L1 norm.
    const fg: Objective = (w, g) => {
      g.fill(0);
      let f = 0;
      for (let i = 0; i < n; i++) {
        let r = -y[i]!;
        for (let j = 0; j < p; j++) r += x[i * p + j]! * w[j]!;
        f += (0.5 * r * r) / n;
        for (let j = 0; j < p; j++) g[j]! += (r * x[i * p + j]!) / n;
      }
      return f;
    };
    const fista = minimizeProximal(fg, new Float64Array(p).fill(lam), new Float64Array(p), { maxIter: 10_000, tol: 1e-12 });
    const cd = enetCoordinateDescent({ xc, n, p, y, l1: n * lam, l2: 0, maxIter: 10_000, tol: 1e-12 });
    expect(fista.converged && cd.converged).toBe(true);
    for (let j = 0; j < p; j++) expect(Math.abs(fista.x[j]! - cd.w[j]!)).toBeLessThan(1e-9);
    expect(Array.from(cd.w).filter((v) => v === 0).length).toBeGreaterThan(0);
    expect(Array.from(fista.x).map((v) => v === 0)).toEqual(Array.from(cd.w).map((v) => v === 0));
  });
});

describe('enetCoordinateDescent', () => {
  it('stops on the duality gap, and reports the gap when max_iter runs out', () => {
    const { xc, y } = problem(50, 8, 5);
    const ok = enetCoordinateDescent({ xc, n: 50, p: 8, y, l1: 1, l2: 0.5, maxIter: 1000, tol: 1e-8 });
    expect(ok.converged).toBe(true);
    expect(ok.gap).toBeLessThanOrEqual(1e-8 * y.reduce((s, v) => s + v * v, 0));
    const cut = enetCoordinateDescent({ xc, n: 50, p: 8, y, l1: 1e-3, l2: 0, maxIter: 1, tol: 1e-12 });
    expect(cut.converged).toBe(false);
    expect(cut.gap).toBeGreaterThan(0);
  });
});

describe('choleskySolve', () => {
  it('solves an SPD system and refuses a singular one', () => {
    // A = BᵀB + I for a random B is SPD.
    const rng = new Rng(9);
    const p = 5;
    const b = Float64Array.from({ length: p * p }, () => rng.float() - 0.5);
    const a = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) a[i * p + j]! += b[k * p + i]! * b[k * p + j]! + (i === j && k === 0 ? 1 : 0);
    const rhs = Float64Array.of(1, -2, 3, 0.5, 0);
    const x = choleskySolve(a, p, rhs)!;
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += a[i * p + j]! * x[j]!;
      expect(s).toBeCloseTo(rhs[i]!, 12);
    }
    expect(choleskySolve(Float64Array.of(1, 1, 1, 1), 2, Float64Array.of(1, 1))).toBeUndefined();
  });
});
