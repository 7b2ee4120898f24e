import { describe, expect, it } from 'vitest';
import { SpecmlError, exitCodeFor, formatLocation, httpStatusFor } from './errors.js';

describe('errors', () => {
  it('maps code families to the CLI exit codes of DESIGN.md §6', () => {
    expect(exitCodeFor(new SpecmlError('csv.ragged_row', 'x'))).toBe(2);
    expect(exitCodeFor(new SpecmlError('spec.invalid', 'x'))).toBe(2);
    expect(exitCodeFor(new SpecmlError('gate.failed', 'x'))).toBe(1);
    expect(exitCodeFor(new SpecmlError('internal.bug', 'x'))).toBe(3);
    expect(exitCodeFor(new TypeError('x'))).toBe(3);
    expect(httpStatusFor(new SpecmlError('usage.bad', 'x'))).toBe(400);
  });

  it('formats locations as file:line:col (path)', () => {
    expect(formatLocation({ file: 'a.yaml', line: 3, column: 5, path: 'split.folds' })).toBe('a.yaml:3:5 (split.folds)');
    expect(formatLocation({ path: 'data.target' })).toBe('(data.target)');
  });

  it('keeps hint and cause', () => {
    const cause = new Error('inner');
    const e = new SpecmlError('io.not_found', 'missing', { hint: 'create it', cause });
    expect(e.hint).toBe('create it');
    expect(e.cause).toBe(cause);
    expect(e.toJSON()).toMatchObject({ code: 'io.not_found', hint: 'create it' });
  });
});
