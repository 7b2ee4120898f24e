/**
 * Tree-structured Parzen Estimator sampling (Bergstra et al. 2011; the algorithm as Optuna 5.0's
 * `TPESampler` runs it, facts learnt from it, code our own). After `nStartupTrials` uniform draws,
 * the ended trials are ranked best first and split: the best gamma(n) make the "below" estimator
 * l(x), the rest the "above" estimator g(x) (parzen.ts); `nEiCandidates` points are drawn from
 * l and the one with the largest log l(x) − log g(x) (the TPE form of expected improvement) wins.
 *
 * Which trials count (Optuna's rule): complete trials with a value, ranked by value in the study's
 * direction; then pruned trials, those that got further (larger last step) first and, at the same
 * step, by their last intermediate value; pruned trials that reported nothing last. A pruned trial
 * thus lands in "above" unless there are fewer complete trials than gamma(n), so pruning teaches
 * g(x) where not to go at no extra cost. Failed trials, complete trials without a number value
 * (NaN counts as none) and trials whose parameters do not fit the current space are left out.
 *
 * Deterministic (types.ts rule 2): draws come only from the trial's Rng — `rng.fork('tpe')` for
 * the joint draw, `rng.fork(name)` per parameter when not multivariate — and ties break by order.
 *
 * @example
 * const space = { x: { kind: 'float', low: -5, high: 5 }, lr: { kind: 'float', low: 1e-4, high: 1, log: true } } as const;
 * const sampler = new TpeSampler({ nStartupTrials: 10 });
 * const trials: FrozenTrial[] = [];
 * for (let n = 0; n < 30; n++) {
 *   const params = sampler.sample(space, trials, 'minimize', new Rng(7).fork(`trial-${n}`));
 *   const value = ((params.x as number) - 1) ** 2 + Math.log10(params.lr as number) ** 2;
 *   trials.push({ number: n, state: 'complete', params, value, intermediate: [] });
 * }
 */
import { SpecmlError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { fitParzen, logPdfParzen, sampleParzen } from './parzen.js';
import { RandomSampler, sampleUniform } from './random-sampler.js';
import { contains } from './space.js';
import type { Direction, Distribution, FrozenTrial, ParamValue, Sampler, SearchSpace } from './types.js';

export interface TpeOptions {
  /** Uniform draws before the model is used (default 10, Optuna's): fewer leaves l(x) fitted to noise. */
  nStartupTrials?: number;
  /** Candidates drawn from l(x) per trial (default 24, Optuna's and hyperopt's): more exploits harder. */
  nEiCandidates?: number;
  /**
   * Size of the "below" group from the number n of counted trials: a function n -> count, or a
   * fraction q in (0, 1] meaning ceil(q·n). Default min(ceil(0.1·n), 25) (Optuna's): a tenth keeps
   * l(x) selective, the cap of 25 keeps it sharp in long studies.
   */
  gamma?: number | ((n: number) => number);
  /** Weight of the prior kernel next to each observation's 1 (default 1, Optuna's): keeps every region reachable. */
  priorWeight?: number;
  /**
   * One joint estimator over all parameters (default true, Optuna's default for one objective):
   * captures interactions such as "small learning rate wants many rounds"; false fits one per parameter.
   */
  multivariate?: boolean;
}

/**
 * Optuna's default gamma: the best tenth of the counted trials, at most 25.
 *
 * @example
 * defaultGamma(60); // 6
 */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/**
 * The trials TPE learns from, best first (see the file comment for the order and what is left
 * out). `fits` filters trials by their parameters.
 *
 * @example
 * rankTrials(trials, 'maximize').map((t) => t.number); // e.g. [4, 1, 0, 3 (pruned), 2 (pruned)]
 */
export function rankTrials(trials: readonly FrozenTrial[], direction: Direction, fits: (t: FrozenTrial) => boolean = () => true): FrozenTrial[] {
  const sign = direction === 'maximize' ? -1 : 1;
  const keyed: { t: FrozenTrial; key: [number, number, number] }[] = [];
  for (const t of trials) {
    if (!fits(t)) continue;
    if (t.state === 'complete') {
      if (typeof t.value === 'number' && !Number.isNaN(t.value)) keyed.push({ t, key: [0, 0, sign * t.value] });
    } else if (t.state === 'pruned') {
      let last: [number, number] | undefined;
      for (const r of t.intermediate) if (last === undefined || r[0] >= last[0]) last = r;
      // A NaN report ranks as the worst value at its step, as in Optuna.
      if (last) keyed.push({ t, key: [1, -last[0], Number.isNaN(last[1]) ? Infinity : sign * last[1]] });
      else keyed.push({ t, key: [2, 0, 0] });
    }
  }
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || cmp(a.key[2], b.key[2]) || a.t.number - b.t.number);
  return keyed.map((k) => k.t);
}

/** Ascending order that also orders ±Infinity (a − b would give NaN for Infinity − Infinity). */
function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * TPE sampler (Sampler contract in types.ts).
 *
 * @example
 * const sampler = new TpeSampler({ nStartupTrials: 10, nEiCandidates: 24 });
 * sampler.sample({ depth: { kind: 'int', low: 2, high: 12 } }, [], 'maximize', new Rng(1)); // uniform while in startup
 */
