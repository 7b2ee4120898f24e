/**
 * The spec of DESIGN.md §4 as one zod schema: it gives the defaults, the validation, the field
 * docs used in error messages, and the JSON Schema editors can use ({@link specJsonSchema}). A
 * field's range is written once, here (STYLE.md §2).
 *
 * Every object is strict: an unknown key is an error (the loader adds a did-you-mean), because a
 * typo such as `trget:` silently ignored would train on the wrong thing.
 *
 * @example
 * const spec: Spec = specSchema.parse({ data: { train: 'train.csv', target: 'y' } });
 * spec.split.folds; // 5
 * spec.seed;        // 42
 */
import { z } from 'zod';
import type { Task } from '../data/task.js';
import { parseDuration } from './duration.js';
import { SPEC_METRICS } from './metrics.js';
import { crossFieldChecks } from './cross-checks.js';
import { parseGate, type Gate } from './gates.js';
import { SpecmlError } from '../core/errors.js';
import { didYouMean } from './suggest.js';
import type { Spec } from './types.js';

/**
 * `task:` values: a concrete {@link Task}, or `auto` to infer it from the target column.
 *
 * @example
 * SPEC_TASKS.includes('auto'); // true
 */
export const SPEC_TASKS = ['auto', 'binary', 'multiclass', 'regression', 'text', 'image'] as const satisfies readonly ('auto' | Task)[];
export type SpecTask = (typeof SPEC_TASKS)[number];

/**
 * Candidate model families `models:` may restrict the search to.
 *
 * @example
 * const families: ModelFamily[] = ['gbdt', 'linear'];
 */
export const MODEL_FAMILIES = ['gbdt', 'linear', 'forest', 'nn', 'knn'] as const;
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

/**
 * Fixed `split.strategy` values; `group:<column>` is accepted besides these.
 *
 * @example
 * const s: SplitStrategy = 'group:customer_id';
 */
export const SPLIT_STRATEGIES = ['auto', 'stratified', 'kfold', 'time'] as const;
export type SplitStrategy = (typeof SPLIT_STRATEGIES)[number] | `group:${string}`;

/**
 * URI schemes `data.train` / `data.test` may use instead of a file path.
 *
 * @example
 * DATA_URI_SCHEMES.includes('sqlite'); // true
 */
export const DATA_URI_SCHEMES = ['sqlite', 'postgres', 'postgresql'] as const;

/**
 * Extra data a custom zod issue carries so the loader can word it (see `issues.ts`).
 *
 * @example
 * ctx.addIssue({ code: 'custom', params: { specCode: 'spec.bad_uri', message: '…', hint: '…' } satisfies IssueParams });
 */
export interface IssueParams {
  specCode: string;
  message: string;
  hint?: string;
}

const SLUG = /^[a-z0-9][a-z0-9._-]*$/i;

const column = (doc: string) => z.string().min(1).describe(doc);

const dataLocation = (doc: string) =>
  z
    .string()
    .min(1)
    .describe(doc)
    .superRefine((v, ctx) => {
      // Two or more letters before ':' is a scheme; one letter is a Windows drive (C:\data.csv).
      const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(v)?.[1]?.toLowerCase();
      if (scheme === undefined || scheme === 'file' || (DATA_URI_SCHEMES as readonly string[]).includes(scheme)) return;
      ctx.addIssue({
        code: 'custom',
        params: {
          specCode: 'spec.bad_uri',
          message: `unsupported data source scheme '${scheme}:' in '${v}'`,
          hint: `Give a file path (csv, parquet, jsonl) or a ${DATA_URI_SCHEMES.map((s) => `${s}:`).join(' / ')} URI; download remote files first.`,
        } satisfies IssueParams,
      });
    });

