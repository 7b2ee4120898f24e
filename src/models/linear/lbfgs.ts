/**
 * Limited-memory BFGS for smooth objectives (Nocedal & Wright, Numerical Optimization, Alg. 7.4
 * and 7.5) with a strong-Wolfe line search (Alg. 3.5/3.6, cubic interpolation in the zoom).
 *
 * Why L-BFGS: the L2 logistic objective is smooth and strongly convex, so quasi-Newton converges
 * superlinearly near the optimum at O(m·d) memory (m = 10 pairs, d = parameters) and one objective
 * + gradient evaluation per step in the common case that the unit step is accepted. Strong Wolfe
 * (not plain backtracking) guarantees sᵀy > 0, so the inverse-Hessian approximation stays
 * positive definite and every direction is a descent direction.
 *
 * Stopping: converged only when max|gᵢ| ≤ tol. There is deliberately no stop on a small relative
 * decrease of f (scipy's ftol = 64·eps): near the optimum f - f* ≈ ½gᵀH⁻¹g is below rounding long
 * before g is, which is why sklearn 1.2's lbfgs stops with |g| ≈ 1e-5 whatever tol is asked for.
 * A line search that finds no decrease ends the run, and is reported as not converged.
 *
 * @example
 * // minimise (w0 - 3)² + 10·(w1 + 1)²
 * const r = minimizeLbfgs((w, g) => { g[0] = 2 * (w[0]! - 3); g[1] = 20 * (w[1]! + 1); return (w[0]! - 3) ** 2 + 10 * (w[1]! + 1) ** 2; }, new Float64Array(2), { maxIter: 100, tol: 1e-10 });
 * r.x; // ≈ [3, -1]
 */

/**
 * Writes the gradient at `x` into `grad` (same length) and returns the objective value.
 *
 * @example
 * const sq: Objective = (x, g) => { g[0] = 2 * x[0]!; return x[0]! ** 2; };
 */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/**
 * The outcome of a minimisation: where it stopped and why.
 *
 * @example
 * const r: MinimizeResult = minimizeLbfgs(fg, x0, { maxIter: 100, tol: 1e-6 });
 * if (!r.converged) console.warn(r.iterations, r.gradNorm);
 */
export interface MinimizeResult {
  x: Float64Array;
  f: number;
  iterations: number;
  /** max |gradient| (or minimum-norm subgradient) at `x`. */
  gradNorm: number;
  converged: boolean;
}

const MEMORY = 10; // pairs kept: the usual 3-20 range; 10 is scipy's and sklearn's choice
const C1 = 1e-4; // sufficient decrease (Armijo), the textbook value
const C2 = 0.9; // curvature: loose, as recommended for quasi-Newton directions

/**
 * Minimises `fg` from `x0` (not modified). Cost per iteration: one or a few evaluations of `fg`
 * plus O(m·d) for the two-loop recursion.
 *
 * @example
 * minimizeLbfgs(fg, new Float64Array(d), { maxIter: 1000, tol: 1e-6 }).converged;
 */
export function minimizeLbfgs(fg: Objective, x0: Float64Array, opts: { maxIter: number; tol: number }): MinimizeResult {
  const d = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(d);
  let f = fg(x, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(d);
  const alphaBuf = new Float64Array(MEMORY);
  const xt = new Float64Array(d);
  const gt = new Float64Array(d);
  let gradNorm = maxAbs(g);
  let iter = 0;
  let converged = gradNorm <= opts.tol;
  while (!converged && iter < opts.maxIter) {
    iter++;
    // Two-loop recursion: dir = -H·g.
    for (let i = 0; i < d; i++) dir[i] = -g[i]!;
    for (let k = s.length - 1; k >= 0; k--) {
      const a = rho[k]! * dot(s[k]!, dir);
      alphaBuf[k] = a;
      axpy(-a, y[k]!, dir);
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!);
      for (let i = 0; i < d; i++) dir[i]! *= gamma;
    }
    for (let k = 0; k < s.length; k++) {
      const b = rho[k]! * dot(y[k]!, dir);
      axpy(alphaBuf[k]! - b, s[k]!, dir);
    }
    let slope = dot(g, dir);
    if (!(slope < 0)) {
      // Lost descent (rounding): restart from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let i = 0; i < d; i++) dir[i] = -g[i]!;
      slope = dot(g, dir);
    }
    // First step: scale to a unit-length move; afterwards the quasi-Newton step 1 is well scaled.
    const step0 = s.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    const ls = wolfeSearch(fg, x, f, g, dir, slope, step0, xt, gt);
    if (ls.step === 0) break; // no decrease representable along a descent direction: precision limit
    const sNew = new Float64Array(d);
    const yNew = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      sNew[i] = xt[i]! - x[i]!;
      yNew[i] = gt[i]! - g[i]!;
    }
    const sy = dot(sNew, yNew);
    x.set(xt);
    g.set(gt);
    f = ls.f;
    if (sy > 1e-300) {
      if (s.length === MEMORY) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sNew);
      y.push(yNew);
      rho.push(1 / sy);
    }
    gradNorm = maxAbs(g);
    if (gradNorm <= opts.tol) converged = true;
  }
  return { x, f, iterations: iter, gradNorm, converged };
}

