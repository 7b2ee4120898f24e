/**
 * Simulated holdouts for the run-report fixtures, so the curves, the confusion matrix, the metrics
 * and the fairness tables of one fixture come from the same rows and agree with each other the way
 * a real run's do. Test support only: the report itself does no statistics.
 */
import { Rng } from '../core/rng.js';
import type { Estimate, FairnessGroupRow, FairnessSection, RunReport } from './run-types.js';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const Z = 1.959964;

/** One simulated binary holdout: labels (1 = positive), scores and group labels per attribute. */
export interface BinarySim {
  y: Int32Array;
  p: Float64Array;
  groups: Record<string, string[]>;
}

/** A categorical draw from `[label, weight][]`. */
function pick(rng: Rng, levels: readonly [string, number][]): string {
  let u = rng.float() * levels.reduce((s, [, w]) => s + w, 0);
  for (const [l, w] of levels) if ((u -= w) < 0) return l;
  return levels[levels.length - 1]![0];
}

/**
 * A credit-like holdout: 28% positives, binormal scores (AUC near 0.85), and an age effect on the
 * score so the youngest band is selected far more often (the fixture's failed fairness gate).
 *
 * @example
 * const sim = simulateBinary(891, 1, { Age: { levels: [['young', 1], ['old', 1]], shift: { young: 0.5 } } });
 */
export function simulateBinary(n: number, seed: number, attrs: Record<string, { levels: [string, number][]; shift: Record<string, number> }>): BinarySim {
  const rng = new Rng(seed);
  const y = new Int32Array(n);
  const p = new Float64Array(n);
  const groups: Record<string, string[]> = Object.fromEntries(Object.keys(attrs).map((a) => [a, []]));
  for (let i = 0; i < n; i++) {
    y[i] = rng.float() < 0.28 ? 1 : 0;
    let logit = y[i] ? 0.05 : -1.6;
    for (const [a, spec] of Object.entries(attrs)) {
      const g = pick(rng, spec.levels);
      groups[a]!.push(g);
      logit += spec.shift[g] ?? 0;
    }
    p[i] = sigmoid(logit + 1.05 * rng.normal());
  }
  return { y, p, groups };
}

/** Holdout metrics of a binary sim at threshold 0.5; `idx` selects rows (a bootstrap resample). */
function binaryMetrics(s: BinarySim, idx: ArrayLike<number>): Record<string, number> {
  const n = idx.length;
  const order = Array.from(idx).sort((a, b) => s.p[b]! - s.p[a]!);
  let pos = 0;
  for (const i of order) pos += s.y[i]!;
  const neg = n - pos;
  let tp = 0, fp = 0, auc = 0, ap = 0, prevTpr = 0, prevFpr = 0, brier = 0, ll = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (s.y[i]) tp++;
    else fp++;
    if (k === n - 1 || s.p[order[k + 1]!] !== s.p[i]) {
      const tpr = tp / pos, fpr = fp / neg;
      auc += ((fpr - prevFpr) * (tpr + prevTpr)) / 2;
      ap += (tpr - prevTpr) * (tp / (tp + fp));
      [prevTpr, prevFpr] = [tpr, fpr];
    }
    const q = Math.min(1 - 1e-15, Math.max(1e-15, s.p[i]!));
    brier += (q - s.y[i]!) ** 2;
    ll -= s.y[i] ? Math.log(q) : Math.log(1 - q);
  }
  const c = confusion(s, idx);
  const recall = c.tp / pos, precision = c.tp / (c.tp + c.fp), tnr = c.tn / neg;
  return {
    roc_auc: auc, average_precision: ap, log_loss: ll / n, brier: brier / n,
    accuracy: (c.tp + c.tn) / n, balanced_accuracy: (recall + tnr) / 2,
    precision, recall, f1: (2 * precision * recall) / (precision + recall),
  };
}

function confusion(s: BinarySim, idx: ArrayLike<number>) {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    const hit = s.p[i]! >= 0.5;
    if (s.y[i]) c[hit ? 'tp' : 'fn']++;
    else c[hit ? 'fp' : 'tn']++;
  }
  return c;
}

