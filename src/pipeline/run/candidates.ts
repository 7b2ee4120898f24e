/**
 * Cross-validation of model families with their default parameters on the training rows, with
 * the same folds as AutoML's configurations (each candidate's CV gets an Rng forked from the same
 * label, so the folds are identical and fold scores can be compared pairwise). Every preprocessing
 * step is fitted inside the fold (crossValidate). `specml run` uses it for the trivial baseline
 * beside AutoML's configurations (run/search.ts).
 *
 * @example
 * const cands = await crossValidateCandidates(ctx, ['gbdt', 'linear']);
 * cands[0].cv.scores.roc_auc.mean;
 */
import type { LearningTask } from '../../core/estimator.js';
import type { Column, Frame } from '../../core/frame.js';
import type { Rng } from '../../core/rng.js';
import { crossValidate, type CrossValidation, type Splitter } from '../../evaluate/cv/index.js';
import { family, familyNames } from '../families.js';
import type { CvCache } from './resume.js';

export interface CandidateInput {
  frame: Frame;
  target: Column;
  task: LearningTask;
  splitter: Splitter;
  groups?: Int32Array;
  /** Metric names scored on every fold; the first is the one candidates are ranked by. */
  metrics: string[];
  /** The run's Rng; candidates fork 'cv' from it. */
  rng: Rng;
  onStep?: (step: string) => void;
}

export interface Candidate {
  /** Family name (`gbdt`, `linear`, `forest`, `baseline`). */
  name: string;
  description: string;
  cv: CrossValidation;
  seconds: number;
}

/** The default candidate families when the spec names none (those registered, in this order). */
export const DEFAULT_FAMILIES = ['gbdt', 'linear', 'forest'];

/**
 * Families to try: the spec's list (families not built yet, such as `nn`, are reported in `skipped`)
 * or the defaults; the baseline is always added last.
 *
 * @example
 * candidateFamilies(['gbdt', 'nn']); // { families: ['gbdt', 'baseline'], skipped: ['nn'] }
 */
export function candidateFamilies(requested: readonly string[] | undefined): { families: string[]; skipped: string[] } {
  const known = new Set(familyNames());
  const want = requested && requested.length ? [...requested] : DEFAULT_FAMILIES;
  const families = want.filter((f) => known.has(f) && f !== 'baseline');
  return { families: [...families, 'baseline'], skipped: want.filter((f) => !known.has(f)) };
}

/**
 * Cross-validates each family in turn; with a `cache`, a candidate an interrupted run already
 * finished is loaded instead (resume.ts), and each new result is saved as soon as it exists.
 */
export async function crossValidateCandidates(input: CandidateInput, families: readonly string[], cache?: CvCache): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const name of families) {
    const cached = await cache?.load(name);
    if (cached) {
      out.push(cached);
      continue;
    }
    const fam = family(name);
    input.onStep?.(`cross-validating ${name} (${input.frame.nRows} rows)`);
    const t0 = performance.now();
    const cv = await crossValidate(fam.make({}, input.task), input.frame, input.target, input.splitter, input.metrics, input.rng.fork('cv'), {
      task: input.task,
      ...(input.groups ? { groups: input.groups } : {}),
    });
    const c = { name, description: fam.description, cv, seconds: (performance.now() - t0) / 1000 };
    await cache?.save(c);
    out.push(c);
  }
  return out;
}
