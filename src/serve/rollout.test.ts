import { describe, expect, it } from 'vitest';
import { bucketOf, DEFAULT_CANARY_STEPS, judgeCanary, nextState, route, type RolloutState } from './rollout.js';

const keys = Array.from({ length: 20_000 }, (_, i) => `user-${i}`);

describe('rollout routing', () => {
  it('splits A/B by the share, within binomial noise, and sticks per key', () => {
    const s: RolloutState = { mode: 'ab', champion: 'v3', challenger: 'v4', percent: 10 };
    const onChallenger = keys.filter((k) => route({ id: 'x', key: k }, s).serve === 'v4').length;
    // 20,000 keys at 10%: mean 2,000, sd sqrt(20000 * 0.1 * 0.9) = 42; 4 sd either side.
    expect(Math.abs(onChallenger - 2000)).toBeLessThan(4 * 42);
    for (const k of keys.slice(0, 100)) expect(route({ id: 'a', key: k }, s)).toEqual(route({ id: 'b', key: k }, s));
  });

  it('keeps a key on the challenger as a canary grows', () => {
    const at = (step: number): RolloutState => ({ mode: 'canary', champion: 'v3', challenger: 'v4', steps: DEFAULT_CANARY_STEPS, step, guards: { minRequests: 1, maxErrorRate: 0.01, maxP99Ms: 5 } });
    for (let step = 0; step + 1 < DEFAULT_CANARY_STEPS.length; step++) {
      const now = keys.filter((k) => route({ id: k }, at(step)).serve === 'v4');
      const later = new Set(keys.filter((k) => route({ id: k }, at(step + 1)).serve === 'v4'));
      expect(now.every((k) => later.has(k))).toBe(true);
    }
    expect(keys.every((k) => route({ id: k }, at(3)).serve === 'v4')).toBe(true);
  });

  it('shadows every request to the challenger while the champion answers', () => {
    expect(route({ id: 'r' }, { mode: 'shadow', champion: 'v3', challenger: 'v4' })).toEqual({ serve: 'v3', shadow: 'v4' });
    expect(route({ id: 'r' }, { mode: 'single', champion: 'v3' })).toEqual({ serve: 'v3' });
  });

  it('buckets are spread over [0, 10000)', () => {
    const b = keys.map(bucketOf);
    expect(Math.min(...b)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...b)).toBeLessThan(10_000);
  });
});

describe('canary judgement', () => {
  const canary = (step: number, metricTolerance?: number) =>
    ({ mode: 'canary', champion: 'v3', challenger: 'v4', steps: DEFAULT_CANARY_STEPS, step, guards: { minRequests: 100, maxErrorRate: 0.01, maxP99Ms: 5, ...(metricTolerance !== undefined ? { metricTolerance } : {}) } }) as const;
  const ok = { requests: 500, errors: 0, p99Ms: 2 };

  it('holds until enough requests, advances step by step, then promotes', () => {
    expect(judgeCanary(canary(0), ok, { ...ok, requests: 20 }).action).toBe('hold');
    let s: RolloutState = canary(0);
    const seen: string[] = [];
    while (s.mode === 'canary') {
      const v = judgeCanary(s, ok, ok);
      seen.push(v.action);
      s = nextState(s, v);
    }
    expect(seen).toEqual(['advance', 'advance', 'advance', 'promote']);
    expect(s).toEqual({ mode: 'single', champion: 'v4' });
  });

  it('rolls back when the challenger starts failing, slows down, or predicts worse', () => {
    const errors = judgeCanary(canary(1), ok, { ...ok, errors: 12 });
    expect(errors).toMatchObject({ action: 'rollback' });
    expect(errors.reason).toMatch(/error rate 2.40% is over 1.00% \(12 of 500\)/);
    expect(nextState(canary(1), errors)).toEqual({ mode: 'single', champion: 'v3' });
    expect(judgeCanary(canary(1), ok, { ...ok, p99Ms: 9 }).reason).toMatch(/p99 latency 9.00 ms is over 5 ms/);
    const metric = (value: number) => ({ value, n: 300, greaterIsBetter: true });
    expect(judgeCanary(canary(2, 0.02), { ...ok, metric: metric(0.84) }, { ...ok, metric: metric(0.8) }).action).toBe('rollback');
    expect(judgeCanary(canary(2, 0.02), { ...ok, metric: metric(0.84) }, { ...ok, metric: metric(0.83) }).action).toBe('advance');
    // Errors trip the guard even before the request count is reached.
    expect(judgeCanary(canary(0), ok, { requests: 10, errors: 5, p99Ms: 1 }).action).toBe('rollback');
  });
});
