import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, Frame, numericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import type { Schema } from '../schema/types.js';
import type { Task } from '../task.js';
import { classImbalance, targetMissing } from './target-checks.js';

const schemaOf = (frame: Frame): Schema => ({ version: 1, columns: frame.columns.map((c) => ({ name: c.name, type: c.kind === 'numeric' ? 'numeric' : c.kind, nullable: true, idLike: false })) });
const ctx = (frame: Frame, target: string, task?: Task) => ({ frame, schema: schemaOf(frame), target, rng: new Rng(1), ...(task ? { task } : {}) });

/** A categorical target with the given count per class. */
function classes(counts: number[]): Frame {
  const codes = Int32Array.from(counts.flatMap((c, k) => Array<number>(c).fill(k)));
  return Frame.fromColumns([categoricalColumn('y', codes, counts.map((_, k) => `c${k}`))]);
}

describe('target_missing', () => {
  it('is an error when the target is not a column, suggesting close names', () => {
    const frame = Frame.fromColumns([numericColumn('SalePrice', new Float64Array(1)), numericColumn('LotArea', new Float64Array(1))]);
    const [issue] = targetMissing.run(ctx(frame, 'saleprice'));
    expect(issue).toMatchObject({ code: 'target_missing', path: 'target', severity: 'error' });
    expect(issue!.hint).toBe("Did you mean 'SalePrice'?");
  });

  it('warns with the count when some target values are missing, errors when all are', () => {
    const some = Frame.fromColumns([numericColumn('y', new Float64Array([1, NaN, 2, NaN]))]);
    const [w] = targetMissing.run(ctx(some, 'y'));
    expect(w).toMatchObject({ severity: 'warning', details: { missing: 2, rows: 4, ratio: 0.5 } });
    expect(w!.message).toContain('2 of 4 rows (50.0%); these rows will be dropped');
    const all = Frame.fromColumns([booleanColumn('y', new Uint8Array([255, 255]))]);
    expect(targetMissing.run(ctx(all, 'y'))[0]!.severity).toBe('error');
  });

  it('is silent for a complete target or no target', () => {
    const frame = Frame.fromColumns([numericColumn('y', new Float64Array([1, 2]))]);
    expect(targetMissing.run(ctx(frame, 'y'))).toEqual([]);
    expect(targetMissing.run({ frame, schema: schemaOf(frame), rng: new Rng(1) })).toEqual([]);
  });
});

describe('class_imbalance', () => {
  it('grades the minority share at the 5% and 20% edges', () => {
    const sev = (counts: number[]) => classImbalance.run(ctx(classes(counts), 'y')).map((i) => i.severity);
    expect(sev([80, 20])).toEqual([]); // exactly 20%: fine
    expect(sev([81, 19])).toEqual(['info']);
    expect(sev([190, 10])).toEqual(['info']); // exactly 5%
    expect(sev([191, 9])).toEqual(['warning', 'warning']); // extreme, and a class under 10 rows
    expect(sev([1900, 99])).toEqual(['warning']);
  });

  it('judges many classes by largest/smallest, so balanced multiclass is silent', () => {
    const sev = (counts: number[]) => classImbalance.run(ctx(classes(counts), 'y')).map((i) => i.severity);
    expect(sev(Array<number>(10).fill(100))).toEqual([]);
    expect(sev([100, 100, 100, 25])).toEqual([]); // ratio exactly 4
    expect(sev([100, 100, 100, 24])).toEqual(['info']);
    expect(sev([190, 100, 100, 10])).toEqual(['info']); // ratio exactly 19
    expect(sev([191, 100, 100, 10])).toEqual(['warning']);
    const [issue] = classImbalance.run(ctx(classes([191, 100, 100, 10]), 'y'));
    expect(issue!.message).toBe("extreme imbalance: minority class 'c3' is 2.5% of rows (10 of 401); the largest, 'c0', has 191 (19:1)");
    expect(issue!.details).toMatchObject({ imbalanceRatio: 19.1, majorityClass: 'c0' });
  });

  it('flags classes with fewer than 10 rows (10 is enough) and lists counts', () => {
    // 9 of 43 = 20.9%: balanced enough, so only the small-class issue fires.
    const issues = classImbalance.run(ctx(classes([12, 12, 9, 10]), 'y'));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.details).toEqual({ counts: { c0: 12, c1: 12, c2: 9, c3: 10 }, smallClasses: ['c2'] });
  });

  it('is an error for a single class, and ignores regression or unused levels', () => {
    const one = Frame.fromColumns([categoricalColumn('y', new Int32Array(50).fill(1), ['unused', 'only'])]);
    expect(classImbalance.run(ctx(one, 'y'))[0]).toMatchObject({ severity: 'error', details: { counts: { only: 50 } } });
    const reg = Frame.fromColumns([numericColumn('y', Float64Array.from({ length: 100 }, (_, i) => (i < 2 ? 1 : 0)))]);
    expect(classImbalance.run(ctx(reg, 'y'))).toEqual([]);
    expect(classImbalance.run(ctx(reg, 'y', 'binary')).map((i) => i.severity)).toEqual(['warning', 'warning']);
  });
});
