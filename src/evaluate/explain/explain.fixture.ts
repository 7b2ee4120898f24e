/**
 * Small synthetic tables for the explain tests: a numeric column with ~10 % missing, a categorical
 * column (4 levels, some missing), a boolean, and `extra` pure-noise numeric columns; targets for
 * binary, multiclass (3 classes) and regression built from x1, c and b only.
 *
 * @example
 * const { frame, target } = synth(300, 1, 'binary', 2); // 6 input columns
 */
import { Frame, booleanColumn, categoricalColumn, numericColumn, type Column } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';

/** Which target {@link synth} builds. */
export type SynthKind = 'binary' | 'multiclass' | 'regression';

/**
 * n seeded rows (columns x1, x2, c, b, then z1..z<extra>) and a target of `kind`.
 *
 * @example
 * synth(100, 3, 'regression').frame.names; // ['x1', 'x2', 'c', 'b']
 */
export function synth(n: number, seed: number, kind: SynthKind, extra = 0): { frame: Frame; target: Column } {
  const r = new Rng(seed);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const c = new Int32Array(n);
  const b = new Uint8Array(n);
  const noise = Array.from({ length: extra }, () => new Float64Array(n));
  const y = new Float64Array(n);
  const cls = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    x1[i] = r.float() < 0.1 ? NaN : r.normal();
    x2[i] = r.normal();
    c[i] = r.float() < 0.05 ? -1 : r.int(4);
    b[i] = r.int(2);
    for (const col of noise) col[i] = r.normal();
    const s = (Number.isNaN(x1[i]!) ? 1.5 : x1[i]!) + 0.5 * x2[i]! + (c[i] === 2 ? 2 : c[i] === 0 ? -1 : 0) + 0.5 * b[i]! + 0.3 * r.normal();
    y[i] = s;
    cls[i] = kind === 'binary' ? (s > 0.3 ? 1 : 0) : s < -0.5 ? 0 : s < 0.8 ? 1 : 2;
  }
  const frame = Frame.fromColumns([
    numericColumn('x1', x1),
    numericColumn('x2', x2),
    categoricalColumn('c', c, ['p', 'q', 'r', 's']),
    booleanColumn('b', b),
    ...noise.map((v, j) => numericColumn(`z${j + 1}`, v)),
  ]);
  const target = kind === 'regression' ? numericColumn('y', y) : categoricalColumn('y', cls, kind === 'binary' ? ['no', 'yes'] : ['a', 'b', 'c']);
  return { frame, target };
}
