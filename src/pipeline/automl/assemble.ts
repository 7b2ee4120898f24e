/**
 * The deployable model of AutoML: the chosen configuration, or the ensemble's members with their
 * weights (a WeightedEnsembleModel), each member either
 *
 * - `refit`: fitted once on all training rows (AutoGluon's refit_full): one model per member, the
 *   fastest to predict; the out-of-fold scores then describe the bag, a close proxy of this fit;
 * - `bag`: its k fold models averaged, exactly the models the out-of-fold predictions came from.
 *   The fold models are fitted again with the same rows and random streams as in the search, so
 *   they are the same models (checked: their out-of-fold predictions must match bit for bit).
 *
 * A stacking member (search.ts) is fitted on the original columns plus its bases' out-of-fold
 * predictions, exactly as in the search; when any is kept, the whole ensemble is wrapped in one
 * StackedModel whose bases (deployed as above) predict once per call.
 *
 * `inferLimitMs` (AutoGluon's infer_limit): while the ensemble's median single-row latency is over
 * the limit, the member with the smallest weight is dropped and the weights renormalised. Latency
 * is measured, so with a limit the member list can depend on the machine; the result records what
 * was dropped and why.
 *
 * @example
 * const { model } = await assemble({ ...cvData(input), members: [best], weights: [1], mode: 'refit' });
 */
import type { PredictorModel } from '../../core/estimator.js';
import { SpecmlError } from '../../core/errors.js';
import type { Frame } from '../../core/frame.js';
import { crossValidate } from '../../evaluate/cv/index.js';
import { encodeClasses } from '../../data/classes.js';
import { augmentFrame, StackedModel, WeightedEnsembleModel } from '../../models/ensemble/index.js';
import { family } from '../families.js';
import { withThreads } from './portfolio.js';
import type { DeployMode } from './presets.js';
import type { CvData, Member } from './search.js';

/** The search's CvData (the same rows, folds and Rng forks the search used), and what to deploy. */
export interface AssembleInput extends CvData {
  members: readonly Member[];
  weights: readonly number[];
  /** Every member of the search (stacking members' bases are looked up here); default `members`. */
  pool?: readonly Member[];
  mode: DeployMode;
  threads?: number;
  inferLimitMs?: number;
  onStep?: (s: string) => void;
}

export interface Assembled {
  model: PredictorModel;
  /** The members kept, with their final weights. */
  kept: { id: string; weight: number }[];
  /** Members dropped to meet the inference limit, with the latency that made them go. */
  dropped: { id: string; latencyMs: number }[];
  /** Median single-row latency of the final model, when an inference limit was checked. */
  latencyMs?: number;
}


export async function assemble(input: AssembleInput): Promise<Assembled> {
  const step = input.onStep ?? (() => {});
  const byId = new Map((input.pool ?? input.members).map((m) => [m.id, m]));
  const pairs = input.members.map((m, i) => ({ m, w: input.weights[i]! })).filter((p) => p.w > 0);
  // First-layer models: the chosen ones and the bases of chosen stacking members, each fitted once.
  const deployed = new Map<string, PredictorModel>();
  const deploy = async (m: Member, frame: Frame): Promise<PredictorModel> => {
    const est = family(m.family).make(withThreads(m, input.threads), input.task);
    if (input.mode === 'refit') {
      step(`refitting ${m.id} on ${frame.nRows} rows`);
      return est.fit(frame, input.target, { rng: input.rng.fork(`refit-${m.id}`) });
    }
    step(`fitting the fold models of ${m.id}`);
    const cv = await crossValidate(est, frame, input.target, input.splitter, [input.metric], input.rng.fork('cv'), { task: input.task, keepModels: true, ...(input.groups ? { groups: input.groups } : {}) });
    if (!sameArray(cv.oof, m.cv.oof)) {
      throw new SpecmlError('internal.not_reproducible', `the fold models of ${m.id} predict differently from the search's`, { hint: 'This is a bug in specml: report it with the data and spec.' });
    }
    const folds = cv.models!;
    return folds.length === 1 ? folds[0]! : new WeightedEnsembleModel({ bag: m.id }, folds, folds.map(() => 1));
  };
  const first = async (id: string): Promise<PredictorModel> => {
    let model = deployed.get(id);
    if (!model) deployed.set(id, (model = await deploy(byId.get(id)!, input.frame)));
    return model;
  };
  const stacked = pairs.filter((p) => p.m.bases);
  const bases = stacked[0]?.m.bases ?? [];
  const fitted: { id: string; model: PredictorModel; weight: number }[] = [];
  for (const { m, w } of pairs) {
    if (!m.bases) {
      fitted.push({ id: m.id, weight: w, model: await first(m.id) });
      continue;
    }
    // A stacking member is fitted on the first layer's out-of-fold predictions, as in the search.
    const k = input.task === 'regression' ? 0 : encodeClasses(input.target).classes.length;
    const frame = augmentFrame(input.frame, m.bases, m.bases.map((b) => (input.task === 'regression' ? byId.get(b)!.cv.oof : byId.get(b)!.cv.oofProba!)), input.task, k);
    fitted.push({ id: m.id, weight: w, model: await deploy(m, frame) });
  }
  const baseModels = await Promise.all(bases.map(first));
  const build = (): PredictorModel => {
    const top = fitted.length === 1 ? fitted[0]!.model : new WeightedEnsembleModel({ ensemble: fitted.map((f) => f.id).join(',') }, fitted.map((f) => f.model), fitted.map((f) => f.weight));
    // The bases predict once per call; first-layer members ignore the stack columns they are handed.
    return fitted.some((f) => byId.get(f.id)!.bases) ? new StackedModel({}, baseModels, bases, top) : top;
  };
  let model = build();
  const dropped: Assembled['dropped'] = [];
  let latencyMs: number | undefined;
  if (input.inferLimitMs !== undefined) {
    latencyMs = singleRowLatencyMs(model, input.frame);
    while (latencyMs > input.inferLimitMs && fitted.length > 1) {
      // The lightest member goes first: it moves the blend least.
      let j = 0;
      for (let i = 1; i < fitted.length; i++) if (fitted[i]!.weight < fitted[j]!.weight) j = i;
      dropped.push({ id: fitted[j]!.id, latencyMs });
      step(`single-row latency ${latencyMs.toFixed(3)} ms is over infer_limit ${input.inferLimitMs} ms: dropping ${fitted[j]!.id}`);
      fitted.splice(j, 1);
      const total = fitted.reduce((a, f) => a + f.weight, 0);
      for (const f of fitted) f.weight /= total;
      model = build();
      latencyMs = singleRowLatencyMs(model, input.frame);
    }
  }
  return { model, kept: fitted.map((f) => ({ id: f.id, weight: f.weight })), dropped, ...(latencyMs !== undefined ? { latencyMs } : {}) };
}

/** Median wall time of predicting one row, over up to 200 rows of `frame` (after 20 warm-up calls). */
export function singleRowLatencyMs(model: PredictorModel, frame: Frame): number {
  const n = Math.min(200, frame.nRows);
  const rows = Array.from({ length: n }, (_, i) => frame.take([i]));
  for (let i = 0; i < Math.min(20, n); i++) model.predict(rows[i]!);
  const t: number[] = [];
  for (const r of rows) {
    const t0 = performance.now();
    model.predict(r);
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(n / 2)]!;
}

function sameArray(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
