/**
 * DeLong's test for two correlated ROC AUCs measured on the same rows (DeLong, DeLong &
 * Clarke-Pearson 1988), computed by the fast algorithm of Sun & Xu (2014): midranks replace the
 * O(m·n) pairwise comparisons, so the cost is three sorts, O(N log N) per score.
 *
 * With m positives X and n negatives Y, the structural components of a score are
 * V10(X_i) = (Tz_i − Tx_i)/n (the share of negatives below positive i, ties counted ½) and
 * V01(Y_j) = 1 − (Tz_j − Ty_j)/m, where Tz, Tx, Ty are midranks within all rows, the positives
 * and the negatives. AUC = mean V10; Var = s²(V10)/m + s²(V01)/n with sample (n − 1) variances;
 * the covariance of two scores' AUCs is the same with covariances. The two-sided p-value reads
 * z = (AUC_A − AUC_B)/sqrt(Var_A + Var_B − 2·Cov) off the normal.
 *
 * Higher scores mean "more positive"; ties get half credit, so the AUCs equal scikit-learn's
 * `roc_auc_score`.
 *
 * @example
 * const y = Int32Array.of(0, 0, 1, 1, 0, 1);
 * delongTest(y, Float64Array.of(0.1, 0.4, 0.35, 0.8, 0.2, 0.7), Float64Array.of(0.2, 0.3, 0.6, 0.5, 0.1, 0.4)).pValue;
 */
import { normalQuantile, normalSf } from '../../core/stats/distributions.js';
import { checkLengths, checkLevel, fail } from './validate.js';

/**
 * Midranks (1-based; tied values share the mean of their ranks) of `x`, `Float64Array[n]`.
 *
 * @example
 * midranks(Float64Array.of(3, 1, 3)); // [2.5, 1, 2.5]
 */
export function midranks(x: Float64Array): Float64Array {
  const n = x.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => x[a]! - x[b]!);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && x[order[j + 1]!] === x[order[i]!]) j++;
    // Positions i..j (0-based) share ranks i+1..j+1, whose mean is (i + j)/2 + 1.
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = r;
    i = j + 1;
  }
  return ranks;
}

/** Structural components of one score: AUC, V10 over positives, V01 over negatives. */
interface Components {
  auc: number;
  v10: Float64Array;
  v01: Float64Array;
}

function components(pos: Int32Array, neg: Int32Array, score: Float64Array): Components {
  const m = pos.length;
  const n = neg.length;
  const xs = Float64Array.from(pos, (i) => score[i]!);
  const ys = Float64Array.from(neg, (i) => score[i]!);
  const all = new Float64Array(m + n);
  all.set(xs);
  all.set(ys, m);
  const tx = midranks(xs);
  const ty = midranks(ys);
  const tz = midranks(all);
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < m; i++) {
    v10[i] = (tz[i]! - tx[i]!) / n;
    sum += v10[i]!;
  }
  for (let j = 0; j < n; j++) v01[j] = 1 - (tz[m + j]! - ty[j]!) / m;
  return { auc: sum / m, v10, v01 };
}

/** Sample covariance (n − 1) of two equal-length arrays. */
function cov(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[i]! - ma) * (b[i]! - mb);
  return s / (n - 1);
}

