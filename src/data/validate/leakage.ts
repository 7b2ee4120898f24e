/**
 * `target_leakage`: a single feature that alone predicts the target (almost) perfectly.
 *
 * Such a feature is usually recorded after the outcome or derived from it (a "days since
 * cancellation" column in a churn table); a model built on it scores brilliantly in CV and fails
 * in production. The estimate is honest by construction: see leakage-score.ts for the
 * cross-fitting that keeps identifiers and other one-value-per-row columns at chance.
 */
import type { Column } from '../../core/frame.js';
import { BOOL_MISSING } from '../../core/frame.js';
import type { Issue } from '../../core/issue.js';
import { pearson } from '../profile/association.js';
import { balancedAccuracy, binaryAuc, binnedR2, numericBins } from './leakage-score.js';
import { valueCounts } from '../profile/value-counts.js';
import { encodeClasses } from '../classes.js';
import { isClassificationTarget, targetColumn } from './target.js';
import type { Check } from './types.js';

/**
 * Score thresholds, on a scale where chance is 0 and a perfect lookup is 1 (Gini = 2·AUC − 1 for
 * binary targets, chance-normalised balanced accuracy for multiclass, R² for regression).
 * 0.98 (AUC ≥ 0.99, or |r| ≥ 0.99): one column this good is nearly always a leak. 0.90 (AUC ≥ 0.95):
 * legitimate features this strong alone are rare enough to deserve a look.
 */
export const LEAK_WARN = 0.98;
export const LEAK_INFO = 0.9;
/** Rows sampled for the estimate: the standard error of AUC at 50,000 rows is ~0.003, far below the thresholds' gap. */
export const LEAK_MAX_ROWS = 50_000;
/** Fewer labelled rows than this and one feature can look perfect by chance; the check stays silent. */
export const LEAK_MIN_ROWS = 40;

type Measure = 'roc_auc' | 'balanced_accuracy' | 'r2' | 'pearson';

/**
 * `target_leakage`: for each non-target feature (skipping text and schema id-like columns), the
 * 2-fold cross-fitted predictive power of a per-level (categorical, boolean) or per-quantile-bin
 * (numeric, datetime; ≤ 32 bins, missing its own bin) lookup, on at most 50,000 sampled rows.
 * Binary: ROC AUC of per-bin positive rates; multiclass: balanced accuracy of per-bin majority;
 * regression: R² of per-bin means, or r² when |Pearson r| is higher. Score ≥ 0.98 → warning,
 * ≥ 0.90 → info.
 *
 * @example
 * targetLeakage.run({ frame, schema, target: 'churned', task: 'binary', rng: new Rng(42) });
 * // [{ code: 'target_leakage', path: 'cancel_date_known', severity: 'warning',
 * //    message: "cancel_date_known alone predicts 'churned' almost perfectly (cross-fitted ROC AUC 1.000) …" }]
 */