/**
 * Every metric with a 200-resample percentile bootstrap CI, as the pipeline reports them.
 *
 * @example
 * withBootstrap(yTrue.length, 5, (idx) => regressionMetrics(yTrue, yPred, idx)).rmse; // { value, ci_low, ci_high }
 */
export function withBootstrap(n: number, seed: number, compute: (idx: Int32Array) => Record<string, number>): Record<string, Estimate> {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const point = compute(all);
  const rng = new Rng(seed).fork('bootstrap');
  const draws: Record<string, number[]> = Object.fromEntries(Object.keys(point).map((k) => [k, []]));
  for (let b = 0; b < 200; b++) {
    const idx = Int32Array.from({ length: n }, () => rng.int(n));
    for (const [k, v] of Object.entries(compute(idx))) draws[k]!.push(v);
  }
  return Object.fromEntries(Object.entries(point).map(([k, v]) => {
    const d = draws[k]!.filter(Number.isFinite).sort((a, b) => a - b);
    return [k, { value: v, ci_low: d[Math.floor(d.length * 0.025)]!, ci_high: d[Math.ceil(d.length * 0.975) - 1]! }];
  }));
}

/**
 * The `holdout` block of a binary run: metrics, ROC, PR, reliability (10 bins) and confusion.
 *
 * @example
 * binaryHoldout(sim, ['bad', 'good']).metrics.roc_auc; // { value: ≈0.86, ci_low, ci_high }
 */
export function binaryHoldout(s: BinarySim, labels: [string, string]): RunReport['holdout'] {
  const n = s.y.length;
  const metrics = withBootstrap(n, 11, (idx) => binaryMetrics(s, idx));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => s.p[b]! - s.p[a]!);
  const pos = s.y.reduce((a, v) => a + v, 0);
  const roc = { fpr: [0], tpr: [0] };
  const pr = { precision: [1], recall: [0] };
  let tp = 0, fp = 0;
  for (let k = 0; k < n; k++) {
    if (s.y[order[k]!]) tp++;
    else fp++;
    if (k < n - 1 && s.p[order[k + 1]!] === s.p[order[k]!]) continue;
    roc.fpr.push(fp / (n - pos));
    roc.tpr.push(tp / pos);
    pr.recall.push(tp / pos);
    pr.precision.push(tp / (tp + fp));
  }
  const bins = Array.from({ length: 10 }, () => ({ p: 0, y: 0, n: 0 }));
  for (let i = 0; i < n; i++) {
    const b = bins[Math.min(9, Math.floor(s.p[i]! * 10))]!;
    b.p += s.p[i]!;
    b.y += s.y[i]!;
    b.n++;
  }
  const used = bins.filter((b) => b.n > 0);
  const ece = used.reduce((e, b) => e + (b.n / n) * Math.abs(b.p / b.n - b.y / b.n), 0);
  const c = confusion(s, order);
  return {
    metrics, roc, pr,
    calibration: { probPred: used.map((b) => b.p / b.n), probTrue: used.map((b) => b.y / b.n), counts: used.map((b) => b.n), ece },
    confusion: { labels, matrix: [[c.tp, c.fn], [c.fp, c.tn]] },
  };
}

/** Wilson score interval (the fairness module's choice), or nulls for a small or empty group. */
function wilson(k: number, m: number, small: boolean): { value: number | null; ci_low: number | null; ci_high: number | null } {
  if (m === 0) return { value: null, ci_low: null, ci_high: null };
  const v = k / m;
  if (small) return { value: v, ci_low: null, ci_high: null };
  const d = 1 + (Z * Z) / m;
  const c = (v + (Z * Z) / (2 * m)) / d;
  const h = (Z * Math.sqrt((v * (1 - v)) / m + (Z * Z) / (4 * m * m))) / d;
  return { value: v, ci_low: c - h, ci_high: c + h };
}