/** Splits rows into positives and negatives, checking labels and scores. */
function split(test: string, yTrue: Int32Array, scores: readonly (readonly [string, Float64Array])[]): { pos: Int32Array; neg: Int32Array } {
  const n = checkLengths(test, [['yTrue', yTrue.length], ...scores.map(([name, s]) => [name, s.length] as const)]);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i]!;
    if (y !== 0 && y !== 1) fail(test, 'data.invalid_label', `yTrue[${i}] is ${y}; the test needs binary labels 0/1.`, 'Encode the positive class as 1 and every other class as 0.');
    m += y;
  }
  for (const [name, s] of scores) {
    for (let i = 0; i < n; i++) if (!Number.isFinite(s[i]!)) fail(test, 'data.nan', `${name}[${i}] is ${s[i]}.`, 'Scores must be finite numbers.');
  }
  if (m === 0 || m === n) {
    fail(test, 'data.single_class', `yTrue has only ${m === 0 ? 'negatives (0)' : 'positives (1)'}; an AUC needs both classes.`, 'Evaluate on rows that contain both classes (e.g. a stratified split).');
  }
  if (m < 2 || n - m < 2) {
    fail(test, 'data.too_few_rows', `yTrue has ${m} positive(s) and ${n - m} negative(s); DeLong's variance needs at least 2 of each.`, 'Evaluate on more rows.');
  }
  const pos = new Int32Array(m);
  const neg = new Int32Array(n - m);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    if (yTrue[i] === 1) pos[p++] = i;
    else neg[q++] = i;
  }
  return { pos, neg };
}

/** DeLong's test outcome. */
export interface DelongResult {
  aucA: number;
  aucB: number;
  varianceA: number;
  varianceB: number;
  covariance: number;
  /** (aucA − aucB) / sd of the difference. */
  z: number;
  /** Two-sided. */
  pValue: number;
}

/**
 * DeLong's test that two scores of the same rows have equal ROC AUC. `yTrue`: `Int32Array[n]` of
 * 0/1; `scoreA`, `scoreB`: `Float64Array[n]`. Identical scores (zero variance of the difference)
 * give z = 0, p = 1.
 *
 * @example
 * delongTest(y, scoreA, scoreB).z; // > 0 when A ranks better
 */
export function delongTest(yTrue: Int32Array, scoreA: Float64Array, scoreB: Float64Array): DelongResult {
  const { pos, neg } = split('delong', yTrue, [['scoreA', scoreA], ['scoreB', scoreB]]);
  const a = components(pos, neg, scoreA);
  const b = components(pos, neg, scoreB);
  const m = pos.length;
  const n = neg.length;
  const varianceA = cov(a.v10, a.v10) / m + cov(a.v01, a.v01) / n;
  const varianceB = cov(b.v10, b.v10) / m + cov(b.v01, b.v01) / n;
  const covariance = cov(a.v10, b.v10) / m + cov(a.v01, b.v01) / n;
  const diff = a.auc - b.auc;
  // max(0, ·): the difference's variance is ≥ 0 in exact arithmetic; rounding may leave −1e-18.
  const sd = Math.sqrt(Math.max(0, varianceA + varianceB - 2 * covariance));
  const z = sd === 0 ? (diff === 0 ? 0 : Math.sign(diff) * Infinity) : diff / sd;
  return { aucA: a.auc, aucB: b.auc, varianceA, varianceB, covariance, z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}

/** One AUC with its DeLong variance and normal-theory interval. */
export interface AucInterval {
  auc: number;
  variance: number;
  /** [low, high], clipped to [0, 1]. */
  ci: [number, number];
  level: number;
}

/**
 * Confidence interval for one ROC AUC: auc ± z_((1+level)/2)·sqrt(Var_DeLong), clipped to [0, 1]
 * (as pROC's `ci.auc(method = "delong")`).
 *
 * @example
 * delongAucCi(y, score, 0.95).ci; // [low, high]
 */
export function delongAucCi(yTrue: Int32Array, score: Float64Array, level = 0.95): AucInterval {
  checkLevel('delong', level);
  const { pos, neg } = split('delong', yTrue, [['score', score]]);
  const c = components(pos, neg, score);
  const variance = cov(c.v10, c.v10) / pos.length + cov(c.v01, c.v01) / neg.length;
  const half = normalQuantile(0.5 + level / 2) * Math.sqrt(variance);
  return { auc: c.auc, variance, ci: [Math.max(0, c.auc - half), Math.min(1, c.auc + half)], level };
}
