/**
 * The tuning contract (after Optuna's `ask`/`tell` core, STYLE.md §9): a study asks a sampler for
 * the next parameters, the caller evaluates them and tells the study the result; `optimize` is a
 * loop over those two calls. Pruners look at a running trial's intermediate values and say stop.
 *
 * Rules:
 * 1. A trial is created `running` and ends once: `complete` (with a value), `pruned` (with its last
 *    intermediate value, if any) or `failed`. Ended trials are immutable.
 * 2. Reproducible: a sampler's draws for trial `number` depend only on the study seed, that number
 *    and the trials that ended before it was asked — never on wall time or thread scheduling.
 * 3. Every value a trial was given lies inside its distribution (int and step grids respected,
 *    log ranges strictly positive).
 *
 * @example
 * const study = new Study({ space, direction: 'maximize', sampler: new RandomSampler(), seed: 42 });
 * const t = study.ask();
 * study.tell(t.number, { state: 'complete', value: score(t.params) });
 */

/**
 * One parameter's search distribution (one general type, as Optuna's FloatDistribution).
 *
 * @example
 * const d: Distribution = { kind: 'float', low: 0.01, high: 0.3, log: true };
 */
export type Distribution =
  | { kind: 'float'; low: number; high: number; log?: boolean; step?: number }
  | { kind: 'int'; low: number; high: number; log?: boolean; step?: number }
  | { kind: 'categorical'; choices: readonly (string | number | boolean)[] };

/** Parameter name -> distribution, in a fixed order (the order samplers draw in). */
export type SearchSpace = Readonly<Record<string, Distribution>>;

export type ParamValue = string | number | boolean;

export type TrialState = 'running' | 'complete' | 'pruned' | 'failed';

/**
 * A trial as the study keeps it.
 *
 * @example
 * const t: FrozenTrial = { number: 0, state: 'complete', params: { learning_rate: 0.1 }, value: 0.83, intermediate: [[0, 0.8]] };
 */
export interface FrozenTrial {
  number: number;
  state: TrialState;
  params: Record<string, ParamValue>;
  /** Final objective value (complete trials); for pruned trials the last intermediate value, if any. */
  value?: number;
  /** (step, value) reports in order, e.g. per boosting round block or per CV fold. */
  intermediate: [number, number][];
}

export type Direction = 'minimize' | 'maximize';

/**
 * Proposes parameters. `sample` is given the space, the ended trials so far (in number order) and
 * an Rng dedicated to this trial (forked from the study seed by trial number), and returns a value
 * for every parameter of the space.
 */
export interface Sampler {
  readonly name: string;
  sample(space: SearchSpace, trials: readonly FrozenTrial[], direction: Direction, rng: import('../core/rng.js').Rng): Record<string, ParamValue>;
}

/**
 * Decides whether a running trial should stop, from its intermediate values and the other trials'.
 * Deterministic for the same inputs.
 */
export interface Pruner {
  readonly name: string;
  shouldPrune(trial: FrozenTrial, trials: readonly FrozenTrial[], direction: Direction): boolean;
}
