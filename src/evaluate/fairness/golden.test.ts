/**
 * Fairness metrics against fairlearn 0.10's published definitions, evaluated in numpy/sklearn by
 * test/golden/fairness/make_fairness.py (the README there lists the cases and versions).
 *
 * Tolerance: |actual − expected| ≤ 1e-12 · max(1, |expected|). Every binary rate is one division
 * of two whole-number counts, and each aggregate one subtraction or division of such rates, so
 * both sides round the same IEEE operations and agree bit for bit; Wilson bounds are the same
 * closed-form expression in the same order (one sqrt, correctly rounded in both). The margin is
 * for what is not a single operation: group means of scores and regression errors, where numpy's
 * pairwise summation and our left-to-right sum differ by ≲ n · 2^-53 ≈ 5e-13 relative for the
 * n ≤ 4,454 rows here, and libm differences of an ulp across platforms. Observed: 2,374 of 2,387
 * values bit-identical, the largest difference 7.1e-15. A real formula slip is far larger: z = 1.96
 * moves Wilson bounds by 5e-7 to 7e-6, a band closed on the wrong end moves whole rows, and 0
 * instead of null for 0/0 moves a TPR spread from 0.2 to 0.8.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOOL_MISSING, type Column, Frame, booleanColumn, categoricalColumn, numericColumn } from '../../core/frame.js';
import type { UndefinedRatePolicy } from './disparity.js';
import { BINARY_RATES } from './group-rates.js';
import type { SensitiveAttribute } from '../../data/groups.js';
import { regressionFairnessReport } from './regression.js';
import { fairnessReport } from './report.js';
import { loadCredit } from './fairness.fixture.js';
import { Z_95, wilsonInterval } from './wilson.js';

type Json = number | string | boolean | null;
interface GoldenGroup {
  group: string;
  count: number;
  positives?: number;
  predicted_positives?: number;
  mean_score?: number | null;
  rates?: Record<string, number | null>;
  ci?: Record<string, [number, number] | null>;
  [k: string]: unknown;
}
interface GoldenAttribute {
  attribute: string;
  labels: string[];
  groups: GoldenGroup[];
  metrics: Record<string, Json>;
  excluded?: [string, string[]][];
}
interface GoldenRun {
  minGroupSize: number;
  undefinedRates?: UndefinedRatePolicy;
  attributes: GoldenAttribute[];
}
interface GoldenCase {
  name: string;
  task: 'binary' | 'regression';
  columns?: { name: string; kind: 'numeric' | 'categorical' | 'boolean'; values: (number | string | boolean | null)[] }[];
  levels?: Record<string, string[]>;
  data?: string;
  attributes: SensitiveAttribute[];
  intersections: boolean;
  yTrue?: number[];
  yPred?: number[];
  score?: number[];
  runs: GoldenRun[];
}

const golden = JSON.parse(readFileSync(new URL('../../../test/golden/fairness/fairness.json', import.meta.url), 'utf8')) as {
  versions: Record<string, string>;
  z: number;
  wilson: { k: number; n: number; interval: [number, number] }[];
  cases: GoldenCase[];
};

const RTOL = 1e-12;

function close(actual: Json | undefined, expected: Json, what: string): void {
  if (expected === null || typeof expected !== 'number') {
    expect(actual, what).toBe(expected);
    return;
  }
  expect(typeof actual, `${what}: got ${actual}, expected ${expected}`).toBe('number');
  const err = Math.abs((actual as number) - expected);
  expect(err <= RTOL * Math.max(1, Math.abs(expected)), `${what}: got ${actual}, expected ${expected} (diff ${err})`).toBe(true);
}

function frameOf(c: GoldenCase): Frame {
  const cols: Column[] = c.columns!.map((col) => {
    if (col.kind === 'numeric') return numericColumn(col.name, Float64Array.from(col.values, (v) => (v === null ? NaN : (v as number))));
    if (col.kind === 'boolean') return booleanColumn(col.name, Uint8Array.from(col.values, (v) => (v === null ? BOOL_MISSING : v ? 1 : 0)));
    const levels = c.levels?.[col.name] ?? [...new Set(col.values.filter((v): v is string => v !== null))];
    return categoricalColumn(col.name, Int32Array.from(col.values, (v) => (v === null ? -1 : levels.indexOf(v as string))), levels);
  });
  return Frame.fromColumns(cols);
}

async function inputs(c: GoldenCase): Promise<{ frame: Frame; yTrue: Float64Array; yPred: Float64Array; score?: Float64Array }> {
  if (c.data === undefined) {
    return { frame: frameOf(c), yTrue: Float64Array.from(c.yTrue!), yPred: Float64Array.from(c.yPred!), ...(c.score ? { score: Float64Array.from(c.score) } : {}) };
  }
  const credit = await loadCredit();
  if (c.task === 'binary') return { frame: credit.frame, yTrue: Float64Array.from(credit.yTrue), yPred: Float64Array.from(credit.yPred) };
  // credit_regression: yTrue = Amount, yPred = Price * 0.75 (the script's rule).
  const amount = credit.frame.column('Amount');
  const price = credit.frame.column('Price');
  if (amount.kind !== 'numeric' || price.kind !== 'numeric') throw new Error('credit.csv: Amount/Price not numeric');
  return { frame: credit.frame, yTrue: Float64Array.from(amount.values), yPred: Float64Array.from(price.values, (v) => v * 0.75) };
}

describe(`fairness matches fairlearn ${golden.versions.fairlearn_definitions} definitions (numpy ${golden.versions.numpy}, sklearn ${golden.versions.sklearn})`, () => {
  it('uses the same z and Wilson intervals', () => {
    expect(Z_95).toBe(golden.z);
    expect(golden.wilson.length).toBeGreaterThanOrEqual(8);
    for (const w of golden.wilson) {
      const got = wilsonInterval(w.k, w.n);
      close(got.lower, w.interval[0], `wilson(${w.k}, ${w.n}).lower`);
      close(got.upper, w.interval[1], `wilson(${w.k}, ${w.n}).upper`);
    }
  });

  it('has the cases the README promises', () => {
    const names = golden.cases.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['empty_denominators', 'bands_missing_boolean', 'undefined_tpr_exclude_vs_zero', 'credit', 'credit_regression']));
  });

  for (const c of golden.cases) {
    for (const run of c.runs) {
      const title = `${c.name} (minGroupSize ${run.minGroupSize}${run.undefinedRates ? `, undefinedRates ${run.undefinedRates}` : ''})`;
      it(title, async () => {
        const { frame, yTrue, yPred, score } = await inputs(c);
        const opts = { intersections: c.intersections, minGroupSize: run.minGroupSize };
        const got =
          c.task === 'binary'
            ? fairnessReport(frame, c.attributes, yTrue, yPred, { ...opts, undefinedRates: run.undefinedRates!, ...(score ? { score } : {}) }).attributes
            : regressionFairnessReport(frame, c.attributes, yTrue, yPred, opts).attributes;
        expect(got.map((a) => a.attribute)).toEqual(run.attributes.map((a) => a.attribute));
        run.attributes.forEach((want, ai) => {
          const have = got[ai]!;
          const at = `${title} ${want.attribute}`;
          expect(have.groups.map((g) => g.group), `${at} group labels and order`).toEqual(want.labels);
          want.groups.forEach((wg, gi) => {
            const hg = have.groups[gi]! as unknown as Record<string, unknown>;
            const where = `${at} [${wg.group}]`;
            expect(hg.count, `${where} count`).toBe(wg.count);
            if (c.task === 'regression') {
              for (const k of ['mae', 'rmse', 'mean_prediction', 'mean_target']) close(hg[k] as Json, wg[k] as Json, `${where} ${k}`);
              return;
            }
            expect(hg.positives, `${where} positives`).toBe(wg.positives);
            expect(hg.predicted_positives, `${where} predicted_positives`).toBe(wg.predicted_positives);
            close(hg.mean_score as Json, wg.mean_score ?? null, `${where} mean_score`);
            for (const r of BINARY_RATES) {
              const rate = hg[r] as { value: number | null; ci: { lower: number; upper: number } | null };
              close(rate.value, wg.rates![r]!, `${where} ${r}`);
              const ci = wg.ci![r]!;
              if (ci === null) expect(rate.ci, `${where} ${r} ci`).toBeNull();
              else {
                close(rate.ci?.lower, ci[0], `${where} ${r} ci.lower`);
                close(rate.ci?.upper, ci[1], `${where} ${r} ci.upper`);
              }
            }
          });
          for (const [k, v] of Object.entries(want.metrics)) close((have.metrics as unknown as Record<string, Json>)[k], v, `${at} ${k}`);
          const key = (group: string, from: string[]): string => `${group}: ${[...from].sort().join(',')}`;
          expect(have.excluded.map((e) => key(e.group, e.from)).sort(), `${at} excluded`).toEqual((want.excluded ?? []).map(([g, from]) => key(g, from)).sort());
        });
      });
    }
  }
});
