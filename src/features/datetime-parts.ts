/**
 * `datetime_parts`: each datetime column becomes numeric calendar parts in UTC, named
 * `<col>__year`, `__month` (1-12), `__day` (1-31), `__weekday` (Monday 0 .. Sunday 6, as pandas),
 * `__hour` (0-23) and `__day_of_year` (1-366). Other kinds pass through; missing stays NaN.
 *
 * `cyclic` adds `<part>_sin` / `<part>_cos` for the periodic parts (month over 12, weekday over 7,
 * hour over 24, day of year over 365.25) so December sits next to January for distance-based and
 * linear models; trees do not need it, hence off by default (it doubles those columns).
 *
 * @example
 * const model = await new DatetimeParts({ hour: false, cyclic: true }).fit(frame, undefined, { rng: new Rng(1) });
 * model.transform(frame).names; // ['when__year', 'when__month', 'when__month_sin', 'when__month_cos', ...]
 */
import { numericColumn, type Column } from '../core/frame.js';
import { defineParams } from '../core/params.js';
import { defineTransformer, mapColumns } from './transformer.js';
import { sin, cos } from '../core/math.js';

export const DATETIME_PARTS_PARAMS = defineParams({
  year: { type: 'bool', default: true, doc: 'emit <col>__year' },
  month: { type: 'bool', default: true, doc: 'emit <col>__month (1-12)' },
  day: { type: 'bool', default: true, doc: 'emit <col>__day (day of month, 1-31)' },
  weekday: { type: 'bool', default: true, doc: 'emit <col>__weekday (Monday 0 .. Sunday 6)' },
  hour: { type: 'bool', default: true, doc: 'emit <col>__hour (0-23, UTC)' },
  day_of_year: { type: 'bool', default: true, doc: 'emit <col>__day_of_year (1-366)' },
  cyclic: { type: 'bool', default: false, doc: 'also emit sin/cos of the periodic parts (month, weekday, hour, day_of_year)' },
});

type PartName = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'day_of_year';
const DAY_MS = 86_400_000;

/** Each part: how to read it from a UTC Date, and its period (0: not periodic). */
const PARTS: readonly { name: PartName; get: (d: Date) => number; period: number; offset: number }[] = [
  { name: 'year', get: (d) => d.getUTCFullYear(), period: 0, offset: 0 },
  { name: 'month', get: (d) => d.getUTCMonth() + 1, period: 12, offset: 1 },
  { name: 'day', get: (d) => d.getUTCDate(), period: 0, offset: 0 },
  { name: 'weekday', get: (d) => (d.getUTCDay() + 6) % 7, period: 7, offset: 0 },
  { name: 'hour', get: (d) => d.getUTCHours(), period: 24, offset: 0 },
  { name: 'day_of_year', get: (d) => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1, period: 365.25, offset: 1 },
];

type DatetimePartsState = { columns: string[] };

/**
 * The `datetime_parts` estimator (parameters: {@link DATETIME_PARTS_PARAMS}).
 *
 * @example
 * new DatetimeParts({ cyclic: true });
 */
export const DatetimeParts = defineTransformer({
  name: 'datetime_parts',
  params: DATETIME_PARTS_PARAMS,
  fit(frame): DatetimePartsState {
    return { columns: frame.columns.filter((c) => c.kind === 'datetime').map((c) => c.name) };
  },
  transform(frame, s, p) {
    const names = new Set(s.columns);
    const parts = PARTS.filter((part) => p[part.name]);
    return mapColumns(frame, (c) => {
      if (!names.has(c.name) || c.kind !== 'datetime') return undefined;
      const n = c.values.length;
      const out: Column[] = [];
      for (const part of parts) {
        const v = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const t = c.values[i]!;
          v[i] = t === t ? part.get(new Date(t)) : NaN;
        }
        out.push(numericColumn(`${c.name}__${part.name}`, v, true));
        if (p.cyclic && part.period > 0) {
          const w = (2 * Math.PI) / part.period;
          out.push(numericColumn(`${c.name}__${part.name}_sin`, v.map((x) => sin(w * (x - part.offset)))));
          out.push(numericColumn(`${c.name}__${part.name}_cos`, v.map((x) => cos(w * (x - part.offset)))));
        }
      }
      return out;
    });
  },
});
