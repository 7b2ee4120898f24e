/**
 * Per-feature drift that does not cry wolf. Each feature's distribution is tested by its type —
 * numeric: two-sample Kolmogorov-Smirnov, with the 1-Wasserstein distance in reference standard
 * deviations as the effect; categorical and boolean: chi-square homogeneity, with the
 * Jensen-Shannon distance as the effect — and its missing rate by a two-proportion test. A
 * feature drifts only when both hold:
 *
 * 1. the change is significant after Holm's adjustment over every test of the report (so the
 *    chance that an unchanged window raises any alarm stays under α, however many features), and
 * 2. its effect reaches the sensitivity's band: a minimum shift worth acting on. With a million
 *    rows every feature differs significantly from the reference (evidently #50); the band keeps
 *    those from alarming. The effect is the measured distance less what two samples of one
 *    distribution show by chance at these sizes (columns.ts), so small windows do not read as
 *    shifted.
 *
 * A feature with fewer than `minRows` values on either side is "insufficient_data", never drift
 * (evidently #509: eight rows raised an alarm). PSI is reported beside the tests for readers used
 * to it, but decides nothing (its thresholds ignore sample size).
 *
 * @example
 * const report = driftReport(referenceFrame, windowFrame, schema, { sensitivity: 'default' });
 * report.detected; report.features[0]; // { name, test, statistic, effect, p_value, drifted, … }
 */
import type { Column, Frame } from '../core/frame.js';
import type { ColumnSchema, Schema } from '../data/schema/types.js';
import { alignedCounts, countMissing, jensenShannonNoise, length, lumpSparse, present, quantilePsi, standardDeviation, wassersteinNoise } from './columns.js';
import { chiSquareHomogeneity, fisherExactTest, holmAdjust, jensenShannonDistance, ksTwoSample, populationStabilityIndex, twoProportionTest, wasserstein1 } from './stats.js';

export type Sensitivity = 'default' | 'strict' | 'lenient';

/** Minimum effects that count as drift, per sensitivity (the spec's `monitor.drift`). */
export interface Bands {
  /** Wasserstein distance / reference standard deviation (a mean shift of k sd gives k). */
  numeric: number;
  /** Jensen-Shannon distance, base 2 (0 same, 1 disjoint). */
  categorical: number;
  /** Absolute change of the missing rate. */
  missing: number;
  /** Domain classifier: AUC above 0.5. */
  domain: number;
}

/**
 * The default bands follow the field's conventions for large samples (Evidently's defaults: 0.1
 * for normed Wasserstein and for Jensen-Shannon), strict halves them, lenient doubles them.
 */
export const BANDS: Record<Sensitivity, Bands> = {
  default: { numeric: 0.1, categorical: 0.1, missing: 0.05, domain: 0.05 },
  strict: { numeric: 0.05, categorical: 0.05, missing: 0.02, domain: 0.03 },
  lenient: { numeric: 0.2, categorical: 0.2, missing: 0.1, domain: 0.1 },
};

/** Fewer values than this on either side: not enough data to call drift. */
export const MIN_ROWS = 30;

export type DriftStatus = 'drift' | 'small_shift' | 'no_drift' | 'insufficient_data' | 'not_tested';

export interface MissingDrift {
  reference: number;
  current: number;
  /** Fisher's exact test when a cell of the 2 × 2 table expects fewer than 5 counts, else the z-test. */
  test: 'two_proportion' | 'fisher_exact';
  statistic: number | null;
  p_value: number;
  p_adjusted: number;
  /** The change of the missing rate, less what chance alone shows (see {@link FeatureDrift.effect}). */
  effect: number;
  effect_raw: number;
  band: number;
  drifted: boolean;
}

