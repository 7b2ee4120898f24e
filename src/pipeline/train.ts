/**
 * The train stage behind `specml train`: load → schema → drop unlabelled rows → fit one model
 * family → save the model package. No evaluation here (that is `specml run`).
 *
 * @example
 * const { manifest } = await train({ data: 'credit.csv', target: 'Status', model: 'baseline', out: 'models/credit', seed: 42 });
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { SpecmlError } from '../core/errors.js';
import type { FitEvent, LearningTask } from '../core/estimator.js';
import { isMissing } from '../core/frame.js';
import { Rng } from '../core/rng.js';
import { saveModelPackage, type PackageManifest } from '../artifact/index.js';
import { profileFrame } from '../data/profile/index.js';
import type { Task } from '../data/task.js';
import { family } from './families.js';
import { inspectData } from './analyze.js';
import { VERSION } from './version.js';

export interface TrainInput {
  data: string;
  target: string;
  model: string;
  out: string;
  seed: number;
  params?: Record<string, unknown>;
  task?: Task | 'auto';
  idColumns?: string[];
  ignore?: string[];
  delimiter?: string;
  name?: string;
  onStep?: (step: string) => void;
  onEvent?: (e: FitEvent) => void;
}

export interface TrainResult {
  manifest: PackageManifest;
  dir: string;
  droppedRows: number;
  features: string[];
  seconds: number;
}

export async function train(input: TrainInput): Promise<TrainResult> {
  const started = performance.now();
  const step = input.onStep ?? (() => {});
  const fam = family(input.model);
  const ins = await inspectData({
    data: input.data,
    target: input.target,
    ...(input.task ? { task: input.task } : {}),
    idColumns: input.idColumns ?? [],
    ignore: input.ignore ?? [],
    ...(input.delimiter ? { delimiter: input.delimiter } : {}),
    ...(input.name ? { name: input.name } : {}),
    onStep: step,
  });
  const target = ins.frame.column(input.target);
  const keep: number[] = [];
  for (let i = 0; i < ins.frame.nRows; i++) if (!isMissing(target, i)) keep.push(i);
  const frame = keep.length === ins.frame.nRows ? ins.frame : ins.frame.take(keep);
  const idColumns = ins.schema.columns.filter((c) => c.idLike).map((c) => c.name);
  const featureNames = ins.schema.columns.filter((c) => !c.idLike && c.name !== input.target).map((c) => c.name);
  if (featureNames.length === 0) {
    throw new SpecmlError('data.no_features', `${input.data}: no feature columns left after removing the target and id-like columns (${idColumns.join(', ') || 'none'})`, {
      hint: 'Check data.id / --id: a column listed there is not used as a feature.',
    });
  }
  const task: LearningTask = ins.task.targetKind;
  const estimator = fam.make(input.params ?? {}, task);
  step(`fitting ${fam.name} on ${frame.nRows} rows x ${featureNames.length} features`);
  const model = await estimator.fit(frame.select(featureNames), frame.column(input.target), {
    rng: new Rng(input.seed).fork('train'),
    ...(input.onEvent ? { emit: input.onEvent } : {}),
  });
  step(`saving the model package to ${input.out}`);
  const schema = { version: 1 as const, columns: ins.schema.columns.filter((c) => featureNames.includes(c.name)) };
  const reference = profileFrame(frame, ins.schema, { target: input.target, classification: task !== 'regression' });
  const manifest = await saveModelPackage(input.out, {
    model,
    name: ins.name,
    target: input.target,
    schema,
    idColumns,
    ...(ins.task.positiveClass ? { positiveClass: ins.task.positiveClass } : {}),
    seed: input.seed,
    data: { file: input.data, sha256: await sha256File(input.data), rows: frame.nRows },
    specmlVersion: VERSION,
    reference,
  });
  return { manifest, dir: input.out, droppedRows: ins.frame.nRows - frame.nRows, features: featureNames, seconds: (performance.now() - started) / 1000 };
}

/** SHA-256 of a file, streamed (the data fingerprint recorded in the model's lineage). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
