// Folds identical to scikit-learn 1.2.1 (numpy 1.24.2) on the inputs stored in
// test/golden/cv/folds.json (regenerate with test/golden/cv/make_folds.py). Exact equality, no
// tolerance: these splitters are deterministic, so any difference is a different algorithm.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../../core/errors.js';
import { GroupKFold } from './group-kfold.js';
import { KFold } from './kfold.js';
import type { Fold, Splitter } from './splitter.js';
import { StratifiedGroupKFold } from './stratified-group-kfold.js';
import { StratifiedKFold } from './stratified-kfold.js';
import { TimeSeriesSplit } from './time-series-split.js';

interface GoldenCase {
  splitter: string;
  params: Record<string, number>;
  n: number;
  y?: number[];
  groups?: number[];
  tests?: number[][];
  folds?: [number[], number[]][];
  warnings?: string[];
  /** sklearn's ValueError message, when it refuses the input. */
  error?: string;
}

const path = process.env.SPECML_CV_GOLDEN ?? new URL('../../../test/golden/cv/folds.json', import.meta.url);
const golden = JSON.parse(readFileSync(path, 'utf8')) as { sklearn: string; cases: GoldenCase[] };

const make: Record<string, (p: Record<string, number>) => Splitter> = {
  kfold: (p) => new KFold(p),
  stratified_kfold: (p) => new StratifiedKFold(p),
  group_kfold: (p) => new GroupKFold(p),
  stratified_group_kfold: (p) => new StratifiedGroupKFold(p),
  time_series_split: (p) => new TimeSeriesSplit(p),
};

const complement = (n: number, test: number[]): number[] => {
  const t = new Set(test);
  return Array.from({ length: n }, (_, i) => i).filter((i) => !t.has(i));
};
const plain = (folds: Fold[]): [number[], number[]][] => folds.map((f) => [[...f.train], [...f.test]]);

describe(`cv splitters equal scikit-learn ${golden.sklearn}`, () => {
  it('covers every deterministic splitter', () => {
    expect(new Set(golden.cases.map((c) => c.splitter))).toEqual(new Set(Object.keys(make)));
  });

  it.each(golden.cases.map((c, i) => [`${i}: ${c.splitter} ${JSON.stringify(c.params)} n=${c.n}`, c] as const))('%s', (_label, c) => {
    const warnings: string[] = [];
    const run = (): Fold[] =>
      make[c.splitter]!(c.params).split({
        n: c.n,
        ...(c.y ? { y: Int32Array.from(c.y) } : {}),
        ...(c.groups ? { groups: Int32Array.from(c.groups) } : {}),
        emit: (issue) => warnings.push(issue.message),
      });
    if (c.error !== undefined) {
      expect(run).toThrow(SpecmlError);
      return;
    }
    // sklearn silently returns an empty test fold here (more folds than the greedy can fill); we refuse.
    if (c.tests?.some((t) => t.length === 0)) {
      expect(run).toThrow(/empty|distinct group/);
      return;
    }
    const folds = run();
    const expected = c.folds ?? c.tests!.map((t) => [complement(c.n, t), t] as [number[], number[]]);
    expect(plain(folds)).toEqual(expected);
    // sklearn warns once about the least populated class; we warn per rare class, so compare presence.
    expect(warnings.length > 0).toBe((c.warnings ?? []).length > 0);
  });
});
