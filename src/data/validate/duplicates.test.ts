import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, datetimeColumn, Frame, numericColumn, textColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import type { Schema } from '../schema/types.js';
import { duplicateRows, firstCopyOf, trainTestOverlap } from './duplicates.js';
import { candidateRows } from './rowhash.js';

const schemaOf = (frame: Frame): Schema => ({ version: 1, columns: frame.columns.map((c) => ({ name: c.name, type: c.kind === 'numeric' ? 'numeric' : c.kind, nullable: true, idLike: false })) });
const ctx = (frame: Frame, extra: { test?: Frame; target?: string } = {}) => ({ frame, schema: schemaOf(frame), rng: new Rng(1), ...extra });

describe('duplicate_rows', () => {
  it('finds exact duplicates across every column kind, missing equal to missing', () => {
    const frame = Frame.fromColumns([
      numericColumn('x', new Float64Array([1, NaN, 1, NaN, 1])),
      categoricalColumn('c', new Int32Array([0, -1, 0, -1, 1]), ['a', 'b']),
      booleanColumn('b', new Uint8Array([1, 255, 1, 255, 1])),
      datetimeColumn('d', new Float64Array([0, 5, 0, 5, 0])),
      textColumn('t', ['hi', null, 'hi', null, 'hi']),
    ]);
    const [issue, ...rest] = duplicateRows.run(ctx(frame));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'duplicate_rows', path: 'rows', severity: 'warning' });
    expect(issue!.details).toMatchObject({ count: 2, ratio: 0.4, examples: [{ row: 3, duplicateOf: 1 }, { row: 4, duplicateOf: 2 }] });
    expect(issue!.message).toContain('2 of 5 rows (40.0%)');
  });

  it('treats -0 and 0 as equal but tells apart rows that differ in one cell', () => {
    expect([...firstCopyOf([numericColumn('x', new Float64Array([0, -0]))], 2)]).toEqual([-1, 0]);
    const frame = Frame.fromColumns([numericColumn('x', new Float64Array([1, 1, 1])), numericColumn('y', new Float64Array([1, 2, 3]))]);
    expect(duplicateRows.run(ctx(frame))).toEqual([]);
  });

  it('is not fooled by swapped values between columns', () => {
    const frame = Frame.fromColumns([numericColumn('x', new Float64Array([1, 2])), numericColumn('y', new Float64Array([2, 1]))]);
    expect(duplicateRows.run(ctx(frame))).toEqual([]);
  });

  it('finds a single duplicate among many distinct rows', () => {
    const n = 5000;
    const x = Float64Array.from({ length: n }, (_, i) => i * 0.37);
    x[4321] = x[17]!;
    const frame = Frame.fromColumns([numericColumn('x', x), categoricalColumn('c', Int32Array.from({ length: n }, (_, i) => i % 3), ['a', 'b', 'c'])]);
    // rows 17 and 4321 share x; c is 17 % 3 = 2 and 4321 % 3 = 1, so not duplicates yet
    expect(duplicateRows.run(ctx(frame))).toEqual([]);
    x[4322] = x[17]!; // 4322 % 3 = 2 = 17 % 3
    expect(duplicateRows.run(ctx(Frame.fromColumns([numericColumn('x', x), frame.column('c')])))[0]!.details).toMatchObject({ count: 1, examples: [{ row: 4323, duplicateOf: 18 }] });
  });
});

describe('train_test_overlap', () => {
  it('finds test rows equal to training rows, comparing categorical levels by string', () => {
    const train = Frame.fromColumns([
      categoricalColumn('c', new Int32Array([0, 1, 2]), ['a', 'b', 'c']),
      numericColumn('x', new Float64Array([1, 2, 3])),
      numericColumn('y', new Float64Array([0, 1, 0])),
    ]);
    // Different level order; row 0 = train row 1 ('b', 2); row 1 differs in x; the target is absent.
    const test = Frame.fromColumns([categoricalColumn('c', new Int32Array([0, 1, 1]), ['b', 'c']), numericColumn('x', new Float64Array([2, 9, 3]))]);
    const issues = trainTestOverlap.run(ctx(train, { test, target: 'y' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'train_test_overlap', path: 'rows', severity: 'warning' });
    expect(issues[0]!.details).toMatchObject({ count: 2, testRows: 3, examples: [{ testRow: 1, trainRow: 2 }, { testRow: 3, trainRow: 3 }] });
  });

  it('reports columns present on one side only, ignoring the target', () => {
    const train = Frame.fromColumns([numericColumn('a', new Float64Array([1])), numericColumn('b', new Float64Array([1])), numericColumn('y', new Float64Array([1]))]);
    const test = Frame.fromColumns([numericColumn('a', new Float64Array([2])), numericColumn('z', new Float64Array([1]))]);
    const issues = trainTestOverlap.run(ctx(train, { test, target: 'y' }));
    expect(issues.map((i) => i.details)).toEqual([{ onlyInTrain: ['b'] }, { onlyInTest: ['z'] }]);
  });

  it('is silent without a test set or without overlap', () => {
    const train = Frame.fromColumns([numericColumn('a', new Float64Array([1, 2]))]);
    expect(trainTestOverlap.run(ctx(train))).toEqual([]);
    expect(trainTestOverlap.run(ctx(train, { test: Frame.fromColumns([numericColumn('a', new Float64Array([3]))]) }))).toEqual([]);
  });
});

describe('candidateRows pruning', () => {
  // 70 columns cross every prune point (1, 2, 4, …, 32, 64). Rows 0 and 1 agree on the first 50
  // columns only; rows 2 and 3 agree everywhere; row 4 is unique from the first column.
  const cols = Array.from({ length: 70 }, (_, j) =>
    numericColumn(`c${j}`, Float64Array.of(j, j < 50 ? j : -j, 7 * j, 7 * j, 1e6 + j)),
  );

  it('keeps rows equal on every column, and drops rows that differ only late', () => {
    expect([...candidateRows([cols], [5]).rows]).toEqual([2, 3]);
    expect([...firstCopyOf(cols, 5)]).toEqual([-1, -1, -1, 2, -1]);
  });

  it('keeps, across two sides, only rows matched on the other side', () => {
    const test = cols.map((c) => numericColumn(c.name, c.values.slice(1, 3)));
    // Global numbering: train 0..4, test 5..6; test row 0 = train row 1, test row 1 = train rows 2 and 3.
    expect([...candidateRows([cols, test], [5, 2]).rows]).toEqual([1, 2, 3, 5, 6]);
  });
});
