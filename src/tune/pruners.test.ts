/**
 * Pruners on hand-built histories (each decision worked out in the comment beside it) and on a
 * simulated study. Optuna's own decisions on replayed studies are in pruners.golden.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { code } from '../core/errors.fixture.js';
import { Rng } from '../core/rng.js';
import { MedianPruner, NopPruner, SuccessiveHalvingPruner, nanMedian } from './pruners.js';
import type { Direction, FrozenTrial, Pruner, TrialState } from './types.js';

let nextNumber = 100;
/** A trial whose report at step i is values[i] (or [step, value] pairs); NaN allowed. */
function trial(values: number[] | [number, number][], state: TrialState = 'complete'): FrozenTrial {
  const intermediate = values.map((v, i): [number, number] => (Array.isArray(v) ? v : [i, v]));
  return { number: nextNumber++, state, params: {}, intermediate };
}
const running = (values: number[] | [number, number][]): FrozenTrial => trial(values, 'running');
const neg = (t: FrozenTrial): FrozenTrial => ({ ...t, intermediate: t.intermediate.map(([s, v]): [number, number] => [s, -v]) });
/** The same decision when every value is negated and the direction flipped. */
function both(p: Pruner, t: FrozenTrial, others: FrozenTrial[]): boolean {
  const max = p.shouldPrune(t, others, 'maximize');
  expect(p.shouldPrune(neg(t), others.map(neg), 'minimize')).toBe(max);
  return max;
}

describe('NopPruner', () => {
  it('never prunes, even an all-NaN trial among better ones', () => {
    expect(new NopPruner().shouldPrune(running([NaN]), [trial([1]), trial([2])], 'maximize')).toBe(false);
  });
});

