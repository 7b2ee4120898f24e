/**
 * The one error a spec that fails validation throws: every problem found, as `Issue`s, and a
 * message that lists them one per line (so a person fixes them all in one pass, not one per run).
 *
 * @example
 * try { await loadSpec('specml.yaml'); }
 * catch (e) { if (e instanceof SpecError) for (const i of e.issues) console.error(i.message); }
 */
import { SpecmlError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';

export class SpecError extends SpecmlError {
  readonly issues: readonly Issue[];

  constructor(file: string, issues: readonly Issue[], code = 'spec.invalid') {
    const n = issues.length;
    const head = code === 'spec.yaml_syntax' ? `${file} is not valid YAML` : `${file} has ${n} problem${n === 1 ? '' : 's'}`;
    const first = issues[0];
    super(code, `${head}:\n${issues.map((i) => `  ${i.message}`).join('\n')}`, {
      hint:
        first?.hint && issues.every((i) => i.hint === first.hint)
          ? first.hint
          : 'Fix each problem listed; each line names the file:line:col, the field, what it expects and the fix.',
      location: first?.details ? { file, line: first.details.line as number, column: first.details.col as number, path: first.path } : { file },
    });
    this.name = 'SpecError';
    this.issues = issues;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}