export interface FeatureDrift {
  name: string;
  type: ColumnSchema['type'] | 'prediction';
  test: 'ks' | 'chi_square' | 'none';
  statistic: number | null;
  p_value: number | null;
  /** Holm-adjusted over every test in the report. */
  p_adjusted: number | null;
  /**
   * The estimated shift, with what two samples of an unchanged distribution show by chance taken
   * out (in quadrature: √(raw² − noise²) for distances, raw − noise for the JS divergence), so
   * that a window's size does not pass for a shift: the band compares with this.
   */
  effect: number | null;
  /** The distance as measured between the two samples. */
  effect_raw?: number;
  effect_measure: 'wasserstein_sd' | 'jensen_shannon' | null;
  band: number;
  psi: number | null;
  /** Missing-rate change, when either side has missing values. */
  missing: MissingDrift | null;
  drifted: boolean;
  status: DriftStatus;
  /** Why, in words (for the terminal and the report). */
  note: string;
  n_reference: number;
  n_current: number;
  importance?: number;
}

export interface DriftOptions {
  sensitivity?: Sensitivity;
  /** Bands replacing the sensitivity's, by kind (the spec's `monitor.bands`). */
  bands?: Partial<Bands>;
  /** A feature's own band, replacing its kind's (e.g. `{ Income: 0.2 }`); the missing-rate band stays. */
  featureBands?: Record<string, number>;
  /** Family-wise error rate of the whole report (Holm). */
  alpha?: number;
  minRows?: number;
  /** Feature importances (any scale): the report adds the share of importance that drifted. */
  importance?: Record<string, number>;
}

export interface DriftReport {
  detected: boolean;
  status: 'drift' | 'no_drift' | 'insufficient_data';
  sensitivity: Sensitivity;
  alpha: number;
  bands: Bands;
  rows: { reference: number; current: number };
  features: FeatureDrift[];
  drifted_features: string[];
  share_drifted: number;
  /** Share of the model's feature importance held by drifted features (when importances are known). */
  importance_drifted?: number;
  /** The model's output on the window against its output on the reference rows. */
  prediction?: FeatureDrift;
  /** Extra tests folded into the same Holm family (the domain classifier). */
  extra: ExtraTest[];
}

/** A test computed elsewhere (domain classifier) that joins the report's Holm family. */
export interface ExtraTest {
  name: string;
  p_value: number;
  effect: number;
  band: number;
  p_adjusted?: number;
  drifted?: boolean;
}

