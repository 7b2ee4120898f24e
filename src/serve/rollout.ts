/**
 * Rollout as pure functions (no I/O, no clock): `route` says which version answers a request and
 * which one scores it in the shadow; `judgeCanary` reads the two versions' recent window and says
 * advance, hold, roll back or promote; `nextState` applies that. The server keeps the state and
 * the counters, writes every change to the registry's audit history, and calls these; tests call
 * them directly.
 *
 * Sticky assignment: a request's key (a user or session id; the request id when none) is hashed
 * (MurmurHash3, fixed seed) into one of 10,000 buckets; the challenger takes the buckets below its
 * share. A key therefore keeps its version while the share is unchanged, and a key on the
 * challenger at 10% is still on it at 50% (buckets only move one way as a canary grows).
 *
 * @example
 * route({ id: 'r1', key: 'user-7' }, { mode: 'ab', champion: 'v3', challenger: 'v4', percent: 10 }); // { serve: 'v3' } or { serve: 'v4' }
 */
import { murmur3 } from '../features/murmur3.js';

/** Guards a canary must hold at every step (checked on the challenger's window). */
export interface CanaryGuards {
  /** Requests the challenger must have served at a step before it is judged. */
  minRequests: number;
  /** Highest error rate (5xx and failed predictions) allowed, e.g. 0.01. */
  maxErrorRate: number;
  /** Highest p99 latency in milliseconds. */
  maxP99Ms: number;
  /** When labels have arrived: how much worse than the champion the online metric may be (in its units). */
  metricTolerance?: number;
}

export type RolloutState =
  | { mode: 'single'; champion: string }
  | { mode: 'ab'; champion: string; challenger: string; percent: number }
  | { mode: 'shadow'; champion: string; challenger: string }
  | { mode: 'canary'; champion: string; challenger: string; steps: readonly number[]; step: number; guards: CanaryGuards };

export interface RouteDecision {
  /** The version whose answer is returned. */
  serve: string;
  /** A version that also scores the request; its answer is logged, never returned. */
  shadow?: string;
}

/** What a version did in the current window. */
export interface WindowStats {
  requests: number;
  errors: number;
  p99Ms: number;
  /** The online metric from labelled feedback, when there is any. */
  metric?: { value: number; n: number; greaterIsBetter: boolean };
}

export type CanaryVerdict = { action: 'hold' | 'advance' | 'promote' | 'rollback'; reason: string };

/** Bucket of a key in [0, 10000). */
export function bucketOf(key: string): number {
  return murmur3(key, 0x5bec) % 10_000;
}

/** The challenger's share (percent) under a state. */
export function challengerPercent(s: RolloutState): number {
  if (s.mode === 'ab') return s.percent;
  if (s.mode === 'canary') return s.steps[s.step] ?? 100;
  return 0;
}

export function route(req: { id: string; key?: string }, s: RolloutState): RouteDecision {
  if (s.mode === 'single') return { serve: s.champion };
  if (s.mode === 'shadow') return { serve: s.champion, shadow: s.challenger };
  return bucketOf(req.key ?? req.id) < challengerPercent(s) * 100 ? { serve: s.challenger } : { serve: s.champion };
}

/**
 * The canary's verdict on one window. Roll back at once when a guard trips (errors, latency, or the
 * online metric worse than the champion's beyond the tolerance); hold until the challenger has
 * `minRequests` at this step; otherwise advance, or promote after the last step (100%).
 */
export function judgeCanary(s: Extract<RolloutState, { mode: 'canary' }>, champion: WindowStats, challenger: WindowStats): CanaryVerdict {
  const g = s.guards;
  if (challenger.requests > 0) {
    const rate = challenger.errors / challenger.requests;
    if (rate > g.maxErrorRate) return { action: 'rollback', reason: `challenger error rate ${(rate * 100).toFixed(2)}% is over ${(g.maxErrorRate * 100).toFixed(2)}% (${challenger.errors} of ${challenger.requests})` };
    if (challenger.p99Ms > g.maxP99Ms) return { action: 'rollback', reason: `challenger p99 latency ${challenger.p99Ms.toFixed(2)} ms is over ${g.maxP99Ms} ms` };
  }
  const a = challenger.metric;
  const b = champion.metric;
  if (g.metricTolerance !== undefined && a && b && a.n > 0 && b.n > 0) {
    const worse = a.greaterIsBetter ? b.value - a.value : a.value - b.value;
    if (worse > g.metricTolerance) return { action: 'rollback', reason: `challenger online metric ${a.value.toPrecision(4)} is worse than the champion's ${b.value.toPrecision(4)} by more than ${g.metricTolerance}` };
  }
  if (challenger.requests < g.minRequests) return { action: 'hold', reason: `${challenger.requests} of ${g.minRequests} requests at ${challengerPercent(s)}%` };
  return s.step + 1 >= s.steps.length
    ? { action: 'promote', reason: `guards held at every step up to ${challengerPercent(s)}%` }
    : { action: 'advance', reason: `guards held at ${challengerPercent(s)}% over ${challenger.requests} requests` };
}

/** The state after a verdict: the next step, the challenger alone (promoted), or the champion alone (rolled back). */
export function nextState(s: Extract<RolloutState, { mode: 'canary' }>, v: CanaryVerdict): RolloutState {
  switch (v.action) {
    case 'hold':
      return s;
    case 'advance':
      return { ...s, step: s.step + 1 };
    case 'promote':
      return { mode: 'single', champion: s.challenger };
    case 'rollback':
      return { mode: 'single', champion: s.champion };
  }
}

/** The usual canary: 1% -> 10% -> 50% -> 100%. */
export const DEFAULT_CANARY_STEPS: readonly number[] = [1, 10, 50, 100];
