/**
 * Scalers for numeric columns (other kinds pass through): `standard_scaler` (mean and standard
 * deviation, as sklearn's `StandardScaler`) and `robust_scaler` (median and interquartile range,
 * as sklearn's `RobustScaler`). Missing values are ignored when fitting and stay NaN; a scale of 0
 * (a constant column) becomes 1, as sklearn, so constants map to 0 instead of NaN.
 *
 * State: `names: string[k]`, `center: Float64Array[k]`, `scale: Float64Array[k]`; transform costs
 * O(n k) and allocates one Float64Array per numeric column.
 *
 * @example
 * const model = await new RobustScaler({ quantile_low: 10, quantile_high: 90 }).fit(frame, undefined, { rng: new Rng(1) });
 * model.transform(frame); // (x - median) / (q90 - q10)
 */
import type { Frame } from '../core/frame.js';
import { numericColumn } from '../core/frame.js';
import { defineParams } from '../core/params.js';
import { nanMeanVar, nanPercentiles } from './stats.js';
import { defineTransformer, mapColumns } from './transformer.js';

type ScalerState = { names: string[]; center: Float64Array; scale: Float64Array };

export const STANDARD_SCALER_PARAMS = defineParams({
  with_mean: { type: 'bool', default: true, doc: 'subtract the training mean' },
  with_std: { type: 'bool', default: true, doc: 'divide by the training standard deviation (population, ddof 0, as sklearn)' },
});

export const ROBUST_SCALER_PARAMS = defineParams({
  with_centering: { type: 'bool', default: true, doc: 'subtract the training median' },
  with_scaling: { type: 'bool', default: true, doc: 'divide by the quantile range' },
  quantile_low: { type: 'float', default: 25, min: 0, max: 100, doc: 'lower percentile of the range (25: the interquartile range, as sklearn)' },
  quantile_high: { type: 'float', default: 75, min: 0, max: 100, doc: 'upper percentile of the range (must exceed quantile_low)' },
});

/**
 * The `standard_scaler` estimator (parameters: {@link STANDARD_SCALER_PARAMS}).
 *
 * @example
 * await new StandardScaler({}).fit(frame, undefined, { rng: new Rng(1) }); // z-scores
 */
export const StandardScaler = defineTransformer({
  name: 'standard_scaler',
  params: STANDARD_SCALER_PARAMS,
  fit(frame, _t, _ctx, p): ScalerState {
    return fitEach(frame, (values) => {
      const { mean, variance } = nanMeanVar(values);
      return [p.with_mean ? mean : 0, p.with_std ? Math.sqrt(variance) : 1];
    });
  },
  transform: applyScaling,
});

/**
 * The `robust_scaler` estimator (parameters: {@link ROBUST_SCALER_PARAMS}).
 *
 * @example
 * await new RobustScaler({}).fit(frame, undefined, { rng: new Rng(1) }); // (x - median) / IQR
 */
export const RobustScaler = defineTransformer({
  name: 'robust_scaler',
  params: ROBUST_SCALER_PARAMS,
  fit(frame, _t, _ctx, p): ScalerState {
    if (!(p.quantile_low < p.quantile_high)) throw new RangeError(`robust_scaler: quantile_low (${p.quantile_low}) must be below quantile_high (${p.quantile_high})`);
    return fitEach(frame, (values) => {
      const [median, lo, hi] = nanPercentiles(values, [50, p.quantile_low, p.quantile_high]) as [number, number, number];
      return [p.with_centering ? median : 0, p.with_scaling ? hi - lo : 1];
    });
  },
  transform: applyScaling,
});

/** Learns (center, scale) for each numeric column; NaN stats (no present value) become (0, 1). */
function fitEach(frame: Frame, stats: (values: Float64Array) => [number, number]): ScalerState {
  const cols = frame.columns.filter((c) => c.kind === 'numeric');
  const center = new Float64Array(cols.length);
  const scale = new Float64Array(cols.length);
  cols.forEach((c, j) => {
    const [m, s] = stats(c.values);
    center[j] = m === m ? m : 0;
    // Near-zero scales are treated as zero as sklearn's _handle_zeros_in_scale (10 * machine eps).
    scale[j] = s === s && Math.abs(s) >= 10 * Number.EPSILON ? s : 1;
  });
  return { names: cols.map((c) => c.name), center, scale };
}

function applyScaling(frame: Frame, s: ScalerState): Frame {
  const index = new Map(s.names.map((n, j) => [n, j]));
  return mapColumns(frame, (c) => {
    const j = index.get(c.name);
    if (j === undefined || c.kind !== 'numeric') return undefined;
    const m = s.center[j]!;
    const k = s.scale[j]!;
    const out = new Float64Array(c.values.length);
    for (let i = 0; i < out.length; i++) out[i] = (c.values[i]! - m) / k;
    return [numericColumn(c.name, out)];
  });
}