describe('MedianPruner', () => {
  // Completed curves at step 2: 0.5, 0.6, 0.7, 0.8 → median 0.65.
  const done = [0.5, 0.6, 0.7, 0.8].map((v) => trial([0, 0, v]));
  const p = new MedianPruner({ nStartupTrials: 4 });

  it('prunes a trial below the median at its step, in both directions', () => {
    expect(both(p, running([0.6, 0.6, 0.6]), done)).toBe(true);
    expect(both(p, running([0.7, 0.7, 0.7]), done)).toBe(false);
    // Minimizing raw values: median 0.65 again, and now 0.6 is the good side.
    expect(p.shouldPrune(running([0.6, 0.6, 0.6]), done, 'minimize')).toBe(false);
    expect(p.shouldPrune(running([0.7, 0.7, 0.7]), done, 'minimize')).toBe(true);
    // Best so far decides: 0 at step 0 is the best a minimizer can show, so 0.7 at step 2 is kept.
    expect(p.shouldPrune(running([0, 0, 0.7]), done, 'minimize')).toBe(false);
  });

  it('judges the best value so far, not the latest (Optuna): one bad report does not stop a good trial', () => {
    expect(both(p, running([0, 0.9, 0.1]), done)).toBe(false);
  });

  it('counts only completed trials: pruned and running curves move neither the median nor the startup count', () => {
    const losers = [trial([0, 0, 0.1], 'pruned'), trial([0, 0, 0.1], 'pruned'), running([0, 0, 0.1]), trial([0, 0, 0.1], 'failed')];
    // With the losers the median would be ~0.3 and 0.6 would survive.
    expect(both(p, running([0, 0, 0.6]), [...done, ...losers])).toBe(true);
    expect(both(p, running([0, 0, 0.6]), [...done.slice(0, 3), ...losers])).toBe(false); // 3 complete < nStartupTrials 4
  });

  it('waits for nStartupTrials completed trials, and for at least one even when nStartupTrials is 0', () => {
    const t = running([0, 0, 0.55]);
    expect(both(new MedianPruner({ nStartupTrials: 5 }), t, done)).toBe(false);
    expect(both(new MedianPruner({ nStartupTrials: 0 }), t, [])).toBe(false);
    expect(both(new MedianPruner({ nStartupTrials: 0 }), t, [done[3]!])).toBe(true); // below 0.8
  });

  it('ignores the trial itself when it is in the list', () => {
    const t = running([0, 0, 0.6]);
    expect(p.shouldPrune(t, [...done, t], 'maximize')).toBe(true);
  });

  it('does not prune before nWarmupSteps', () => {
    const hist = [0.5, 0.6, 0.7, 0.8].map((v) => trial([v, v, v, v, v]));
    const w = new MedianPruner({ nStartupTrials: 4, nWarmupSteps: 3 });
    expect(both(w, running([0.1, 0.1, 0.1]), hist)).toBe(false); // step 2 < 3
    expect(both(w, running([0.1, 0.1, 0.1, 0.1]), hist)).toBe(true); // step 3
  });

  it('checks at the first report at or after each interval boundary (warmup 2, interval 3: steps 2, 5, 8)', () => {
    const hist = [0.5, 0.6, 0.7, 0.8].map((v) => trial(Array.from({ length: 10 }, () => v)));
    const q = new MedianPruner({ nStartupTrials: 4, nWarmupSteps: 2, intervalSteps: 3 });
    const judged = [];
    for (let s = 0; s < 10; s++) if (q.shouldPrune(running(Array.from({ length: s + 1 }, () => 0.1)), hist, 'maximize')) judged.push(s);
    expect(judged).toEqual([2, 5, 8]);
    // Sparse reports 0, 4, 6, 7: step 4 is the first past boundary 2, step 6 the first past 5, 7 is not.
    expect(q.shouldPrune(running([[0, 0.1], [4, 0.1]]), hist, 'maximize')).toBe(true);
    expect(q.shouldPrune(running([[0, 0.1], [4, 0.1], [6, 0.1]]), hist, 'maximize')).toBe(true);
    expect(q.shouldPrune(running([[0, 0.1], [4, 0.1], [6, 0.1], [7, 0.1]]), hist, 'maximize')).toBe(false);
  });

  it('needs nMinTrials completed values at the step', () => {
    const short = [trial([0.5, 0.5]), trial([0.6, 0.6]), trial([0.7, 0.7, 0.7]), trial([0.8, 0.8, 0.8])];
    const t = running([0.1, 0.1, 0.1]); // step 2: only two completed trials reached it
    expect(both(new MedianPruner({ nStartupTrials: 4, nMinTrials: 2 }), t, short)).toBe(true);
    expect(both(new MedianPruner({ nStartupTrials: 4, nMinTrials: 3 }), t, short)).toBe(false);
  });

  it('keeps a trial that ties the median, including Optuna\'s last-bit interpolation', () => {
    const odd = [trial([0.5]), trial([0.6]), trial([0.7])];
    const q = new MedianPruner({ nStartupTrials: 1 });
    expect(both(q, running([0.6]), odd)).toBe(false);
    // numpy.nanpercentile([0.01, 0.07], 50) is 0.04000000000000001 (b - (b - a) / 2), not 0.04,
    // so Optuna prunes 0.04 when maximizing; the mean (a + b) / 2 would keep it.
    expect(nanMedian([0.01, 0.07])).toBe(0.04000000000000001);
    expect(q.shouldPrune(running([0.04]), [trial([0.01]), trial([0.07])], 'maximize')).toBe(true);
  });

  it('NaN: prunes an all-NaN trial, ignores NaN elsewhere in its curve and NaN in the median', () => {
    const q = new MedianPruner({ nStartupTrials: 1 });
    expect(both(q, running([NaN, NaN]), done)).toBe(true);
    expect(both(q, running([0.9, NaN, NaN]), done)).toBe(false); // best so far 0.9
    // Step 2 values 0.5, NaN, NaN, 0.8 → median over 0.5 and 0.8 = 0.65.
    const withNaN = [trial([0, 0, 0.5]), trial([0, 0, NaN]), trial([0, 0, NaN]), trial([0, 0, 0.8])];
    expect(both(q, running([0, 0, 0.6]), withNaN)).toBe(true);
    expect(both(q, running([0, 0, 0.7]), withNaN)).toBe(false);
    // NaN values count towards nMinTrials; all-NaN at the step leaves no median: no decision.
    expect(both(new MedianPruner({ nStartupTrials: 1, nMinTrials: 4 }), running([0, 0, 0.6]), withNaN)).toBe(true);
    expect(both(q, running([0, 0, 0.1]), [trial([0, 0, NaN]), trial([0, 0, NaN])])).toBe(false);
  });

  it('rejects bad options with usage.bad_param', () => {
    expect(code(() => new MedianPruner({ nStartupTrials: -1 }))).toBe('usage.bad_param');
    expect(code(() => new MedianPruner({ nWarmupSteps: 1.5 }))).toBe('usage.bad_param');
    expect(code(() => new MedianPruner({ intervalSteps: 0 }))).toBe('usage.bad_param');
    expect(code(() => new MedianPruner({ nMinTrials: 0 }))).toBe('usage.bad_param');
    expect(code(() => new MedianPruner())).toBeUndefined();
  });
});

