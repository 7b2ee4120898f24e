/**
 * A finding about data, a schema or a spec: expected failures are data, not exceptions
 * (STYLE.md §15). Checks return `Issue[]`; callers decide whether an `error` stops the run.
 *
 * @example
 * const issue: Issue = { code: 'constant_column', path: 'Utilities', severity: 'warning',
 *   message: 'Utilities has one value in 99.9% of rows', hint: 'Drop it.' };
 */
export interface Issue {
  /** Stable snake_case name of the check that found it, e.g. `target_leakage`. */
  code: string;
  /** What it is about: a column name, a field path like `split.folds`, or `rows`. */
  path: string;
  message: string;
  severity: Severity;
  /** What to do about it. */
  hint?: string;
  /** Measured numbers behind the finding (ratios, counts), for reports and JSON output. */
  details?: Record<string, unknown>;
}

export type Severity = 'error' | 'warning' | 'info';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts issues most severe first, then by path, so output is stable. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.path.localeCompare(b.path) || a.code.localeCompare(b.code));
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
