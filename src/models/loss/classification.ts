/**
 * Classification losses: `logistic` (binary, one raw score = log-odds) and `softmax`
 * (multiclass, one raw score per class; boosting grows one tree per class per round).
 *
 * @example
 * const loss = makeLoss('logistic');
 * const raw = new Float64Array([0]); loss.link(raw); // raw[0] === 0.5
 */
import { registerLoss, weightedMean, type Loss } from './loss.js';
import { exp, log } from '../../core/math.js';

/** Probabilities are clipped here before log in `value` so a confident miss costs ~36.8, not Infinity. */
const EPS = 1e-16;

function sigmoid(z: number): number {
  return 1 / (1 + exp(-z));
}

/**
 * Binary log loss on log-odds. Init: log-odds of the weighted positive rate (LightGBM
 * `boost_from_average`); gradient p - y, hessian p(1-p), floored so a pure leaf keeps a finite value.
 *
 * @example
 * logistic.initScore(new Float64Array([0, 1, 1, 1]), new Float64Array(4).fill(1)); // [log 3]
 */
export const logistic: Loss = {
  name: 'logistic',
  nOutputs: 1,
  classification: true,
  inverseLink: 'sigmoid',
  initScore(y, w) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, weightedMean(y.length, w, (i) => y[i]!)));
    return new Float64Array([log(p / (1 - p))]);
  },
  gradients(y, w, s, g, h) {
    for (let i = 0; i < y.length; i++) {
      const p = sigmoid(s[i]!);
      g[i] = (p - y[i]!) * w[i]!;
      h[i] = Math.max(p * (1 - p), EPS) * w[i]!;
    }
  },
  link(raw) {
    raw[0] = sigmoid(raw[0]!);
  },
  value(y, w, s) {
    return weightedMean(y.length, w, (i) => {
      const p = sigmoid(s[i]!);
      return -log(Math.max(EPS, y[i]! === 1 ? p : 1 - p));
    });
  },
};

/**
 * Multiclass cross-entropy over k raw scores. Init: log class priors. Hessian uses LightGBM's
 * factor k/(k-1) * p(1-p), the diagonal bound that keeps Newton steps from overshooting.
 *
 * @example
 * softmax(3).nOutputs; // 3
 */
export function softmax(k: number): Loss {
  if (!(k >= 2)) throw new RangeError(`softmax needs at least 2 classes, got ${k}`);
  const factor = k / (k - 1);
  const row = new Float64Array(k);
  const probs = (s: Float64Array, n: number, i: number): void => {
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, s[c * n + i]!);
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const e = exp(s[c * n + i]! - max);
      row[c] = e;
      sum += e;
    }
    for (let c = 0; c < k; c++) row[c] = row[c]! / sum;
  };
  return {
    name: 'softmax',
    nOutputs: k,
    classification: true,
    inverseLink: 'softmax',
    initScore(y, w) {
      const prior = new Float64Array(k);
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        prior[y[i]!] = prior[y[i]!]! + w[i]!;
        total += w[i]!;
      }
      // A class absent from the (bagged or weighted) data gets a tiny prior instead of log 0 = -Infinity.
      return prior.map((p) => log(Math.max(p / total, 1e-12)));
    },
    gradients(y, w, s, g, h) {
      const n = y.length;
      for (let i = 0; i < n; i++) {
        probs(s, n, i);
        const yi = y[i]!;
        const wi = w[i]!;
        for (let c = 0; c < k; c++) {
          const p = row[c]!;
          g[c * n + i] = (p - (c === yi ? 1 : 0)) * wi;
          h[c * n + i] = Math.max(factor * p * (1 - p), EPS) * wi;
        }
      }
    },
    link(raw) {
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, raw[c]!);
      let sum = 0;
      for (let c = 0; c < k; c++) {
        raw[c] = exp(raw[c]! - max);
        sum += raw[c]!;
      }
      for (let c = 0; c < k; c++) raw[c] = raw[c]! / sum;
    },
    value(y, w, s) {
      const n = y.length;
      return weightedMean(n, w, (i) => {
        probs(s, n, i);
        return -log(Math.max(EPS, row[y[i]!]!));
      });
    },
    checkTarget(y) {
      for (let i = 0; i < y.length; i++) if (!(y[i]! >= 0 && y[i]! < k && Number.isInteger(y[i]!))) return `class code ${y[i]} at row ${i + 1} is not in 0..${k - 1}`;
      return undefined;
    },
  };
}

registerLoss('logistic', () => logistic);
registerLoss('softmax', (o) => softmax(o.nClasses ?? 2));
