/**
 * Search spaces from parameter tables (STYLE.md §2: a parameter's range is written once, in its
 * table): every entry with a `search` field becomes a distribution — numeric entries keep the
 * table's `log` flag and integer type, booleans become [false, true], enums their listed values.
 * Parameters without `search` are not tuned (they keep their defaults or the caller's values).
 *
 * @example
 * searchSpace(GBDT_PARAMS); // { learning_rate: { kind: 'float', low: 0.01, high: 0.3, log: true }, ... }
 */
import { SpecmlError } from '../core/errors.js';
import type { ParamTable } from '../core/params.js';
import type { Distribution, ParamValue, SearchSpace } from './types.js';

export function searchSpace(table: ParamTable, only?: readonly string[]): SearchSpace {
  const out: Record<string, Distribution> = {};
  for (const [name, spec] of Object.entries(table)) {
    if (only && !only.includes(name)) continue;
    if (!('search' in spec) || spec.search === undefined) continue;
    if (spec.type === 'int' || spec.type === 'float') {
      const { low, high } = spec.search;
      out[name] = { kind: spec.type, low, high, ...(spec.log ? { log: true } : {}) };
    } else if (spec.type === 'bool') out[name] = { kind: 'categorical', choices: [false, true] };
    else if (spec.type === 'enum') out[name] = { kind: 'categorical', choices: [...(spec.search as readonly string[])] };
  }
  for (const [name, d] of Object.entries(out)) checkDistribution(name, d);
  return Object.freeze(out);
}

/** A distribution that can be sampled: finite bounds, low <= high, positive low on a log scale. */
export function checkDistribution(name: string, d: Distribution): void {
  const bad = (why: string): never => {
    throw new SpecmlError('usage.bad_distribution', `search space '${name}': ${why}`, { hint: 'Fix the search range in the parameter table (low <= high, log ranges above 0).' });
  };
  if (d.kind === 'categorical') {
    if (d.choices.length === 0) bad('no choices');
    return;
  }
  if (!Number.isFinite(d.low) || !Number.isFinite(d.high) || d.low > d.high) bad(`low ${d.low} and high ${d.high} do not make a range`);
  if (d.log && d.low <= 0) bad(`a log range needs low > 0, got ${d.low}`);
  if (d.kind === 'int' && (!Number.isInteger(d.low) || !Number.isInteger(d.high))) bad('int bounds must be whole numbers');
  if (d.step !== undefined && (!(d.step > 0) || d.log)) bad('step must be > 0 and cannot be combined with log');
}

/**
 * Whether `v` is a value `d` can produce (rule 3 of types.ts).
 *
 * @example
 * contains({ kind: 'int', low: 1, high: 5 }, 3); // true
 */
export function contains(d: Distribution, v: ParamValue): boolean {
  if (d.kind === 'categorical') return d.choices.includes(v);
  if (typeof v !== 'number' || !(v >= d.low && v <= d.high)) return false;
  if (d.kind === 'int' && !Number.isInteger(v)) return false;
  if (d.step !== undefined) {
    const k = (v - d.low) / d.step;
    return Math.abs(k - Math.round(k)) < 1e-9;
  }
  return true;
}

/**
 * Snaps a number onto a numeric distribution: clipped to [low, high], rounded to its step grid or
 * to an integer.
 *
 * @example
 * snap({ kind: 'int', low: 1, high: 10 }, 3.7); // 4
 */
export function snap(d: Extract<Distribution, { kind: 'int' | 'float' }>, x: number): number {
  let v = Math.min(d.high, Math.max(d.low, x));
  // On a step grid the top point is the last grid point, which may sit below `high`.
  if (d.step !== undefined) v = d.low + Math.min(Math.floor((d.high - d.low) / d.step + 1e-9), Math.round((v - d.low) / d.step)) * d.step;
  if (d.kind === 'int') v = Math.min(d.high, Math.max(d.low, Math.round(v)));
  return v;
}
