/**
 * The data profile: per-column statistics and each feature's association with the target.
 * Cost: one sort per numeric column (O(n log n)) and one pass per column for the association.
 *
 * @example
 * const profile = profileFrame(frame, schema, { target: 'Status', classification: true });
 * profile.columns.find((c) => c.name === 'Income')?.numeric?.mean;
 */
import type { Column, Frame } from '../../core/frame.js';
import { BOOL_MISSING } from '../../core/frame.js';
import type { Schema } from '../schema/types.js';
import { countTokens } from '../schema/detect.js';
import { associate, targetCodesOf } from './association.js';
import { histogram, numericStats } from './stats.js';
import { valueCounts, type ValueCounts } from './value-counts.js';
import type { CategoricalStats, ColumnProfile, Profile } from './types.js';

export interface ProfileOptions {
  target?: string;
  /** Whether the target is a class label (association uses mutual information then). */
  classification?: boolean;
  /** Rows the frame was sampled from, when it was (for the report). */
  totalRows?: number;
}

export function profileFrame(frame: Frame, schema: Schema, opts: ProfileOptions = {}): Profile {
  const target = opts.target !== undefined ? frame.get(opts.target) : undefined;
  const bySchema = new Map(schema.columns.map((c) => [c.name, c]));
  const classification = opts.classification ?? (target !== undefined && target.kind !== 'numeric');
  const targetCodes = target && classification ? targetCodesOf(target) : undefined;
  let missingCells = 0;
  const columns = frame.columns.map((c): ColumnProfile => {
    const s = bySchema.get(c.name);
    // One memoised summary per numeric column, shared with the checks: the sort is the main cost.
    const vc = c.kind === 'numeric' || c.kind === 'datetime' ? valueCounts(c.values) : undefined;
    const p = profileColumn(c, vc);
    missingCells += p.missing;
    const out: ColumnProfile = { name: c.name, type: s?.type ?? 'categorical', idLike: s?.idLike ?? false, ...p };
    if (target && c !== target && !out.idLike) {
      const a = associate(c, target, classification, vc, targetCodes);
      if (a) out.association = a;
    }
    return out;
  });
  const profile: Profile = { rows: opts.totalRows ?? frame.nRows, columns, missingCells, sampledRows: frame.nRows };
  if (opts.target !== undefined) profile.target = opts.target;
  return profile;
}

type Stats = Omit<ColumnProfile, 'name' | 'type' | 'idLike'>;

function profileColumn(c: Column, vc: ValueCounts | undefined): Stats {
  switch (c.kind) {
    case 'numeric': {
      const v = vc!;
      const numeric = numericStats(v, c.integer);
      const base: Stats = { count: v.nPresent, missing: v.nMissing, distinct: v.uniq.length };
      return numeric ? { ...base, numeric } : base;
    }
    case 'datetime': {
      const v = vc!;
      const base: Stats = { count: v.nPresent, missing: v.nMissing, distinct: v.uniq.length };
      if (!v.nPresent) return base;
      return {
        ...base,
        datetime: { min: new Date(v.uniq[0]!).toISOString(), max: new Date(v.uniq[v.uniq.length - 1]!).toISOString(), histogram: histogram(v, 30) },
      };
    }
    case 'categorical': {
      const counts = new Array<number>(c.levels.length).fill(0);
      let missing = 0;
      for (const code of c.codes) {
        if (code < 0) missing++;
        else counts[code]!++;
      }
      return { count: c.codes.length - missing, missing, distinct: counts.filter((x) => x > 0).length, categorical: topCounts(c.levels, counts) };
    }
    case 'boolean': {
      const counts = [0, 0];
      let missing = 0;
      for (const v of c.values) {
        if (v === BOOL_MISSING) missing++;
        else counts[v]!++;
      }
      return { count: c.values.length - missing, missing, distinct: counts.filter((x) => x > 0).length, categorical: topCounts(['false', 'true'], counts) };
    }
    case 'text': {
      let missing = 0;
      let chars = 0;
      let tokens = 0;
      let maxLength = 0;
      const distinct = new Set<string>();
      for (const v of c.values) {
        if (v === null) {
          missing++;
          continue;
        }
        distinct.add(v);
        chars += v.length;
        tokens += countTokens(v);
        if (v.length > maxLength) maxLength = v.length;
      }
      const n = c.values.length - missing;
      return { count: n, missing, distinct: distinct.size, text: { meanLength: n ? chars / n : 0, maxLength, meanTokens: n ? tokens / n : 0 } };
    }
  }
}



function topCounts(levels: readonly string[], counts: readonly number[]): CategoricalStats {
  const order = counts.map((_, k) => k).filter((k) => counts[k]! > 0);
  order.sort((a, b) => counts[b]! - counts[a]! || (levels[a]! < levels[b]! ? -1 : 1));
  const top = order.slice(0, 20).map((k) => ({ value: levels[k]!, count: counts[k]! }));
  const listed = top.reduce((s, t) => s + t.count, 0);
  const total = counts.reduce((s, x) => s + x, 0);
  return { top, otherCount: total - listed };
}
