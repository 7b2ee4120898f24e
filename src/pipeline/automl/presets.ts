/**
 * AutoML presets and budgets. A budget is counted in work units, never in seconds, so the same
 * data, spec and seed give the same leaderboard and the same model bytes on any machine:
 *
 *   1 work unit = one configuration fitted on one cross-validation fold.
 *
 * A configuration cross-validated on 5 folds costs 5 units; a tuning trial pruned after 2 folds
 * costs 2. A stacking layer costs its own configurations x folds. Wall-clock time (`max_time`) is
 * only a hard cap: when it stops the search the run says so, and that run is no longer
 * reproducible from its seed alone.
 *
 * | preset | units | folds | stacking | deployed as |
 * |---|---|---|---|---|
 * | fast | 15 | 3 | no | each member refitted on all rows |
 * | balanced | 60 | 5 | no | each member refitted on all rows |
 * | best | 200 | 5 | one layer | the k fold models of each member (bagged) |
 *
 * @example
 * resolveBudget({ preset: 'fast' }); // { preset: 'fast', units: 15, folds: 3, stack: false, deploy: 'refit' }
 */
import { SpecmlError } from '../../core/errors.js';

export const PRESET_NAMES = ['fast', 'balanced', 'best'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** How the chosen members are deployed: refitted once on all training rows, or as their k fold models. */
export type DeployMode = 'refit' | 'bag';

export interface Budget {
  preset: PresetName;
  units: number;
  folds: number;
  /** A second layer that sees the original features plus the first layer's out-of-fold predictions. */
  stack: boolean;
  deploy: DeployMode;
  /** Hard cap on the search's wall time, in seconds (logged when it stops the search). */
  maxTimeS?: number;
}

const PRESETS: Record<PresetName, Omit<Budget, 'preset'>> = {
  // 5 configurations x 3 folds: the portfolio's head, for a first answer in seconds.
  fast: { units: 15, folds: 3, stack: false, deploy: 'refit' },
  // 12 configurations x 5 folds: about a minute on a 2-core machine for ~10k rows of credit-like data.
  balanced: { units: 60, folds: 5, stack: false, deploy: 'refit' },
  // The whole portfolio, tuning after it, a stacking layer, and bagged members.
  best: { units: 200, folds: 5, stack: true, deploy: 'bag' },
};

/**
 * A budget from a preset (default `balanced`) with explicit overrides.
 *
 * @example
 * resolveBudget({ preset: 'balanced', units: 30 }).units; // 30
 */
export function resolveBudget(o: { preset?: string; units?: number; folds?: number; maxTimeS?: number; deploy?: DeployMode }): Budget {
  const name = (o.preset ?? 'balanced') as PresetName;
  if (!PRESET_NAMES.includes(name)) {
    throw new SpecmlError('usage.bad_preset', `preset '${o.preset}' does not exist`, { hint: `Use one of: ${PRESET_NAMES.join(', ')}.` });
  }
  if (o.units !== undefined && !(Number.isInteger(o.units) && o.units > 0)) {
    throw new SpecmlError('usage.bad_budget', `budget ${o.units} is not a whole number of work units above 0`, { hint: 'A work unit is one configuration fitted on one fold; e.g. --budget 60.' });
  }
  const p = PRESETS[name];
  return {
    preset: name,
    units: o.units ?? p.units,
    folds: o.folds ?? p.folds,
    stack: p.stack,
    deploy: o.deploy ?? p.deploy,
    ...(o.maxTimeS !== undefined ? { maxTimeS: o.maxTimeS } : {}),
  };
}
