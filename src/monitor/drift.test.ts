import { describe, expect, it } from 'vitest';
import { categoricalColumn, Frame, numericColumn } from '../core/frame.js';
import { Rng } from '../core/rng.js';
import type { Schema } from '../data/schema/types.js';
import { driftReport } from './drift.js';
import { holmAdjust } from './stats.js';

const schema: Schema = {
  version: 1,
  columns: [
    { name: 'x1', type: 'numeric', nullable: true, idLike: false },
    { name: 'x2', type: 'numeric', nullable: true, idLike: false },
    { name: 'n', type: 'integer', nullable: true, idLike: false },
    { name: 'c', type: 'categorical', nullable: true, idLike: false, categories: ['a', 'b', 'c', 'd'] },
  ],
};

interface Shift {
  mean?: number;
  missing?: number;
  catProbs?: number[];
  levels?: string[];
}

/** A frame of n rows: x1, x2 ~ N(0, 1) (x1 shifted by `mean`), n ~ Poisson-ish integers, c over a..d. */
function frame(n: number, seed: number, s: Shift = {}): Frame {
  const rng = new Rng(seed);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const k = new Float64Array(n);
  const codes = new Int32Array(n);
  const probs = s.catProbs ?? [0.4, 0.3, 0.2, 0.1];
  for (let i = 0; i < n; i++) {
    x1[i] = rng.float() < (s.missing ?? 0) ? NaN : rng.normal() + (s.mean ?? 0);
    x2[i] = rng.normal();
    k[i] = Math.floor(-Math.log(1 - rng.float()) * 3);
    let u = rng.float();
    let j = 0;
    while (j < probs.length - 1 && u >= probs[j]!) u -= probs[j++]!;
    codes[i] = j;
  }
  return Frame.fromColumns([numericColumn('x1', x1), numericColumn('x2', x2), numericColumn('n', k, true), categoricalColumn('c', codes, s.levels ?? ['a', 'b', 'c', 'd'])]);
}

