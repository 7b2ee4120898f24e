/**
 * Loads test/golden/calibration/calibration.json (written by make_calibration.py beside it) and
 * resolves its shared arrays: a field holding "$name" stands for `shared[name]`.
 *
 * @example
 * const g = loadCalibrationGolden();
 * g.num(g.doc.sigmoid[0].score); // Float64Array
 */
import { readFileSync } from 'node:fs';

export type Arr = number[] | string;

export interface CalibrationGolden {
  versions: Record<string, string>;
  shared: Record<string, number[]>;
  reliability: { name: string; y: Arr; p: Arr; curves: { bins: number; strategy: 'uniform' | 'quantile'; edges: Arr; probTrue: Arr; probPred: Arr; counts: Arr; ece?: number }[] }[];
  topLabel: { name: string; nClasses: number; y: Arr; proba: Arr; ece: Record<string, number> };
  sigmoid: {
    name: string;
    score: Arr;
    y: Arr;
    sampleWeight: Arr | null;
    sklearn: { a: number; b: number };
    optimum: { a: number; b: number };
    sklearnBound: number;
    scoreTest: Arr;
    probaSklearn: Arr;
    probaAtOptimum: Arr;
  }[];
  isotonic: { name: string; x: Arr; y: Arr; sampleWeight: Arr | null; xThresholds: Arr; yThresholds: Arr; xTest: Arr; predict: Arr }[];
  ovr: {
    name: string;
    method: 'sigmoid' | 'isotonic';
    nClasses: number;
    inputColumns: number;
    scoresCal: Arr;
    yCal: Arr;
    scoresTest: Arr;
    calibrators: ({ a: number; b: number; bound: number } | { x: Arr; y: Arr })[];
    proba: Arr;
  }[];
  precisionRecall: { name: string; y: Arr; score: Arr; sampleWeight: Arr | null; precision: Arr; recall: Arr; thresholds: Arr }[];
}

/**
 * Reads the golden file; `num` / `int` turn a stored array (or a "$shared" reference) into a typed array.
 *
 * @example
 * const { doc, int } = loadCalibrationGolden(); int(doc.reliability[0].y); // Int32Array
 */
export function loadCalibrationGolden(): { doc: CalibrationGolden; num: (a: Arr) => Float64Array; int: (a: Arr) => Int32Array } {
  const doc = JSON.parse(readFileSync(new URL('../../../test/golden/calibration/calibration.json', import.meta.url), 'utf8')) as CalibrationGolden;
  const raw = (a: Arr): number[] => {
    if (typeof a !== 'string') return a;
    const v = doc.shared[a.slice(1)];
    if (!a.startsWith('$') || v === undefined) throw new Error(`golden file refers to unknown shared array ${a}`);
    return v;
  };
  return { doc, num: (a) => Float64Array.from(raw(a)), int: (a) => Int32Array.from(raw(a)) };
}
