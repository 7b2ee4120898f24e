/**
 * Estimators and fitted models (STYLE.md §1, §5).
 *
 * An {@link Estimator} is a name plus frozen, JSON-safe params from its parameter table; its
 * constructor does no work, and `fit` returns a new immutable {@link Model} without touching the
 * estimator or the data. Predicting before fitting is impossible by construction: only a Model has
 * `predict`/`transform`. A Model carries its input signature and checks every frame against it, and
 * can be turned into state (JSON + typed arrays) and back through the model registry, so serving
 * never imports training code.
 *
 * @example
 * const est = new BaselineEstimator({ strategy: 'prior' });
 * const model = await est.fit(frame, frame.column('Status'), { rng: new Rng(42) });
 * model.predict(frame).proba; // n x k probabilities, row-major
 */
import { SpecmlError } from './errors.js';
import { Frame, categoricalColumn, type CategoricalColumn, type Column, type ColumnKind } from './frame.js';
import { levelPositions, pairMemo } from './levels.js';
import { Registry } from './registry.js';
import type { Rng } from './rng.js';
import type { StateValue } from './state.js';

/** The learning problem a predictor solves (text and image tasks reduce to these). */
export type LearningTask = 'binary' | 'multiclass' | 'regression';

export type ParamValue = number | string | boolean | null | readonly ParamValue[] | { readonly [k: string]: ParamValue };
export type Params = Readonly<Record<string, ParamValue>>;

