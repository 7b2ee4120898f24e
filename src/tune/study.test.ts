import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.js';
import { GBDT_PARAMS } from '../models/gbdt/index.js';
import { RandomSampler, sampleUniform } from './random-sampler.js';
import { contains, searchSpace, snap } from './space.js';
import { Study, TrialPruned } from './study.js';
import type { Pruner, SearchSpace } from './types.js';

const space: SearchSpace = {
  lr: { kind: 'float', low: 0.01, high: 0.3, log: true },
  leaves: { kind: 'int', low: 8, high: 255, log: true },
  depth: { kind: 'int', low: 2, high: 10, step: 2 },
  frac: { kind: 'float', low: 0.5, high: 1, step: 0.1 },
  loss: { kind: 'categorical', choices: ['a', 'b', 'c'] },
};
const objective = (p: Readonly<Record<string, unknown>>): number => -((Math.log(p['lr'] as number) + 2.3) ** 2) - (p['loss'] === 'b' ? 0 : 1) - Math.abs((p['leaves'] as number) - 31) / 100;

describe('search spaces from parameter tables', () => {
  it('turns the GBDT table entries with a search range into distributions, keeping log and int', () => {
    const s = searchSpace(GBDT_PARAMS);
    expect(s['learning_rate']).toEqual({ kind: 'float', low: 0.01, high: 0.3, log: true });
    expect(s['max_leaves']).toEqual({ kind: 'int', low: 8, high: 255, log: true });
    expect(s['trees']).toBeUndefined();
    expect(Object.keys(searchSpace(GBDT_PARAMS, ['learning_rate']))).toEqual(['learning_rate']);
  });

  it('rejects ranges that cannot be sampled', () => {
    expect(() => searchSpace({ x: { type: 'float', default: 1, log: true, search: { low: 0, high: 1 }, doc: '' } })).toThrow(/log range needs low > 0/);
    expect(() => searchSpace({ x: { type: 'int', default: 1, search: { low: 5, high: 1 }, doc: '' } })).toThrow(/do not make a range/);
  });

  it('snaps onto grids and checks membership', () => {
    expect(snap({ kind: 'int', low: 1, high: 10 }, 3.7)).toBe(4);
    expect(snap({ kind: 'float', low: 0.5, high: 1, step: 0.1 }, 0.74)).toBeCloseTo(0.7, 12);
    // A step that does not divide the range: the top grid point is 8, not 10.
    expect(snap({ kind: 'float', low: 0, high: 10, step: 4 }, 10)).toBe(8);
    expect(contains({ kind: 'float', low: 0, high: 10, step: 4 }, snap({ kind: 'float', low: 0, high: 10, step: 4 }, 9.9))).toBe(true);
    expect(contains({ kind: 'int', low: 2, high: 10, step: 2 }, 5)).toBe(false);
    expect(contains({ kind: 'categorical', choices: ['a'] }, 'b')).toBe(false);
  });
});

describe('random sampling', () => {
  it('stays inside every distribution and is uniform in log space for log ranges', () => {
    const rng = new Rng(3);
    const logs: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const p = new RandomSampler().sample(space, [], 'maximize', rng.fork(`t${i}`));
      for (const [k, d] of Object.entries(space)) expect(contains(d, p[k]!), `${k}=${String(p[k])}`).toBe(true);
      logs.push(Math.log(p['lr'] as number));
    }
    // Median of a log-uniform draw is the geometric mean of the bounds (sqrt(0.01 * 0.3) = 0.0548).
    logs.sort((a, b) => a - b);
    expect(Math.exp(logs[2000]!)).toBeGreaterThan(0.045);
    expect(Math.exp(logs[2000]!)).toBeLessThan(0.066);
    // Every value of a small int range and of a categorical appears.
    const seen = new Set(Array.from({ length: 300 }, (_, i) => sampleUniform({ kind: 'int', low: 1, high: 4, log: true }, new Rng(i))));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('Study', () => {
  it('is reproducible: the same seed and objective give the same trials', async () => {
    const run = async () => {
      const s = new Study({ space, direction: 'maximize', seed: 7 });
      await s.optimize((t) => objective(t.params), { trials: 15 });
      return s.all.map((t) => [t.params, t.value]);
    };
    expect(await run()).toEqual(await run());
    const other = new Study({ space, direction: 'maximize', seed: 8 });
    await other.optimize((t) => objective(t.params), { trials: 15 });
    expect(other.all.map((t) => t.params)).not.toEqual((await run()).map((x) => x[0]));
  });

  it('asks enqueued parameters first, finds the best, and keeps rule 1 (a trial ends once)', async () => {
    const s = new Study({ space, direction: 'minimize', seed: 1 });
    s.enqueue({ lr: 0.1, loss: 'b' });
    const t = s.ask();
    expect(t.params).toMatchObject({ lr: 0.1, loss: 'b' });
    s.tell(t.number, { state: 'complete', value: 3 });
    expect(() => s.tell(t.number, { state: 'complete', value: 2 })).toThrow(/already complete/);
    const u = s.ask();
    s.tell(u.number, { state: 'complete', value: 3 });
    expect(s.best!.number).toBe(0); // ties: the earlier trial
    expect(() => s.enqueue({ lr: 5 })).toThrow(/not in the search space/);
    expect(() => s.tell(u.number + 5, { state: 'failed' })).toThrow(/no trial/);
  });

  it('prunes through reports, records failed and non-finite trials, and goes on', async () => {
    const stopAtTwo: Pruner = { name: 'test', shouldPrune: (t) => t.intermediate.length >= 2 && t.number % 2 === 1 };
    const s = new Study({ space, direction: 'maximize', seed: 2, pruner: stopAtTwo });
    const ended: string[] = [];
    const s2 = new Study({ space, direction: 'maximize', seed: 2, pruner: stopAtTwo, onTrialEnd: (t) => ended.push(t.state) });
    for (const st of [s, s2]) {
      await st.optimize((t) => {
        if (t.number === 4) throw new Error('diverged');
        if (t.number === 5) return NaN;
        for (let step = 0; step < 3; step++) {
          t.report(step, step);
          if (t.shouldPrune()) throw new TrialPruned();
        }
        return 1;
      }, { trials: 6 });
    }
    expect(s.all.map((t) => t.state)).toEqual(['complete', 'pruned', 'complete', 'pruned', 'failed', 'failed']);
    expect(s.all[1]!.value).toBe(1); // a pruned trial keeps its last intermediate value
    expect(ended).toEqual(s2.all.map((t) => t.state));
  });
});
