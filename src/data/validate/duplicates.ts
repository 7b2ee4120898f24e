/**
 * Exact duplicate rows, within the training data and between training and test data.
 */
import type { Column } from '../../core/frame.js';
import type { Issue } from '../../core/issue.js';
import { candidateRows, rowsEqual } from './rowhash.js';
import { formatPct } from './stats.js';
import type { Check } from './types.js';

/** How many example row numbers an issue carries: enough to look a few up, short enough to print. */
const EXAMPLES = 5;

/**
 * For each row, the index of the first earlier row equal to it, or -1: `Int32Array[n]`.
 * Cost: hashing until rows are told apart ({@link candidateRows}), then one Map lookup and one
 * exact comparison per surviving row.
 *
 * @example
 * firstCopyOf([numericColumn('x', new Float64Array([1, 2, 1]))], 3); // Int32Array [-1, -1, 0]
 */
export function firstCopyOf(columns: readonly Column[], n: number): Int32Array {
  const { rows, keys } = candidateRows([columns], [n]);
  const seen = new Map<number, number[]>();
  const out = new Int32Array(n).fill(-1);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const key = keys[k]!;
    const bucket = seen.get(key);
    if (bucket === undefined) {
      seen.set(key, [i]);
      continue;
    }
    const same = bucket.find((j) => rowsEqual(columns, j, columns, i));
    if (same === undefined) bucket.push(i);
    else out[i] = same;
  }
  return out;
}

/**
 * `duplicate_rows`: rows identical in every column (target included) to an earlier row. Any count
 * is a warning: duplicates inflate CV scores when copies land on both sides of a split, and they
 * weight those rows twice. Row numbers in the output are 1-based data rows (the header not counted).
 *
 * @example
 * duplicateRows.run({ frame, schema, rng: new Rng(1) });
 * // [{ code: 'duplicate_rows', path: 'rows', severity: 'warning', message: '3 rows (1.0%) duplicate an earlier row', … }]
 */
export const duplicateRows: Check = {
  name: 'duplicate_rows',
  description: 'Rows identical in every column to an earlier row.',
  run(ctx) {
    const { frame } = ctx;
    if (frame.nRows < 2 || frame.nCols === 0) return [];
    const first = firstCopyOf(frame.columns, frame.nRows);
    let count = 0;
    const examples: { row: number; duplicateOf: number }[] = [];
    for (let i = 0; i < first.length; i++) {
      if (first[i]! < 0) continue;
      count++;
      if (examples.length < EXAMPLES) examples.push({ row: i + 1, duplicateOf: first[i]! + 1 });
    }
    if (count === 0) return [];
    const ratio = count / frame.nRows;
    const shown = examples.map((e) => `row ${e.row} = row ${e.duplicateOf}`).join(', ');
    return [
      {
        code: 'duplicate_rows',
        path: 'rows',
        severity: 'warning',
        message: `${count} of ${frame.nRows} rows (${formatPct(ratio)}) duplicate an earlier row exactly (e.g. ${shown})`,
        hint: 'Drop exact duplicates, or group them in cross-validation (group k-fold) so copies never sit on both sides of a split.',
        details: { count, ratio, rows: frame.nRows, examples },
      },
    ];
  },
};

/**
 * `train_test_overlap`: test rows identical to some training row over the shared columns (the
 * target excluded, since a test set often lacks it), and columns present in only one of the two
 * frames. Any overlap is a warning: a test row seen in training scores as memorised, not predicted.
 *
 * @example
 * trainTestOverlap.run({ frame: train, test, schema, target: 'y', rng: new Rng(1) });
 * // [{ code: 'train_test_overlap', path: 'rows', severity: 'warning', message: '12 of 500 test rows (2.4%) …' }]
 */
export const trainTestOverlap: Check = {
  name: 'train_test_overlap',
  description: 'Test rows that also occur in the training data, and columns present in only one of the two.',
  run(ctx) {
    const { frame, test, target } = ctx;
    if (!test) return [];
    const issues: Issue[] = [];
    const onlyTrain = frame.names.filter((n) => n !== target && !test.has(n));
    const onlyTest = test.names.filter((n) => n !== target && !frame.has(n));
    if (onlyTrain.length > 0) {
      issues.push({
        code: 'train_test_overlap',
        path: 'columns',
        severity: 'warning',
        message: `${onlyTrain.length} training column(s) missing from the test set: ${list(onlyTrain)}`,
        hint: 'Use the same columns in both files, or drop these from the features; a model cannot predict without its inputs.',
        details: { onlyInTrain: onlyTrain },
      });
    }
    if (onlyTest.length > 0) {
      issues.push({
        code: 'train_test_overlap',
        path: 'columns',
        severity: 'warning',
        message: `${onlyTest.length} test column(s) not in the training data: ${list(onlyTest)} (they will be ignored)`,
        hint: 'Check that the test file is the same dataset and version as the training file.',
        details: { onlyInTest: onlyTest },
      });
    }
    const shared = frame.names.filter((n) => n !== target && test.has(n));
    if (shared.length === 0 || frame.nRows === 0 || test.nRows === 0) return issues;
    const left = shared.map((n) => frame.column(n));
    const right = shared.map((n) => test.column(n));
    // Global row numbers: training rows first, then test rows offset by frame.nRows.
    const { rows, keys } = candidateRows([left, right], [frame.nRows, test.nRows]);
    const index = new Map<number, number[]>();
    let k = 0;
    for (; k < rows.length && rows[k]! < frame.nRows; k++) {
      const bucket = index.get(keys[k]!);
      if (bucket === undefined) index.set(keys[k]!, [rows[k]!]);
      else bucket.push(rows[k]!);
    }
    let count = 0;
    const examples: { testRow: number; trainRow: number }[] = [];
    for (; k < rows.length; k++) {
      const j = rows[k]! - frame.nRows;
      const bucket = index.get(keys[k]!);
      if (bucket === undefined) continue;
      const hit = bucket.find((i) => rowsEqual(left, i, right, j));
      if (hit === undefined) continue;
      count++;
      if (examples.length < EXAMPLES) examples.push({ testRow: j + 1, trainRow: hit + 1 });
    }
    if (count > 0) {
      const ratio = count / test.nRows;
      issues.push({
        code: 'train_test_overlap',
        path: 'rows',
        severity: 'warning',
        message: `${count} of ${test.nRows} test rows (${formatPct(ratio)}) are identical to a training row on all ${shared.length} shared feature columns`,
        hint: 'Remove these rows from the test set (or from training): test scores on rows the model has seen measure memory, not generalisation.',
        details: { count, ratio, testRows: test.nRows, columns: shared.length, examples },
      });
    }
    return issues;
  },
};

function list(names: readonly string[], k = 10): string {
  const shown = names.slice(0, k).map((n) => `'${n}'`).join(', ');
  return names.length > k ? `${shown} and ${names.length - k} more` : shown;
}
