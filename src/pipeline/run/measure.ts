/**
 * Operational measurements on the saved model package, as serving will see it: the package is
 * loaded with the inference code only, then single-row predictions are timed (the latency a
 * request pays, input checks included) and the package's files are summed (the size a deployment
 * ships).
 *
 * Latency: 20 warm-up calls, then one call per row for up to 300 holdout rows, cycling when the
 * holdout is smaller; p50/p95/p99 by the nearest-rank method. Single rows are what a REST server
 * scores; batch throughput is a benchmark (bench/), not a gate.
 *
 * @example
 * const m = await measurePackage(dir, holdoutFrame);
 * m.latencyMs.p99; // e.g. 0.41
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadModelPackage } from '../../artifact/load.js';
import { selectInputs } from '../../core/estimator.js';
import type { Frame } from '../../core/frame.js';

const WARMUP = 20;
const TIMED = 300;

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export async function packageBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? await packageBytes(p) : (await stat(p)).size;
  }
  return total;
}

export async function measurePackage(dir: string, rows: Frame): Promise<{ sizeBytes: number; latencyMs: { p50: number; p95: number; p99: number } }> {
  const { model } = await loadModelPackage(dir);
  const input = selectInputs(model, rows);
  const one = Array.from({ length: input.nRows }, (_, i) => input.take([i]));
  for (let i = 0; i < WARMUP; i++) model.predict(one[i % one.length]!);
  const times = new Float64Array(TIMED);
  for (let i = 0; i < TIMED; i++) {
    const row = one[i % one.length]!;
    const t0 = performance.now();
    model.predict(row);
    times[i] = performance.now() - t0;
  }
  times.sort();
  return { sizeBytes: await packageBytes(dir), latencyMs: { p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99) } };
}
