import { expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { buildHistogram, gatherGradients, subtractHistogram } from './histogram.js';

it('histogram subtraction equals a direct build of the other child', () => {
  const r = new Rng(3);
  const n = 500;
  const nBins = new Int32Array([7, 3, 12]);
  const offsets = new Int32Array([0, 7, 10]);
  const total = 22;
  const bins = new Uint8Array(3 * n);
  for (let f = 0; f < 3; f++) for (let i = 0; i < n; i++) bins[f * n + i] = r.int(nBins[f]!);
  // Integer-valued gradients keep every sum exact, so equality can be exact.
  const grad = Float64Array.from({ length: n }, () => r.int(21) - 10);
  const hess = Float64Array.from({ length: n }, () => r.int(5) + 1);
  const features = new Int32Array([0, 1, 2]);
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  const ordG = new Float64Array(n);
  const ordH = new Float64Array(n);
  const build = (start: number, end: number) => {
    const h = new Float64Array(total * 3);
    gatherGradients(rows, start, end, grad, hess, ordG, ordH);
    buildHistogram(bins, n, features, 3, offsets, nBins, rows, start, end, ordG, ordH, h);
    return h;
  };
  const parent = build(0, n);
  const left = build(0, 180);
  const right = build(180, n);
  const sub = new Float64Array(total * 3);
  subtractHistogram(parent, left, sub, features, 3, offsets, nBins);
  expect(sub).toEqual(right);
  let count = 0;
  for (let b = 0; b < 7; b++) count += parent[b * 3 + 2]!;
  expect(count).toBe(n);
});
