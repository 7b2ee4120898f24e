/**
 * `one_hot`: each categorical column becomes numeric 0/1 columns named `<col>=<level>`, one per
 * frequent category in code-point order (as sklearn's `OneHotEncoder` sorts string categories).
 * Other kinds pass through (a boolean is already one 0/1 column).
 *
 * - Infrequent categories (`min_frequency`, `max_categories`, chosen exactly as sklearn 1.2's
 *   `_identify_infrequent`) share one `<col>=__infrequent__` column, placed after the frequent ones.
 * - Unknown categories (not seen in training): `handle_unknown` 'ignore' gives all zeros;
 *   'infrequent' counts them as infrequent when that column exists, else all zeros (sklearn's
 *   'infrequent_if_exist'); 'error' throws `data.unknown_category` naming the column and value.
 * - Missing values: `missing` 'indicator' gives them a `<col>=__missing__` column (last), created
 *   only when training had missing values; 'zeros' encodes them as all zeros. Missing is never
 *   pooled into the infrequent column (sklearn counts NaN as a category; we keep it separate so
 *   "missing" stays visible).
 *
 * Output width: frequent + (infrequent ? 1 : 0) + (missing ? 1 : 0) columns per input column;
 * memory n x width x 8 bytes (dense Float64Array).
 *
 * @example
 * const model = await new OneHot({ min_frequency: 5 }).fit(frame, undefined, { rng: new Rng(1) });
 * model.transform(frame).names; // ['color=blue', 'color=red', 'color=__infrequent__', ...]
 */
import { SpecmlError } from '../core/errors.js';
import { numericColumn, type Column } from '../core/frame.js';
import { defineParams } from '../core/params.js';
import { categoryCounts, codesFor } from './stats.js';

/** Frequent then infrequent categories of a column spec, one array per spec (so level lookups cache; core/levels.ts). */
const combined = new WeakMap<object, string[]>();
function allCategories(spec: { categories: string[]; infrequent: string[] }): string[] {
  let all = combined.get(spec);
  if (!all) combined.set(spec, (all = [...spec.categories, ...spec.infrequent]));
  return all;
}
import { defineTransformer, mapColumns } from './transformer.js';

export const ONE_HOT_PARAMS = defineParams({
  min_frequency: { type: 'float', default: 0, min: 0, doc: 'categories seen fewer times are infrequent; below 1 it is a fraction of training rows; 0 turns it off' },
  max_categories: { type: 'int', default: 0, min: 0, doc: 'at most this many output columns per input column, the infrequent one included (as sklearn); 0: no limit' },
  handle_unknown: { type: 'enum', default: 'ignore', values: ['ignore', 'infrequent', 'error'], doc: 'unseen categories: all zeros, the infrequent column (if any), or a data.unknown_category error' },
  missing: { type: 'enum', default: 'indicator', values: ['indicator', 'zeros'], doc: 'missing values: their own <col>=__missing__ column (when training had some), or all zeros' },
});

type OneHotState = { columns: { name: string; categories: string[]; infrequent: string[]; missing: boolean }[] };

/**
 * The `one_hot` estimator (parameters: {@link ONE_HOT_PARAMS}).
 *
 * @example
 * new OneHot({ max_categories: 10, handle_unknown: 'infrequent' });
 */
export const OneHot = defineTransformer({
  name: 'one_hot',
  params: ONE_HOT_PARAMS,
  fit(frame, _t, _ctx, p): OneHotState {
    const columns: OneHotState['columns'] = [];
    for (const c of frame.columns) {
      if (c.kind !== 'categorical') continue;
      const { categories, counts, missing } = categoryCounts(c);
      const rare = infrequentMask(counts, frame.nRows, p.min_frequency, p.max_categories);
      columns.push({
        name: c.name,
        categories: categories.filter((_, j) => !rare[j]),
        infrequent: categories.filter((_, j) => rare[j]),
        missing: p.missing === 'indicator' && missing > 0,
      });
    }
    return { columns };
  },
  transform(frame, s, p) {
    const byName = new Map(s.columns.map((c) => [c.name, c]));
    return mapColumns(frame, (c) => {
      const spec = byName.get(c.name);
      if (!spec || c.kind !== 'categorical') return undefined;
      const k = spec.categories.length;
      const hasRare = spec.infrequent.length > 0;
      // Slot per known category: frequent j -> j, infrequent -> k; unknown (-2) handled below.
      const slotOf = codesFor(c, allCategories(spec)).map((j) => (j >= k ? k : j));
      const width = k + (hasRare ? 1 : 0) + (spec.missing ? 1 : 0);
      const cols = Array.from({ length: width }, () => new Float64Array(frame.nRows));
      for (let i = 0; i < frame.nRows; i++) {
        const j = slotOf[i]!;
        if (j >= 0) cols[j]![i] = 1;
        else if (j === -1) {
          if (spec.missing) cols[width - 1]![i] = 1;
        } else if (p.handle_unknown === 'infrequent') {
          if (hasRare) cols[k]![i] = 1;
        } else if (p.handle_unknown === 'error') {
          const value = c.levels[c.codes[i]!]!;
          throw new SpecmlError('data.unknown_category', `column '${c.name}' has category '${value}' (row ${i + 1}), which one_hot did not see in training`, {
            hint: "Set one_hot handle_unknown to 'ignore' or 'infrequent', or clean the column.",
          });
        }
      }
      const names = [...spec.categories.map((l) => `${c.name}=${l}`), ...(hasRare ? [`${c.name}=__infrequent__`] : []), ...(spec.missing ? [`${c.name}=__missing__`] : [])];
      return names.map((name, j): Column => numericColumn(name, cols[j]!, true));
    });
  },
});

/**
 * Which categories are infrequent, exactly as sklearn 1.2 `_identify_infrequent`: below
 * `minFrequency` (a count, or a fraction of `nRows` below 1), then, if more than `maxCategories`
 * columns would remain, the least frequent (stable by category order) until `maxCategories - 1`
 * frequent ones are left. `counts` follow the sorted category order.
 *
 * @example
 * infrequentMask([5, 1, 3], 9, 2, 0); // [false, true, false]
 */
export function infrequentMask(counts: readonly number[], nRows: number, minFrequency: number, maxCategories: number): boolean[] {
  const threshold = minFrequency >= 1 ? minFrequency : minFrequency * nRows;
  const rare = counts.map((c) => minFrequency > 0 && c < threshold);
  const remaining = counts.length - rare.filter(Boolean).length + 1;
  if (maxCategories > 0 && maxCategories < remaining) {
    const keep = maxCategories - 1;
    if (keep === 0) rare.fill(true);
    else {
      const order = counts.map((_, j) => j).sort((a, b) => counts[a]! - counts[b]! || a - b);
      for (const j of order.slice(0, order.length - keep)) rare[j] = true;
    }
  }
  return rare;
}
