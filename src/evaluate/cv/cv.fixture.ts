// Shared by the splitter tests: deterministic imbalanced labels and the error a call throws.
import { Rng } from '../../core/rng.js';
export { thrown } from '../../core/errors.fixture.js';

/** Class codes with three classes in proportions 0.6 / 0.3 / 0.1, shuffled by `seed`. */
export function imbalancedY(n: number, seed = 1): Int32Array {
  const y = Int32Array.from({ length: n }, (_, i) => (i < 0.6 * n ? 0 : i < 0.9 * n ? 1 : 2));
  return new Rng(seed).shuffle(y) as Int32Array;
}

