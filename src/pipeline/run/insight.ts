/**
 * Explanations and fairness of the selected model on the holdout, shaped for the report and the
 * gates.
 *
 * - Permutation importance on the holdout rows with the run's metric (5 seeded repeats, CI per
 *   feature): what the model needs to score well on data it did not see.
 * - TreeSHAP (tree models only) on up to 500 holdout rows, with the training rows as the
 *   reference for node covers: mean |SHAP| per model input column.
 * - Fairness for binary tasks: per-group rates with Wilson CIs and the aggregate disparities per
 *   sensitive attribute and their intersection; continuous attributes are banded at the spec's
 *   cut points, or at their quartiles when the spec gives none (stated in the report).
 *
 * @example
 * const imp = importanceOf(model, p, rng);
 */
import type { PredictorModel } from '../../core/estimator.js';
import { CalibratedModel } from '../../models/calibrated/model.js';
import { SpecmlError } from '../../core/errors.js';
import type { Frame } from '../../core/frame.js';
import type { Rng } from '../../core/rng.js';
import { explainTrees, permutationImportance } from '../../evaluate/explain/index.js';
import { fairnessReport, type SensitiveAttribute } from '../../evaluate/fairness/index.js';
import type { FairnessSection, RunReport } from '../../report/run-types.js';
import type { Spec } from '../../spec/index.js';
import type { Prepared } from './prepare.js';

/** Most holdout rows TreeSHAP explains: the summary is stable well before, and cost grows with rows. */
const SHAP_ROWS = 500;

export function importanceOf(model: PredictorModel, p: Prepared, rng: Rng): NonNullable<RunReport['importance']> {
  const imp = permutationImportance(model, p.test.select(p.features), p.yTest, { metric: p.metric, rng: rng.fork('permutation'), repeats: 5 });
  return {
    method: `permutation importance on the ${p.test.nRows} holdout rows (${imp.repeats} shuffles per feature; drop in ${imp.metric})`,
    metric: imp.metric,
    features: imp.features.map((f) => ({ name: f.name, mean: f.mean, std: f.std, ci_low: f.ci[0], ci_high: f.ci[1] })),
  };
}

/**
 * Mean |SHAP| per input of the tree model, or undefined for models TreeSHAP does not cover. A
 * calibrated model is explained through its base model (the calibration is a monotone map of the
 * scores it explains).
 */
export function shapOf(model: PredictorModel, p: Prepared): RunReport['shap'] {
  const rows = Math.min(SHAP_ROWS, p.test.nRows);
  const base = model instanceof CalibratedModel ? model.base : model;
  try {
    const ex = explainTrees(base, p.test.select(p.features).take(Array.from({ length: rows }, (_, i) => i)), { background: p.train.select(p.features) });
    return { rows, features: ex.ranking.map((r) => ({ name: r.feature, meanAbs: r.meanAbs })) };
  } catch (err) {
    if (err instanceof SpecmlError && err.code === 'usage.not_tree_model') return undefined;
    throw err;
  }
}

/** Quartile cut points of a numeric column, rounded to 2 significant digits, distinct. */
function quartileBands(frame: Frame, column: string): number[] {
  const c = frame.column(column);
  if (c.kind !== 'numeric') return [];
  const v = Float64Array.from(c.values.filter((x) => x === x)).sort();
  const cuts = [0.25, 0.5, 0.75].map((q) => Number(v[Math.floor(q * (v.length - 1))]!.toPrecision(2)));
  return cuts.filter((x, i) => i === 0 || x > cuts[i - 1]!);
}

/** The spec's sensitive attributes, with bands for continuous ones (the spec's or quartiles). */
export function sensitiveAttributes(spec: Spec, frame: Frame): { attrs: SensitiveAttribute[]; bandNote: Record<string, string> } {
  const attrs: SensitiveAttribute[] = [];
  const bandNote: Record<string, string> = {};
  for (const col of spec.fairness?.sensitive ?? []) {
    if (!frame.names.includes(col)) {
      throw new SpecmlError('data.missing_sensitive', `fairness.sensitive names '${col}', which is not a column of ${spec.data.given?.train ?? spec.data.train}`, {
        hint: `Columns: ${frame.names.join(', ')}.`,
        location: { ...(spec.file ? { file: spec.file } : {}), path: 'fairness.sensitive' },
      });
    }
    const c = frame.column(col);
    const given = spec.fairness?.bands?.[col];
    if (c.kind === 'numeric' && (given || new Set(c.values).size > 10)) {
      const bands = given ?? quartileBands(frame, col);
      attrs.push({ column: col, bands });
      bandNote[col] = given ? `bands at ${bands.join(', ')} (from the spec)` : `bands at the quartiles ${bands.join(', ')} (the spec gives no fairness.bands for ${col})`;
    } else attrs.push({ column: col });
  }
  return { attrs, bandNote };
}

/**
 * Fairness of binary predictions on the holdout: report sections, and each aggregate per attribute
 * for the gates.
 */
export function fairnessOf(spec: Spec, p: Prepared, yPred: Int32Array, score: Float64Array): { sections: FairnessSection[]; measured: Record<string, Record<string, number | null>> } {
  const { attrs, bandNote } = sensitiveAttributes(spec, p.test);
  const yTrue = (p.yTest as Extract<typeof p.yTest, { kind: 'categorical' }>).codes;
  const r = fairnessReport(p.test, attrs, yTrue, yPred, { intersections: attrs.length > 1, minGroupSize: spec.fairness?.min_group_size ?? 30, score });
  const measured: Record<string, Record<string, number | null>> = {};
  const sections = r.attributes.map((a): FairnessSection => {
    for (const [k, v] of Object.entries(a.metrics)) if (typeof v === 'number' || v === null) (measured[k] ??= {})[a.attribute] = v;
    return {
      attribute: a.attribute,
      ...(a.columns.length === 1 && bandNote[a.columns[0]!] ? { bands: bandNote[a.columns[0]!]! } : {}),
      groups: a.groups.map((g) => ({
        group: g.group,
        count: g.count,
        rates: Object.fromEntries((['selection_rate', 'tpr', 'fpr', 'precision', 'accuracy', 'error_rate'] as const).map((k) => [k, { value: g[k].value, ci_low: g[k].ci?.lower ?? null, ci_high: g[k].ci?.upper ?? null }])),
        ...(g.note ? { note: g.note } : {}),
      })),
      metrics: Object.fromEntries(Object.entries(a.metrics).filter(([, v]) => typeof v === 'number' || v === null)) as Record<string, number | null>,
      excluded: a.excluded.map((e) => ({ group: e.group, reason: e.reason })),
    };
  });
  return { sections, measured };
}
