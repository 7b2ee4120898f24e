/**
 * Validates a spec value (as parsed from YAML or assembled from a PRP) against the schema and
 * reports every problem at once, each located in the source file.
 *
 * @example
 * const src = readYaml(text, 'specml.yaml');
 * const spec = validateSpec(src.doc.toJS(), { file: 'specml.yaml', locator: new SpecLocator([src]) });
 */
import type { Issue } from '../core/issue.js';
import { SpecError } from './errors.js';
import { specIssue, toSpecIssues } from './issues.js';
import type { SpecLocator } from './locate.js';
import { specSchema } from './schema.js';
import type { Spec } from './types.js';

/**
 * Where a spec value came from, for locating its problems.
 *
 * @example
 * const opts: ValidateOptions = { file: 'specml.yaml', locator: new SpecLocator([readYaml(text, 'specml.yaml')]) };
 */
export interface ValidateOptions {
  file: string;
  locator: SpecLocator;
  /** Problems found before schema validation (e.g. bad PRP gate bullets); reported with the rest. */
  extraIssues?: readonly Issue[];
  /** Drops schema issues another check already explains better. */
  suppress?: (issue: Issue) => boolean;
}

/**
 * Returns the spec with defaults filled in, or throws one `SpecError` (code `spec.invalid`)
 * listing every issue.
 *
 * @example
 * validateSpec({ data: { train: 'a.csv', target: 'y' } }, opts).split.folds; // 5
 */
export function validateSpec(raw: unknown, opts: ValidateOptions): Spec {
  const extra = opts.extraIssues ?? [];
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    const got = raw === null || raw === undefined ? 'an empty document' : Array.isArray(raw) ? 'a list' : `'${String(raw)}'`;
    const issue = specIssue(opts.file, opts.locator.at([]), '(spec)', 'spec.invalid_type', `expected a mapping with at least data: { train, target }, got ${got}`, 'Start from `specml init --data FILE --target COL`, or write:\n  data:\n    train: data/train.csv\n    target: <column>');
    throw new SpecError(opts.file, [...extra, issue]);
  }
  const result = specSchema.safeParse(raw, { reportInput: true });
  if (result.success && extra.length === 0) return result.data;
  let issues = result.success ? [] : toSpecIssues(result.error.issues, opts);
  if (opts.suppress) issues = issues.filter((i) => !opts.suppress!(i));
  const all = [...extra, ...issues].sort((a, b) => line(a) - line(b) || col(a) - col(b));
  throw new SpecError(opts.file, all);
}

const line = (i: Issue): number => (i.details?.line as number | undefined) ?? 0;
const col = (i: Issue): number => (i.details?.col as number | undefined) ?? 0;