/** One column's raw test (before the Holm adjustment and the decision). */
export function columnDrift(name: string, type: FeatureDrift['type'], ref: Column, cur: Column, bands: Bands, minRows = MIN_ROWS): FeatureDrift {
  const nRef = length(ref);
  const nCur = length(cur);
  const missRef = countMissing(ref);
  const missCur = countMissing(cur);
  const base: FeatureDrift = {
    name,
    type,
    test: 'none',
    statistic: null,
    p_value: null,
    p_adjusted: null,
    effect: null,
    effect_measure: null,
    band: NaN,
    psi: null,
    missing: null,
    drifted: false,
    status: 'not_tested',
    note: '',
    n_reference: nRef - missRef,
    n_current: nCur - missCur,
  };
  if (nRef >= minRows && nCur >= minRows && (missRef > 0 || missCur > 0)) {
    // Few missing (or few present) values: the normal approximation's p-values are far too small.
    const pooled = (missRef + missCur) / (nRef + nCur);
    const sparse = Math.min(pooled, 1 - pooled) * Math.min(nRef, nCur) < 5;
    const t = sparse ? { statistic: null, ...fisherExactTest(missRef, nRef, missCur, nCur) } : twoProportionTest(missRef, nRef, missCur, nCur);
    const change = Math.abs(missCur / nCur - missRef / nRef);
    const noise = Math.sqrt(pooled * (1 - pooled) * (1 / nRef + 1 / nCur));
    base.missing = { reference: missRef / nRef, current: missCur / nCur, test: sparse ? 'fisher_exact' : 'two_proportion', statistic: t.statistic, p_value: t.pValue, p_adjusted: NaN, effect: debias(change, noise), effect_raw: change, band: bands.missing, drifted: false };
  }
  if (ref.kind === 'numeric' && cur.kind === 'numeric') {
    base.band = bands.numeric;
    base.effect_measure = 'wasserstein_sd';
    if (base.n_reference < minRows || base.n_current < minRows) return insufficient(base, minRows);
    const a = present(ref.values);
    const b = present(cur.values);
    const ks = ksTwoSample(a, b);
    const sd = standardDeviation(a);
    const w = wasserstein1(a, b);
    const raw = sd > 0 ? w / sd : w > 0 ? Infinity : 0;
    const noise = sd > 0 ? wassersteinNoise(a, b.length) / sd : 0;
    return { ...base, test: 'ks', statistic: ks.statistic, p_value: ks.pValue, effect: debias(raw, noise), effect_raw: raw, psi: quantilePsi(a, b) };
  }
  if ((ref.kind === 'categorical' || ref.kind === 'boolean') && ref.kind === cur.kind) {
    base.band = bands.categorical;
    base.effect_measure = 'jensen_shannon';
    if (base.n_reference < minRows || base.n_current < minRows) return insufficient(base, minRows);
    const [ca, cb] = alignedCounts(ref, cur);
    const [la, lb] = lumpSparse(ca, cb);
    const chi = chiSquareHomogeneity(la, lb);
    const raw = jensenShannonDistance(ca, cb);
    const k = ca.filter((x, i) => x + cb[i]! > 0).length;
    const divergence = Math.max(0, raw * raw * Math.LN2 - jensenShannonNoise(k, base.n_reference, base.n_current));
    return { ...base, test: 'chi_square', statistic: chi.statistic, p_value: chi.pValue, effect: Math.sqrt(divergence / Math.LN2), effect_raw: raw, psi: populationStabilityIndex(ca, cb) };
  }
  return { ...base, note: `${type} columns are not tested for drift (their values move with time or are free text)` };
}

/** Tests every schema column of both frames, adjusts all p-values together and decides. */
export function driftReport(reference: Frame, current: Frame, schema: Schema, o: DriftOptions = {}, extra: ExtraTest[] = [], prediction?: { reference: Column; current: Column }): DriftReport {
  const sensitivity = o.sensitivity ?? 'default';
  const bands = { ...BANDS[sensitivity], ...o.bands };
  const alpha = o.alpha ?? 0.05;
  const minRows = o.minRows ?? MIN_ROWS;
  const features = schema.columns.filter((c) => reference.has(c.name) && current.has(c.name)).map((c) => {
    const own = o.featureBands?.[c.name];
    const b = own === undefined ? bands : { ...bands, numeric: own, categorical: own };
    return columnDrift(c.name, c.type, reference.column(c.name), current.column(c.name), b, minRows);
  });
  const pred = prediction ? columnDrift('prediction', 'prediction', prediction.reference, prediction.current, bands, minRows) : undefined;
  return decide(features, extra, { sensitivity, bands, alpha, rows: { reference: reference.nRows, current: current.nRows }, minRows, ...(o.importance ? { importance: o.importance } : {}) }, pred);
}

/**
 * Holm over every p-value (feature distributions, missing rates, extra tests), then each
 * decision: drift iff adjusted p < α and effect ≥ band.
 */