/**
 * Strong-Wolfe line search along `dir` from `x`; leaves the accepted point in `xt`/`gt`.
 * Returns step 0 when no step satisfying sufficient decrease was found.
 */
function wolfeSearch(fg: Objective, x: Float64Array, f0: number, g0: Float64Array, dir: Float64Array, d0: number, step0: number, xt: Float64Array, gt: Float64Array): { step: number; f: number } {
  const d = x.length;
  let evaluated = NaN;
  const phi = (a: number): { f: number; d: number } => {
    for (let i = 0; i < d; i++) xt[i] = x[i]! + a * dir[i]!;
    const f = fg(xt, gt);
    evaluated = a;
    return { f, d: dot(gt, dir) };
  };
  const accept = (a: number, f: number): { step: number; f: number } => {
    if (evaluated !== a) phi(a);
    return { step: a, f };
  };
  // Rounding slack on f: near the optimum the decrease a step earns (≈ ½gᵀH⁻¹g) is below the
  // rounding of f, and exact Armijo tests then reject every step although the gradient, which is
  // still accurate, says progress is possible (Hager & Zhang's "approximate Wolfe" idea).
  const slack = 1e3 * Number.EPSILON * Math.abs(f0);
  let aPrev = 0;
  let fPrev = f0;
  let dPrev = d0;
  let a = step0;
  for (let i = 0; i < 40; i++) {
    const cur = phi(a);
    if (!Number.isFinite(cur.f)) {
      a = (aPrev + a) / 2; // overflowed: retreat, keep bracketing from the last good point
      continue;
    }
    if (cur.f > f0 + C1 * a * d0 + slack || (i > 0 && cur.f >= fPrev + slack)) return zoom(aPrev, fPrev, dPrev, a, cur.f, cur.d);
    if (Math.abs(cur.d) <= -C2 * d0) return accept(a, cur.f);
    if (cur.d >= 0) return zoom(a, cur.f, cur.d, aPrev, fPrev, dPrev);
    aPrev = a;
    fPrev = cur.f;
    dPrev = cur.d;
    a *= 2;
  }
  return aPrev > 0 ? accept(aPrev, fPrev) : { step: 0, f: f0 };

  function zoom(lo: number, flo: number, dlo: number, hi: number, fhi: number, dhi: number): { step: number; f: number } {
    for (let j = 0; j < 40; j++) {
      const a = cubicMin(lo, flo, dlo, hi, fhi, dhi);
      const cur = phi(a);
      if (cur.f > f0 + C1 * a * d0 + slack || cur.f >= flo + slack) {
        hi = a;
        fhi = cur.f;
        dhi = cur.d;
      } else {
        if (Math.abs(cur.d) <= -C2 * d0) return accept(a, cur.f);
        if (cur.d * (hi - lo) >= 0) {
          hi = lo;
          fhi = flo;
          dhi = dlo;
        }
        lo = a;
        flo = cur.f;
        dlo = cur.d;
      }
      if (Math.abs(hi - lo) <= 1e-16 * Math.max(1, Math.abs(lo))) break;
    }
    // Interval collapsed: `lo` satisfies sufficient decrease (or is 0).
    return lo > 0 ? accept(lo, flo) : { step: 0, f: f0 };
  }
}

/** Minimiser of the cubic through (a,fa,da), (b,fb,db), kept inside the middle 80% of [a, b]. */
function cubicMin(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  let t = NaN;
  if (disc >= 0 && Number.isFinite(fb)) {
    const d2 = Math.sign(b - a) * Math.sqrt(disc);
    t = b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
  }
  const margin = 0.1 * (hi - lo);
  return Number.isFinite(t) && t >= lo + margin && t <= hi - margin ? t : (a + b) / 2;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i]! += a * x[i]!;
}

/**
 * max |aᵢ| (0 for an empty array).
 *
 * @example
 * maxAbs(Float64Array.of(1, -3)); // 3
 */
export function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}
