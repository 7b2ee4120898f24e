/**
 * The reference sample of a model package: up to {@link REFERENCE_SAMPLE_ROWS} rows of the
 * training data, drawn uniformly without replacement by a seeded generator (so the same data and
 * seed give the same sample), kept in reference.json for drift tests.
 *
 * @example
 * const sample = referenceSample(frame, ['Income', 'Home'], new Rng(42));
 */
import { cellValue, type Frame } from '../../core/frame.js';
import type { Rng } from '../../core/rng.js';
import type { ReferenceSample } from './types.js';

/**
 * Why 5,000: against 5,000 reference rows the 5%-level critical KS distance is 0.047 for a window
 * of 1,000 rows and 0.019 for an unbounded one, below what the default effect bands call a shift
 * (monitor/drift.ts), while 5,000 rows of 20 columns stay under ~1 MB of JSON.
 */
export const REFERENCE_SAMPLE_ROWS = 5000;
/** At most this many cells: a wide table (784 pixel columns) keeps fewer rows, not megabytes more. */
export const REFERENCE_SAMPLE_CELLS = 1_000_000;

export function referenceSample(frame: Frame, columns: readonly string[], rng: Rng, maxRows = REFERENCE_SAMPLE_ROWS): ReferenceSample {
  const n = frame.nRows;
  const max = Math.max(1, Math.min(maxRows, Math.floor(REFERENCE_SAMPLE_CELLS / Math.max(1, columns.length))));
  let idx = Int32Array.from({ length: n }, (_, i) => i);
  if (n > max) {
    // Partial Fisher-Yates: the first `max` positions become a uniform sample; then in row order.
    for (let i = 0; i < max; i++) {
      const j = i + rng.int(n - i);
      const t = idx[i]!;
      idx[i] = idx[j]!;
      idx[j] = t;
    }
    idx = idx.subarray(0, max).sort();
  }
  const out: ReferenceSample['columns'] = {};
  for (const name of columns) {
    const c = frame.get(name);
    if (c) out[name] = Array.from(idx, (i) => cellValue(c, i));
  }
  return { rows: idx.length, of: n, seed: rng.seed, columns: out };
}