const dataSchema = z.strictObject({
  train: dataLocation('the training data: a csv/parquet/jsonl path relative to the spec file, or a sqlite:/postgres: URI'),
  test: dataLocation('optional held-out test data (path or URI); without it a holdout is split off train').optional(),
  target: column('the column to predict'),
  id: z
    .union([column('an id column'), z.array(column('an id column')).min(1)])
    .describe('id column(s), kept out of features and carried into predictions: a column name or a list of names')
    .optional()
    .transform((v) => (v === undefined ? undefined : typeof v === 'string' ? [v] : v)),
  time: column('a timestamp column; enables time-ordered splits').optional(),
  ignore: z.array(column('a column name')).describe('columns to leave out of the features').optional(),
  delimiter: z
    .string()
    .describe("the CSV field delimiter, one character, or 'tab' (default: sniffed)")
    .transform((v) => (v === 'tab' || v === '\\t' ? '\t' : v))
    .pipe(z.string().length(1))
    .optional(),
});

const splitStrategy = z
  .string()
  .describe("how folds are made: auto | stratified | kfold | time | group:<column>")
  .transform((v, ctx): SplitStrategy => {
    if ((SPLIT_STRATEGIES as readonly string[]).includes(v)) return v as SplitStrategy;
    if (/^group:\s*\S/.test(v)) return `group:${v.slice('group:'.length).trim()}`;
    const [head, ...rest] = v.split(':');
    const isGroupish = rest.length > 0 || v.startsWith('group');
    const near = isGroupish && didYouMean(head!, ['group']) ? `group:${rest.join(':').trim() || '<column>'}` : didYouMean(v, SPLIT_STRATEGIES);
    ctx.addIssue({
      code: 'custom',
      input: v,
      params: {
        specCode: 'spec.invalid_value',
        message: `'${v}' is not a split strategy${near ? `; did you mean '${near}'?` : '.'} Expected one of: ${SPLIT_STRATEGIES.join(', ')}, group:<column>`,
        hint: `Use one of ${SPLIT_STRATEGIES.join(', ')}, or group:<column> to keep rows of one group in one fold.`,
      } satisfies IssueParams,
    });
    return z.NEVER;
  });

// Defaults carry their reason (STYLE.md §13).
const splitSchema = z.strictObject({
  // 0.2: the usual holdout; large enough for a stable metric on a few thousand rows.
  holdout: z.number().gt(0).lt(1).default(0.2).describe('fraction of rows held out for the final test, between 0 and 1 (exclusive)'),
  // 5 folds: the sklearn default; the variance of 10 folds rarely pays for twice the work.
  folds: z.number().int().min(2).max(50).default(5).describe('number of cross-validation folds, a whole number from 2 to 50'),
  strategy: splitStrategy.default('auto'),
  gap: z.number().int().min(0).describe('rows (time splits: periods) skipped between train and validation, a whole number >= 0').optional(),
});

const maxTime = z
  .union([z.string(), z.number()])
  .describe("a wall-time cap such as '90s', '10m', '1h' (or seconds as a number)")
  .transform((v, ctx) => {
    const seconds = parseDuration(v);
    if (seconds !== undefined) return seconds;
    ctx.addIssue({
      code: 'custom',
      input: v,
      params: {
        specCode: 'spec.bad_duration',
        message: `'${v}' is not a duration; expected a number with s, m or h, e.g. '90s', '10m', '1h'`,
        hint: "Write a duration such as '90s', '10m', '1h' or '1h30m'.",
      } satisfies IssueParams,
    });
    return z.NEVER;
  });

const budgetSchema = z.strictObject({
  // Without units the preset decides (pipeline/automl/presets.ts): balanced is 60 units, 12 configurations at 5 folds.
  preset: z.enum(['fast', 'balanced', 'best']).optional().describe('AutoML effort: fast | balanced (default) | best'),
  units: z.number().int().gt(0).optional().describe("deterministic work units (one configuration fitted on one fold); they decide the result, a whole number > 0; default: the preset's"),
  max_time: maxTime.optional(),
  deploy: z.enum(['refit', 'bag']).optional().describe("ensemble members deployed refitted on all training rows (refit) or as their fold models (bag); default: the preset's"),
  infer_limit_ms: z.number().gt(0).optional().describe('drop ensemble members until one row predicts within this many milliseconds (median); measured, so it can vary by machine'),
});