export function decide(
  features: FeatureDrift[],
  extra: ExtraTest[],
  o: { sensitivity: Sensitivity; bands: Bands; alpha: number; rows: { reference: number; current: number }; minRows: number; importance?: Record<string, number> },
  prediction?: FeatureDrift,
): DriftReport {
  const all = prediction ? [...features, prediction] : features;
  const ps: number[] = [];
  for (const f of all) ps.push(f.p_value ?? NaN, f.missing?.p_value ?? NaN);
  for (const e of extra) ps.push(e.p_value);
  const adj = holmAdjust(ps);
  all.forEach((f, i) => {
    f.p_adjusted = f.p_value === null ? null : adj[2 * i]!;
    if (f.missing) {
      f.missing.p_adjusted = adj[2 * i + 1]!;
      f.missing.drifted = f.missing.p_adjusted < o.alpha && f.missing.effect >= f.missing.band;
    }
    if (o.importance && f !== prediction) f.importance = o.importance[f.name] ?? 0;
    if (f.status === 'insufficient_data' || f.test === 'none') {
      f.drifted = Boolean(f.missing?.drifted);
      if (f.drifted) f.note = `${f.note}; missing rate ${pct(f.missing!.reference)} -> ${pct(f.missing!.current)}`;
      return;
    }
    const significant = f.p_adjusted! < o.alpha;
    const large = f.effect! >= f.band;
    const distribution = significant && large;
    f.drifted = distribution || Boolean(f.missing?.drifted);
    f.status = f.drifted ? 'drift' : significant ? 'small_shift' : 'no_drift';
    const measure = f.effect_measure === 'wasserstein_sd' ? `shift ${fmt(f.effect!)} sd` : `Jensen-Shannon ${fmt(f.effect!)}`;
    const parts = [distribution ? `${measure} >= band ${f.band}, p_adj ${fmtP(f.p_adjusted!)}` : significant ? `${measure} < band ${f.band} (significant, p_adj ${fmtP(f.p_adjusted!)}, but too small to act on)` : `${measure}, p_adj ${fmtP(f.p_adjusted!)}: not significant`];
    if (f.missing?.drifted) parts.push(`missing rate ${pct(f.missing.reference)} -> ${pct(f.missing.current)}`);
    f.note = parts.join('; ');
  });
  extra.forEach((e, k) => {
    e.p_adjusted = adj[2 * all.length + k]!;
    e.drifted = e.p_adjusted < o.alpha && e.effect >= e.band;
  });
  const tested = features.filter((f) => f.status !== 'not_tested');
  const enough = o.rows.current >= o.minRows && tested.some((f) => f.status !== 'insufficient_data');
  const drifted = features.filter((f) => f.drifted).map((f) => f.name);
  const detected = enough && (drifted.length > 0 || Boolean(prediction?.drifted) || extra.some((e) => e.drifted));
  const report: DriftReport = {
    detected,
    status: !enough ? 'insufficient_data' : detected ? 'drift' : 'no_drift',
    sensitivity: o.sensitivity,
    alpha: o.alpha,
    bands: o.bands,
    rows: o.rows,
    features,
    drifted_features: enough ? drifted : [],
    share_drifted: tested.length ? drifted.length / tested.length : 0,
    ...(prediction ? { prediction } : {}),
    extra,
  };
  if (o.importance) {
    const total = features.reduce((s, f) => s + Math.max(0, f.importance ?? 0), 0);
    report.importance_drifted = total > 0 ? features.filter((f) => f.drifted).reduce((s, f) => s + Math.max(0, f.importance ?? 0), 0) / total : 0;
  }
  if (!enough) for (const f of all) f.drifted = false;
  return report;
}

/** A measured distance less the part chance alone explains, in quadrature (E[d²] ≈ shift² + noise²). */
function debias(raw: number, noise: number): number {
  return Number.isFinite(raw) ? Math.sqrt(Math.max(0, raw * raw - noise * noise)) : raw;
}

function insufficient(f: FeatureDrift, minRows: number): FeatureDrift {
  return { ...f, status: 'insufficient_data', note: `not enough data: ${f.n_reference} reference and ${f.n_current} current values (at least ${minRows} each)` };
}

const fmt = (x: number): string => (Number.isFinite(x) ? x.toPrecision(2) : String(x));
const fmtP = (p: number): string => (p < 1e-15 ? '< 1e-15' : p < 1e-4 ? p.toExponential(1) : p.toPrecision(2));
const pct = (r: number): string => `${(r * 100).toFixed(1)}%`;
