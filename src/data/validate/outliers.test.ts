import { describe, expect, it } from 'vitest';
import { Frame, numericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import type { Schema } from '../schema/types.js';
import type { Task } from '../task.js';
import { findOutliers, looksLikeSentinel, outliers } from './outliers.js';
import { valueCounts } from '../profile/value-counts.js';

const schemaOf = (frame: Frame): Schema => ({ version: 1, columns: frame.columns.map((c) => ({ name: c.name, type: c.kind === 'numeric' ? 'numeric' : c.kind, nullable: true, idLike: false })) });
const run = (cols: ReturnType<typeof numericColumn>[], extra: { target?: string; task?: Task } = {}) => {
  const frame = Frame.fromColumns(cols);
  return outliers.run({ frame, schema: schemaOf(frame), rng: new Rng(1), ...extra });
};

/** 0.0, 0.1, …: median and MAD are known in closed form. Values 0..(n-1)/10. */
const ramp = (n: number) => Float64Array.from({ length: n }, (_, i) => i / 10);

describe('outliers', () => {
  it('flags values past robust z = 5 and not those just inside', () => {
    // ramp(101): median 5, MAD 2.5, scale 3.7065, fences 5 ± 18.5325.
    const x = ramp(101);
    x[0] = 5 + 18.53; // inside
    x[1] = 5 - 18.54; // outside
    const found = findOutliers(valueCounts(x))!;
    expect(found.rule).toBe('robust_z');
    expect(found.count).toBe(1);
    expect(found.examples).toEqual([5 - 18.54]);
    const issues = run([numericColumn('x', x)]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'x', severity: 'info', details: { count: 1, rule: 'robust_z' } });
  });

  it('falls back to 3·IQR fences when MAD is 0, and skips when IQR is 0 too', () => {
    // 60% zeros → MAD 0; Q1 = 0, Q3 = 1 → fences [-3, 4].
    const x = Float64Array.from({ length: 100 }, (_, i) => (i < 60 ? 0 : i < 99 ? 1 + (i % 2) * 0.5 : 4.5));
    const found = findOutliers(valueCounts(x))!;
    expect(found).toMatchObject({ rule: 'iqr', lo: -3, hi: 4, count: 1, examples: [4.5] });
    const spike = Float64Array.from({ length: 100 }, (_, i) => (i < 80 ? 0 : i + 0.5));
    expect(findOutliers(valueCounts(spike))).toBeUndefined();
  });

  it('warns about a repeated sentinel value', () => {
    const x = ramp(200);
    for (let i = 0; i < 4; i++) x[i] = -999;
    const [issue] = run([numericColumn('age', x)]);
    expect(issue).toMatchObject({ severity: 'warning', details: { count: 4, sentinel: -999, sentinelCount: 4 } });
    expect(issue!.message).toContain('exactly -999');
  });

  it('a repeated extreme that is no sentinel stays info: the top of a bounded scale, a real zero', () => {
    // letter's onpix: 0-15 with the bulk near 3, many rows at the cap 15.
    const capped = Float64Array.from({ length: 400 }, (_, i) => (i < 20 ? 15 : i % 100 < 90 ? 3 + (i % 3) : i % 10));
    const [cap] = run([numericColumn('onpix', capped)]);
    expect(cap).toMatchObject({ severity: 'info' });
    expect(cap!.message).not.toContain('sentinel');
    expect(looksLikeSentinel(15, 0)).toBe(false);
    expect(looksLikeSentinel(0, 3.2)).toBe(false);
    expect(looksLikeSentinel(99999, 0)).toBe(true);
    expect(looksLikeSentinel(-1, 0)).toBe(true);
    expect(looksLikeSentinel(-1, -5)).toBe(false);
  });

  it('skips integer codes with ≤ 10 distinct values, the target, image tasks and clean data', () => {
    const codes = Float64Array.from({ length: 200 }, (_, i) => (i < 199 ? i % 9 : 1000));
    const normal = new Float64Array(200);
    const rng = new Rng(3);
    for (let i = 0; i < normal.length; i++) normal[i] = rng.normal();
    const spiky = ramp(200);
    spiky[0] = 1e6;
    expect(run([numericColumn('codes', codes), numericColumn('normal', normal), numericColumn('y', spiky)], { target: 'y' })).toEqual([]);
    expect(run([numericColumn('px', spiky)], { task: 'image' })).toEqual([]);
  });
});
