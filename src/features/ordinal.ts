/**
 * `ordinal`: each categorical column becomes one numeric column of the same name holding the
 * category's index in code-point order (as sklearn's `OrdinalEncoder` sorts string categories).
 * Other kinds pass through.
 *
 * Missing values stay NaN. Unknown categories (not seen in training) follow `handle_unknown`:
 * 'nan' (default: tree learners treat it as missing, and no real code is faked), 'minus_one'
 * (-1, for consumers that cannot take NaN), or 'error' (`data.unknown_category`). sklearn's
 * default is 'error'; we default to 'nan' because a new level at serving time is routine.
 *
 * @example
 * const model = await new Ordinal({}).fit(frame, undefined, { rng: new Rng(1) });
 * model.transform(frame).column('color'); // numeric 0, 1, 2 ... by sorted level
 */
import { SpecmlError } from '../core/errors.js';
import { numericColumn } from '../core/frame.js';
import { defineParams } from '../core/params.js';
import { categoryCounts, codesFor } from './stats.js';
import { defineTransformer, mapColumns } from './transformer.js';

export const ORDINAL_PARAMS = defineParams({
  handle_unknown: { type: 'enum', default: 'nan', values: ['nan', 'minus_one', 'error'], doc: 'categories unseen in training: NaN, -1, or a data.unknown_category error' },
});

type OrdinalState = { columns: { name: string; categories: string[] }[] };

/**
 * The `ordinal` estimator (parameters: {@link ORDINAL_PARAMS}).
 *
 * @example
 * new Ordinal({ handle_unknown: 'minus_one' });
 */
export const Ordinal = defineTransformer({
  name: 'ordinal',
  params: ORDINAL_PARAMS,
  fit(frame): OrdinalState {
    const columns: OrdinalState['columns'] = [];
    for (const c of frame.columns) if (c.kind === 'categorical') columns.push({ name: c.name, categories: categoryCounts(c).categories });
    return { columns };
  },
  transform(frame, s, p) {
    const byName = new Map(s.columns.map((c) => [c.name, c]));
    const unknown = p.handle_unknown === 'minus_one' ? -1 : NaN;
    return mapColumns(frame, (c) => {
      const spec = byName.get(c.name);
      if (!spec || c.kind !== 'categorical') return undefined;
      const idx = codesFor(c, spec.categories);
      const out = new Float64Array(idx.length);
      for (let i = 0; i < out.length; i++) {
        const j = idx[i]!;
        if (j === -2 && p.handle_unknown === 'error') {
          throw new SpecmlError('data.unknown_category', `column '${c.name}' has category '${c.levels[c.codes[i]!]!}' (row ${i + 1}), which ordinal did not see in training`, {
            hint: "Set ordinal handle_unknown to 'nan' or 'minus_one', or clean the column.",
          });
        }
        out[i] = j >= 0 ? j : j === -1 ? NaN : unknown;
      }
      return [numericColumn(c.name, out, true)];
    });
  },
});
