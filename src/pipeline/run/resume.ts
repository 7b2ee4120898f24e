/**
 * Resuming an interrupted run. Cross-validating the candidates is most of a run's time, so each
 * candidate's CV result (fold scores and out-of-fold predictions) is stored as an artifact of the
 * run as soon as it is done (content-addressed, atomic). A new run looks at the latest earlier run
 * with the same spec hash, data fingerprints, specml version and Node.js version; when that run was
 * interrupted (`killed`, or `failed`) it reuses the CV results that run finished instead of
 * recomputing them.
 *
 * Reuse cannot change the outcome: CV is a pure function of the data, the spec (seed included) and
 * the code, which is what the match requires; the resumed run ends with the same model bytes as an
 * uninterrupted one (resume.test.ts checks it). A finished run is never a source: a new run of an
 * unchanged spec recomputes, so a run record always describes work done for it or for the
 * interrupted run it names in its `resumed_from` param.
 *
 * @example
 * const cache = await cvCache(store, runId, run, step);
 * const cands = await crossValidateCandidates(input, families, cache);
 */
import { deserialize, serialize } from 'node:v8';
import type { Run, Store } from '../../track/index.js';
import type { Candidate } from './candidates.js';

/** Where a run keeps and finds CV results. */
export interface CvCache {
  load(name: string): Promise<Candidate | undefined>;
  save(c: Candidate): Promise<void>;
}

const artifactName = (name: string): string => `cv/${name}.v8`;

/** Fields of a candidate that are stored (fold indices and fit events are not: nothing later reads them). */
interface Stored {
  name: string;
  description: string;
  seconds: number;
  scores: Candidate['cv']['scores'];
  oof: Float64Array;
  oofProba?: Float64Array;
  classes?: string[];
}

/**
 * The run `run` may resume from: the latest earlier run of the same work (spec, data, versions),
 * if that one was interrupted. Once an unchanged spec has finished, it is not resumed from older
 * interruptions.
 */
export async function resumable(store: Store, run: Run): Promise<Run | undefined> {
  const same = (r: Run): boolean =>
    r.id !== run.id &&
    r.status !== 'running' &&
    r.specHash === run.specHash &&
    r.specmlVersion === run.specmlVersion &&
    r.environment['node'] === run.environment['node'] &&
    JSON.stringify(r.data) === JSON.stringify(run.data);
  const last = (await store.listRuns({ experiment: run.experiment, limit: 50 })).find(same);
  return last && (last.status === 'killed' || last.status === 'failed') ? last : undefined;
}

export async function cvCache(store: Store, run: Run, step: (s: string) => void): Promise<CvCache> {
  const from = await resumable(store, run);
  if (from) await store.logParams(run.id, { resumed_from: from.id });
  return {
    async load(name) {
      const ref = from?.artifacts.find((a) => a.name === artifactName(name));
      if (!ref) return undefined;
      const bytes = await store.readArtifact(ref.sha256);
      const s = deserialize(bytes) as Stored;
      step(`resuming: cross-validation of ${name} from interrupted run ${from!.id}`);
      await store.logArtifact(run.id, ref.name, bytes);
      return { name: s.name, description: s.description, seconds: s.seconds, cv: { folds: [], events: [], scores: s.scores, oof: s.oof, ...(s.oofProba ? { oofProba: s.oofProba } : {}), ...(s.classes ? { classes: s.classes } : {}) } };
    },
    async save(c) {
      const s: Stored = { name: c.name, description: c.description, seconds: c.seconds, scores: c.cv.scores, oof: c.cv.oof, ...(c.cv.oofProba ? { oofProba: c.cv.oofProba } : {}), ...(c.cv.classes ? { classes: c.cv.classes } : {}) };
      await store.logArtifact(run.id, artifactName(c.name), serialize(s));
    },
  };
}
