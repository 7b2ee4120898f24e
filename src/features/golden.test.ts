/**
 * Compares the transformers with scikit-learn 1.2 outputs stored in
 * test/golden/features/features.json (made by make_features.py there; see its README for the
 * tolerances' reasons).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model, TransformerModel } from '../core/estimator.js';
import { categoricalColumn, Frame, numericColumn, textColumn, type NumericColumn } from '../core/frame.js';
import { Rng } from '../core/rng.js';
import { HashingVectorizer, OneHot, Ordinal, RobustScaler, SimpleImputer, StandardScaler, Tfidf } from './index.js';

type Nums = (number | null)[];
interface Golden {
  sklearn: string;
  numeric: { columns: Nums[]; full: Nums[] };
  standard_scaler: { full: Nums[]; nan: Nums[] };
  robust_scaler: { full: Nums[]; nan: Nums[] };
  robust_scaler_10_90: Nums[];
  simple_imputer: Record<'mean' | 'median' | 'most_frequent', Nums[]>;
  categorical: { train: string[]; test: string[] };
  one_hot: Record<string, { params: Record<string, number>; names: string[]; test: Nums[] }>;
  ordinal: { test: Nums };
  text: { train: string[]; test: string[] };
  tfidf: Record<string, { params: Record<string, unknown>; terms: string[]; idf: Nums; test: Nums[] }>;
  hashing: { n_features: number; ngram_range: [number, number]; rows: Nums[] };
}

const golden = JSON.parse(readFileSync(new URL('../../test/golden/features/features.json', import.meta.url), 'utf8')) as Golden;
const ctx = () => ({ rng: new Rng(1) });
const f64 = (a: Nums) => Float64Array.from(a, (v) => (v === null ? NaN : v));
const numFrame = (cols: Nums[]) => Frame.fromColumns(cols.map((c, j) => numericColumn(`x${j}`, f64(c))));
const catFrame = (values: string[]) => {
  const levels = [...new Set(values)];
  return Frame.fromColumns([categoricalColumn('c', Int32Array.from(values, (v) => levels.indexOf(v)), levels)]);
};

/**
 * Relative tolerance 1e-12: scalers and imputers are a handful of float64 operations, but numpy
 * sums pairwise and we sum left to right, so the last one or two bits of a mean may differ.
 */
function expectClose(got: Float64Array, want: Nums, tol = 1e-12): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    if (w === null) expect(got[i]).toBeNaN();
    else expect(Math.abs(got[i]! - w)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(w)));
  });
}

async function transformed(model: Promise<Model>, frame: Frame): Promise<Frame> {
  return ((await model) as TransformerModel).transform(frame);
}

describe(`golden: scikit-learn ${golden.sklearn}`, () => {
  const nanFrame = numFrame(golden.numeric.columns);
  const fullFrame = numFrame(golden.numeric.full);
  const cols = (f: Frame) => f.columns.map((c) => (c as NumericColumn).values);

  it('standard_scaler matches StandardScaler (with and without NaN)', async () => {
    for (const [frame, want] of [
      [fullFrame, golden.standard_scaler.full],
      [nanFrame, golden.standard_scaler.nan],
    ] as const) {
      const out = await transformed(new StandardScaler({}).fit(frame, undefined, ctx()), frame);
      cols(out).forEach((c, j) => expectClose(c, want[j]!));
    }
  });

  it('robust_scaler matches RobustScaler (IQR and 10-90)', async () => {
    for (const [frame, want] of [
      [fullFrame, golden.robust_scaler.full],
      [nanFrame, golden.robust_scaler.nan],
    ] as const) {
      const out = await transformed(new RobustScaler({}).fit(frame, undefined, ctx()), frame);
      cols(out).forEach((c, j) => expectClose(c, want[j]!));
    }
    const out = await transformed(new RobustScaler({ quantile_low: 10, quantile_high: 90 }).fit(nanFrame, undefined, ctx()), nanFrame);
    cols(out).forEach((c, j) => expectClose(c, golden.robust_scaler_10_90[j]!));
  });

  it('simple_imputer matches SimpleImputer (mean, median, most_frequent)', async () => {
    for (const strategy of ['mean', 'median', 'most_frequent'] as const) {
      const out = await transformed(new SimpleImputer({ strategy }).fit(nanFrame, undefined, ctx()), nanFrame);
      cols(out).forEach((c, j) => expectClose(c, golden.simple_imputer[strategy][j]!));
    }
  });

  it("one_hot matches OneHotEncoder(handle_unknown='infrequent_if_exist') with min_frequency / max_categories", async () => {
    const train = catFrame(golden.categorical.train);
    const test = catFrame(golden.categorical.test);
    for (const [name, c] of Object.entries(golden.one_hot)) {
      const out = await transformed(new OneHot({ ...c.params, handle_unknown: 'infrequent' }).fit(train, undefined, ctx()), test);
      expect(out.names, name).toEqual(c.names);
      // Exact: 0/1 indicators.
      cols(out).forEach((col, j) => expect(Array.from(col), `${name} ${c.names[j]}`).toEqual(c.test[j]));
    }
  });

  it('ordinal matches OrdinalEncoder(unknown_value=nan)', async () => {
    const out = await transformed(new Ordinal({}).fit(catFrame(golden.categorical.train), undefined, ctx()), catFrame(golden.categorical.test));
    expectClose((out.column('c') as NumericColumn).values, golden.ordinal.test, 0);
  });

  it('tfidf matches TfidfVectorizer (n-grams 1-2, sublinear_tf both ways, min_df, no smoothing + l1)', async () => {
    const map: Record<string, (p: Record<string, unknown>) => Record<string, unknown>> = {
      ngram_range: (p) => ({ ngram_min: (p.ngram_range as number[])[0], ngram_max: (p.ngram_range as number[])[1] }),
    };
    const train = Frame.fromColumns([textColumn('t', golden.text.train)]);
    const test = Frame.fromColumns([textColumn('t', golden.text.test)]);
    for (const [name, c] of Object.entries(golden.tfidf)) {
      let params: Record<string, unknown> = { max_features: 100_000 };
      for (const [k, v] of Object.entries(c.params)) params = { ...params, ...(map[k] ? map[k]({ [k]: v }) : { [k]: v }) };
      const out = await transformed(new Tfidf(params).fit(train, undefined, ctx()), test);
      expect(out.names, name).toEqual(c.terms.map((t) => `t:${t}`));
      // 1e-12: a log, a product and a norm per cell; sklearn's sparse sums may round differently.
      c.test.forEach((row, i) => expectClose(Float64Array.from(cols(out), (col) => col[i]!), row));
    }
  });

  it('hashing_vectorizer matches HashingVectorizer (MurmurHash3 buckets and signs)', async () => {
    const train = Frame.fromColumns([textColumn('t', golden.text.train)]);
    const [lo, hi] = golden.hashing.ngram_range;
    const out = await transformed(new HashingVectorizer({ n_features: golden.hashing.n_features, ngram_min: lo, ngram_max: hi }).fit(train, undefined, ctx()), train);
    golden.hashing.rows.forEach((row, i) => expectClose(Float64Array.from(cols(out), (col) => col[i]!), row));
  });
});
