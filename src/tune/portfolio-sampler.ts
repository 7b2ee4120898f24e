/**
 * A portfolio sampler: proposes a fixed, ordered list of configurations first (learned offline on
 * other datasets, as AutoGluon's zero-shot portfolio), then hands over to another sampler (TPE by
 * default) once the list is used up. Each configuration may name only some parameters; the rest
 * are drawn by the fallback. Entries outside the current space are skipped, not clipped: a
 * portfolio entry is a tested point, and a clipped one would be an untested one.
 *
 * Which entry a trial gets depends only on its position among the trials asked so far (ended
 * trials plus, for a one-at-a-time study, none running), so the proposal sequence is reproducible.
 *
 * @example
 * const s = new PortfolioSampler([{ learning_rate: 0.05, max_leaves: 31 }, { learning_rate: 0.1, max_leaves: 127 }]);
 * new Study({ space, direction: 'maximize', seed: 1, sampler: s });
 */
import type { Rng } from '../core/rng.js';
import { contains } from './space.js';
import { TpeSampler } from './tpe.js';
import type { Direction, FrozenTrial, ParamValue, Sampler, SearchSpace } from './types.js';

export class PortfolioSampler implements Sampler {
  readonly name = 'portfolio';

  constructor(
    private readonly portfolio: readonly Readonly<Record<string, ParamValue>>[],
    private readonly fallback: Sampler = new TpeSampler(),
  ) {}

  /** The portfolio entries usable in `space` (every named parameter inside its distribution). */
  usable(space: SearchSpace): Readonly<Record<string, ParamValue>>[] {
    return this.portfolio.filter((c) => Object.entries(c).every(([k, v]) => space[k] !== undefined && contains(space[k]!, v)));
  }

  sample(space: SearchSpace, trials: readonly FrozenTrial[], direction: Direction, rng: Rng): Record<string, ParamValue> {
    const entries = this.usable(space);
    const entry = entries[trials.length];
    const drawn = this.fallback.sample(space, trials, direction, rng);
    if (!entry) return drawn;
    // The entry's parameters win; parameters it does not name come from the fallback's draw.
    return { ...drawn, ...entry };
  }
}