const gateSchema = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .describe("a gate: an expression such as 'roc_auc >= 0.85', or { beats: baseline }")
  .transform((v, ctx): Gate => {
    const fail = (specCode: string, message: string, hint?: string): never => {
      ctx.addIssue({ code: 'custom', input: v, params: { specCode, message, ...(hint ? { hint } : {}) } satisfies IssueParams });
      return z.NEVER;
    };
    if (typeof v !== 'string') {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === 'beats' && v.beats === 'baseline') return { kind: 'beats', against: 'baseline', source: 'beats: baseline' };
      const got = JSON.stringify(v);
      const near = keys.length === 1 && keys[0] === 'beats' ? didYouMean(String(v.beats), ['baseline']) : undefined;
      return fail('spec.bad_gate', `expected 'beats: baseline' or a gate expression such as 'roc_auc >= 0.85', got ${got}${near ? `; did you mean 'beats: baseline'?` : ''}`, "The only mapping gate is 'beats: baseline'; write thresholds as strings, e.g. '- roc_auc >= 0.85'.");
    }
    try {
      return parseGate(v);
    } catch (err) {
      if (!(err instanceof SpecmlError)) throw err;
      return fail(err.code, err.message, err.hint);
    }
  });

const deploySchema = z.strictObject({
  name: z.string().regex(SLUG).describe('registered model name (default: the spec name)').optional(),
  alias: z.string().regex(SLUG).default('staging').describe('alias the new version gets (default staging)'),
});

const fairnessSchema = z.strictObject({
  sensitive: z.array(column('a sensitive column')).min(1).describe('columns fairness is measured over, at least one'),
  bands: z
    .record(z.string(), z.array(z.number()).min(1))
    .describe('cut points for continuous sensitive columns, e.g. { Age: [25, 35, 50] } (increasing); without them quartiles are used and stated')
    .optional(),
  // 30: below it a group's rates swing too much for a CI worth reading; such groups are listed, not compared.
  min_group_size: z.number().int().min(0).default(30).describe('smallest group compared in the fairness metrics (smaller ones are listed with a note)'),
  // Off unless asked: changing decisions per group is a policy choice the spec's owner makes.
  mitigation: z.enum(['none', 'group_thresholds']).default('none').describe('post-processing applied when a fairness gate fails: none | group_thresholds'),
});

const monitorSchema = z.strictObject({
  reference: z.enum(['train', 'test']).default('train').describe('which data drift is measured against'),
  drift: z.enum(['default', 'strict', 'lenient']).default('default').describe('drift alert sensitivity: the effect-size bands (default: 0.1 sd Wasserstein, 0.1 Jensen-Shannon, 5 points of missing rate; strict halves them, lenient doubles them)'),
  bands: z
    .strictObject({
      numeric: z.number().positive().optional().describe('Wasserstein distance in reference standard deviations'),
      categorical: z.number().positive().max(1).optional().describe('Jensen-Shannon distance (base 2)'),
      missing: z.number().positive().max(1).optional().describe('absolute change of the missing rate'),
      domain: z.number().positive().max(0.5).optional().describe('domain classifier AUC above 0.5'),
      features: z.record(z.string(), z.number().positive()).optional().describe("a feature's own band, e.g. { Income: 0.2 }"),
    })
    .optional()
    .describe("effect bands replacing the sensitivity's"),
  window: z.string().default('1d').describe('the prediction-log window `specml monitor` reads without --data: a span back from now (1d, 12h, 30m, 2w) or a count of the latest predictions'),
  rules: z.array(z.string().min(1)).default(['drift.detected']).describe("alert rules, each PATH or PATH OP NUMBER, e.g. 'drift.detected', 'performance.roc_auc < 0.75', 'estimated.roc_auc < 0.75'"),
  webhook: z.url({ protocol: /^https?$/ }).optional().describe('POSTed a JSON event (with retries) when a rule trips'),
  retrain: z.boolean().default(false).describe('when a rule trips, `specml monitor` retrains a challenger through the same gates (specml retrain)'),
});

