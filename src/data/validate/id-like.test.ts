import { describe, expect, it } from 'vitest';
import { categoricalColumn, Frame, numericColumn, textColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import type { Schema } from '../schema/types.js';
import { idLikeColumn, idLikeReason } from './id-like.js';

const schemaOf = (frame: Frame, idLike: string[] = []): Schema => ({
  version: 1,
  columns: frame.columns.map((c) => ({ name: c.name, type: c.kind === 'numeric' ? 'numeric' : c.kind, nullable: true, idLike: idLike.includes(c.name) })),
});

const seq = (n: number, f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));

describe('idLikeReason', () => {
  it('recognises all-distinct strings from 20 values on, not 19', () => {
    const levels = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);
    expect(idLikeReason(categoricalColumn('k', Int32Array.from({ length: 20 }, (_, i) => i), levels(20)))).toMatch(/20 values are distinct strings/);
    expect(idLikeReason(categoricalColumn('k', Int32Array.from({ length: 19 }, (_, i) => i), levels(19)))).toBeUndefined();
    const repeated = Int32Array.from({ length: 40 }, (_, i) => i % 39);
    expect(idLikeReason(categoricalColumn('k', repeated, levels(39)))).toBeUndefined();
  });

  it('recognises dense distinct integers (row numbers) but not sparse ones unless named like a key', () => {
    expect(idLikeReason(numericColumn('Order', seq(100, (i) => 1000 + ((i * 37) % 100))))).toMatch(/like row numbers/);
    expect(idLikeReason(numericColumn('income', seq(100, (i) => 20000 + i * 1013)))).toBeUndefined();
    expect(idLikeReason(numericColumn('customer_id', seq(100, (i) => 20000 + i * 1013)))).toMatch(/name looks like a key/);
    expect(idLikeReason(numericColumn('userId', seq(100, (i) => i * 1013)))).toMatch(/key/);
    expect(idLikeReason(numericColumn('paid', seq(100, (i) => i * 1013)))).toBeUndefined();
    expect(idLikeReason(numericColumn('x', seq(100, (i) => i + 0.5)))).toBeUndefined();
  });

  it('recognises distinct single-token text but not prose', () => {
    expect(idLikeReason(textColumn('email', Array.from({ length: 30 }, (_, i) => `u${i}@x.org`)))).toMatch(/single tokens/);
    expect(idLikeReason(textColumn('review', Array.from({ length: 30 }, (_, i) => `great product ${i}`)))).toBeUndefined();
  });
});

describe('id_like_column', () => {
  it('reports schema idLike columns and recognised ones, but never the target', () => {
    const frame = Frame.fromColumns([
      numericColumn('PID', seq(50, (i) => i % 7)),
      numericColumn('row', seq(50, (i) => i)),
      numericColumn('x', seq(50, (i) => i % 5)),
      numericColumn('y', seq(50, (i) => i)),
    ]);
    const issues = idLikeColumn.run({ frame, schema: schemaOf(frame, ['PID']), target: 'y', rng: new Rng(1) });
    expect(issues.map((i) => [i.path, i.severity, i.details?.fromSchema])).toEqual([
      ['PID', 'warning', true],
      ['row', 'warning', false],
    ]);
    expect(issues[1]!.hint).toContain("Exclude 'row'");
  });
});