describe('SuccessiveHalvingPruner', () => {
  const sh = new SuccessiveHalvingPruner(); // rungs at steps 1, 3, 9, 27
  /** A curve that is `v` at every step 0..last. */
  const flat = (v: number, last: number, state: TrialState = 'complete'): FrozenTrial => trial(Array.from({ length: last + 1 }, () => v), state);

  it('puts rung k at minResource * reductionFactor^(k + minEarlyStoppingRate)', () => {
    expect([0, 1, 2, 3].map((k) => sh.rung(k))).toEqual([1, 3, 9, 27]);
    expect([0, 1, 2].map((k) => new SuccessiveHalvingPruner({ minResource: 2, reductionFactor: 2, minEarlyStoppingRate: 1 }).rung(k))).toEqual([4, 8, 16]);
  });

  it('keeps the top 1/reductionFactor at a rung, in both directions', () => {
    // Five others at rung 3 (values 0.5..0.9) plus the trial: 6 values keep the best 2.
    const others = [0.5, 0.6, 0.7, 0.8, 0.9].map((v) => flat(v, 3));
    expect(both(sh, running([0.9, 0.9, 0.9, 0.85]), others)).toBe(false); // 2nd of 6
    expect(both(sh, running([0.9, 0.9, 0.9, 0.75]), others)).toBe(true); // 3rd of 6
    expect(sh.shouldPrune(running([0.9, 0.9, 0.9, 0.55]), others, 'minimize')).toBe(false); // 2nd smallest
    // 4 values keep floor(4 / 3) = 1, so the second best of 4 is pruned.
    expect(both(sh, running([0.9, 0.9, 0.9, 0.85]), others.slice(2))).toBe(true);
  });

  it('lets the first trial at a rung through and keeps later ones only while best, as Optuna', () => {
    expect(both(sh, running([0, 0.1]), [])).toBe(false);
    expect(both(sh, running([0, 0.1]), [flat(0.2, 1)])).toBe(true); // 2 values keep 1
    expect(both(sh, running([0, 0.3]), [flat(0.2, 1)])).toBe(false);
  });

  it('ties with the threshold continue', () => {
    expect(both(sh, running([0, 0.2]), [flat(0.2, 1)])).toBe(false);
    expect(both(sh, running([0, 0.5]), [0.5, 0.5, 0.5, 0.5, 0.5].map((v) => flat(v, 1)))).toBe(false);
  });

  it('judges a trial exactly at a rung, never between rungs', () => {
    const others = [0.7, 0.8, 0.9].map((v) => flat(v, 9));
    expect(sh.shouldPrune(running([0.9, 0.9, 0.1]), others, 'maximize')).toBe(false); // step 2: between rungs 1 and 3
    expect(sh.shouldPrune(running([0.9, 0.9, 0.1, 0.1]), others, 'maximize')).toBe(true); // step 3: rung 3
    expect(sh.shouldPrune(running([0.9, 0.9, 0.9, 0.9, 0.1]), others, 'maximize')).toBe(false); // step 4: rung 3 was judged at step 3
  });

  it('counts every trial that reached the rung, in any state, and only those', () => {
    const t = running([0, 0.5]);
    // Three better trials that reached rung 1 (pruned, failed, running): 4 values keep 1.
    expect(both(sh, t, [flat(0.6, 1, 'pruned'), flat(0.6, 1, 'failed'), flat(0.6, 3, 'running')])).toBe(true);
    // A running trial alone is enough: it was judged at rung 1 when it passed it, as Optuna records.
    expect(both(sh, t, [flat(0.6, 3, 'running')])).toBe(true);
    // Trials that have not reached rung 1 do not compete.
    expect(both(sh, t, [flat(0.9, 0, 'running'), flat(0.9, 0, 'pruned')])).toBe(false);
  });

  it('takes a rung value at the largest step <= the rung, or the first report when none is', () => {
    // Reports at steps 0 and 5: rung 1 and rung 3 are both reached at step 5, both valued at step 0.
    const sparse = running([[0, 0.3], [5, 0.99]]);
    expect(sh.shouldPrune(sparse, [trial([[0, 0.4], [2, 0.4], [4, 0.4]])], 'maximize')).toBe(true); // 0.3 vs 0.4 at rung 1
    expect(sh.shouldPrune(sparse, [trial([[0, 0.2], [2, 0.2], [4, 0.9]])], 'maximize')).toBe(false); // other's rung 3 value is step 2's 0.2
    // First report at step 5: its value stands for rungs 1 and 3.
    expect(sh.shouldPrune(running([[5, 0.5]]), [trial([[0, 0.1], [6, 0.1]])], 'maximize')).toBe(false);
    expect(sh.shouldPrune(running([[5, 0.05]]), [trial([[0, 0.1], [6, 0.1]])], 'maximize')).toBe(true);
  });

  it('judges every rung a report jumps over, stopping at the first it loses', () => {
    // Rung 1 values of the others: 0.1, 0.1; rung 3: 0.9. A report at step 3 after step 0 reaches
    // rungs 1 and 3 at once; both are valued at or before their resource (steps 0 and 3).
    const others = [flat(0.1, 1), trial([0.1, 0.1, 0.9, 0.9])];
    expect(sh.shouldPrune(running([[0, 0.2], [3, 0.5]]), others, 'maximize')).toBe(true); // passes rung 1, loses rung 3
    expect(sh.shouldPrune(running([[0, 0.05], [3, 0.95]]), others, 'maximize')).toBe(true); // loses rung 1 already
    expect(sh.shouldPrune(running([[0, 0.2], [3, 0.95]]), others, 'maximize')).toBe(false);
  });

  it('NaN: a NaN rung value is pruned; NaN between rungs and NaN competitors are ignored', () => {
    expect(both(sh, running([0, NaN]), [])).toBe(true);
    expect(both(sh, running([0, 0.5, NaN]), [flat(0.9, 2)])).toBe(false); // step 2 is no rung
    expect(both(sh, running([0, 0.5]), [flat(NaN, 1), flat(NaN, 1)])).toBe(false); // alone at rung 1
  });

  it('minEarlyStoppingRate and minResource move the first rung', () => {
    const others = [flat(0.9, 9)];
    expect(new SuccessiveHalvingPruner({ minEarlyStoppingRate: 1 }).shouldPrune(running([0.1, 0.1]), others, 'maximize')).toBe(false); // first rung 3
    expect(new SuccessiveHalvingPruner({ minEarlyStoppingRate: 1 }).shouldPrune(running([0.1, 0.1, 0.1, 0.1]), others, 'maximize')).toBe(true);
    expect(new SuccessiveHalvingPruner({ minResource: 2, reductionFactor: 2 }).shouldPrune(running([0.1, 0.1, 0.1]), others, 'maximize')).toBe(true); // rung 2
  });

  it('rejects bad options with usage.bad_param', () => {
    expect(code(() => new SuccessiveHalvingPruner({ minResource: 0 }))).toBe('usage.bad_param');
    expect(code(() => new SuccessiveHalvingPruner({ reductionFactor: 1 }))).toBe('usage.bad_param');
    expect(code(() => new SuccessiveHalvingPruner({ reductionFactor: 2.5 }))).toBe('usage.bad_param');
    expect(code(() => new SuccessiveHalvingPruner({ minEarlyStoppingRate: -1 }))).toBe('usage.bad_param');
  });
});

