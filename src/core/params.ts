/**
 * Parameter tables (STYLE.md §2): one table per estimator or component gives defaults,
 * validation with clear messages, documentation, spec/CLI keys and — later — the tuning search
 * space. A parameter's range is written once, here.
 *
 * @example
 * const table = defineParams({
 *   folds: { type: 'int', default: 5, min: 2, max: 100, doc: 'number of CV folds' },
 * });
 * const p = resolveParams(table, { folds: 10 }, 'split'); // { folds: 10 }
 */
import { SpecmlError } from './errors.js';
import { closest } from './suggest.js';

/**
 * The tuning range of a numeric parameter (STYLE.md §2: the table also gives the search space).
 * Narrower than what is valid: the region where good values live, with `log` from the spec.
 */
export type NumericSearch = { low: number; high: number };

export type ParamSpec =
  | { type: 'int'; default: number; min?: number; max?: number; log?: boolean; search?: NumericSearch; doc: string }
  | { type: 'float'; default: number; min?: number; max?: number; log?: boolean; exclusiveMin?: boolean; search?: NumericSearch; doc: string }
  | { type: 'bool'; default: boolean; search?: true; doc: string }
  | { type: 'enum'; default: string; values: readonly string[]; search?: readonly string[]; doc: string }
  | { type: 'string'; default: string; doc: string };

export type ParamTable = Record<string, ParamSpec>;

type ValueOf<S extends ParamSpec> = S extends { type: 'int' | 'float' } ? number : S extends { type: 'bool' } ? boolean : string;
export type ParamsOf<T extends ParamTable> = { readonly [K in keyof T]: ValueOf<T[K]> };

export function defineParams<T extends ParamTable>(table: T): T {
  return table;
}

/** The defaults of a table as a frozen object. */
export function defaultParams<T extends ParamTable>(table: T): ParamsOf<T> {
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(table)) out[k] = s.default;
  return Object.freeze(out) as ParamsOf<T>;
}

/**
 * Merges `given` over the defaults and validates every value; unknown keys are errors that name
 * the closest known key. `owner` prefixes field paths in messages (e.g. `models.gbdt`).
 */
export function resolveParams<T extends ParamTable>(table: T, given: Record<string, unknown>, owner: string): ParamsOf<T> {
  const out: Record<string, unknown> = { ...defaultParams(table) };
  for (const [key, value] of Object.entries(given)) {
    const spec = table[key];
    const path = `${owner}.${key}`;
    if (!spec) {
      const near = closest(key, Object.keys(table));
      throw new SpecmlError('usage.unknown_param', `${path}: unknown parameter '${key}'`, {
        hint: near ? `Did you mean '${near}'? Known: ${Object.keys(table).join(', ')}` : `Known: ${Object.keys(table).join(', ')}`,
        location: { path },
      });
    }
    out[key] = checkValue(spec, value, path);
  }
  return Object.freeze(out) as ParamsOf<T>;
}

function checkValue(spec: ParamSpec, value: unknown, path: string): unknown {
  const fail = (why: string): never => {
    throw new SpecmlError('usage.bad_param', `${path}: ${why} (got ${JSON.stringify(value)})`, { hint: spec.doc, location: { path } });
  };
  switch (spec.type) {
    case 'int':
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`expected a ${spec.type === 'int' ? 'whole number' : 'number'}`);
      if (spec.type === 'int' && !Number.isInteger(value)) return fail('expected a whole number');
      if (spec.min !== undefined && (value < spec.min || ('exclusiveMin' in spec && spec.exclusiveMin && value === spec.min)))
        return fail(`must be ${'exclusiveMin' in spec && spec.exclusiveMin ? '>' : '>='} ${spec.min}`);
      if (spec.max !== undefined && value > spec.max) return fail(`must be <= ${spec.max}`);
      return value;
    }
    case 'bool':
      return typeof value === 'boolean' ? value : fail('expected true or false');
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? value : fail(`expected one of ${spec.values.join(', ')}`);
    case 'string':
      return typeof value === 'string' ? value : fail('expected a string');
  }
}