describe('driftReport', () => {
  const reference = frame(5000, 1);

  it('does not flag a large sample of the unchanged distribution', () => {
    const r = driftReport(reference, frame(200_000, 2), schema);
    expect(r.detected).toBe(false);
    expect(r.status).toBe('no_drift');
    for (const f of r.features) expect(f.effect!).toBeLessThan(f.band);
  });

  it('flags a mean shift of half a standard deviation in one feature, and only that feature', () => {
    const r = driftReport(reference, frame(2000, 3, { mean: 0.5 }), schema);
    expect(r.detected).toBe(true);
    expect(r.drifted_features).toEqual(['x1']);
    const x1 = r.features.find((f) => f.name === 'x1')!;
    expect(x1).toMatchObject({ test: 'ks', effect_measure: 'wasserstein_sd', status: 'drift', drifted: true });
    expect(x1.effect!).toBeGreaterThan(0.4);
    expect(x1.effect!).toBeLessThan(0.6);
    expect(x1.p_adjusted!).toBeLessThan(1e-6);
  });

  it('takes the chance distance of two samples out of the effect, so a window size does not read as a shift', () => {
    // Two samples (5,000 and 300 rows) of one normal are ~0.07 sd apart by chance alone.
    let raw = 0;
    let effect = 0;
    const reps = 40;
    for (let k = 0; k < reps; k++) {
      const x1 = driftReport(reference, frame(300, 600 + k), schema).features.find((f) => f.name === 'x1')!;
      raw += x1.effect_raw! / reps;
      effect += x1.effect! / reps;
    }
    expect(raw).toBeGreaterThan(0.05);
    expect(effect).toBeLessThan(raw / 2);
    // A real shift keeps (almost) its size.
    const shifted = driftReport(reference, frame(300, 16, { mean: 0.5 }), schema).features.find((f) => f.name === 'x1')!;
    expect(shifted.effect!).toBeGreaterThan(0.9 * shifted.effect_raw!);
  });

  it('calls a significant shift below the band a small shift, not drift', () => {
    const r = driftReport(frame(50_000, 4), frame(200_000, 5, { mean: 0.04 }), schema);
    const x1 = r.features.find((f) => f.name === 'x1')!;
    expect(x1.p_adjusted!).toBeLessThan(0.05);
    expect(x1.status).toBe('small_shift');
    expect(r.detected).toBe(false);
  });

  it('says "not enough data" for a tiny window instead of alarming', () => {
    const r = driftReport(reference, frame(8, 6, { mean: 3 }), schema);
    expect(r.status).toBe('insufficient_data');
    expect(r.detected).toBe(false);
    expect(r.features.every((f) => f.status === 'insufficient_data' && !f.drifted)).toBe(true);
    expect(r.features[0]!.note).toMatch(/not enough data: \d+ reference and 8 current values/);
  });

  it('flags a category frequency change and a new category by Jensen-Shannon distance', () => {
    const r = driftReport(reference, frame(3000, 7, { catProbs: [0.15, 0.3, 0.2, 0.35], levels: ['a', 'b', 'c', 'e'] }), schema);
    const c = r.features.find((f) => f.name === 'c')!;
    expect(c).toMatchObject({ test: 'chi_square', effect_measure: 'jensen_shannon', drifted: true });
    expect(r.drifted_features).toEqual(['c']);
  });

  it('flags a jump of the missing rate', () => {
    const r = driftReport(reference, frame(3000, 8, { missing: 0.2 }), schema);
    const x1 = r.features.find((f) => f.name === 'x1')!;
    expect(x1.missing).toMatchObject({ reference: 0, drifted: true });
    expect(x1.missing!.current).toBeGreaterThan(0.17);
    expect(x1.drifted).toBe(true);
    expect(x1.note).toMatch(/missing rate 0\.0% -> (1[89]|2\d)\.\d%/);
  });

  it('keeps false alarms under alpha on small unchanged windows (Holm over all tests)', () => {
    const ref = frame(1000, 9);
    let alarms = 0;
    const reps = 200;
    for (let k = 0; k < reps; k++) if (driftReport(ref, frame(60, 100 + k), schema, { sensitivity: 'strict' }).detected) alarms++;
    // At most 5% expected; 20 of 200 would be a 1-in-10^4 event at a true 5%.
    expect(alarms).toBeLessThanOrEqual(20);
  });

  it('pools a rare category until the pool expects 5 rows, so chance counts of it do not alarm', () => {
    // A level at 0.1% beside one of 99.9%: a window of 100 expects 0.1 of it, and a single chance
    // row (one window in ten) gave a chi-square p of ~0.004 on its own cell, an alarm after Holm.
    const probs = [0.999, 0.001];
    const ref = frame(3000, 11, { catProbs: probs });
    let alarms = 0;
    const reps = 300;
    for (let k = 0; k < reps; k++) if (driftReport(ref, frame(100, 500 + k, { catProbs: probs }), schema, { sensitivity: 'strict' }).features.find((f) => f.name === 'c')!.drifted) alarms++;
    expect(alarms).toBeLessThanOrEqual(15);
  });

  it("tests a rare missing rate with Fisher's exact test", () => {
    const r = driftReport(frame(3000, 12, { missing: 0.001 }), frame(100, 13, { missing: 0.001 }), schema);
    const x1 = r.features.find((f) => f.name === 'x1')!;
    expect(x1.missing?.test).toBe('fisher_exact');
    expect(x1.missing?.statistic).toBeNull();
    const big = driftReport(reference, frame(3000, 14, { missing: 0.2 }), schema).features.find((f) => f.name === 'x1')!;
    expect(big.missing?.test).toBe('two_proportion');
  });

  it("takes band overrides by kind and per feature", () => {
    const win = frame(2000, 17, { mean: 0.3 });
    expect(driftReport(reference, win, schema).drifted_features).toEqual(['x1']);
    expect(driftReport(reference, win, schema, { bands: { numeric: 0.5 } }).drifted_features).toEqual([]);
    const own = driftReport(reference, win, schema, { featureBands: { x1: 0.5 } });
    expect(own.drifted_features).toEqual([]);
    expect(own.features.find((f) => f.name === 'x1')!.band).toBe(0.5);
    expect(own.features.find((f) => f.name === 'x2')!.band).toBe(0.1);
  });

  it('reports the share of importance held by drifted features', () => {
    const r = driftReport(reference, frame(2000, 10, { mean: 1 }), schema, { importance: { x1: 3, x2: 1, n: 0, c: 0 } });
    expect(r.importance_drifted).toBeCloseTo(0.75, 12);
  });
});

describe('holmAdjust', () => {
  it('multiplies the sorted p-values by k, k-1, ... and keeps them monotone', () => {
    expect(holmAdjust([0.01, 0.04, 0.03, NaN, 0.5])).toEqual([0.04, 0.09, 0.09, NaN, 0.5]);
    expect(holmAdjust([0.6, 0.6])).toEqual([1, 1]);
  });
});
