/**
 * What every feature transformer shares: the optional `fitTransform` step that composition uses,
 * and {@link defineTransformer}, which turns a parameter table plus two pure functions (learn the
 * state, apply it) into an estimator class with a registered loader.
 *
 * Rules every transformer here follows:
 * - It acts on the columns of the kinds it handles among the columns it is given and passes the
 *   others through unchanged, in place (use `columns()` to choose which columns it sees).
 * - Its model's inputs are all the columns it was fitted on, so a missing or retyped column is a
 *   `data.*` error at transform time (checked by `selectInputs`).
 * - Categorical columns are matched by level string, never by code: a frame read later may number
 *   its levels differently.
 *
 * @example
 * const { model, output } = await fitTransform(new StandardScaler({}), frame, undefined, { rng: new Rng(1) });
 * // output: the rows the next pipeline step trains on (here equal to model.transform(frame))
 */
import { registerModel, selectInputs, signatureOf, type Estimator, type FitContext, type InputColumn, type Params, type TransformerModel } from '../core/estimator.js';
import { Frame, type Column } from '../core/frame.js';
import { resolveParams, type ParamsOf, type ParamTable } from '../core/params.js';
import type { StateValue } from '../core/state.js';

/**
 * An estimator that can fit and transform its training frame in one call. The `output` is what
 * the next step trains on; it may differ from `model.transform(frame)` on purpose: a target
 * encoder returns out-of-fold encodings for its training rows so that the next step never sees
 * encodings computed from its own labels. Composition (pipeline, columns) uses it when present.
 *
 * @example
 * const { model, output } = await new TargetEncoder({}).fitTransform(frame, y, { rng: new Rng(1) });
 */
export interface FitTransformer {
  fitTransform(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<{ model: TransformerModel; output: Frame }>;
}

/** A transformer estimator whose class came from {@link defineTransformer}. */
export interface TransformerEstimator<P extends Params = Params> extends Estimator<TransformerModel>, FitTransformer {
  readonly kind: 'transformer';
  readonly params: P;
}

/** True when `est` offers {@link FitTransformer.fitTransform}. */
export function hasFitTransform(est: Estimator): est is Estimator & FitTransformer {
  return typeof (est as Partial<FitTransformer>).fitTransform === 'function';
}

/**
 * Fits a transformer and returns the training rows the next step should see: the estimator's own
 * `fitTransform` when it has one, else `fit` then `transform` on the same frame.
 *
 * @example
 * const { model, output } = await fitTransform(new OneHot({}), frame, undefined, { rng: new Rng(1) });
 */
export async function fitTransform(est: Estimator<TransformerModel>, frame: Frame, target: Column | undefined, ctx: FitContext): Promise<{ model: TransformerModel; output: Frame }> {
  if (hasFitTransform(est)) return est.fitTransform(frame, target, ctx);
  const model = await est.fit(frame, target, ctx);
  return { model, output: model.transform(frame) };
}

/**
 * Rebuilds a frame column by column: `map` returns the columns that replace `c`, or undefined to
 * keep it. Replacements land where the column was, so output order follows input order.
 *
 * @example
 * mapColumns(frame, (c) => (c.kind === 'numeric' ? [scaled(c)] : undefined));
 */
export function mapColumns(frame: Frame, map: (c: Column) => Column[] | undefined): Frame {
  const out: Column[] = [];
  for (const c of frame.columns) {
    const r = map(c);
    if (r) out.push(...r);
    else out.push(c);
  }
  return Frame.fromColumns(out, frame.nRows);
}

/** How a transformer learns and applies its state; see {@link defineTransformer}. */
export interface TransformerDef<T extends ParamTable, S extends StateValue> {
  /** Registry name (also the model name). */
  name: string;
  params: T;
  /** Learns the state from the training frame (only the model's input columns). */
  fit(frame: Frame, target: Column | undefined, ctx: FitContext, params: ParamsOf<T>): S;
  /** Applies the state; `frame` holds exactly the input columns, in input order. Must not mutate. */
  transform(frame: Frame, state: S, params: ParamsOf<T>): Frame;
  /** Optional: training output that differs from `transform(frame)` (see {@link FitTransformer}). */
  fitTransform?(frame: Frame, target: Column | undefined, ctx: FitContext, params: ParamsOf<T>): { state: S; output: Frame };
}

class FittedTransformer<S extends StateValue> implements TransformerModel {
  readonly kind = 'transformer';
  constructor(
    readonly name: string,
    readonly params: Params,
    readonly inputs: readonly InputColumn[],
    private readonly s: S,
    private readonly apply: (frame: Frame, state: S, params: Params) => Frame,
  ) {
    Object.freeze(this);
  }

  transform(frame: Frame): Frame {
    return this.apply(selectInputs(this, frame), this.s, this.params);
  }

  state(): StateValue {
    return this.s;
  }
}

/**
 * Makes an estimator class from a parameter table and two pure functions, and registers its
 * model loader under `def.name` (once, at module load; a second definition of a name throws).
 *
 * @example
 * export const Negate = defineTransformer({
 *   name: 'negate', params: defineParams({}),
 *   fit: () => null,
 *   transform: (f) => mapColumns(f, (c) => (c.kind === 'numeric' ? [numericColumn(c.name, c.values.map((v) => -v))] : undefined)),
 * });
 * await new Negate({}).fit(frame, undefined, { rng: new Rng(1) });
 */
export function defineTransformer<T extends ParamTable, S extends StateValue>(def: TransformerDef<T, S>): new (params?: Record<string, unknown>) => TransformerEstimator<ParamsOf<T>> {
  const apply = def.transform as (frame: Frame, state: S, params: Params) => Frame;
  const make = (params: Params, inputs: readonly InputColumn[], state: S): TransformerModel => new FittedTransformer(def.name, params, inputs, state, apply);
  registerModel(def.name, ({ params, inputs, state }) => make(params, inputs, state as S));

  return class implements TransformerEstimator<ParamsOf<T>> {
    readonly kind = 'transformer';
    readonly name = def.name;
    readonly params: ParamsOf<T>;

    constructor(params: Record<string, unknown> = {}) {
      this.params = resolveParams(def.params, params, def.name);
    }

    async fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<TransformerModel> {
      return make(this.params, signatureOf(frame), def.fit(frame, target, ctx, this.params));
    }

    async fitTransform(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<{ model: TransformerModel; output: Frame }> {
      if (def.fitTransform) {
        const { state, output } = def.fitTransform(frame, target, ctx, this.params);
        return { model: make(this.params, signatureOf(frame), state), output };
      }
      const model = make(this.params, signatureOf(frame), def.fit(frame, target, ctx, this.params));
      return { model, output: model.transform(frame) };
    }
  };
}
