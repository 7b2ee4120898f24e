/**
 * k-nearest neighbours against scikit-learn's brute-force outputs (test/golden/knn) for both
 * weightings, and its tie rules. The estimator contract on real data is checked through the `knn`
 * family (pipeline/families.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoricalColumn, Frame, numericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { KnnEstimator } from './estimator.js';

const golden = JSON.parse(readFileSync(new URL('../../../test/golden/knn/knn.json', import.meta.url), 'utf8')) as {
  x: number[][];
  y_class: number[];
  y_reg: number[];
  n_train: number;
  cases: { n_neighbors: number; weights: string; proba: number[][]; regression: number[] }[];
};

function frameOf(rows: number[][]): Frame {
  return Frame.fromColumns(rows[0]!.map((_, j) => numericColumn(`x${j}`, Float64Array.from(rows, (r) => r[j]!), false)));
}

describe('knn', () => {
  const train = golden.x.slice(0, golden.n_train);
  const test = frameOf(golden.x.slice(golden.n_train));
  const yClass = categoricalColumn('y', Int32Array.from(golden.y_class.slice(0, golden.n_train)), ['0', '1', '2']);
  const yReg = numericColumn('y', Float64Array.from(golden.y_reg.slice(0, golden.n_train)));

  for (const c of golden.cases) {
    it(`matches scikit-learn with k = ${c.n_neighbors}, ${c.weights} weights (classification and regression)`, async () => {
      const params = { n_neighbors: c.n_neighbors, weights: c.weights };
      const cls = await new KnnEstimator(params).fit(frameOf(train), yClass, { rng: new Rng(0) });
      const proba = cls.predict(test).proba!;
      c.proba.forEach((row, i) => row.forEach((p, j) => expect(proba[i * 3 + j]).toBeCloseTo(p, 12)));
      const reg = await new KnnEstimator(params).fit(frameOf(train), yReg, { rng: new Rng(0) });
      const values = reg.predict(test).values;
      c.regression.forEach((v, i) => expect(values[i]).toBeCloseTo(v, 12));
    });
  }

  it('an exact match decides alone under distance weights, and ties keep the earlier row', async () => {
    const x = Frame.fromColumns([numericColumn('a', Float64Array.of(0, 1, 1, 3))]);
    const y = categoricalColumn('y', Int32Array.of(0, 1, 0, 1), ['a', 'b']);
    const m = await new KnnEstimator({ n_neighbors: 3, weights: 'distance' }).fit(x, y, { rng: new Rng(0) });
    // Query 1 matches rows 1 (b) and 2 (a) exactly: they split the vote, row 0 and 3 count nothing.
    expect(Array.from(m.predict(Frame.fromColumns([numericColumn('a', Float64Array.of(1))])).proba!)).toEqual([0.5, 0.5]);
    const u = await new KnnEstimator({ n_neighbors: 1 }).fit(x, y, { rng: new Rng(0) });
    // Query 2 is at distance 1 from rows 1, 2 and 3: the earliest (row 1, class b) wins.
    expect(Array.from(u.predict(Frame.fromColumns([numericColumn('a', Float64Array.of(2))])).values)).toEqual([1]);
  });
});
