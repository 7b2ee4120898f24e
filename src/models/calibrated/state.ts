/**
 * Rebuilding a saved calibrator: checks a decoded state field by field (inference code, no fitting).
 */
import { SpecmlError } from '../../core/errors.js';
import type { StateValue } from '../../core/state.js';
import type { BinaryCalibratorState, CalibratorState } from './apply.js';

/**
 * Checks a decoded state (e.g. from a model package via `decodeState`) and returns it typed.
 * Throws `artifact.bad_state` naming the first field that is wrong.
 *
 * @example
 * calibratorFromState(JSON.parse(JSON.stringify({ kind: 'calibrator', method: 'sigmoid', nClasses: 2, inputColumns: 1, perClass: [{ method: 'sigmoid', a: -1, b: 0 }] })));
 */
export function calibratorFromState(state: StateValue): CalibratorState {
  const bad = (path: string, what: string): never => {
    throw new SpecmlError('artifact.bad_state', `calibrator state: ${path} ${what}`, { hint: 'Save calibrators with the state fitCalibrator returns (encodeState keeps typed arrays).' });
  };
  if (state === null || typeof state !== 'object' || Array.isArray(state) || ArrayBuffer.isView(state)) return bad('(root)', 'is not an object');
  const s = state as Record<string, StateValue>;
  if (s.kind !== 'calibrator') bad('kind', `is ${JSON.stringify(s.kind)}, not "calibrator"`);
  if (s.method !== 'sigmoid' && s.method !== 'isotonic') bad('method', `is ${JSON.stringify(s.method)}`);
  const k = s.nClasses;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 2) return bad('nClasses', 'must be an integer >= 2');
  const cols = s.inputColumns;
  if (typeof cols !== 'number' || !(k === 2 ? cols === 1 || cols === 2 : cols === k)) return bad('inputColumns', `is ${String(cols)}; expected ${k === 2 ? '1 or 2' : k}`);
  const list = s.perClass;
  if (!Array.isArray(list) || list.length !== (k === 2 ? 1 : k)) return bad('perClass', `must list ${k === 2 ? 1 : k} calibrator(s)`);
  const perClass = list.map((c, j): BinaryCalibratorState => {
    const path = `perClass[${j}]`;
    if (c === null || typeof c !== 'object' || Array.isArray(c) || ArrayBuffer.isView(c)) return bad(path, 'is not an object');
    const o = c as Record<string, StateValue>;
    if (o.method !== s.method) return bad(`${path}.method`, `is ${JSON.stringify(o.method)}, not ${JSON.stringify(s.method)}`);
    if (o.method === 'sigmoid') {
      if (typeof o.a !== 'number' || !Number.isFinite(o.a)) return bad(`${path}.a`, 'must be a finite number');
      if (typeof o.b !== 'number' || !Number.isFinite(o.b)) return bad(`${path}.b`, 'must be a finite number');
      return { method: 'sigmoid', a: o.a, b: o.b };
    }
    const x = o.x instanceof Float64Array ? o.x : Array.isArray(o.x) ? Float64Array.from(o.x as number[]) : bad(`${path}.x`, 'must be a Float64Array');
    const y = o.y instanceof Float64Array ? o.y : Array.isArray(o.y) ? Float64Array.from(o.y as number[]) : bad(`${path}.y`, 'must be a Float64Array');
    if (x.length === 0 || x.length !== y.length) bad(path, `has ${x.length} knots and ${y.length} values; need the same number, at least 1`);
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) bad(`${path}`, `knot ${i} is not finite`);
      if (i > 0 && !(x[i]! > x[i - 1]!)) bad(`${path}.x`, `is not strictly increasing at ${i}`);
      if (i > 0 && !(y[i]! >= y[i - 1]!)) bad(`${path}.y`, `decreases at ${i}`);
    }
    return { method: 'isotonic', x, y };
  });
  return { kind: 'calibrator', method: s.method as CalibratorState['method'], nClasses: k, inputColumns: cols, perClass };
}
