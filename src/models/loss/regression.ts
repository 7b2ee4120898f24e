/**
 * Regression losses: `squared_error`, `absolute_error`, `huber`, `quantile` (identity link) and
 * `poisson` (log link: raw score = log mean).
 *
 * Absolute, huber and quantile have a constant (or zero) second derivative; as in LightGBM the
 * hessian is taken as 1 for growing trees. Absolute and quantile then renew each leaf to the
 * weighted alpha-quantile of its rows' residuals (LightGBM's leaf renewal): with gradients of
 * constant size, Newton steps alone approach the quantile very slowly from the side where the
 * gradient is small. Huber keeps its Newton steps (its gradient is the residual near the optimum).
 *
 * @example
 * const loss = makeLoss('quantile', { alpha: 0.9 });
 * loss.initScore(y, w); // [the weighted 0.9-quantile of y]
 */
import { registerLoss, weightedMean, type Loss } from './loss.js';
import { exp, log } from '../../core/math.js';

/** Weighted `alpha`-quantile of `y` (the lower one on ties): init score of absolute/quantile. */
export function weightedQuantile(y: Float64Array, w: Float64Array, alpha: number): number {
  const idx = Int32Array.from({ length: y.length }, (_, i) => i).sort((a, b) => y[a]! - y[b]! || a - b);
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i]!;
  let acc = 0;
  for (const i of idx) {
    acc += w[i]!;
    if (acc >= alpha * total) return y[i]!;
  }
  return y.length ? y[idx[idx.length - 1]!]! : 0;
}

const identity = (_raw: Float64Array): void => {};

/**
 * Half squared error (y - f)^2 / 2: gradient f - y, hessian 1. `value` reports the mean squared error.
 *
 * @example
 * squaredError.initScore(new Float64Array([1, 3]), new Float64Array([1, 1])); // [2]
 */
export const squaredError: Loss = {
  name: 'squared_error',
  nOutputs: 1,
  classification: false,
  inverseLink: 'identity',
  initScore: (y, w) => new Float64Array([weightedMean(y.length, w, (i) => y[i]!)]),
  gradients(y, w, s, g, h) {
    for (let i = 0; i < y.length; i++) {
      g[i] = (s[i]! - y[i]!) * w[i]!;
      h[i] = w[i]!;
    }
  },
  link: identity,
  value: (y, w, s) => weightedMean(y.length, w, (i) => (s[i]! - y[i]!) ** 2),
};

/**
 * Pinball loss for the `alpha` quantile (alpha 0.5 is half the absolute error).
 *
 * @example
 * quantile(0.9).initScore(y, w); // weighted 0.9-quantile of y
 */
export function quantile(alpha: number, name = 'quantile'): Loss {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`quantile alpha must be in (0, 1), got ${alpha}`);
  return {
    name,
    nOutputs: 1,
    classification: false,
    inverseLink: 'identity',
    initScore: (y, w) => new Float64Array([weightedQuantile(y, w, alpha)]),
    gradients(y, w, s, g, h) {
      for (let i = 0; i < y.length; i++) {
        // d/df of alpha*(y-f)+ + (1-alpha)*(f-y)+ ; at f = y the subgradient 0 is used.
        const r = y[i]! - s[i]!;
        g[i] = (r > 0 ? -alpha : r < 0 ? 1 - alpha : 0) * w[i]!;
        h[i] = w[i]!;
      }
    },
    link: identity,
    renewLeaf(y, w, s, rows, start, end) {
      const m = end - start;
      const r = new Float64Array(m);
      const rw = new Float64Array(m);
      for (let k = 0; k < m; k++) {
        r[k] = y[rows[start + k]!]! - s[rows[start + k]!]!;
        rw[k] = w[rows[start + k]!]!;
      }
      return weightedQuantile(r, rw, alpha);
    },
    value: (y, w, s) =>
      weightedMean(y.length, w, (i) => {
        const r = y[i]! - s[i]!;
        return r >= 0 ? alpha * r : (alpha - 1) * r;
      }),
  };
}

/**
 * Huber loss: quadratic for |y - f| <= delta, linear beyond (robust to outliers). Hessian 1.
 *
 * @example
 * huber(1).gradients(y, w, s, g, h);
 */
export function huber(delta: number): Loss {
  if (!(delta > 0)) throw new RangeError(`huber delta must be > 0, got ${delta}`);
  return {
    name: 'huber',
    nOutputs: 1,
    classification: false,
    inverseLink: 'identity',
    // The median is the robust start; the mean would be pulled by the outliers huber is chosen for.
    initScore: (y, w) => new Float64Array([weightedQuantile(y, w, 0.5)]),
    gradients(y, w, s, g, h) {
      for (let i = 0; i < y.length; i++) {
        const r = s[i]! - y[i]!;
        g[i] = (Math.abs(r) <= delta ? r : r > 0 ? delta : -delta) * w[i]!;
        h[i] = w[i]!;
      }
    },
    link: identity,
    value: (y, w, s) =>
      weightedMean(y.length, w, (i) => {
        const r = Math.abs(s[i]! - y[i]!);
        return r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
      }),
  };
}

/** LightGBM's poisson_max_delta_step: inflating the hessian by e^0.7 damps steps on tiny means. */
const POISSON_MAX_DELTA = 0.7;

/**
 * Poisson deviance with log link: raw score f = log mu; gradient mu - y, hessian mu * e^0.7.
 *
 * @example
 * poisson.initScore(new Float64Array([1, 3]), new Float64Array([1, 1])); // [log 2]
 */
export const poisson: Loss = {
  name: 'poisson',
  nOutputs: 1,
  classification: false,
  inverseLink: 'exp',
  initScore: (y, w) => new Float64Array([log(Math.max(weightedMean(y.length, w, (i) => y[i]!), 1e-12))]),
  gradients(y, w, s, g, h) {
    for (let i = 0; i < y.length; i++) {
      const mu = exp(s[i]!);
      g[i] = (mu - y[i]!) * w[i]!;
      h[i] = mu * exp(POISSON_MAX_DELTA) * w[i]!;
    }
  },
  link(raw) {
    raw[0] = exp(raw[0]!);
  },
  // Negative log-likelihood up to a term constant in f.
  value: (y, w, s) => weightedMean(y.length, w, (i) => exp(s[i]!) - y[i]! * s[i]!),
  checkTarget(y) {
    for (let i = 0; i < y.length; i++) if (y[i]! < 0) return `poisson needs a target >= 0, got ${y[i]} at row ${i + 1}`;
    return undefined;
  },
};

registerLoss('squared_error', () => squaredError);
registerLoss('absolute_error', () => quantile(0.5, 'absolute_error'));
registerLoss('quantile', (o) => quantile(o.alpha ?? 0.5));
registerLoss('huber', (o) => huber(o.delta ?? 1));
registerLoss('poisson', () => poisson);
