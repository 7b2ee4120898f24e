/**
 * A single random train/test holdout, optionally stratified by class.
 *
 * `testSize` below 1 is a fraction: ⌈testSize · n⌉ test rows, as sklearn's `train_test_split`;
 * 1 or more is a row count. Stratified, each class c of size m_c gets ⌊n_test · m_c / n⌋ test rows,
 * and the rows still missing go one each to the classes with the largest remainders (lower class
 * code on ties), never taking a class's last training row: a model cannot learn a class it never
 * trains on. sklearn breaks those ties at random; its draws cannot be reproduced anyway (numpy's
 * generator), so the rows differ from sklearn's while the per-class counts agree up to ties.
 *
 * @example
 * const { train, test } = trainTestSplit(100, { testSize: 0.2, rng: new Rng(1).fork('holdout') });
 * test.length; // 20
 */
import { SpecmlError } from '../../core/errors.js';
import { defineParams, resolveParams } from '../../core/params.js';
import type { Rng } from '../../core/rng.js';
import { bincount, checkCommon, raiseIssues, type Fold } from './splitter.js';

/**
 * Parameters of {@link trainTestSplit}.
 *
 * @example
 * resolveParams(TRAIN_TEST_SPLIT_PARAMS, { test_size: 0.3 }, 'train_test_split'); // { test_size: 0.3 }
 */
export const TRAIN_TEST_SPLIT_PARAMS = defineParams({
  // 0.25 as sklearn: enough test rows for a stable score on small data, three quarters left to fit.
  test_size: { type: 'float', default: 0.25, min: 0, exclusiveMin: true, doc: 'test rows: a fraction of n if below 1, else a whole number of rows' },
});

/**
 * Options of {@link trainTestSplit}.
 *
 * @example
 * const options: TrainTestSplitOptions = { testSize: 0.2, stratify: y, rng: new Rng(7) };
 */
export interface TrainTestSplitOptions {
  testSize?: number;
  /** Class codes `Int32Array[n]` to stratify by (no -1). */
  stratify?: Int32Array;
  rng: Rng;
}

/**
 * Splits rows [0, n) once into sorted, disjoint train and test indices (see the file header).
 *
 * @example
 * trainTestSplit(10, { testSize: 3, stratify: y, rng: new Rng(2) }).test.length; // 3
 */
export function trainTestSplit(n: number, options: TrainTestSplitOptions): Fold {
  const { test_size } = resolveParams(TRAIN_TEST_SPLIT_PARAMS, options.testSize === undefined ? {} : { test_size: options.testSize }, 'train_test_split');
  const name = 'train_test_split';
  raiseIssues(checkCommon(name, { n, ...(options.stratify ? { y: options.stratify } : {}) }, 0, { y: options.stratify !== undefined }));
  if (!options.rng) throw new SpecmlError('usage.missing_rng', `${name}: a seeded rng is required`, { hint: "Pass rng: new Rng(seed).fork('holdout')." });
  if (test_size >= 1 && !Number.isInteger(test_size))
    throw new SpecmlError('usage.bad_param', `${name}.test_size: ${test_size} is neither a fraction below 1 nor a whole number of rows`, { location: { path: `${name}.test_size` } });
  const nTest = test_size < 1 ? Math.ceil(test_size * n) : test_size;
  const nTrain = n - nTest;
  if (nTest < 1 || nTrain < 1)
    throw new SpecmlError('data.too_few_rows', `${name}: test_size=${test_size} of n=${n} rows leaves ${nTest} test and ${nTrain} training rows; both need at least 1`, {
      hint: 'Use a test_size between 1/n and 1 - 1/n, or more data.',
      location: { path: `${name}.test_size` },
    });
  const isTest = new Uint8Array(n);
  if (!options.stratify) {
    for (const i of options.rng.sampleIndices(n, nTest)) isTest[i] = 1;
  } else {
    const y = options.stratify;
    const quota = stratifiedQuota(bincount(y), nTest, name);
    const members = quota.map(() => [] as number[]);
    for (let i = 0; i < n; i++) members[y[i]!]!.push(i);
    members.forEach((rows, c) => {
      for (const j of options.rng.sampleIndices(rows.length, quota[c]!)) isTest[rows[j]!] = 1;
    });
  }
  const train = new Int32Array(nTrain);
  const test = new Int32Array(nTest);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (isTest[i]) test[a++] = i;
    else train[b++] = i;
  }
  return { train, test };
}

/**
 * Test rows per class: proportional floor, remainders by largest fraction, at most m_c − 1 per class.
 *
 * @example
 * stratifiedQuota([6, 3, 1], 3, 'split'); // throws: class 2 has 1 row
 * stratifiedQuota([6, 4], 5, 'split'); // [3, 2]
 */
export function stratifiedQuota(counts: readonly number[], nTest: number, name: string): number[] {
  const n = counts.reduce((s, c) => s + c, 0);
  const present = counts.map((c, code) => ({ c, code })).filter(({ c }) => c > 0);
  const lone = present.find(({ c }) => c < 2);
  if (lone)
    throw new SpecmlError('data.too_few_class_members', `${name}: class code ${lone.code} has only ${lone.c} row; a stratified split needs at least 2 per class`, {
      hint: 'Drop or merge the class, or split without stratify.',
      location: { path: 'stratify' },
    });
  if (nTest < present.length || n - nTest < present.length)
    throw new SpecmlError('data.too_few_rows', `${name}: ${nTest} test and ${n - nTest} training rows cannot each hold all ${present.length} classes`, {
      hint: `Choose test_size so both sides have at least ${present.length} rows.`,
      location: { path: 'stratify' },
    });
  const quota = counts.map((c) => Math.min(Math.floor((nTest * c) / n), Math.max(c - 1, 0)));
  let missing = nTest - quota.reduce((s, q) => s + q, 0);
  const byRemainder = present.map(({ code }) => code).sort((a, b) => frac(counts, b, nTest, n) - frac(counts, a, nTest, n) || a - b);
  // Repeat passes in case caps block some classes; the caps sum to n − classes ≥ nTest, so this ends.
  while (missing > 0) {
    for (const code of byRemainder) {
      if (missing > 0 && quota[code]! < counts[code]! - 1) {
        quota[code]!++;
        missing--;
      }
    }
  }
  return quota;
}

function frac(counts: readonly number[], c: number, nTest: number, n: number): number {
  const x = (nTest * counts[c]!) / n;
  return x - Math.floor(x);
}
