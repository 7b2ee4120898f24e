/**
 * What a `specml run` report shows: everything the pipeline measured, as plain JSON-safe data
 * (numbers, strings, arrays; null where a value could not be computed). The pipeline builds it;
 * run-html.ts and run-markdown.ts render it. Curves arrive as points, already computed on the
 * holdout, so rendering does no statistics.
 *
 * @example
 * const html = await renderRunHtml(report);
 */

/** A holdout metric with its 95% bootstrap CI (null bounds: the CI could not be computed). */
export interface Estimate {
  value: number;
  ci_low: number | null;
  ci_high: number | null;
}

/**
 * One gate's verdict.
 *
 * @example
 * const r: GateResult = { gate: 'roc_auc >= 0.8', kind: 'threshold', metric: 'roc_auc', op: '>=', threshold: 0.8, measured: 0.83, passed: true, detail: 'holdout 0.830 (95% CI 0.79-0.87)' };
 */
export interface GateResult {
  /** The gate as written in the spec. */
  gate: string;
  kind: 'threshold' | 'beats';
  metric: string;
  op?: '>=' | '<=' | '>' | '<' | '==';
  threshold?: number;
  measured: number | null;
  passed: boolean;
  detail: string;
}

/** One leaderboard row: a candidate's cross-validated score of the primary metric. */
export interface LeaderboardRow {
  name: string;
  description: string;
  /** Mean and sample std of the fold scores; `folds` in fold order. */
  mean: number;
  std: number;
  folds: number[];
  isBest: boolean;
  /** The model the run refitted and evaluated on the holdout. */
  selected: boolean;
  /** Corrected resampled t-test against the best candidate, Holm-adjusted over the board (null for the best itself). */
  pValueVsBest: number | null;
  significantlyWorse: boolean;
  seconds: number;
}

/** One row of a per-group fairness table. */
export interface FairnessGroupRow {
  group: string;
  count: number;
  /** Rate name (selection_rate, tpr, fpr, precision, accuracy, error_rate; regression: mae, rmse) -> value and CI. */
  rates: Record<string, { value: number | null; ci_low: number | null; ci_high: number | null }>;
  /** Why a CI or a rate is missing (e.g. "fewer than 30 rows"). */
  note?: string;
}

/** Fairness for one sensitive attribute (or an intersection of several). */
export interface FairnessSection {
  attribute: string;
  /** How a continuous attribute was banded, when it was. */
  bands?: string;
  groups: FairnessGroupRow[];
  /** demographic_parity_difference, demographic_parity_ratio, equalized_odds_difference, equal_opportunity_difference, ... */
  metrics: Record<string, number | null>;
  /** Groups left out of the aggregates, with the reason. */
  excluded: { group: string; reason: string }[];
}

/**
 * A post-processing mitigation: one decision threshold per group of `attribute`, fitted on the
 * out-of-fold predictions of the training rows (never on the holdout), then scored on the holdout.
 */
export interface Mitigation {
  attribute: string;
  constraint: 'demographic_parity' | 'equal_opportunity';
  /** The gap the thresholds were fitted to stay within (the failed gate's limit). */
  tolerance: number;
  thresholds: Record<string, number>;
  /** Holdout values at the model's own threshold and with the group thresholds. */
  before: { accuracy: number; balanced_accuracy: number; gap: number | null };
  after: { accuracy: number; balanced_accuracy: number; gap: number | null };
  /** False: offered only (the spec's fairness.mitigation is 'none'); the registered model is unchanged. */
  applied: boolean;
  note: string;
}

export interface RunReport {
  runId: string;
  name: string;
  goal?: string;
  why?: string;
  /** ISO time the run started. */
  startedAt: string;
  seconds: number;
  specmlVersion: string;
  seed: number;
  passed: boolean;
  data: {
    file: string;
    sha256: string;
    rows: number;
    features: string[];
    target: string;
    task: 'binary' | 'multiclass' | 'regression';
    classes?: string[];
    positiveClass?: string;
    trainRows: number;
    holdoutRows: number;
    /** How the holdout and the CV folds were made, one line each. */
    splitMethod: string;
    cvMethod: string;
    /** Data-quality findings worth a reader's attention (warnings and errors). */
    issues: { severity: string; code: string; message: string }[];
  };
  metric: { name: string; greaterIsBetter: boolean; reason?: string };
  leaderboard: LeaderboardRow[];
  /** How AutoML chose the selected row: its budget, what it spent, and the reason for the choice. */
  selection?: { preset: string; units: number; unitsUsed: number; trials: number; pruned: number; reason: string; maxTimeNote?: string };
  /** How probabilities become decisions, when the spec changes the default (argmax, uncalibrated). */
  decision?: { calibration: 'sigmoid' | 'isotonic' | null; threshold: number | null; note: string };
  /** Holdout evaluation of the selected model. */
  holdout: {
    metrics: Record<string, Estimate>;
    /** Metrics not defined on these holdout rows (e.g. a class absent from a time-ordered holdout), with why. */
    unavailable?: { metric: string; reason: string }[];
    /** Binary: ROC curve points. */
    roc?: { fpr: number[]; tpr: number[] };
    /** Binary: precision-recall curve points. */
    pr?: { precision: number[]; recall: number[] };
    /** Binary (positive class) or multiclass (top-label) reliability curve and ECE. */
    calibration?: { probPred: number[]; probTrue: number[]; counts: number[]; ece: number };
    confusion?: { labels: string[]; matrix: number[][] };
    /** Regression: a sample of (true, predicted) pairs for the residual plot. */
    residuals?: { yTrue: number[]; yPred: number[] };
  };
  /** The selected model against the trivial baseline on the holdout. */
  beats?: { metric: string; difference: number; ci_low: number | null; ci_high: number | null; p_value: number; significant: boolean };
  importance?: { method: string; metric: string; features: { name: string; mean: number; std: number; ci_low: number | null; ci_high: number | null }[] };
  shap?: { rows: number; features: { name: string; meanAbs: number }[] };
  fairness?: FairnessSection[];
  /** Offered when a fairness gate failed (binary): per-group thresholds and what they would change. */
  mitigation?: Mitigation;
  gates: GateResult[];
  model: {
    name: string;
    version: number;
    alias: string | null;
    packageDir: string;
    sizeBytes: number;
    latencyMs: { p50: number; p95: number; p99: number };
  };
  lineage: { specSha256: string; dataSha256: string; node: string; platform: string };
}
