// Shared by the fairness tests: the committed credit example as a Frame, with a deterministic
// prediction rule that test/golden/fairness/make_fairness.py writes down identically, and a
// helper for the error a call throws.
import { fileURLToPath } from 'node:url';
import type { Frame } from '../../core/frame.js';
import { readTable } from '../../data/io/index.js';
import { inferSchema } from '../../data/schema/index.js';
export { thrown } from '../../core/errors.fixture.js';

export const CREDIT_CSV = fileURLToPath(new URL('../../../examples/credit/credit.csv', import.meta.url));

export interface Credit {
  frame: Frame;
  /** Status == 'bad' (the positive class: a default). `Int32Array[n]` */
  yTrue: Int32Array;
  /** The golden rule: flag Seniority < 3 (years with the employer). `Int32Array[n]` */
  yPred: Int32Array;
  /** A score in (0, 1] for the mitigation tests: 1 / (1 + Seniority), +0.25 for past records (capped at 1). */
  score: Float64Array;
}

let cached: Promise<Credit> | undefined;

/** Reads examples/credit/credit.csv once per test file. */
export function loadCredit(): Promise<Credit> {
  cached ??= (async () => {
    const { frame } = inferSchema(await readTable(CREDIT_CSV));
    const status = frame.column('Status');
    const seniority = frame.column('Seniority');
    const records = frame.column('Records');
    if (status.kind !== 'categorical' || seniority.kind !== 'numeric' || records.kind !== 'categorical') throw new Error('credit.csv: unexpected column types');
    const yes = records.levels.indexOf('yes');
    const bad = status.levels.indexOf('bad');
    const n = frame.nRows;
    const yTrue = Int32Array.from({ length: n }, (_, i) => (status.codes[i] === bad ? 1 : 0));
    const yPred = Int32Array.from({ length: n }, (_, i) => (seniority.values[i]! < 3 ? 1 : 0));
    const score = Float64Array.from({ length: n }, (_, i) => Math.min(1, 1 / (1 + seniority.values[i]!) + (records.codes[i] === yes ? 0.25 : 0)));
    return { frame, yTrue, yPred, score };
  })();
  return cached;
}

