import { describe, expect, it } from 'vitest';
import { categoricalColumn, Frame, numericColumn, type NumericColumn } from '../core/frame.js';
import { Rng } from '../core/rng.js';
import { SpecmlError } from '../core/errors.js';
import { mixedFrame, SumPredictor } from './testing.fixture.js';
import { foldIds, pipeline, TargetEncoder } from './index.js';

const ctx = () => ({ rng: new Rng(5) });
const values = (f: Frame, name: string) => Array.from((f.column(name) as NumericColumn).values);

describe('target_encoder', () => {
  // a: y 1, 2, 3 (mean 2); b: y 10 (mean 10); prior 4.
  const frame = Frame.fromColumns([categoricalColumn('c', Int32Array.of(0, 0, 0, 1), ['a', 'b'])]);
  const y = numericColumn('y', Float64Array.of(1, 2, 3, 10));

  it('m-estimate: (n m + m p) / (n + m) per category; unknown -> prior; missing is its own category', async () => {
    const model = await new TargetEncoder({ smoothing: 'm_estimate', m: 2 }).fit(frame, y, ctx());
    const test = Frame.fromColumns([categoricalColumn('c', Int32Array.of(0, 1, 2, -1), ['a', 'b', 'zz'])]);
    expect(values(model.transform(test), 'c')).toEqual([(6 + 2 * 4) / 5, (10 + 2 * 4) / 3, 4, 4]);
  });

  it("auto: sklearn's empirical-Bayes shrinkage", async () => {
    const model = await new TargetEncoder({}).fit(frame, y, ctx());
    const v = (1 + 4 + 9 + 100) / 4 - 16; // population variance of y = 12.5
    const la = (v * 3) / (v * 3 + 2 / 3); // a: within sum of squares 2
    const lb = (v * 1) / (v * 1 + 0); // b: a single row is not shrunk
    const got = values(model.transform(frame), 'c');
    expect(got[0]).toBeCloseTo(la * 2 + (1 - la) * 4, 12);
    expect(got[3]).toBeCloseTo(lb * 10 + (1 - lb) * 4, 12);
  });

  it('fitTransform gives out-of-fold encodings: a row never sees its own label', async () => {
    const { frame: f, y: target } = mixedFrame(80);
    const train = f.select(['city']);
    const a = await new TargetEncoder({}).fitTransform(train, target, ctx());
    const changed = Float64Array.from(target.values);
    changed[0] = 1e6;
    const b = await new TargetEncoder({}).fitTransform(train, numericColumn('y', changed), ctx());
    expect(values(b.output, 'city')[0]).toBe(values(a.output, 'city')[0]);
    // ... whereas the full-data encoding of row 0 moves, and differs from the out-of-fold one.
    expect(values(b.model.transform(train), 'city')[0]).not.toBe(values(a.model.transform(train), 'city')[0]);
    expect(values(a.output, 'city')).not.toEqual(values(a.model.transform(train), 'city'));
  });

  it('pipeline hands the out-of-fold encodings to the next step, and full-data ones at predict time', async () => {
    const { frame: f, y: target } = mixedFrame(80);
    const train = f.select(['city', 'z']);
    SumPredictor.seen = [];
    const model = await pipeline([new TargetEncoder({}), new SumPredictor()]).fit(train, target, { rng: new Rng(9), validation: { frame: train.head(10), target } });
    const expected = await new TargetEncoder({}).fitTransform(train, target, { rng: new Rng(9).fork('0:target_encoder') });
    const seen = SumPredictor.seen[0]!;
    expect(values(seen.frame, 'city')).toEqual(values(expected.output, 'city'));
    // The validation frame went through the fitted encoder (full-data statistics).
    expect(values(seen.validation!, 'city')).toEqual(values(expected.model.transform(train.head(10)), 'city'));
    expect(model.kind).toBe('predictor');
  });

  it('multiclass: one column per class; missing target and no target are errors', async () => {
    const label = categoricalColumn('k', Int32Array.of(0, 1, 2, 2), ['p', 'q', 'r']);
    const out = (await new TargetEncoder({}).fit(frame, label, ctx())).transform(frame);
    expect(out.names).toEqual(['c__te_p', 'c__te_q', 'c__te_r']);
    await expect(new TargetEncoder({}).fit(frame, undefined, ctx())).rejects.toThrow(SpecmlError);
    await expect(new TargetEncoder({}).fit(frame, numericColumn('y', Float64Array.of(1, NaN, 2, 3)), ctx())).rejects.toThrow(/missing at row 2/);
  });

  it('folds are balanced and stratified', () => {
    const strata = Int32Array.from({ length: 50 }, (_, i) => (i < 10 ? 1 : 0));
    const folds = foldIds(50, 5, new Rng(1), strata);
    for (let k = 0; k < 5; k++) {
      expect(folds.filter((f) => f === k).length).toBe(10);
      expect(folds.filter((f, i) => f === k && strata[i] === 1).length).toBe(2);
    }
  });
});
