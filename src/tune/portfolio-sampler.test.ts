import { describe, expect, it } from 'vitest';
import { PortfolioSampler } from './portfolio-sampler.js';
import { RandomSampler } from './random-sampler.js';
import { Study } from './study.js';
import type { SearchSpace } from './types.js';

const space: SearchSpace = { lr: { kind: 'float', low: 0.01, high: 0.3, log: true }, leaves: { kind: 'int', low: 8, high: 255 } };

describe('PortfolioSampler', () => {
  it('proposes the usable entries in order, fills unnamed parameters, then falls back', async () => {
    const s = new PortfolioSampler([{ lr: 0.05, leaves: 31 }, { lr: 5 }, { lr: 0.1 }], new RandomSampler());
    expect(s.usable(space)).toEqual([{ lr: 0.05, leaves: 31 }, { lr: 0.1 }]);
    const study = new Study({ space, direction: 'maximize', seed: 3, sampler: s });
    await study.optimize((t) => -(t.params['lr'] as number), { trials: 4 });
    const p = study.all.map((t) => t.params);
    expect(p[0]).toEqual({ lr: 0.05, leaves: 31 });
    expect(p[1]!['lr']).toBe(0.1);
    expect(p[1]!['leaves']).toBeGreaterThanOrEqual(8);
    expect(p[2]!['lr']).not.toBe(0.05);
    // Reproducible.
    const again = new Study({ space, direction: 'maximize', seed: 3, sampler: new PortfolioSampler([{ lr: 0.05, leaves: 31 }, { lr: 5 }, { lr: 0.1 }], new RandomSampler()) });
    await again.optimize((t) => -(t.params['lr'] as number), { trials: 4 });
    expect(again.all.map((t) => t.params)).toEqual(p);
  });
});