describe('a simulated study: 30 noisy curves with known final scores', () => {
  const N = 30;
  const STEPS = 27; // steps 0..26: successive halving judges rungs 1, 3 and 9
  const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

  /**
   * Final scores 0.60, 0.61, …, 0.89 in a seeded order; curve(s) = final - 0.3 e^(-s/5) + N(0, 0.005)
   * per report. The curves share one shape, so early ranks predict final ranks up to the noise: what
   * a pruner relies on. Neighbouring finals are 0.01 apart, two noise sds.
   */
  function study(seed: number): { finals: number[]; curves: number[][] } {
    const rng = new Rng(seed);
    const finals = rng.shuffle(Array.from({ length: N }, (_, i) => 0.6 + 0.01 * i)) as number[];
    const noise = rng.fork('noise');
    return { finals, curves: finals.map((f) => Array.from({ length: STEPS }, (_, s) => f - 0.3 * Math.exp(-s / 5) + 0.005 * noise.normal())) };
  }

  /** Runs trials one after another, checking after every report; each trial's pruning step (undefined: completed). */
  function run(pruner: Pruner, cs: number[][], direction: Direction): (number | undefined)[] {
    const sign = direction === 'maximize' ? 1 : -1;
    const trials: FrozenTrial[] = [];
    return cs.map((c, number) => {
      const t: FrozenTrial = { number, state: 'running', params: {}, intermediate: [] };
      trials.push(t);
      for (let s = 0; s < STEPS; s++) {
        t.intermediate.push([s, sign * c[s]!]);
        if (pruner.shouldPrune(t, trials.slice(0, number), direction)) {
          t.state = 'pruned';
          return s;
        }
      }
      t.state = 'complete';
      t.value = sign * c[STEPS - 1]!;
      return undefined;
    });
  }

  // Thresholds hold on these 20 seeds with some room (observed: median stops 244 of 300 bad trials,
  // 7 on its worst seed, at step 0.9 or earlier on average per seed, and spends 45 % of the full
  // budget; successive halving 283 of 300, 12 on its worst seed, at step 1, 24 %). The median pruner lets its 5 startup trials run and compares with a median
  // that starts low when those were bad, so it stops fewer.
  for (const [label, make, minStoppedShare, maxBudget] of [
    ['median', () => new MedianPruner(), 0.75, 0.5],
    ['successive halving', () => new SuccessiveHalvingPruner(), 0.9, 0.3],
  ] as const) {
    it(`${label}: never stops the best trial, stops most bad ones at their first checks`, () => {
      let bad = 0;
      let stopped = 0;
      let spent = 0;
      let stopSteps = 0;
      for (const seed of SEEDS) {
        const { finals, curves } = study(seed);
        const stops = run(make(), curves, 'maximize');
        // Deterministic, and a mirror image when minimizing the negated curves.
        expect(run(make(), curves, 'maximize')).toEqual(stops);
        expect(run(make(), curves, 'minimize')).toEqual(stops);

        expect(stops[finals.indexOf(Math.max(...finals))], `seed ${seed}: best trial pruned`).toBeUndefined();
        const worse = finals.map((f, i) => (f < 0.745 ? i : -1)).filter((i) => i >= 0); // the worse half: 15
        const hit = worse.filter((i) => stops[i] !== undefined);
        // Early: within the first third of its steps (most at step 0 or 1; see the mean below).
        for (const i of hit) expect(stops[i]!, `seed ${seed} trial ${i}`).toBeLessThan(STEPS / 3);
        stopSteps += hit.reduce((a, i) => a + stops[i]!, 0);
        bad += worse.length;
        stopped += hit.length;
        spent += stops.reduce((a: number, s) => a + (s === undefined ? STEPS : s + 1), 0);
      }
      expect(stopped / bad).toBeGreaterThanOrEqual(minStoppedShare);
      expect(stopSteps / stopped).toBeLessThanOrEqual(1.5);
      expect(spent / (SEEDS.length * N * STEPS)).toBeLessThanOrEqual(maxBudget);
    });
  }
});
