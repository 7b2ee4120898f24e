// Compares one-round stumps with XGBoost's (test/golden/gbdt, see its README for the tolerance: exact
// after float32 rounding).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { Frame, categoricalColumn, numericColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { GbdtEstimator } from './estimator.js';
import type { GbdtModel } from './model.js';

interface Case {
  name: string;
  X: (number | null)[][];
  y: number[];
  objective: string;
  split_feature: number;
  missing_left: boolean;
  left_leaf: number;
  right_leaf: number;
}
const golden = JSON.parse(readFileSync(new URL('../../../test/golden/gbdt/xgb_stumps.json', import.meta.url), 'utf8')) as { cases: Case[] };

for (const c of golden.cases) {
  it(`matches XGBoost's stump: ${c.name}`, async () => {
    const nf = c.X[0]!.length;
    const frame = Frame.fromColumns(Array.from({ length: nf }, (_, f) => numericColumn(`f${f}`, Float64Array.from(c.X, (row) => row[f] ?? NaN))));
    const binary = c.objective === 'binary:logistic';
    const target = binary ? categoricalColumn('y', Int32Array.from(c.y), ['0', '1']) : numericColumn('y', Float64Array.from(c.y));
    const params = { trees: 1, learning_rate: 1, max_leaves: 2, min_child_samples: 1, min_child_weight: 0, lambda_l2: 1 };
    const m = (await new GbdtEstimator(params).fit(frame, target, { rng: new Rng(0) })) as GbdtModel;
    const e = m.s.ensemble;
    expect(e.feature[0]).toBe(c.split_feature);
    const [left, right] = [~e.left[0]!, ~e.right[0]!];
    expect(Math.fround(e.leafValue[left]!)).toBe(Math.fround(c.left_leaf));
    expect(Math.fround(e.leafValue[right]!)).toBe(Math.fround(c.right_leaf));
    if (c.X.some((row) => row[c.split_feature] === null)) expect(e.missingLeft[0] === 1).toBe(c.missing_left);
  });
}
