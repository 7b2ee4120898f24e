// The bad-input corpus (test/corpus/spec/cases.json): every malformed spec must fail with the
// expected code, every listed issue, and a message that names file:line:col, the field and the fix.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { exitCodeFor } from '../core/errors.js';
import { SpecError } from './errors.js';
import { loadSpec } from './load.js';

const DIR = path.resolve('test/corpus/spec');

interface BadCase {
  code: string;
  issues: string[];
  contains: string[];
  hint?: string;
}

const cases = JSON.parse(readFileSync(path.join(DIR, 'cases.json'), 'utf8')) as { bad: Record<string, BadCase>; good: string[] };

describe('bad specs', () => {
  test('the corpus has at least 12 bad specs', () => {
    expect(Object.keys(cases.bad).length).toBeGreaterThanOrEqual(12);
  });

  test.each(Object.entries(cases.bad))('%s', async (file, expected) => {
    const err = await loadSpec(path.join('test/corpus/spec', file)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SpecError);
    const e = err as SpecError;
    expect(e.code).toBe(expected.code);
    expect(exitCodeFor(e)).toBe(2);
    expect([...e.issues.map((i) => i.code)].sort()).toEqual([...expected.issues].sort());
    for (const s of expected.contains) expect(e.message).toContain(s);
    if (expected.hint) expect(e.hint).toContain(expected.hint);
    for (const issue of e.issues) {
      expect(issue.severity).toBe('error');
      expect(issue.message).toMatch(new RegExp(`^test/corpus/spec/${file.replace(/\./g, '\\.')}:\\d+:\\d+: `));
      expect(e.message).toContain(issue.message);
    }
  });

  test('every file in the corpus folder is listed in cases.json', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(DIR)).filter((f) => /\.(ya?ml|json|md)$/.test(f) && f !== 'cases.json');
    expect(files.sort()).toEqual([...Object.keys(cases.bad), ...cases.good].sort());
  });
});

describe('good specs', () => {
  test.each(cases.good)('%s loads', async (file) => {
    const spec = await loadSpec(path.join('test/corpus/spec', file));
    expect(spec.data.train).toBe(path.join(DIR, 'data/train.csv'));
    expect(spec.data.given?.train).toBe('data/train.csv');
    expect(spec.gates.length).toBeGreaterThan(0);
    expect(spec.file).toBe(path.join(DIR, file));
  });
});
