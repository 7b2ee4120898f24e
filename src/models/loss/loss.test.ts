import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { SpecmlError } from '../../core/errors.js';
import { lossNames, makeLoss } from './index.js';

/** Checks gradients and hessians against central finite differences of `value` (one row at a time). */
function checkFiniteDifference(name: string, y: Float64Array, s: Float64Array, k: number, opts = {}, checkHess = true) {
  const loss = makeLoss(name, { nClasses: k, ...opts });
  const n = y.length;
  const w = new Float64Array(n).fill(1);
  const g = new Float64Array(k * n);
  const h = new Float64Array(k * n);
  loss.gradients(y, w, s, g, h);
  const eps = 1e-5;
  for (let j = 0; j < k * n; j++) {
    const i = j % n;
    const yi = y.subarray(i, i + 1);
    const one = (d: number) => {
      const si = new Float64Array(k);
      for (let c = 0; c < k; c++) si[c] = s[c * n + i]! + (c * n + i === j ? d : 0);
      return loss.value(yi, new Float64Array([1]), si);
    };
    // value() of squared error is the full square (gradient of half of it is used), so scale.
    const scale = name === 'squared_error' ? 0.5 : 1;
    const fd = (scale * (one(eps) - one(-eps))) / (2 * eps);
    // 1e-5 steps in float64: truncation O(eps^2) and rounding O(1e-16/eps) stay under 1e-6.
    expect(g[j]!, `${name} gradient ${j}`).toBeCloseTo(fd, 5);
    if (checkHess) {
      const fd2 = (scale * (one(eps) - 2 * one(0) + one(-eps))) / (eps * eps);
      // Second differences lose ~8 digits; 1e-3 relative is what float64 allows here.
      expect(Math.abs(h[j]! - fd2), `${name} hessian ${j}`).toBeLessThan(1e-3 * Math.max(1, Math.abs(fd2)));
    }
  }
}

describe('losses', () => {
  const r = new Rng(9);
  const n = 6;
  const s = Float64Array.from({ length: n }, () => r.normal());
  it('registers every loss once', () => {
    expect(lossNames()).toEqual(['absolute_error', 'huber', 'logistic', 'poisson', 'quantile', 'softmax', 'squared_error']);
    expect(() => makeLoss('squared_eror')).toThrow(SpecmlError);
  });
  it('logistic and squared error gradients and hessians match finite differences', () => {
    checkFiniteDifference('logistic', Float64Array.from({ length: n }, (_, i) => i % 2), s, 1);
    checkFiniteDifference('squared_error', Float64Array.from({ length: n }, () => r.normal()), s, 1);
  });
  it('softmax gradients match finite differences (hessian is LightGBM`s k/(k-1) bound)', () => {
    const k = 3;
    const y = Float64Array.from({ length: n }, (_, i) => i % k);
    const sk = Float64Array.from({ length: k * n }, () => r.normal());
    checkFiniteDifference('softmax', y, sk, k, {}, false);
  });
  it('poisson gradients match finite differences', () => {
    checkFiniteDifference('poisson', Float64Array.from({ length: n }, (_, i) => i), s, 1, {}, false);
  });
  it('huber, quantile and absolute gradients match finite differences away from kinks', () => {
    // Residuals far from 0 and from ±delta, where the losses are differentiable.
    const y = Float64Array.from({ length: n }, (_, i) => s[i]! + (i % 2 ? 3 : -0.4));
    checkFiniteDifference('huber', y, s, 1, { delta: 1 }, false);
    checkFiniteDifference('quantile', y, s, 1, { alpha: 0.9 }, false);
    checkFiniteDifference('absolute_error', y, s, 1, {}, false);
  });
  it('init scores are the best constants', () => {
    const y = new Float64Array([1, 2, 3, 10]);
    const w = new Float64Array(4).fill(1);
    expect(makeLoss('squared_error').initScore(y, w)[0]).toBe(4);
    expect(makeLoss('absolute_error').initScore(y, w)[0]).toBe(2);
    expect(makeLoss('quantile', { alpha: 0.9 }).initScore(y, w)[0]).toBe(10);
    expect(makeLoss('poisson').initScore(y, w)[0]).toBeCloseTo(Math.log(4), 14);
    expect(makeLoss('logistic').initScore(new Float64Array([0, 1, 1, 1]), w)[0]).toBeCloseTo(Math.log(3), 14);
    const sm = makeLoss('softmax', { nClasses: 3 }).initScore(new Float64Array([0, 1, 1, 2]), w);
    expect(Array.from(sm, Math.exp).map((v) => +v.toFixed(12))).toEqual([0.25, 0.5, 0.25]);
  });
});