/** Something that happened while fitting that the user should hear about (non-convergence, ...). */
export interface FitEvent {
  level: 'warning' | 'info';
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface FitContext {
  /** All randomness of a fit comes from here (fork it per purpose). */
  rng: Rng;
  /** Receives warnings and notes; default: dropped. */
  emit?: (event: FitEvent) => void;
  /** Held-out rows for early stopping, never used to fit parameters. */
  validation?: { frame: Frame; target: Column };
  /**
   * Row weights, `Float64Array[n]` aligned with the training frame: finite and >= 0. An estimator
   * that cannot use them refuses them (see {@link requireWeightSupport}) rather than ignore them.
   */
  sampleWeight?: Float64Array;
}

/**
 * Validates `ctx.sampleWeight` for `n` rows and returns it; an estimator that cannot weight rows
 * passes `supported = false` and gets a clear error when weights are given.
 *
 * @example
 * const w = requireWeightSupport(ctx, frame.nRows, 'gbdt', true); // Float64Array | undefined
 */
export function requireWeightSupport(ctx: FitContext, n: number, estimator: string, supported: boolean): Float64Array | undefined {
  const w = ctx.sampleWeight;
  if (!w) return undefined;
  if (!supported) {
    throw new SpecmlError('usage.weights_unsupported', `the ${estimator} model does not support sample weights`, { hint: 'Use gbdt for weighted rows, or drop the weights.' });
  }
  if (w.length !== n) throw new SpecmlError('data.weight_length', `sample weights have ${w.length} values for ${n} rows`, { hint: 'Give one weight per training row.' });
  for (let i = 0; i < n; i++) {
    if (!(w[i]! >= 0) || !Number.isFinite(w[i]!)) {
      throw new SpecmlError('data.invalid_weight', `sample weight ${w[i]} at row ${i + 1} is not a finite number >= 0`, { hint: 'Weights must be finite and non-negative.' });
    }
  }
  return w;
}

/** One input column of a fitted model: the contract checked at predict time. */
export interface InputColumn {
  name: string;
  kind: ColumnKind;
  /** Categorical columns: the training levels; codes at predict time are mapped onto these. */
  levels?: string[];
}

interface ModelBase {
  readonly name: string;
  readonly params: Params;
  readonly inputs: readonly InputColumn[];
  /** Everything needed to rebuild the model with its registered loader. */
  state(): StateValue;
}

/**
 * Predictions for n rows. Regression: `values` are the predictions. Classification: `values` hold
 * the index (into `classes`) of the most probable class and `proba` is n x k, row-major.
 */
export interface Prediction {
  values: Float64Array;
  proba?: Float64Array;
}

export interface PredictorModel extends ModelBase {
  readonly kind: 'predictor';
  readonly task: LearningTask;
  /** Class labels in code order (classification only). */
  readonly classes?: readonly string[];
  predict(frame: Frame): Prediction;
}

export interface TransformerModel extends ModelBase {
  readonly kind: 'transformer';
  transform(frame: Frame): Frame;
}

export type Model = PredictorModel | TransformerModel;

export interface Estimator<M extends Model = Model> {
  readonly kind: M['kind'];
  readonly name: string;
  readonly params: Params;
  /** Fits on `frame` (the target is passed separately and must not be a column of `frame`). */
  fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<M>;
}

/** Rebuilds a model from its name, params, inputs and state (see {@link registerModel}). */
export type ModelLoader = (saved: { params: Params; inputs: InputColumn[]; state: StateValue }) => Model;

const loaders = new Registry<ModelLoader>('model');

/** Registers how to rebuild a fitted model called `name` (done once, by the model's module). */
export function registerModel(name: string, loader: ModelLoader): void {
  loaders.register(name, loader);
}

export function modelLoader(name: string): ModelLoader {
  return loaders.get(name);
}

/**
 * The frame's columns in the model's input order, checked against the signature: a missing column
 * or a column of another kind is a `data.*` SpecmlError naming it; extra columns are ignored.
 *
 * Categorical columns are re-coded onto the training levels, so a model can trust its codes: code
 * j < levels.length means training level j; categories never seen in training get codes from
 * levels.length upward (appended to `levels` in first-seen order); -1 stays missing. Each model
 * documents what it does with unseen codes (most treat them like missing). Cost: O(n) per
 * categorical column whose levels differ from training; none when they are the same.
 */
export function selectInputs(model: { name: string; inputs: readonly InputColumn[] }, frame: Frame): Frame {
  // One pass: look each input up once (this runs for every model of every prediction, a single row included).
  const cols: Column[] = new Array(model.inputs.length);
  let missing: InputColumn[] | undefined;
  let wrong: SpecmlError | undefined;
  for (let j = 0; j < model.inputs.length; j++) {
    const c = model.inputs[j]!;
    const col = frame.get(c.name);
    if (!col) {
      (missing ??= []).push(c);
      continue;
    }
    if (col.kind !== c.kind) {
      wrong ??= new SpecmlError('data.wrong_type', `column '${c.name}' is ${col.kind}, but the ${model.name} model was fitted on a ${c.kind} column`, {
        hint: 'Check the data against the schema saved with the model (a stray text value turns a numeric column into text).',
      });
      continue;
    }
    cols[j] = col.kind === 'categorical' && c.levels ? alignLevels(col, c.levels) : col;
  }
  // Missing columns first: a frame missing some is the bigger mistake.
  if (missing) {
    throw new SpecmlError('data.missing_column', `${missing.length === 1 ? 'column' : 'columns'} ${missing.map((c) => `'${c.name}'`).join(', ')} missing: the ${model.name} model was fitted with ${model.inputs.length} input columns`, {
      hint: `Provide every input column: ${model.inputs.map((c) => c.name).join(', ')}`,
    });
  }
  if (wrong) throw wrong;
  // Already exactly the inputs (a pipeline's inner steps see the frame its outer step selected): no copy.
  if (cols.length === frame.columns.length && cols.every((c, j) => c === frame.columns[j])) return frame;
  return Frame.fromColumns(cols, frame.nRows);
}

function alignLevels(col: CategoricalColumn, training: readonly string[]): CategoricalColumn {
  if (col.levels === training) return col;
  const { map, levels, identity } = alignment(training, col.levels);
  if (identity) return col;
  const codes = new Int32Array(col.codes.length);
  for (let i = 0; i < codes.length; i++) codes[i] = col.codes[i]! < 0 ? -1 : map[col.codes[i]!]!;
  return categoricalColumn(col.name, codes, levels);
}

/**
 * How a frame's levels map onto training's: codes into training's levels, unseen levels appended
 * after them (in the frame's order). Cached per pair of arrays (core/levels.ts does the lookups),
 * so the aligned columns of repeated calls share one levels array.
 */
interface Alignment {
  length: number;
  map: Int32Array;
  levels: string[];
  /** The frame's levels are training's, in the same order: codes need no change. */
  identity: boolean;
}
const aligned = pairMemo<Alignment>();
function alignment(training: readonly string[], frameLevels: readonly string[]): Alignment {
  const hit = aligned.get(training, frameLevels);
  if (hit) return hit;
  const pos = levelPositions(training, frameLevels);
  const levels = [...training];
  const map = Int32Array.from(pos, (p, j) => (p >= 0 ? p : levels.push(frameLevels[j]!) - 1));
  return aligned.set(training, frameLevels, { length: frameLevels.length, map, levels, identity: frameLevels.length === training.length && map.every((p, j) => p === j) });
}

/** The input signature of a frame (all its columns; categorical ones with their levels). */
export function signatureOf(frame: Frame): InputColumn[] {
  return frame.columns.map((c) => (c.kind === 'categorical' ? { name: c.name, kind: c.kind, levels: [...c.levels] } : { name: c.name, kind: c.kind }));
}
