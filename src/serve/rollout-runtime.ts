/**
 * A rollout as the server runs it: two loaded versions of one model name, the pure state of
 * rollout.ts, and per-version counters for the current window. `pick` routes a request; `record`
 * counts its outcome; after each challenger outcome a canary is judged, and a verdict that changes
 * the state opens a new window and is kept in `events` (served at GET /v1/models/{name}/rollout).
 *
 * @example
 * const r = new Rollout(champion, challenger, { mode: 'canary', champion: 'v3', challenger: 'v4', steps: DEFAULT_CANARY_STEPS, step: 0, guards });
 * const { serve } = r.pick({ id: requestId });
 */
import type { ServedModel } from './models.js';
import { judgeCanary, nextState, route, type RolloutState, type WindowStats } from './rollout.js';

interface Window {
  requests: number;
  errors: number;
  latencies: number[];
}

export interface RolloutEvent {
  at: string;
  from: RolloutState;
  to: RolloutState;
  reason: string;
}

/** Latencies kept per version and window (the p99 of the most recent ones). */
const MAX_LATENCIES = 10_000;

export class Rollout {
  state: RolloutState;
  readonly events: RolloutEvent[] = [];
  private windows = new Map<string, Window>();
  private readonly byVersion: Map<string, ServedModel>;

  constructor(
    readonly champion: ServedModel,
    readonly challenger: ServedModel,
    initial: RolloutState,
    private readonly onChange?: (e: RolloutEvent) => void,
  ) {
    this.state = initial;
    this.byVersion = new Map([
      [champion.version, champion],
      [challenger.version, challenger],
    ]);
  }

  /** The version that answers when the challenger gets no share: the champion, or the challenger once promoted. */
  get serving(): ServedModel {
    return this.byVersion.get(this.state.champion)!;
  }

  pick(req: { id: string; key?: string }): { serve: ServedModel; shadow?: ServedModel } {
    const d = route(req, this.state);
    return { serve: this.byVersion.get(d.serve)!, ...(d.shadow ? { shadow: this.byVersion.get(d.shadow)! } : {}) };
  }

  /** Counts one request's outcome for `version`, then judges a running canary. */
  record(version: string, ok: boolean, ms: number): void {
    const w = this.window(version);
    w.requests++;
    if (!ok) w.errors++;
    if (w.latencies.length < MAX_LATENCIES) w.latencies.push(ms);
    const s = this.state;
    if (s.mode !== 'canary' || version !== s.challenger) return;
    const verdict = judgeCanary(s, stats(this.window(s.champion)), stats(w));
    if (verdict.action === 'hold') return;
    const to = nextState(s, verdict);
    const e: RolloutEvent = { at: new Date().toISOString(), from: s, to, reason: `${verdict.action}: ${verdict.reason}` };
    this.events.push(e);
    this.state = to;
    this.windows = new Map();
    this.onChange?.(e);
  }

  private window(version: string): Window {
    let w = this.windows.get(version);
    if (!w) this.windows.set(version, (w = { requests: 0, errors: 0, latencies: [] }));
    return w;
  }
}

function stats(w: Window): WindowStats {
  const sorted = [...w.latencies].sort((a, b) => a - b);
  const p99 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)]! : 0;
  return { requests: w.requests, errors: w.errors, p99Ms: p99 };
}
