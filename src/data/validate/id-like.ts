/**
 * Row identifiers posing as features.
 */
import type { Column } from '../../core/frame.js';
import type { Issue } from '../../core/issue.js';
import { valueCounts } from '../profile/value-counts.js';
import { topValue } from './stats.js';
import type { Check } from './types.js';

/**
 * Fewest present values before "all distinct" counts as evidence: in a handful of rows almost any
 * column with many possible values is all distinct by chance.
 */
export const ID_MIN_ROWS = 20;

/**
 * Names that announce a key: `id`, `*_id`, `Id`, `userId`, `key`, `uuid`, `guid`. Matched on word or
 * camelCase boundaries so `paid` or `valid` do not match.
 */
const ID_NAME = /(^|[_\s.-])(id|key|uuid|guid)$|^(id|uuid|guid)([_\s.-]|$)|[a-z](Id|ID|Key|Uuid)$/;

/**
 * Why a column looks like a row identifier, or undefined when it does not. Rules:
 * - categorical: every present value distinct (≥ {@link ID_MIN_ROWS} values);
 * - integer numeric: every value distinct and either dense (range ≤ 2 × count, like row numbers:
 *   m distinct draws from 2m values without a repeat happen with probability ≈ e^(−m/4) by chance,
 *   0.7% at m = 20) or named like a key; sparse all-distinct integers such as incomes are kept;
 * - text: every value distinct and none contains whitespace (keys, emails, hashes; prose has spaces).
 *
 * @example
 * idLikeReason(numericColumn('row', Float64Array.from({ length: 50 }, (_, i) => i + 1))); // 'all 50 values are distinct integers …'
 */
export function idLikeReason(c: Column): string | undefined {
  switch (c.kind) {
    case 'categorical': {
      const t = topValue(c);
      if (t.nPresent >= ID_MIN_ROWS && t.distinct === t.nPresent) return `all ${t.nPresent} values are distinct strings`;
      return undefined;
    }
    case 'numeric': {
      if (!c.integer) return undefined;
      const vc = valueCounts(c.values);
      const m = vc.nPresent;
      if (m < ID_MIN_ROWS || vc.uniq.length !== m) return undefined;
      const range = vc.uniq[m - 1]! - vc.uniq[0]! + 1;
      if (range <= 2 * m) return `all ${m} values are distinct integers spanning ${vc.uniq[0]}..${vc.uniq[m - 1]} (like row numbers)`;
      if (ID_NAME.test(c.name)) return `all ${m} values are distinct integers and the name looks like a key`;
      return undefined;
    }
    case 'text': {
      const t = topValue(c);
      if (t.nPresent < ID_MIN_ROWS || t.distinct !== t.nPresent) return undefined;
      for (const v of c.values) if (v !== null && /\s/.test(v)) return undefined;
      return `all ${t.nPresent} values are distinct single tokens`;
    }
    default:
      return undefined;
  }
}

/**
 * `id_like_column`: a non-target column the schema marks `idLike`, or one {@link idLikeReason}
 * recognises. Warning: a key memorises rows, so it fits the training data and generalises to nothing.
 *
 * @example
 * idLikeColumn.run(ctx);
 * // [{ code: 'id_like_column', path: 'Order', severity: 'warning', message: "Order looks like a row identifier: …" }]
 */
export const idLikeColumn: Check = {
  name: 'id_like_column',
  description: 'Columns that look like row identifiers rather than features.',
  run(ctx) {
    const issues: Issue[] = [];
    const schemaOf = new Map(ctx.schema.columns.map((s) => [s.name, s]));
    for (const c of ctx.frame.columns) {
      if (c.name === ctx.target) continue;
      const s = schemaOf.get(c.name);
      const reason = s?.idLike ? (s.reason ?? 'the schema marks it as an identifier') : idLikeReason(c);
      if (reason === undefined) continue;
      issues.push({
        code: 'id_like_column',
        path: c.name,
        severity: 'warning',
        message: `${c.name} looks like a row identifier: ${reason}`,
        hint: `Exclude '${c.name}' from the features (keep it to join predictions back to rows).`,
        details: { reason, fromSchema: s?.idLike === true },
      });
    }
    return issues;
  },
};
