/**
 * The groupings a report covers: one per sensitive attribute, then the requested intersections.
 *
 * @example
 * resolveGroupings(frame, [{ column: 'Age', bands: [30, 40, 50] }, { column: 'Marital' }], true)
 *   .map((g) => g.attribute); // ['Age', 'Marital', 'Age × Marital']
 */
import { SpecmlError } from '../../core/errors.js';
import type { Frame } from '../../core/frame.js';
import { type Grouping, type SensitiveAttribute, sensitiveGroups } from '../../data/groups.js';
import { intersectGroups } from './intersect.js';

/**
 * `true`: the intersection of all attributes (when there are two or more); a list: one
 * intersection per entry, each naming two or more attributes (by `name`, default the column).
 */
export type IntersectionOption = boolean | readonly (readonly string[])[];

/**
 * Groupings for each attribute and each requested intersection, in that order.
 *
 * @example
 * resolveGroupings(frame, [{ column: 'Marital' }], false).length; // 1
 */
export function resolveGroupings(frame: Frame, attributes: readonly SensitiveAttribute[], intersections: IntersectionOption = false): Grouping[] {
  if (attributes.length === 0) {
    throw new SpecmlError('usage.bad_param', 'no sensitive attributes given', { hint: 'Name at least one column, e.g. [{ column: "Age", bands: [30, 40, 50] }].', location: { path: 'fairness.sensitive' } });
  }
  const singles = attributes.map((a) => sensitiveGroups(frame, a));
  const byName = new Map<string, Grouping>();
  for (const g of singles) {
    if (byName.has(g.attribute)) {
      throw new SpecmlError('usage.bad_param', `sensitive attribute '${g.attribute}' is listed twice`, { hint: 'Give each attribute once; use `name` to tell two bandings of one column apart.', location: { path: 'fairness.sensitive' } });
    }
    byName.set(g.attribute, g);
  }
  const out = [...singles];
  if (intersections === true) {
    if (singles.length >= 2) out.push(intersectGroups(singles));
  } else if (intersections !== false) {
    for (const names of intersections) {
      if (names.length < 2) throw new SpecmlError('usage.bad_param', `an intersection needs at least two attributes, got [${names.join(', ')}]`, { hint: 'e.g. intersections: [["Age", "Marital"]].', location: { path: 'fairness.intersections' } });
      const parts = names.map((name) => {
        const g = byName.get(name);
        if (!g) throw new SpecmlError('usage.bad_param', `intersection names '${name}', which is not one of the sensitive attributes`, { hint: `Attributes: ${[...byName.keys()].join(', ')}.`, location: { path: 'fairness.intersections' } });
        return g;
      });
      out.push(intersectGroups(parts));
    }
  }
  return out;
}
