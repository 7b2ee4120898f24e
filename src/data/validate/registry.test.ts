import { describe, expect, it } from 'vitest';
import { categoricalColumn, Frame, numericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import type { Schema } from '../schema/types.js';
import { builtinChecks, runChecks } from './checks.js';
import { CheckRegistry } from './registry.js';
import type { CheckContext } from './types.js';

function schemaOf(frame: Frame): Schema {
  return { version: 1, columns: frame.columns.map((c) => ({ name: c.name, type: c.kind === 'numeric' ? 'numeric' : c.kind, nullable: true, idLike: false })) };
}

/** A messy frame on which most checks fire. */
function messy(seed: number): CheckContext {
  const n = 400;
  const rng = new Rng(seed);
  const y = Int32Array.from({ length: n }, () => (rng.float() < 0.1 ? 1 : 0));
  const frame = Frame.fromColumns([
    numericColumn('x', Float64Array.from({ length: n }, (_, i) => (i % 50 === 0 ? 1e6 : rng.normal()))),
    numericColumn('mostly_missing', Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? i : NaN))),
    categoricalColumn('const', new Int32Array(n), ['a']),
    categoricalColumn('leak', y.slice(), ['no', 'yes']),
    categoricalColumn('y', y, ['no', 'yes']),
  ]);
  return { frame, schema: schemaOf(frame), target: 'y', task: 'binary', rng: new Rng(7) };
}

describe('CheckRegistry', () => {
  it('throws when a name is registered twice, and on unknown names', () => {
    const reg = new CheckRegistry([{ name: 'a', description: '', run: () => [] }]);
    expect(() => reg.register({ name: 'a', description: '', run: () => [] })).toThrow(/already registered/);
    expect(() => reg.get('b')).toThrow(/unknown check 'b' \(known: a\)/);
    expect(reg.names()).toEqual(['a']);
  });

  it('registers every built-in check under the name it reports', () => {
    const names = builtinChecks().names();
    expect(names).toEqual(
      expect.arrayContaining(['duplicate_rows', 'constant_column', 'near_constant_column', 'high_missing', 'id_like_column', 'target_missing', 'class_imbalance', 'target_leakage', 'outliers', 'train_test_overlap']),
    );
    const issues = runChecks(messy(1));
    for (const i of issues) expect(names).toContain(i.code);
  });
});

describe('runChecks', () => {
  it('runs all checks, sorted most severe first', () => {
    const issues = runChecks(messy(1));
    const codes = new Set(issues.map((i) => i.code));
    for (const c of ['constant_column', 'high_missing', 'target_leakage', 'outliers', 'class_imbalance']) expect(codes).toContain(c);
    const rank = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < issues.length; i++) expect(rank[issues[i - 1]!.severity]).toBeLessThanOrEqual(rank[issues[i]!.severity]);
  });

  it('runs only the named checks', () => {
    const issues = runChecks(messy(1), ['constant_column']);
    expect(issues.map((i) => i.code)).toEqual(['constant_column']);
    expect(() => runChecks(messy(1), ['nope'])).toThrow(RangeError);
  });

  it('is deterministic: the same seed gives the same issues', () => {
    expect(runChecks(messy(3))).toEqual(runChecks(messy(3)));
  });
});
