/**
 * Sensitive groups: which group each row belongs to, built from one Frame column.
 *
 * - categorical: one group per level, in the frame's level order (levels with no rows are kept,
 *   with count 0, so a report says "no rows" rather than dropping the group).
 * - boolean: groups `false` and `true`.
 * - numeric with `bands: [b0, …, bk]` (strictly increasing, finite): groups `<b0`, `b0-b1`, …,
 *   `b(k-1)-bk`, `>=bk`. Every band is closed on the left and open on the right, so a value equal
 *   to a cut point goes to the band that starts there: with bands [25, 35, 50], 25 is in `25-35`,
 *   35 in `35-50`, 50 in `>=50` (pandas `cut(x, [-inf, 25, 35, 50, inf], right=False)`).
 *   Empty bands are kept with count 0.
 * - numeric without bands: one group per distinct value (ascending) when there are at most
 *   {@link MAX_UNBANDED_GROUPS}, e.g. a 0/1-coded attribute; more than that is a continuous
 *   attribute and needs bands.
 * - text: one group per distinct string (sorted), under the same cap.
 * - missing values (NaN, code −1, 255, null) form their own group {@link MISSING_GROUP}, listed
 *   last. pandas' groupby (which fairlearn's MetricFrame builds on) drops NaN keys by default;
 *   here those rows stay visible instead of silently vanishing from every rate.
 *
 * @example
 * const g = sensitiveGroups(frame, { column: 'Age', bands: [30, 40, 50] });
 * g.labels; // ['<30', '30-40', '40-50', '>=50']
 * g.codes;  // Int32Array[n], each row's index into labels
 */
import { SpecmlError } from '../core/errors.js';
import type { Column, Frame } from '../core/frame.js';
import { isMissing } from '../core/frame.js';

/** Label of the group of rows whose sensitive value is missing. */
export const MISSING_GROUP = '(missing)';

/**
 * Most distinct values an unbanded numeric or text attribute may have. Beyond ~20 groups most
 * would fall under the default minGroupSize of 30 on typical evaluation sets, and the attribute is
 * almost surely continuous (age, income) and should be banded.
 */
export const MAX_UNBANDED_GROUPS = 20;

/** One sensitive attribute of a fairness report. */
export interface SensitiveAttribute {
  /** Frame column holding the attribute. */
  column: string;
  /** Cut points for a numeric column, strictly increasing (see the module comment for the labels). */
  bands?: readonly number[];
  /** Name used in results and intersection labels (default: the column name). */
  name?: string;
}

/**
 * Every row's group. `codes: Int32Array[n]` indexes `labels`; each row is in exactly one group
 * (missing values included), so group counts sum to n.
 */
export interface Grouping {
  /** 'Age', or 'Age × Marital' for an intersection. */
  attribute: string;
  /** The frame columns the groups come from. */
  columns: string[];
  labels: string[];
  codes: Int32Array;
}

/**
 * Groups for one attribute of `frame`; throws `data.missing_column` (naming the available
 * columns), `usage.bad_param` for bad bands, `data.too_many_groups` for an unbanded continuous
 * attribute.
 *
 * @example
 * sensitiveGroups(frame, { column: 'Marital' }).labels; // ['divorced', 'married', …, 'widow', '(missing)']
 */
export function sensitiveGroups(frame: Frame, attr: SensitiveAttribute): Grouping {
  const col = frame.get(attr.column);
  if (!col) {
    throw new SpecmlError('data.missing_column', `sensitive column '${attr.column}' is not in the data`, {
      hint: `Available columns: ${frame.names.join(', ')}. Fix the name in fairness.sensitive (names are case-sensitive).`,
      location: { path: 'fairness.sensitive' },
    });
  }
  const name = attr.name ?? attr.column;
  if (attr.bands !== undefined && col.kind !== 'numeric') {
    throw new SpecmlError('usage.bad_param', `bands were given for '${attr.column}', a ${col.kind} column; bands apply only to numeric columns`, {
      hint: 'Drop bands for this attribute: its levels are used as groups.',
      location: { path: `fairness.${attr.column}.bands` },
    });
  }
  const n = frame.nRows;
  let labels: string[];
  let codes: Int32Array;
  switch (col.kind) {
    case 'numeric':
      ({ labels, codes } = attr.bands !== undefined ? banded(col.values, checkBands(attr.column, attr.bands)) : distinctNumbers(attr.column, col.values));
      break;
    case 'categorical':
      labels = [...col.levels];
      codes = Int32Array.from(col.codes);
      break;
    case 'boolean':
      labels = ['false', 'true'];
      codes = new Int32Array(n);
      for (let i = 0; i < n; i++) codes[i] = isMissing(col, i) ? -1 : col.values[i]!;
      break;
    case 'text':
      ({ labels, codes } = distinctStrings(attr.column, col.values));
      break;
    case 'datetime':
      throw new SpecmlError('usage.bad_param', `sensitive column '${attr.column}' holds dates; dates cannot be used as groups directly`, {
        hint: 'Derive a numeric column (e.g. the year) and band it, or a categorical period column.',
        location: { path: 'fairness.sensitive' },
      });
  }
  return withMissingGroup(name, col, labels, codes);
}

