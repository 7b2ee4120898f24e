/**
 * The final choice of AutoML, made with statistics: the weighted ensemble is chosen only when it
 * is significantly better than the best single member on the out-of-fold rows (paired bootstrap
 * of the run's metric, stratified for classification, p < 0.05 two-sided and in its favour);
 * otherwise the single member wins — it is simpler, faster to predict, and its out-of-fold score
 * carries no selection bias from fitting ensemble weights on those same rows.
 *
 * Constraints (fairness gates, checked on out-of-fold predictions by the caller's `eligible`) act
 * first: only eligible candidates compete. When none is eligible the choice is made without the
 * constraint and says so; the run's fairness mitigation then has its turn.
 *
 * @example
 * const c = chooseFinal(members, ensemble, ctx, rng.fork('select'));
 * c.reason; // 'ensemble of 3 members not significantly better than gbdt_default (+0.0021, p = 0.31): the simpler model wins'
 */
import type { Rng } from '../../core/rng.js';
import { encodeClasses } from '../../data/classes.js';
import type { CrossValidation } from '../../evaluate/cv/index.js';
import { metric as lookupMetric } from '../../evaluate/metrics/index.js';
import { pairedBootstrap } from '../../evaluate/significance/index.js';
import { coveredRows, type EnsembleResult, type OofContext } from './ensemble.js';
import type { Member } from './search.js';

/** Significance level of the ensemble-versus-single test. */
export const SELECT_ALPHA = 0.05;

export interface Choice {
  /** 'ensemble' or a member's id. */
  chosen: string;
  reason: string;
  /** The ensemble against the best eligible single member, oriented so > 0 favours the ensemble. */
  test?: { against: string; difference: number; ci: [number, number]; pValue: number };
  /** Whether the constraints could be honoured (false: no candidate met them). */
  constrained: boolean;
}

export function chooseFinal(members: readonly Member[], ensemble: EnsembleResult | undefined, ctx: OofContext, rng: Rng, eligible?: (cv: CrossValidation) => boolean): Choice {
  const up = lookupMetric(ctx.metric).greaterIsBetter;
  const ranked = [...members].sort((a, b) => (up ? b.score - a.score : a.score - b.score));
  const ok = eligible ? ranked.filter((m) => eligible(m.cv)) : ranked;
  const constrained = !eligible || ok.length > 0;
  const pool = ok.length ? ok : ranked;
  const best = pool[0]!;
  const note = constrained ? (eligible ? ' (among candidates meeting the fairness gates out of fold)' : '') : ' (no candidate meets the fairness gates out of fold; chosen without them)';
  const used = ensemble ? ensemble.weights.filter((w) => w > 0).length : 0;
  if (!ensemble || used < 2) return { chosen: best.id, reason: `best single configuration by CV ${ctx.metric}${note}`, constrained };
  if (eligible && constrained && !eligible(ensemble.cv)) return { chosen: best.id, reason: `the ensemble fails the fairness gates out of fold; best single configuration${note}`, constrained };

  const rows = coveredRows(ctx.folds);
  const m = lookupMetric(ctx.metric);
  let r;
  if (ctx.task === 'regression') {
    const y = (ctx.target as { values: Float64Array }).values;
    r = pairedBootstrap(Float64Array.from(rows, (i) => y[i]!), gather(ensemble.cv.oof, rows, 1), gather(best.cv.oof, rows, 1), m, { rng });
  } else {
    const codes = encodeClasses(ctx.target).codes;
    const k = ensemble.cv.classes!.length;
    const yt = Int32Array.from(rows, (i) => codes[i]!);
    const a = m.needs === 'labels' ? Int32Array.from(rows, (i) => ensemble.cv.oof[i]!) : gather(ensemble.cv.oofProba!, rows, k);
    const b = m.needs === 'labels' ? Int32Array.from(rows, (i) => best.cv.oof[i]!) : gather(best.cv.oofProba!, rows, k);
    r = pairedBootstrap(yt, a, b, m, { rng });
  }
  const sign = up ? 1 : -1;
  const difference = sign * r.difference;
  const ci: [number, number] = sign > 0 ? r.ci : [-r.ci[1], -r.ci[0]];
  const test = { against: best.id, difference, ci, pValue: r.pValue };
  const stat = `${difference >= 0 ? '+' : ''}${difference.toPrecision(3)} ${ctx.metric}, p = ${r.pValue.toPrecision(2)}`;
  if (difference > 0 && r.pValue < SELECT_ALPHA) {
    return { chosen: 'ensemble', reason: `ensemble of ${used} configurations is significantly better than ${best.id} out of fold (${stat})${note}`, test, constrained };
  }
  return { chosen: best.id, reason: `the ensemble of ${used} configurations is not significantly better than ${best.id} out of fold (${stat}): the simpler model wins${note}`, test, constrained };
}

function gather(src: Float64Array, rows: Int32Array, width: number): Float64Array {
  const out = new Float64Array(rows.length * width);
  for (let i = 0; i < rows.length; i++) for (let c = 0; c < width; c++) out[i * width + c] = src[rows[i]! * width + c]!;
  return out;
}
