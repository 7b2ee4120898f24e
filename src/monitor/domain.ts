/**
 * Multivariate drift by a domain classifier: our GBDT learns to tell reference rows from window
 * rows on the model's features; if the two are exchangeable its out-of-fold AUC stays at 0.5.
 * Per-feature tests miss a change in how features move together (the same marginals, another
 * correlation); the classifier sees it. The AUC is measured on rows each fold's model did not see
 * (5-fold stratified, identical rows kept in one fold, out-of-fold), with DeLong's variance for the interval and a one-sided
 * p-value against 0.5; it counts as drift when significant and at least `band` above 0.5.
 *
 * @example
 * const d = await domainClassifier(reference, window, ['Income', 'Home'], { band: 0.05, seed: 42 });
 * d.auc; d.ci; d.p_value; d.top_features;
 */
import { Frame, categoricalColumn, cellValue, takeColumn, type Column } from '../core/frame.js';
import { Rng } from '../core/rng.js';
import { normalSf } from '../core/stats/index.js';
import { StratifiedGroupKFold } from '../evaluate/cv/index.js';
import { delongAucCi } from '../evaluate/significance/index.js';
import { GbdtEstimator } from '../models/gbdt/estimator.js';
import type { GbdtModel } from '../models/gbdt/model.js';

/** Rows taken from each side (a seeded sample when larger): enough for an AUC CI of about ±0.015. */
export const DOMAIN_MAX_ROWS = 5000;

export interface DomainDrift {
  test: 'domain_classifier';
  auc: number;
  ci: [number, number];
  p_value: number;
  effect: number;
  band: number;
  rows: { reference: number; current: number };
  /** Features the classifier used most (share of split gain). */
  top_features: { name: string; share: number }[];
}

export async function domainClassifier(reference: Frame, current: Frame, features: readonly string[], o: { band: number; seed: number; threads?: number }): Promise<DomainDrift> {
  const rng = new Rng(o.seed).fork('domain-classifier');
  const a = sampleRows(reference, rng.fork('reference'));
  const b = sampleRows(current, rng.fork('current'));
  const usable = features.filter((f) => reference.has(f) && current.has(f) && reference.column(f).kind !== 'text' && reference.column(f).kind === current.column(f).kind);
  const x = Frame.fromColumns(usable.map((f) => stack(takeColumn(reference.column(f), a), takeColumn(current.column(f), b))));
  const n = a.length + b.length;
  const labels = new Int32Array(n);
  labels.fill(1, a.length);
  const y = categoricalColumn('__domain', labels, ['reference', 'current']);
  const score = new Float64Array(n);
  const gain = new Map<string, number>();
  // Identical rows share a fold: a window that repeats training rows must not let the classifier
  // learn a row's label from its twin on the other side (which drives the AUC below 0.5).
  const folds = new StratifiedGroupKFold({ n_splits: 5, shuffle: true }).split({ n, y: labels, groups: rowGroups(x), rng: rng.fork('cv') });
  for (const [k, fold] of folds.entries()) {
    const est = new GbdtEstimator({ task: 'binary', trees: 100, learning_rate: 0.1, max_leaves: 15, ...(o.threads ? { threads: o.threads } : {}) });
    const model = (await est.fit(x.take(fold.train), takeColumn(y, fold.train), { rng: rng.fork(`fold-${k}`) })) as GbdtModel;
    const p = model.predict(x.take(fold.test)).proba!;
    fold.test.forEach((row, i) => (score[row] = p[i * 2 + 1]!));
    for (const imp of model.importances()) gain.set(imp.feature, (gain.get(imp.feature) ?? 0) + imp.gain);
  }
  const { auc, variance, ci } = delongAucCi(labels, score);
  const z = variance > 0 ? (auc - 0.5) / Math.sqrt(variance) : auc > 0.5 ? Infinity : 0;
  const total = [...gain.values()].reduce((s, g) => s + g, 0);
  const top_features = [...gain.entries()]
    .sort((p, q) => q[1] - p[1])
    .slice(0, 5)
    .map(([name, g]) => ({ name, share: total > 0 ? g / total : 0 }));
  return { test: 'domain_classifier', auc, ci: [ci[0], ci[1]], p_value: normalSf(z), effect: auc - 0.5, band: o.band, rows: { reference: a.length, current: b.length }, top_features };
}

/** Group codes of rows by their values (equal rows, equal codes). */
function rowGroups(x: Frame): Int32Array {
  const ids = new Map<string, number>();
  const groups = new Int32Array(x.nRows);
  const cols = x.columns;
  for (let i = 0; i < x.nRows; i++) {
    const key = JSON.stringify(cols.map((c) => cellValue(c, i)));
    let g = ids.get(key);
    if (g === undefined) ids.set(key, (g = ids.size));
    groups[i] = g;
  }
  return groups;
}

function sampleRows(f: Frame, rng: Rng): Int32Array {
  const idx = Int32Array.from({ length: f.nRows }, (_, i) => i);
  if (f.nRows <= DOMAIN_MAX_ROWS) return idx;
  for (let i = 0; i < DOMAIN_MAX_ROWS; i++) {
    const j = i + rng.int(f.nRows - i);
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx.subarray(0, DOMAIN_MAX_ROWS).sort();
}

/** Two columns of one kind, one after the other (categories matched by label). */
function stack(a: Column, b: Column): Column {
  if (a.kind === 'categorical' && b.kind === 'categorical') {
    const levels = [...a.levels];
    const at = new Map(levels.map((l, i) => [l, i]));
    const codes = new Int32Array(a.codes.length + b.codes.length);
    codes.set(a.codes);
    b.codes.forEach((c, i) => {
      if (c < 0) codes[a.codes.length + i] = -1;
      else {
        const l = b.levels[c]!;
        let k = at.get(l);
        if (k === undefined) at.set(l, (k = levels.push(l) - 1));
        codes[a.codes.length + i] = k;
      }
    });
    return { ...a, codes, levels };
  }
  if (a.kind === 'text' || b.kind === 'text' || a.kind === 'categorical' || b.kind === 'categorical' || a.kind !== b.kind) throw new Error(`stack: ${a.kind} and ${b.kind}`);
  const out = new (a.values.constructor as Float64ArrayConstructor | Uint8ArrayConstructor)(a.values.length + b.values.length);
  out.set(a.values);
  out.set(b.values, a.values.length);
  return { ...a, values: out } as Column;
}