/** Gives rows with code −1 the group MISSING_GROUP (appended) when there are any. */
function withMissingGroup(name: string, col: Column, labels: string[], codes: Int32Array): Grouping {
  if (labels.includes(MISSING_GROUP)) {
    throw new SpecmlError('data.ambiguous_group', `column '${col.name}' has a value '${MISSING_GROUP}', the label reserved for missing values`, {
      hint: 'Rename that value (or mark those cells empty if they mean missing).',
    });
  }
  const missing = labels.length;
  let any = false;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i]! < 0) {
      codes[i] = missing;
      any = true;
    }
  }
  return { attribute: name, columns: [col.name], labels: any ? [...labels, MISSING_GROUP] : labels, codes };
}

/** Validates cut points: at least one, finite, strictly increasing. */
function checkBands(column: string, bands: readonly number[]): readonly number[] {
  const path = `fairness.${column}.bands`;
  if (bands.length === 0) throw new SpecmlError('usage.bad_param', `bands for '${column}' are empty`, { hint: 'Give at least one cut point, e.g. bands: [25, 35, 50].', location: { path } });
  for (let j = 0; j < bands.length; j++) {
    const b = bands[j]!;
    if (!Number.isFinite(b)) throw new SpecmlError('usage.bad_param', `bands for '${column}': ${b} is not a finite number`, { hint: 'The outer bands are open (<first, >=last); give only the inner cut points.', location: { path } });
    if (j > 0 && !(b > bands[j - 1]!)) {
      throw new SpecmlError('usage.bad_param', `bands for '${column}' must be strictly increasing: ${bands[j - 1]} is followed by ${b}`, {
        hint: `Sort the cut points and drop repeats, e.g. bands: [${[...new Set(bands)].sort((a, b2) => a - b2).join(', ')}].`,
        location: { path },
      });
    }
  }
  return bands;
}

/** Band index by binary search (O(log k) per row): the number of cut points ≤ v. */
function banded(values: Float64Array, bands: readonly number[]): { labels: string[]; codes: Int32Array } {
  const k = bands.length;
  const labels = [`<${bands[0]}`];
  for (let j = 1; j < k; j++) labels.push(`${bands[j - 1]}-${bands[j]}`);
  labels.push(`>=${bands[k - 1]}`);
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) {
      codes[i] = -1;
      continue;
    }
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bands[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    codes[i] = lo;
  }
  return { labels, codes };
}

function tooMany(column: string, what: string): SpecmlError {
  return new SpecmlError('data.too_many_groups', `sensitive column '${column}' has more than ${MAX_UNBANDED_GROUPS} distinct ${what}; as groups most would be too small to compare`, {
    hint: `Give bands for a numeric attribute (e.g. { column: '${column}', bands: [25, 35, 50] }) or map the values to fewer categories first.`,
  });
}

function distinctNumbers(column: string, values: Float64Array): { labels: string[]; codes: Int32Array } {
  const seen = new Set<number>();
  for (const v of values) {
    if (v === v) seen.add(v);
    if (seen.size > MAX_UNBANDED_GROUPS) throw tooMany(column, 'values');
  }
  const sorted = [...seen].sort((a, b) => a - b);
  const index = new Map(sorted.map((v, j) => [v, j]));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) codes[i] = values[i]! === values[i]! ? index.get(values[i]!)! : -1;
  return { labels: sorted.map(String), codes };
}

function distinctStrings(column: string, values: readonly (string | null)[]): { labels: string[]; codes: Int32Array } {
  const seen = new Set<string>();
  for (const v of values) {
    if (v !== null) seen.add(v);
    if (seen.size > MAX_UNBANDED_GROUPS) throw tooMany(column, 'strings');
  }
  // Code-unit order, not localeCompare: the same on every machine.
  const sorted = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(sorted.map((v, j) => [v, j]));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) codes[i] = values[i] === null ? -1 : index.get(values[i]!)!;
  return { labels: sorted, codes };
}

/**
 * A grouping from one label per row (`labels: string[n]`); groups are the distinct labels in
 * code-unit order, so the result does not depend on row order.
 *
 * @example
 * groupingFromLabels(['b', 'a', 'b']); // { labels: ['a', 'b'], codes: Int32Array [1, 0, 1], … }
 */
export function groupingFromLabels(rowLabels: readonly string[], attribute = 'group'): Grouping {
  const labels = [...new Set(rowLabels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(labels.map((l, j) => [l, j]));
  return { attribute, columns: [], labels, codes: Int32Array.from(rowLabels, (l) => index.get(l)!) };
}
