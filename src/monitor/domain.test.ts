import { describe, expect, it } from 'vitest';
import { Frame, numericColumn } from '../core/frame.js';
import { Rng } from '../core/rng.js';
import type { Schema } from '../data/schema/types.js';
import { domainClassifier } from './domain.js';
import { driftReport } from './drift.js';

/** x1, x2 standard normals with correlation `rho`: the same marginals for every rho. */
function correlated(n: number, rho: number, seed: number): Frame {
  const rng = new Rng(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = rng.normal();
    b[i] = rho * a[i]! + Math.sqrt(1 - rho * rho) * rng.normal();
  }
  return Frame.fromColumns([numericColumn('x1', a), numericColumn('x2', b)]);
}
const schema: Schema = { version: 1, columns: ['x1', 'x2'].map((name) => ({ name, type: 'numeric' as const, nullable: false, idLike: false })) };

describe('domain classifier', () => {
  it('sees a change of correlation that leaves every marginal, and so every per-feature test, unchanged', async () => {
    const ref = correlated(3000, 0.9, 1);
    const cur = correlated(3000, -0.9, 2);
    expect(driftReport(ref, cur, schema).drifted_features).toEqual([]);
    const d = await domainClassifier(ref, cur, ['x1', 'x2'], { band: 0.05, seed: 7 });
    expect(d.auc).toBeGreaterThan(0.9);
    expect(d.ci[0]).toBeGreaterThan(0.55);
    expect(d.p_value).toBeLessThan(1e-6);
    expect(d.top_features.map((t) => t.name).sort()).toEqual(['x1', 'x2']);
  });

  it('stays near 0.5 on exchangeable samples, and is reproducible by seed', async () => {
    const ref = correlated(1500, 0.5, 3);
    const cur = correlated(1500, 0.5, 4);
    const d = await domainClassifier(ref, cur, ['x1', 'x2'], { band: 0.05, seed: 7 });
    expect(d.ci[0]).toBeLessThan(0.55);
    expect(d.auc).toBeLessThan(0.56);
    const again = await domainClassifier(ref, cur, ['x1', 'x2'], { band: 0.05, seed: 7 });
    expect(again.auc).toBe(d.auc);
  });

  it('is not fooled by a window that repeats the reference rows', async () => {
    const ref = correlated(1000, 0.5, 5);
    const d = await domainClassifier(ref, ref, ['x1', 'x2'], { band: 0.05, seed: 7 });
    expect(d.auc).toBeCloseTo(0.5, 6);
  });
});