/**
 * The spec as written, before cross-field checks; exported for its per-object key lists and the
 * JSON Schema.
 *
 * @example
 * Object.keys(specObject.shape); // ['name', 'goal', 'why', 'data', …]
 */
export const specObject = z.strictObject({
  name: z.string().regex(SLUG).describe('a slug: letters, digits, . _ - (default: the spec file name)').optional(),
  goal: z.string().describe('what the model is for, one sentence').optional(),
  why: z.string().describe('why it matters; shown in the report and model card').optional(),
  data: dataSchema,
  task: z.enum(SPEC_TASKS).default('auto').describe('the learning task; auto infers it from the target'),
  metric: z.enum(SPEC_METRICS).describe('the metric model selection optimises (default: inferred from the task)').optional(),
  models: z.array(z.enum(MODEL_FAMILIES)).min(1).describe('restrict candidate model families').optional(),
  split: splitSchema.prefault({}),
  budget: budgetSchema.prefault({}),
  // 42: any fixed seed makes runs reproduce; this one is recognisable in logs.
  seed: z.number().int().min(0).default(42).describe('random seed, a whole number >= 0'),
  // Off by default: calibration changes the probabilities a user has already validated elsewhere.
  calibration: z.enum(['none', 'sigmoid', 'isotonic']).default('none').describe('calibrate predicted probabilities on out-of-fold predictions: none | sigmoid (Platt) | isotonic'),
  threshold: z
    .union([z.strictObject({ precision: z.number().gt(0).lte(1) }), z.strictObject({ recall: z.number().gt(0).lte(1) })])
    .describe('binary decision threshold chosen on out-of-fold predictions: { precision: 0.8 } (most recall at that precision) or { recall: 0.9 }')
    .optional(),
  fairness: fairnessSchema.optional(),
  gates: z.array(gateSchema).default([]).describe('pass/fail criteria checked on the held-out test'),
  deploy: deploySchema.optional(),
  monitor: monitorSchema.optional(),
});

/**
 * Key lists per object path (`''` is the top level), for did-you-mean on unknown keys.
 *
 * @example
 * KNOWN_KEYS.data; // ['train', 'test', 'target', 'id', 'time', 'ignore', 'delimiter']
 */
export const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(specObject.shape),
  data: Object.keys(dataSchema.shape),
  split: Object.keys(splitSchema.shape),
  budget: Object.keys(budgetSchema.shape),
  fairness: Object.keys(fairnessSchema.shape),
  deploy: Object.keys(deploySchema.shape),
  monitor: Object.keys(monitorSchema.shape),
};

/**
 * The full spec schema: {@link specObject} plus the checks that involve two fields, then the
 * defaults that depend on other fields (`deploy.name` ← `name`).
 *
 * @example
 * const r = specSchema.safeParse({ data: { train: 'a.csv', target: 'y' }, task: 'regression', metric: 'roc_auc' });
 * r.success; // false: roc_auc judges classifiers
 */
export const specSchema = specObject.superRefine(crossFieldChecks).transform((s) => {
  const name = s.name ?? 'spec';
  return { ...s, name, deploy: s.deploy && { ...s.deploy, name: s.deploy.name ?? name } };
});

// Compile-time proof that the schema's output is a Spec; a mismatch fails `tsc`.
const _specOutputIsSpec = (s: z.output<typeof specSchema>): Spec => s;