/**
 * A fairness section for one attribute of the sim, with fairlearn-style aggregates over groups of ≥ 30 rows.
 *
 * @example
 * fairnessOf(sim, 'Age', ['young', 'old']).metrics.demographic_parity_difference;
 */
export function fairnessOf(s: BinarySim, attribute: string, levels: readonly string[], bands?: string): FairnessSection {
  const groups: FairnessGroupRow[] = levels.map((g) => {
    const idx = s.groups[attribute]!.flatMap((x, i) => (x === g ? [i] : []));
    const c = confusion(s, idx);
    const small = idx.length < 30;
    const sel = c.tp + c.fp;
    return {
      group: g,
      count: idx.length,
      rates: {
        selection_rate: wilson(sel, idx.length, small), tpr: wilson(c.tp, c.tp + c.fn, small), fpr: wilson(c.fp, c.fp + c.tn, small),
        precision: wilson(c.tp, sel, small), accuracy: wilson(c.tp + c.tn, idx.length, small), error_rate: wilson(c.fp + c.fn, idx.length, small),
      },
      ...(small ? { note: `fewer than 30 rows (${idx.length}): no intervals, left out of the aggregates` } : {}),
    };
  });
  const big = groups.filter((g) => g.count >= 30);
  const spread = (r: string) => {
    const v = big.map((g) => g.rates[r]!.value).filter((x): x is number => x !== null);
    return v.length < 2 ? null : Math.max(...v) - Math.min(...v);
  };
  const sel = big.map((g) => g.rates.selection_rate!.value!);
  const ratio = sel.length < 2 ? null : Math.min(...sel) / Math.max(...sel);
  const [tprD, fprD] = [spread('tpr'), spread('fpr')];
  return {
    attribute,
    ...(bands ? { bands } : {}),
    groups,
    metrics: {
      demographic_parity_difference: spread('selection_rate'), demographic_parity_ratio: ratio,
      true_positive_rate_difference: tprD, false_positive_rate_difference: fprD,
      equalized_odds_difference: tprD === null || fprD === null ? null : Math.max(tprD, fprD), equal_opportunity_difference: tprD,
      disparate_impact: ratio,
    },
    excluded: groups.filter((g) => g.count < 30).map((g) => ({ group: g.group, reason: `${g.count} rows, fewer than the minimum group size of 30` })),
  };
}

/**
 * A house-price-like regression holdout: `[yTrue, yPred]`, log-normal prices, ~12% error.
 *
 * @example
 * const { yTrue, yPred } = simulateRegression(292, 1460);
 */
export function simulateRegression(n: number, seed: number): { yTrue: number[]; yPred: number[] } {
  const rng = new Rng(seed);
  const yTrue: number[] = [];
  const yPred: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = 12.02 + 0.38 * rng.normal();
    yTrue.push(Math.round(Math.exp(z) / 100) * 100);
    // Shrinkage toward the mean: the usual look of a tree ensemble on the extremes.
    yPred.push(Math.round(Math.exp(12.02 + 0.9 * (z - 12.02) + 0.11 * rng.normal())));
  }
  return { yTrue, yPred };
}

/**
 * RMSE, MAE, R² and MAPE of `[yTrue, yPred]` over the rows in `idx`.
 *
 * @example
 * regressionMetrics([1, 2], [1, 4], [0, 1]); // { rmse: √2, mae: 1, r2: -7, mape: 0.5 }
 */
export function regressionMetrics(t: readonly number[], p: readonly number[], idx: ArrayLike<number>): Record<string, number> {
  let se = 0, ae = 0, ape = 0, mean = 0;
  for (let k = 0; k < idx.length; k++) mean += t[idx[k]!]!;
  mean /= idx.length;
  let ss = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    const d = p[i]! - t[i]!;
    se += d * d;
    ae += Math.abs(d);
    ape += Math.abs(d) / Math.abs(t[i]!);
    ss += (t[i]! - mean) ** 2;
  }
  return { rmse: Math.sqrt(se / idx.length), mae: ae / idx.length, r2: 1 - se / ss, mape: ape / idx.length };
}
