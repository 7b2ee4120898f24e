import { describe, expect, it } from 'vitest';
import { SpecmlError } from '../core/errors.js';
import { categoricalColumn, datetimeColumn, Frame, numericColumn, type NumericColumn } from '../core/frame.js';
import { deserializeModel, serializeModel } from '../core/model-io.js';
import { Rng } from '../core/rng.js';
import { mixedFrame, SumPredictor } from './testing.fixture.js';
import { columns, DatetimeParts, murmur3, OneHot, pipeline, SimpleImputer, StandardScaler, tokenize } from './index.js';

const ctx = () => ({ rng: new Rng(2) });
const { frame, y } = mixedFrame(50);

describe('pipeline', () => {
  it('records its steps, fits each on the previous output, and round-trips as a predictor', async () => {
    const est = pipeline([new SimpleImputer({}), new StandardScaler({}), new SumPredictor()]);
    expect(est.params).toEqual({ steps: [{ name: 'simple_imputer', params: new SimpleImputer({}).params }, { name: 'standard_scaler', params: new StandardScaler({}).params }, { name: 'test_sum', params: {} }] });
    SumPredictor.seen = [];
    const model = await est.fit(frame, y, ctx());
    const x = (SumPredictor.seen[0]!.frame.column('x') as NumericColumn).values;
    expect(x.some((v) => Number.isNaN(v))).toBe(false); // imputed before scaling
    expect(Math.abs(x.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9); // scaled on the imputed column
    const saved = serializeModel(model);
    const again = deserializeModel(JSON.parse(JSON.stringify(saved.json)), saved.buffers);
    expect(again.kind).toBe('predictor');
    if (model.kind === 'predictor' && again.kind === 'predictor') expect(again.predict(frame).values).toEqual(model.predict(frame).values);
  });

  it('rejects an empty pipeline and a predictor before the end', () => {
    expect(() => pipeline([])).toThrow(SpecmlError);
    expect(() => pipeline([new SumPredictor(), new StandardScaler({})])).toThrow(/only the last step/);
  });
});

describe('columns', () => {
  it('selects by kind and name, concatenates in spec order, then the remainder', async () => {
    const est = columns(
      [
        { select: { kind: ['numeric'] }, estimator: new StandardScaler({}) },
        { select: ['city'], estimator: new OneHot({ missing: 'zeros' }) },
      ],
      { remainder: 'passthrough' },
    );
    const model = await est.fit(frame, undefined, ctx());
    expect(model.transform(frame).names).toEqual(['x', 'z', 'city=kyiv', 'city=lima', 'city=oslo', 'city=paris', 'city=rome', 'flag', 'when', 'note']);
    const dropped = await columns([{ select: ['z'], estimator: new StandardScaler({}) }]).fit(frame, undefined, ctx());
    expect(dropped.transform(frame).names).toEqual(['z']);
    expect(dropped.inputs.map((c) => c.name)).toEqual(['z']); // needs only what it uses
  });

  it('reports unknown columns, duplicate outputs and predictors', async () => {
    await expect(columns([{ select: ['nope'], estimator: new StandardScaler({}) }]).fit(frame, undefined, ctx())).rejects.toThrow(/'nope'/);
    const twice = columns([
      { select: ['x'], estimator: new StandardScaler({}) },
      { select: ['x'], estimator: new SimpleImputer({}) },
    ]);
    await expect(twice.fit(frame, undefined, ctx())).rejects.toMatchObject({ code: 'usage.duplicate_column' });
    expect(() => columns([{ select: ['x'], estimator: new SumPredictor() }])).toThrow(SpecmlError);
  });
});

describe('column transformers', () => {
  it('simple_imputer: categorical most frequent, indicator columns', async () => {
    const f = Frame.fromColumns([categoricalColumn('c', Int32Array.of(1, -1, 1, 0), ['a', 'b']), numericColumn('n', Float64Array.of(1, 2, NaN, 4))]);
    const out = (await new SimpleImputer({ add_indicator: true, strategy: 'median' }).fit(f, undefined, ctx())).transform(f);
    expect(out.names).toEqual(['c', 'c__missing', 'n', 'n__missing']);
    expect(out.row(1)).toEqual({ c: 'b', c__missing: true, n: 2, n__missing: false });
    expect(out.row(2).n).toBe(2);
  });

  it("one_hot: missing indicator, unknown ignored, or a data.unknown_category error naming column and value", async () => {
    const train = Frame.fromColumns([categoricalColumn('c', Int32Array.of(0, 1, -1), ['a', 'b'])]);
    const test = Frame.fromColumns([categoricalColumn('c', Int32Array.of(2, -1), ['a', 'b', 'new'])]);
    const out = (await new OneHot({}).fit(train, undefined, ctx())).transform(test);
    expect(out.names).toEqual(['c=a', 'c=b', 'c=__missing__']);
    expect([out.row(0), out.row(1)]).toEqual([
      { 'c=a': 0, 'c=b': 0, 'c=__missing__': 0 },
      { 'c=a': 0, 'c=b': 0, 'c=__missing__': 1 },
    ]);
    const strict = await new OneHot({ handle_unknown: 'error' }).fit(train, undefined, ctx());
    expect(() => strict.transform(test)).toThrow(/column 'c' has category 'new'/);
  });

  it('datetime_parts: UTC parts, Monday 0, cyclic sin/cos', async () => {
    const f = Frame.fromColumns([datetimeColumn('t', Float64Array.of(Date.UTC(2024, 11, 31, 23), NaN))]); // a Tuesday
    const out = (await new DatetimeParts({ cyclic: true }).fit(f, undefined, ctx())).transform(f);
    expect(out.row(0)).toMatchObject({ t__year: 2024, t__month: 12, t__day: 31, t__weekday: 1, t__hour: 23, t__day_of_year: 366 });
    expect(out.row(0).t__month_cos as number).toBeCloseTo(Math.cos((2 * Math.PI * 11) / 12), 12);
    expect(out.row(1).t__year).toBeNull();
  });

  it("tokenize follows sklearn's (?u)\\b\\w\\w+\\b; murmur3 matches sklearn.utils.murmurhash3_32", () => {
    expect(tokenize("Naïve café, fox_1 a 42 Über-fast!", true)).toEqual(['naïve', 'café', 'fox_1', '42', 'über', 'fast']);
    // Values printed by sklearn 1.2.1: murmurhash3_32(s, 0, positive=True).
    expect(['hello', '', 'a', 'ab', 'abc', 'abcd', 'naïve café'].map((s) => murmur3(s))).toEqual([613153351, 0, 1009084850, 2613040991, 3017643002, 1139631978, 1734666806]);
  });
});
