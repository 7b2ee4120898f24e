/**
 * `simple_imputer`: fills missing values with a per-column statistic learned in training, as
 * sklearn's `SimpleImputer`, for numeric, categorical and boolean columns (datetime and text pass
 * through).
 *
 * - numeric: `strategy` mean | median | most_frequent (ties: smallest value) | constant (`fill_value`).
 * - categorical: most_frequent (ties: first in code-point order) unless `strategy` is constant,
 *   then `fill_level` (a new level when the column lacks it). Mean and median have no meaning for
 *   labels, so they fall back to most_frequent rather than fail inside a mixed pipeline.
 * - boolean: most_frequent (ties: false), or `fill_value !== 0` for constant.
 * - A column with no present value in training is filled with `fill_value` / `fill_level`
 *   (sklearn would drop it; dropping would change the output width, which specml never does
 *   silently) and a warning is emitted.
 * - `add_indicator`: for each column that had missing values in training (sklearn's
 *   'missing-only'), a boolean `<col>__missing` column follows the filled column.
 *
 * @example
 * const model = await new SimpleImputer({ strategy: 'median', add_indicator: true }).fit(frame, undefined, { rng: new Rng(1) });
 * model.transform(frame); // NaN -> training median, plus `<col>__missing` columns
 */
import { BOOL_MISSING, booleanColumn, categoricalColumn, isMissing, numericColumn, type Column } from '../core/frame.js';
import type { FitContext } from '../core/estimator.js';
import { defineParams } from '../core/params.js';
import { booleanCounts, categoryCounts, nanMeanVar, nanMostFrequent, nanPercentiles } from './stats.js';
import { defineTransformer, mapColumns } from './transformer.js';

export const SIMPLE_IMPUTER_PARAMS = defineParams({
  strategy: { type: 'enum', default: 'mean', values: ['mean', 'median', 'most_frequent', 'constant'], doc: 'statistic for numeric columns (categorical: most_frequent, or fill_level for constant)' },
  fill_value: { type: 'float', default: 0, doc: 'numeric fill for strategy constant, and for columns with no value in training (0 as sklearn)' },
  fill_level: { type: 'string', default: 'missing', doc: "categorical fill for strategy constant ('missing' as sklearn's missing_value, shortened)" },
  add_indicator: { type: 'bool', default: false, doc: 'add a boolean <col>__missing column for columns that had missing values in training' },
});

/** Per column: numeric/boolean fills are numbers (boolean 0/1), categorical fills are level strings. */
type ImputerState = { columns: { name: string; fill: number | string; indicator: boolean }[] };

/**
 * The `simple_imputer` estimator (parameters: {@link SIMPLE_IMPUTER_PARAMS}).
 *
 * @example
 * const imp = new SimpleImputer({ strategy: 'most_frequent' });
 */
export const SimpleImputer = defineTransformer({
  name: 'simple_imputer',
  params: SIMPLE_IMPUTER_PARAMS,
  fit(frame, _target, ctx, p): ImputerState {
    const columns: ImputerState['columns'] = [];
    for (const c of frame.columns) {
      let fill: number | string;
      let missing: number;
      if (c.kind === 'numeric') {
        missing = 0;
        for (let i = 0; i < c.values.length; i++) if (c.values[i] !== c.values[i]) missing++;
        fill =
          p.strategy === 'constant' ? p.fill_value : p.strategy === 'mean' ? nanMeanVar(c.values).mean : p.strategy === 'median' ? nanPercentiles(c.values, [50])[0]! : nanMostFrequent(c.values);
        if (fill !== fill) fill = p.fill_value;
      } else if (c.kind === 'categorical') {
        const { categories, counts, missing: m } = categoryCounts(c);
        missing = m;
        let best = -1;
        for (let j = 0; j < counts.length; j++) if (best < 0 || counts[j]! > counts[best]!) best = j;
        fill = p.strategy === 'constant' || best < 0 ? p.fill_level : categories[best]!;
      } else if (c.kind === 'boolean') {
        const n = booleanCounts(c);
        missing = n.missing;
        fill = p.strategy === 'constant' || n.false + n.true === 0 ? (p.fill_value !== 0 ? 1 : 0) : n.true > n.false ? 1 : 0;
      } else continue;
      if (missing === frame.nRows && frame.nRows > 0) emptyWarning(ctx.emit, c.name);
      columns.push({ name: c.name, fill, indicator: p.add_indicator && missing > 0 });
    }
    return { columns };
  },
  transform(frame, s) {
    const byName = new Map(s.columns.map((c) => [c.name, c]));
    return mapColumns(frame, (c) => {
      const spec = byName.get(c.name);
      if (!spec) return undefined;
      const out: Column[] = [fillColumn(c, spec.fill)];
      if (spec.indicator) out.push(booleanColumn(`${c.name}__missing`, Uint8Array.from({ length: frame.nRows }, (_, i) => (isMissing(c, i) ? 1 : 0))));
      return out;
    });
  },
});

function fillColumn(c: Column, fill: number | string): Column {
  switch (c.kind) {
    case 'numeric': {
      const v = c.values.map((x) => (x === x ? x : (fill as number)));
      return numericColumn(c.name, v);
    }
    case 'boolean':
      return booleanColumn(c.name, c.values.map((x) => (x === BOOL_MISSING ? (fill as number) : x)));
    case 'categorical': {
      let code = c.levels.indexOf(fill as string);
      const levels = code >= 0 ? c.levels : [...c.levels, fill as string];
      if (code < 0) code = levels.length - 1;
      return categoricalColumn(c.name, c.codes.map((k) => (k < 0 ? code : k)), levels);
    }
    default:
      return c;
  }
}

function emptyWarning(emit: FitContext['emit'], name: string): void {
  emit?.({ level: 'warning', code: 'features.empty_column', message: `simple_imputer: column '${name}' has no value in training; it is filled with the constant fill` });
}