export const targetLeakage: Check = {
  name: 'target_leakage',
  description: 'Single features that alone predict the target almost perfectly (cross-fitted).',
  run(ctx) {
    const col = targetColumn(ctx);
    if (!col || col.kind === 'datetime') return [];
    const classification = isClassificationTarget(col, ctx.task);
    if (!classification && col.kind !== 'numeric') return [];
    const rng = ctx.rng.fork('target_leakage');

    // Labelled rows, sampled without replacement down to LEAK_MAX_ROWS (kept in row order for locality).
    const labelled: number[] = [];
    let yCodes: Int32Array | undefined;
    let K = 0;
    if (classification) {
      // encodeClasses keeps only the classes present, so K counts real classes.
      const { codes, classes } = encodeClasses(col);
      for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) labelled.push(i);
      K = classes.length;
      if (K < 2) return [];
      yCodes = codes;
    } else {
      const v = (col as Extract<Column, { kind: 'numeric' }>).values;
      for (let i = 0; i < v.length; i++) if (v[i] === v[i]) labelled.push(i);
    }
    if (labelled.length < LEAK_MIN_ROWS) return [];
    const pick = labelled.length > LEAK_MAX_ROWS ? rng.sampleIndices(labelled.length, LEAK_MAX_ROWS) : undefined;
    const rows = pick ? pick.map((j) => labelled[j]!) : Int32Array.from(labelled);
    const m = rows.length;

    // Two folds of equal size by a seeded shuffle.
    const perm = rng.shuffle(Int32Array.from({ length: m }, (_, i) => i)) as Int32Array;
    const fold = new Uint8Array(m);
    for (let i = 0; i < m; i++) fold[perm[i]!] = i < m >> 1 ? 0 : 1;

    let yc: Int32Array | undefined;
    let yr: Float64Array | undefined;
    if (yCodes) {
      const codes = yCodes;
      yc = rows.map((r) => codes[r]!);
    }
    else {
      const v = (col as Extract<Column, { kind: 'numeric' }>).values;
      let mean = 0;
      for (let i = 0; i < m; i++) mean += v[rows[i]!]!;
      mean /= m;
      yr = Float64Array.from(rows, (r) => v[r]! - mean);
    }

    const idLike = new Set(ctx.schema.columns.filter((s) => s.idLike).map((s) => s.name));
    const bins = new Int32Array(m);
    const xs = new Float64Array(m);
    const issues: Issue[] = [];
    for (const c of ctx.frame.columns) {
      if (c.name === col.name || c.kind === 'text' || idLike.has(c.name)) continue;
      const nb = binColumn(c, rows, bins);
      if (nb === 0) continue;
      let score: number;
      let value: number;
      let measure: Measure;
      if (yc && K === 2) {
        value = binaryAuc(bins, nb, fold, yc);
        score = 2 * value - 1;
        measure = 'roc_auc';
      } else if (yc) {
        value = balancedAccuracy(bins, nb, fold, yc, K);
        score = (value - 1 / K) / (1 - 1 / K);
        measure = 'balanced_accuracy';
      } else {
        value = binnedR2(bins, nb, fold, yr!);
        score = value;
        measure = 'r2';
        if (c.kind === 'numeric') {
          for (let i = 0; i < m; i++) xs[i] = c.values[rows[i]!]!;
          const r = pearson(xs, yr!);
          if (r * r > score) {
            score = r * r;
            value = r;
            measure = 'pearson';
          }
        }
      }
      if (score < LEAK_INFO) continue;
      const strong = score >= LEAK_WARN;
      const shown = `${measureLabel(measure)} ${value.toFixed(3)}`;
      issues.push({
        code: 'target_leakage',
        path: c.name,
        severity: strong ? 'warning' : 'info',
        message: strong
          ? `${c.name} alone predicts '${col.name}' almost perfectly (cross-fitted ${shown}): probable target leakage`
          : `${c.name} alone predicts '${col.name}' suspiciously well (cross-fitted ${shown})`,
        hint: strong
          ? `Drop '${c.name}' unless it is truly known at prediction time; columns recorded after the outcome or derived from the target inflate CV scores and fail in production.`
          : `Check that '${c.name}' is available at prediction time and not derived from the target.`,
        details: { score, measure, value, rows: m },
      });
    }
    return issues;
  },
};

/** Fills `bins[i]` for sampled row `rows[i]` and returns the bin count, or 0 when the column is constant. */
function binColumn(c: Column, rows: Int32Array, bins: Int32Array): number {
  switch (c.kind) {
    case 'categorical': {
      const L = c.levels.length;
      for (let i = 0; i < rows.length; i++) {
        const k = c.codes[rows[i]!]!;
        bins[i] = k < 0 ? L : k;
      }
      return L + 1;
    }
    case 'boolean':
      for (let i = 0; i < rows.length; i++) {
        const v = c.values[rows[i]!]!;
        bins[i] = v === BOOL_MISSING ? 2 : v;
      }
      return 3;
    case 'numeric':
    case 'datetime': {
      const vc = valueCounts(c.values);
      if (vc.uniq.length <= 1 && vc.nMissing === 0) return 0;
      return numericBins(c.values, vc, rows, bins);
    }
    case 'text':
      return 0;
  }
}

function measureLabel(m: Measure): string {
  return m === 'roc_auc' ? 'ROC AUC' : m === 'balanced_accuracy' ? 'balanced accuracy' : m === 'pearson' ? 'Pearson r' : 'R²';
}
