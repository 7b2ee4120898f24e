/**
 * Special functions and distributions against test/golden/stats/stats.json (make_stats.py beside
 * it; its README lists the argument grids). Every point carries two references: mpmath at 60
 * digits (the true value rounded to float64) and SciPy 1.10.1.
 *
 * Tolerances, ε = 2^-52:
 * - Against mpmath, the accuracy we claim. erf, erfc, logGamma, normalQuantile: 8ε relative
 *   (observed ≤ 3ε; erfc is held to it out to x = 25, value 8e-274). normalCdf/Sf: ε·(8 + z²),
 *   because forming z/√2 rounds z by ε and ln Φ moves by z·δz there (SciPy's ndtr does the same).
 *   Incomplete gamma/beta and everything built on them: ε·(200·(1 + |ln v|) + s). The |ln v| term
 *   is the exponent's rounding (any method forms v = e^E with |E| ≈ |ln v|); the 200 covers the
 *   O(√shape) rounding steps of a series or continued fraction (observed ≤ 68). s is the largest
 *   beta shape: with a ≫ b and x near 1 the fraction's odd terms approach −1 and each step
 *   cancels, costing ~ε per unit of shape (observed ≤ 0.4·ε·s, 4e-11 for a t with df = 1e6).
 * - Against SciPy, that bound or SciPy's own error, whichever is larger: SciPy's cephes/cdflib
 *   routines are measured against mpmath by the generator (README): t.ppf stops at ~4e-9 (cdflib's
 *   root-finder tolerance), betainc's error grows as ~8ε·max(a, b) like ours and reaches 8e-7 at
 *   a = b = 1e6, the others stay below 1e-12.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as D from './distributions.js';
import * as E from './erf.js';
import * as B from './beta.js';
import * as S from './special.js';

type Row = number[];
const golden = JSON.parse(readFileSync(new URL('../../../test/golden/stats/stats.json', import.meta.url), 'utf8')) as {
  versions: Record<string, string>;
  special: Record<string, Row[]>;
  distributions: Record<string, Row[]>;
};

const EPS = Number.EPSILON;
type Fn = (...args: number[]) => number;

interface Rule {
  fn: Fn;
  /** Values near 0 are compared on an absolute scale of 1 (log-gamma zeros at 1 and 2, quantiles near p = ½). */
  floorOne?: boolean;
  mp: (args: number[], v: number) => number;
  scipy: (args: number[], v: number) => number;
}

const lnv = (v: number): number => (v === 0 ? 0 : Math.abs(Math.log(Math.abs(v))));
const incomplete = (shape: (a: number[]) => number) => (a: number[], v: number) => EPS * (200 * (1 + lnv(v)) + shape(a));
const none = () => 0;

const RULES: Record<string, Rule> = {
  logGamma: { fn: S.logGamma, floorOne: true, mp: () => 8 * EPS, scipy: () => 1e-14 },
  erf: { fn: E.erf, mp: () => 8 * EPS, scipy: () => 1e-14 },
  erfc: { fn: E.erfc, mp: () => 8 * EPS, scipy: () => 2e-14 },
  gammaIncP: { fn: S.gammaIncP, mp: incomplete(none), scipy: () => 1e-12 },
  gammaIncQ: { fn: S.gammaIncQ, mp: incomplete(none), scipy: () => 1e-12 },
  betaIncReg: { fn: B.betaIncReg, mp: incomplete((a) => Math.max(a[0]!, a[1]!)), scipy: (a) => (Math.max(a[0]!, a[1]!) >= 1e6 ? 1e-6 : 1e-12 + 16 * EPS * Math.max(a[0]!, a[1]!)) },
  normalCdf: { fn: D.normalCdf, mp: (a) => EPS * (8 + a[0]! ** 2), scipy: (a) => 2 * EPS * (8 + a[0]! ** 2) },
  normalSf: { fn: D.normalSf, mp: (a) => EPS * (8 + a[0]! ** 2), scipy: (a) => 2 * EPS * (8 + a[0]! ** 2) },
  normalQuantile: { fn: D.normalQuantile, floorOne: true, mp: () => 8 * EPS, scipy: () => 1e-14 },
  studentTCdf: { fn: D.studentTCdf, mp: incomplete((a) => a[1]! / 2), scipy: (a) => 1e-12 + (EPS * a[1]!) / 2 },
  studentTSf: { fn: D.studentTSf, mp: incomplete((a) => a[1]! / 2), scipy: (a) => 1e-12 + (EPS * a[1]!) / 2 },
  studentTQuantile: { fn: D.studentTQuantile, floorOne: true, mp: (a) => EPS * (200 + a[1]! / 2), scipy: () => 1e-8 },
  chi2Sf: { fn: D.chi2Sf, mp: incomplete(none), scipy: () => 1e-12 },
  fSf: { fn: D.fSf, mp: incomplete((a) => Math.max(a[1]!, a[2]!) / 2), scipy: () => 2e-12 },
  binomialCdf: { fn: D.binomialCdf, mp: incomplete((a) => a[1]!), scipy: () => 1e-12 },
};

function relErr(got: number, want: number, floorOne: boolean): number {
  if (got === want) return 0;
  return Math.abs(got - want) / Math.max(Math.abs(want), floorOne ? 1 : 0);
}

describe(`special functions and distributions match mpmath and SciPy ${golden.versions.scipy}`, () => {
  const all = { ...golden.special, ...golden.distributions };

  it('covers every function with points in the tails', () => {
    expect(Object.keys(all).sort()).toEqual(Object.keys(RULES).sort());
    expect(golden.special.erfc!.some((r) => r[0] === 25 && r[2]! < 1e-270)).toBe(true);
    expect(golden.distributions.studentTSf!.some((r) => !Number.isInteger(r[1]) && r[3]! < 1e-30)).toBe(true);
  });

  for (const [name, rows] of Object.entries(all)) {
    const rule = RULES[name]!;
    it(`${name} (${rows.length} points)`, () => {
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows) {
        const args = row.slice(0, -2);
        const [scipyValue, mpValue] = row.slice(-2) as [number, number];
        const got = rule.fn(...args);
        const what = `${name}(${args.join(', ')}) = ${got}`;
        const eMp = relErr(got, mpValue, rule.floorOne ?? false);
        expect(eMp <= rule.mp(args, mpValue), `${what}, mpmath ${mpValue}: rel err ${eMp}`).toBe(true);
        const eSp = relErr(got, scipyValue, rule.floorOne ?? false);
        expect(eSp <= Math.max(rule.mp(args, mpValue), rule.scipy(args, mpValue)), `${what}, SciPy ${scipyValue}: rel err ${eSp}`).toBe(true);
      }
    });
  }
});
