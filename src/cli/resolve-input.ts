/**
 * Where a command's data comes from: a spec file (YAML or PRP markdown), or `--data/--target`
 * flags, or `./specml.yaml` when neither is given. Flags override the spec's fields.
 */
import { existsSync } from 'node:fs';
import { SpecmlError } from '../core/errors.js';
import type { Task } from '../data/task.js';
import { loadSpec } from '../spec/index.js';

export interface DataFlags {
  data?: string;
  target?: string;
  test?: string;
  id?: string[];
  delimiter?: string;
  task?: string;
  seed?: string;
}

export interface ResolvedInput {
  name?: string;
  data: string;
  target: string;
  test?: string;
  idColumns: string[];
  ignore: string[];
  delimiter?: string;
  task: Task | 'auto';
  seed: number;
  /** The spec's metric, when it names one. */
  metric?: string;
  specFile?: string;
}

const TASKS = ['auto', 'binary', 'multiclass', 'regression', 'text', 'image'];

export async function resolveInput(specArg: string | undefined, flags: DataFlags): Promise<ResolvedInput> {
  let specFile = specArg;
  if (!specFile && !flags.data && existsSync('specml.yaml')) specFile = 'specml.yaml';
  const spec = specFile ? await loadSpec(specFile) : undefined;
  const data = flags.data ?? spec?.data.train;
  const target = flags.target ?? spec?.data.target;
  if (!data || !target) {
    throw new SpecmlError('usage.missing_input', specFile ? `${specFile}: the spec gives no data.train or data.target` : 'no data given: pass a spec file, or --data FILE and --target COLUMN', {
      hint: 'e.g. specml analyze --data examples/credit/credit.csv --target Status, or specml init --data FILE --target COL to write a spec.',
    });
  }
  if (spec && !flags.data) requireSpecFile(specFile!, 'data.train', spec.data.given?.train ?? data, data);
  if (spec?.data.test && !flags.test) requireSpecFile(specFile!, 'data.test', spec.data.given?.test ?? spec.data.test, spec.data.test);
  const task = (flags.task ?? spec?.task ?? 'auto') as Task | 'auto';
  if (!TASKS.includes(task)) throw new SpecmlError('usage.bad_task', `--task '${task}' is not a task`, { hint: `Use one of: ${TASKS.join(', ')}` });
  const seed = flags.seed !== undefined ? Number(flags.seed) : (spec?.seed ?? 42);
  if (!Number.isInteger(seed) || seed < 0) throw new SpecmlError('usage.bad_seed', `--seed '${flags.seed}' is not a non-negative whole number`, { hint: 'e.g. --seed 42' });
  const out: ResolvedInput = {
    data,
    target,
    idColumns: flags.id ?? spec?.data.id ?? [],
    ignore: spec?.data.ignore ?? [],
    task,
    seed,
  };
  const test = flags.test ?? spec?.data.test;
  if (test) out.test = test;
  const delimiter = flags.delimiter ?? spec?.data.delimiter;
  if (delimiter) out.delimiter = delimiter === '\\t' || delimiter === 'tab' ? '\t' : delimiter;
  if (spec?.name) out.name = spec.name;
  if (spec?.metric) out.metric = spec.metric;
  if (specFile) out.specFile = specFile;
  return out;
}

/** A data path from a spec is resolved against the spec's folder: say so when it is not there. */
export function requireSpecFile(specFile: string, field: string, given: string, resolved: string): void {
  if (/^[a-z][a-z0-9+]*:/i.test(given) && !/^file:/i.test(given)) return; // a database URI
  if (existsSync(resolved)) return;
  throw new SpecmlError('spec.data_not_found', `${specFile}: ${field} '${given}' does not exist (looked for ${resolved})`, {
    hint: "Paths in a spec are relative to the spec file's folder; fix the path or move the file.",
    location: { file: specFile, path: field },
  });
}
