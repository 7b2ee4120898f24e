/**
 * Linear models on real datasets from ../shared/datasets, scored on the fixed holdout split and
 * compared with the scikit-learn peers in ../shared/peers (Ridge(alpha=1) / LogisticRegression
 * after standardising: chicago holdout r² 0.773, letter holdout accuracy 0.773).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FitEvent } from '../../core/estimator.js';
import { Frame, numericColumn, textColumn, type Column } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { LogisticRegressionEstimator } from './logistic.js';
import { RidgeEstimator } from './regression.js';

const root = new URL('../../../../shared/datasets/', import.meta.url);
const have = existsSync(new URL('letter/data.csv', root)) && existsSync(new URL('chicago/data.csv', root));

/** A small CSV reader for these quote-free files: numeric columns where every cell parses, else text. */
function load(name: string, standardise: boolean): { frame: Frame; holdout: { train: number[]; test: number[] } } {
  const lines = readFileSync(new URL(`${name}/data.csv`, root), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const cells = lines.slice(1).map((l) => l.split(','));
  const columns: Column[] = header.map((h, j) => {
    const raw = cells.map((r) => r[j]!);
    if (!raw.every((v) => v !== '' && Number.isFinite(Number(v)))) return textColumn(h, raw);
    const v = Float64Array.from(raw, Number);
    if (standardise) {
      const mean = v.reduce((s, x) => s + x, 0) / v.length;
      const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length) || 1;
      for (let i = 0; i < v.length; i++) v[i] = (v[i]! - mean) / sd;
    }
    return numericColumn(h, v);
  });
  return { frame: Frame.fromColumns(columns), holdout: JSON.parse(readFileSync(new URL(`${name}/holdout_idx.json`, root), 'utf8')) as { train: number[]; test: number[] } };
}

describe.skipIf(!have)('linear models on real data', () => {
  it('ridge on chicago ridership: refuses the date column, then matches the sklearn peer', async () => {
    const { frame, holdout } = load('chicago', false);
    const train = frame.take(holdout.train);
    const test = frame.take(holdout.test);
    const y = train.column('ridership');
    await expect(new RidgeEstimator({}).fit(train.drop(['ridership']), y, { rng: new Rng(1) })).rejects.toMatchObject({ code: 'data.not_numeric', message: expect.stringContaining("'date'") });
    const m = await new RidgeEstimator({ alpha: 1 }).fit(train.drop(['ridership', 'date']), y, { rng: new Rng(1) });
    const pred = m.predict(test).values;
    const truth = (test.column('ridership') as { values: Float64Array }).values;
    const mean = truth.reduce((s, v) => s + v, 0) / truth.length;
    let ssRes = 0;
    let ssTot = 0;
    truth.forEach((v, i) => {
      ssRes += (v - pred[i]!) ** 2;
      ssTot += (v - mean) ** 2;
    });
    expect(1 - ssRes / ssTot).toBeGreaterThan(0.75);
  });

  it('multinomial logistic regression on letter (26 classes) converges and matches the sklearn peer', async () => {
    const { frame, holdout } = load('letter', true);
    const train = frame.take(holdout.train);
    const test = frame.take(holdout.test);
    const events: FitEvent[] = [];
    const m = await new LogisticRegressionEstimator({ C: 1 }).fit(train.drop(['lettr']), train.column('lettr'), { rng: new Rng(1), emit: (e) => events.push(e) });
    expect(events).toEqual([]);
    expect(m.classes).toHaveLength(26);
    const pred = m.predict(test).values;
    const truth = (test.column('lettr') as { values: (string | null)[] }).values;
    const acc = truth.reduce((s, v, i) => s + (m.classes[pred[i]!] === v ? 1 : 0), 0) / truth.length;
    expect(acc).toBeGreaterThan(0.76);
  });
});
