/**
 * Independent uniform sampling (uniform in log space for log ranges): the baseline every other
 * sampler must beat, and the startup phase of TPE. Integer ranges give every integer in
 * [low, high] the same chance (on a log range, the same chance per unit of log).
 *
 * @example
 * new RandomSampler().sample(space, [], 'maximize', new Rng(1));
 */
import type { Rng } from '../core/rng.js';
import { snap } from './space.js';
import type { Direction, Distribution, FrozenTrial, ParamValue, Sampler, SearchSpace } from './types.js';
import { exp, log } from '../core/math.js';

/** One uniform draw from a distribution. */
export function sampleUniform(d: Distribution, rng: Rng): ParamValue {
  if (d.kind === 'categorical') return d.choices[rng.int(d.choices.length)]!;
  if (d.kind === 'int' && !d.log) {
    const step = d.step ?? 1;
    return d.low + step * rng.int(Math.floor((d.high - d.low) / step) + 1);
  }
  if (d.log) {
    // Integers: widen by half a unit each side so the end values get their share after rounding.
    const lo = log(d.kind === 'int' ? Math.max(d.low - 0.5, d.low / 2) : d.low);
    const hi = log(d.kind === 'int' ? d.high + 0.5 : d.high);
    return snap(d, exp(lo + (hi - lo) * rng.float()));
  }
  if (d.step !== undefined) return d.low + d.step * rng.int(Math.floor((d.high - d.low) / d.step + 1e-9) + 1);
  return d.low + (d.high - d.low) * rng.float();
}

export class RandomSampler implements Sampler {
  readonly name = 'random';

  sample(space: SearchSpace, _trials: readonly FrozenTrial[], _direction: Direction, rng: Rng): Record<string, ParamValue> {
    const out: Record<string, ParamValue> = {};
    for (const [name, d] of Object.entries(space)) out[name] = sampleUniform(d, rng.fork(name));
    return out;
  }
}
