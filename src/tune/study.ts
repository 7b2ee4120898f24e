/**
 * A study: trials asked from a sampler, evaluated by the caller, told back (rules in types.ts).
 *
 * Reproducibility: trial `n` samples with `new Rng(seed).fork('trial-n')` and sees exactly the
 * trials that had ended when it was asked, in number order; with one evaluation at a time (as
 * `optimize` runs) the whole sequence of parameters is a function of the seed and the objective's
 * values. Enqueued parameters (a fixed portfolio, a known good default) are asked first, in order,
 * and count as ordinary trials. Wall time never enters a decision.
 *
 * @example
 * const study = new Study({ space: searchSpace(GBDT_PARAMS), direction: 'maximize', seed: 42 });
 * const best = await study.optimize(async (t) => cvScore(t.params), { trials: 30 });
 */
import { SpecmlError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { RandomSampler } from './random-sampler.js';
import { contains } from './space.js';
import type { Direction, FrozenTrial, ParamValue, Pruner, Sampler, SearchSpace, TrialState } from './types.js';

export interface StudyOptions {
  space: SearchSpace;
  direction: Direction;
  seed: number;
  /** Default: random sampling. */
  sampler?: Sampler;
  pruner?: Pruner;
  /** Called once per ended trial (e.g. to record it in the store). */
  onTrialEnd?: (t: FrozenTrial) => void;
}

/** What `tell` records: a value for a complete trial; pruned and failed trials may have none. */
export type TrialOutcome = { state: 'complete'; value: number } | { state: 'pruned' } | { state: 'failed'; error?: string };

/** Raised inside an objective to end its trial as pruned (`optimize` catches it). */
export class TrialPruned extends Error {
  constructor() {
    super('trial pruned');
    this.name = 'TrialPruned';
  }
}

/** A running trial handed to an objective: its parameters, and reporting for pruners. */
export interface TrialHandle {
  readonly number: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Records an intermediate value (a fold's score, a round block's loss). */
  report(step: number, value: number): void;
  /** Whether the pruner says stop now; call it after every report (successive halving judges each rung as it is reached). */
  shouldPrune(): boolean;
}

export class Study {
  readonly direction: Direction;
  readonly space: SearchSpace;
  private readonly sampler: Sampler;
  private readonly trials: FrozenTrial[] = [];
  private readonly queue: Record<string, ParamValue>[] = [];

  constructor(private readonly o: StudyOptions) {
    this.direction = o.direction;
    this.space = o.space;
    this.sampler = o.sampler ?? new RandomSampler();
  }

  /** All trials so far, in number order (ended ones are frozen copies). */
  get all(): readonly FrozenTrial[] {
    return this.trials.map((t) => Object.freeze({ ...t, params: { ...t.params }, intermediate: [...t.intermediate] }));
  }

  /** The best complete trial, or undefined (ties: the earlier trial). */
  get best(): FrozenTrial | undefined {
    let best: FrozenTrial | undefined;
    for (const t of this.trials) {
      if (t.state !== 'complete' || !Number.isFinite(t.value)) continue;
      if (!best || (this.direction === 'maximize' ? t.value! > best.value! : t.value! < best.value!)) best = t;
    }
    return best;
  }

  /** Parameters to try first (validated against the space; missing ones are sampled). */
  enqueue(params: Record<string, ParamValue>): void {
    for (const [k, v] of Object.entries(params)) {
      const d = this.space[k];
      if (!d || !contains(d, v)) throw new SpecmlError('usage.bad_param', `enqueued ${k}=${JSON.stringify(v)} is not in the search space`, { hint: `Search space: ${Object.keys(this.space).join(', ')}.` });
    }
    this.queue.push({ ...params });
  }

  /** Starts the next trial. */
  ask(): TrialHandle {
    const number = this.trials.length;
    const ended = this.trials.filter((t) => t.state !== 'running');
    const rng = new Rng(this.o.seed).fork(`trial-${number}`);
    const fixed = this.queue.shift() ?? {};
    const missing = Object.fromEntries(Object.entries(this.space).filter(([k]) => !(k in fixed)));
    const sampled = Object.keys(missing).length ? this.sampler.sample(missing, ended, this.direction, rng) : {};
    const params = { ...sampled, ...fixed };
    for (const [k, d] of Object.entries(this.space)) {
      if (!contains(d, params[k]!)) throw new Error(`sampler '${this.sampler.name}' proposed ${k}=${String(params[k])} outside its distribution`);
    }
    const t: FrozenTrial = { number, state: 'running', params, intermediate: [] };
    this.trials.push(t);
    return {
      number,
      params: Object.freeze({ ...params }),
      report: (step, value) => this.report(number, step, value),
      shouldPrune: () => this.shouldPrune(number),
    };
  }

  private running(number: number): FrozenTrial {
    const t = this.trials[number];
    if (!t) throw new SpecmlError('usage.unknown_trial', `no trial ${number} in this study`, { hint: 'Use the number ask() returned.' });
    if (t.state !== 'running') throw new SpecmlError('usage.trial_ended', `trial ${number} is already ${t.state}`, { hint: 'A trial is told once (rule 1).' });
    return t;
  }

  report(number: number, step: number, value: number): void {
    const t = this.running(number);
    const last = t.intermediate[t.intermediate.length - 1];
    if (last && step <= last[0]) throw new SpecmlError('usage.bad_step', `trial ${number}: step ${step} reported after step ${last[0]}`, { hint: 'Report intermediate values in increasing step order.' });
    t.intermediate.push([step, value]);
  }

  shouldPrune(number: number): boolean {
    const t = this.running(number);
    if (!this.o.pruner || t.intermediate.length === 0) return false;
    return this.o.pruner.shouldPrune(t, this.trials.filter((x) => x.number !== number), this.direction);
  }

  /** Ends a trial (rule 1). */
  tell(number: number, outcome: TrialOutcome): FrozenTrial {
    const t = this.running(number);
    const state: TrialState = outcome.state;
    if (outcome.state === 'complete' && !Number.isFinite(outcome.value)) {
      throw new SpecmlError('usage.bad_value', `trial ${number}: objective value ${outcome.value} is not a finite number`, { hint: "Tell { state: 'failed' } for a trial whose objective could not be computed." });
    }
    t.state = state;
    if (outcome.state === 'complete') t.value = outcome.value;
    else if (outcome.state === 'pruned' && t.intermediate.length) t.value = t.intermediate[t.intermediate.length - 1]![1];
    const frozen = this.all[number]!;
    this.o.onTrialEnd?.(frozen);
    return frozen;
  }

  /**
   * Sugar over ask/tell: runs `trials` trials one after another. The objective returns the value
   * (a non-finite one fails the trial), throws TrialPruned to stop early, or throws anything else
   * to fail the trial (recorded, and the study goes on; a SpecmlError from the objective is a user
   * error and stops the study).
   */
  async optimize(objective: (t: TrialHandle) => Promise<number> | number, options: { trials: number }): Promise<FrozenTrial | undefined> {
    for (let i = 0; i < options.trials; i++) {
      const t = this.ask();
      try {
        const value = await objective(t);
        this.tell(t.number, Number.isFinite(value) ? { state: 'complete', value } : { state: 'failed', error: `objective returned ${value}` });
      } catch (err) {
        if (err instanceof TrialPruned) this.tell(t.number, { state: 'pruned' });
        else if (err instanceof SpecmlError) {
          this.tell(t.number, { state: 'failed', error: err.message });
          throw err;
        } else this.tell(t.number, { state: 'failed', error: err instanceof Error ? err.message : String(err) });
      }
    }
    return this.best;
  }
}