export class TpeSampler implements Sampler {
  readonly name = 'tpe';
  readonly nStartupTrials: number;
  readonly nEiCandidates: number;
  readonly priorWeight: number;
  readonly multivariate: boolean;
  private readonly gamma: (n: number) => number;

  constructor(options: TpeOptions = {}) {
    const { nStartupTrials = 10, nEiCandidates = 24, priorWeight = 1, multivariate = true, gamma = defaultGamma } = options;
    const bad = (what: string, got: unknown): never => {
      throw new SpecmlError('usage.bad_param', `TpeSampler: ${what}, got ${String(got)}`, { hint: 'Fix the TPE sampler options (see TpeOptions), or leave them out for the defaults.' });
    };
    if (!Number.isInteger(nStartupTrials) || nStartupTrials < 0) bad('nStartupTrials must be a whole number >= 0', nStartupTrials);
    if (!Number.isInteger(nEiCandidates) || nEiCandidates < 1) bad('nEiCandidates must be a whole number >= 1', nEiCandidates);
    // 0 would be Optuna-legal but lets l(x) and g(x) both vanish far from every observation (log 0 − log 0).
    if (!(priorWeight > 0) || !Number.isFinite(priorWeight)) bad('priorWeight must be a finite number > 0', priorWeight);
    if (typeof gamma === 'number' && !(gamma > 0 && gamma <= 1)) bad('gamma as a number is a fraction in (0, 1]', gamma);
    this.nStartupTrials = nStartupTrials;
    this.nEiCandidates = nEiCandidates;
    this.priorWeight = priorWeight;
    this.multivariate = multivariate;
    this.gamma = typeof gamma === 'number' ? (n) => Math.ceil(gamma * n) : gamma;
  }

  sample(space: SearchSpace, trials: readonly FrozenTrial[], direction: Direction, rng: Rng): Record<string, ParamValue> {
    const names = Object.keys(space);
    const ranked = (ps: readonly string[]): FrozenTrial[] =>
      rankTrials(trials, direction, (t) => ps.every((p) => t.params[p] !== undefined && contains(space[p]!, t.params[p]!)));
    if (!this.multivariate) {
      // One estimator per parameter, each from the trials that have a fitting value for it; the
      // startup draw is the random sampler's own for that parameter.
      const out: Record<string, ParamValue> = {};
      for (const name of names) {
        const r = ranked([name]);
        const sub = rng.fork(name);
        out[name] = r.length < this.nStartupTrials ? sampleUniform(space[name]!, sub) : this.step([name], space, r, sub)[name]!;
      }
      return out;
    }
    const r = ranked(names);
    // The startup phase is the random sampler itself, so a study sees the same draws either way.
    if (r.length < this.nStartupTrials) return new RandomSampler().sample(space, trials, direction, rng);
    return this.step(names, space, r, rng.fork('tpe'));
  }

  /** One TPE step over `names` jointly, from trials ranked best first. */
  private step(names: readonly string[], space: SearchSpace, ranked: readonly FrozenTrial[], rng: Rng): Record<string, ParamValue> {
    const dists = names.map((p) => space[p]!);
    const n = ranked.length;
    const g = this.gamma(n);
    if (!Number.isFinite(g)) {
      throw new SpecmlError('usage.bad_param', `TpeSampler: gamma(${n}) returned ${g}`, { hint: 'A gamma function must return a finite count of "below" trials.' });
    }
    const nBelow = Math.min(n, Math.max(0, Math.floor(g)));
    // Both groups go back to trial order: the observation weights down-weight the oldest trials.
    const byNumber = (a: FrozenTrial, b: FrozenTrial): number => a.number - b.number;
    const below = ranked.slice(0, nBelow).sort(byNumber);
    const above = ranked.slice(nBelow).sort(byNumber);
    const lx = fitParzen(dists, observations(below, names, dists), this.priorWeight);
    const gx = fitParzen(dists, observations(above, names, dists), this.priorWeight);
    // Cost O(nEiCandidates · n · nParams) for the two densities; n <= a few thousand trials.
    const cands = sampleParzen(lx, rng, this.nEiCandidates);
    const logL = logPdfParzen(lx, cands);
    const logG = logPdfParzen(gx, cands);
    let best = 0;
    for (let i = 1; i < this.nEiCandidates; i++) if (logL[i]! - logG[i]! > logL[best]! - logG[best]!) best = i;
    const out: Record<string, ParamValue> = {};
    names.forEach((p, j) => {
      const d = dists[j]!;
      const v = cands[j]![best]!;
      out[p] = d.kind === 'categorical' ? d.choices[v]! : v;
    });
    return out;
  }
}

/** [nDims][nTrials]: numeric values as they are, categorical values as choice indices. */
function observations(trials: readonly FrozenTrial[], names: readonly string[], dists: readonly Distribution[]): Float64Array[] {
  return names.map((p, j) => {
    const d = dists[j]!;
    return Float64Array.from(trials, (t) => (d.kind === 'categorical' ? d.choices.indexOf(t.params[p]!) : (t.params[p] as number)));
  });
}
