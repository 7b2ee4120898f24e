/**
 * One error base for everything specml reports to a person (STYLE.md §15).
 *
 * `code` is stable and machine-readable (it maps to a CLI exit code and an HTTP status through
 * {@link exitCodeFor}); `message` says what was wrong and where (file, line, column, field);
 * `hint` says what to do about it.
 *
 * @example
 * throw new SpecmlError('csv.ragged_row', 'data.csv:12: expected 5 fields, found 4', {
 *   hint: 'Check for a missing delimiter or an unquoted field on that line.',
 * });
 */
export class SpecmlError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  /** Where the problem is: a file path with line/column, or a field path. */
  readonly location: Location | undefined;

  constructor(code: string, message: string, options: { hint?: string; cause?: unknown; location?: Location } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SpecmlError';
    this.code = code;
    this.hint = options.hint;
    this.location = options.location;
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, hint: this.hint, location: this.location };
  }
}

/** A place in an input: a file and optionally a 1-based line and column, or a field path. */
export interface Location {
  file?: string;
  line?: number;
  column?: number;
  /** Field path inside a structured document, e.g. `split.folds` or `gates[2]`. */
  path?: string;
}

/** Formats a location as `file:line:col` (or the parts that are known). */
export function formatLocation(loc: Location): string {
  let out = loc.file ?? '';
  if (loc.line !== undefined) out += `${out ? ':' : 'line '}${loc.line}`;
  if (loc.column !== undefined) out += `:${loc.column}`;
  if (loc.path !== undefined) out += `${out ? ' ' : ''}(${loc.path})`;
  return out;
}

/** Error-code families whose failures are the user's input, not our bug. */
const INPUT_FAMILIES = ['usage', 'input', 'store', 'csv', 'jsonl', 'parquet', 'io', 'spec', 'schema', 'data', 'target', 'artifact', 'monitor'];

/**
 * The CLI contract (DESIGN.md §6): 0 ok, 1 gates failed, 2 usage or input error, 3 internal error.
 * Codes are `family.detail`; the family decides.
 */
export function exitCodeFor(err: unknown): 1 | 2 | 3 {
  if (!(err instanceof SpecmlError)) return 3;
  const family = err.code.split('.')[0] ?? '';
  if (family === 'gate') return 1;
  return INPUT_FAMILIES.includes(family) ? 2 : 3;
}

/** HTTP status for the same codes, for the server that later issues add. */
export function httpStatusFor(err: unknown): number {
  const exit = exitCodeFor(err);
  return exit === 2 ? 400 : exit === 1 ? 422 : 500;
}
