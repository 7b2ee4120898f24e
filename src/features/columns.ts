/**
 * `columns(specs, { remainder })`: column-wise composition, as sklearn's `ColumnTransformer`.
 * Each spec picks columns (by name, or every column of some kinds at fit time) and a transformer
 * (which may be a pipeline) fitted on just those columns; the outputs are concatenated in spec
 * order, followed by the unselected columns when `remainder` is 'passthrough' (default 'drop', as
 * sklearn). A column may feed several specs. Specs whose selection is empty are skipped.
 *
 * Selection by kind is resolved once, at fit time, into names: the fitted model needs exactly
 * those columns (its inputs) and ignores extra ones, so a new column at serving time cannot slip
 * into a model that never saw it. Two outputs with the same name are a `usage.duplicate_column`
 * error at fit time (e.g. two scalers on one column): give each spec disjoint columns or a
 * renaming transformer.
 *
 * Each part is fitted with its own rng fork (`<index>:<name>`) through `fitTransform`, so a
 * target encoder inside passes its out-of-fold training encodings up to the enclosing pipeline.
 *
 * @example
 * const prep = columns(
 *   [
 *     { select: { kind: ['numeric'] }, estimator: pipeline([new SimpleImputer({}), new StandardScaler({})]) },
 *     { select: ['city'], estimator: new OneHot({ min_frequency: 10 }) },
 *   ],
 *   { remainder: 'drop' },
 * );
 * const model = await prep.fit(frame, undefined, { rng: new Rng(1) });
 */
import { SpecmlError } from '../core/errors.js';
import { registerModel, selectInputs, type Estimator, type FitContext, type InputColumn, type Params, type TransformerModel } from '../core/estimator.js';
import { Frame, type Column, type ColumnKind } from '../core/frame.js';
import { defineParams, resolveParams } from '../core/params.js';
import type { StateValue } from '../core/state.js';
import { loadStep, saveStep } from './step-state.js';
import { fitTransform, type FitTransformer } from './transformer.js';

/** Column names, or every column of the given kinds (resolved at fit time). */
export type ColumnSelector = readonly string[] | { readonly kind: readonly ColumnKind[] };

/** One part of a column transformer: which columns, and the transformer fitted on them. */
export interface ColumnSpec {
  select: ColumnSelector;
  estimator: Estimator;
}

export const COLUMNS_PARAMS = defineParams({
  remainder: { type: 'enum', default: 'drop', values: ['drop', 'passthrough'], doc: 'columns no spec selects: dropped (as sklearn) or passed through after the outputs' },
});

/**
 * Builds a column transformer; every spec's estimator must be a transformer.
 *
 * @example
 * columns([{ select: { kind: ['categorical'] }, estimator: new OneHot({}) }], { remainder: 'passthrough' });
 */
export function columns(specs: readonly ColumnSpec[], options: { remainder?: 'drop' | 'passthrough' } = {}): ColumnTransformer {
  return new ColumnTransformer(specs, options);
}

/** The column transformer estimator; see {@link columns}. */
export class ColumnTransformer implements Estimator<TransformerModel>, FitTransformer {
  readonly kind = 'transformer';
  readonly name = 'columns';
  readonly params: Params;
  readonly specs: readonly ColumnSpec[];
  private readonly remainder: 'drop' | 'passthrough';

  constructor(specs: readonly ColumnSpec[], options: { remainder?: 'drop' | 'passthrough' } = {}) {
    specs.forEach((s, i) => {
      if (s.estimator.kind !== 'transformer') {
        throw new SpecmlError('usage.bad_columns', `columns spec ${i + 1} holds '${s.estimator.name}', a ${s.estimator.kind}; only transformers can transform columns`, {
          hint: 'Put the model after the column transformer in a pipeline.',
        });
      }
    });
    const { remainder } = resolveParams(COLUMNS_PARAMS, options, 'columns');
    this.remainder = remainder as 'drop' | 'passthrough';
    this.specs = Object.freeze([...specs]);
    const select = (s: ColumnSelector) => Object.freeze(Array.isArray(s) ? [...(s as string[])] : { kind: Object.freeze([...(s as { kind: ColumnKind[] }).kind]) });
    this.params = Object.freeze({
      transformers: Object.freeze(specs.map((s) => Object.freeze({ select: select(s.select), name: s.estimator.name, params: s.estimator.params }))),
      remainder,
    }) as Params;
  }

  async fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<TransformerModel> {
    return (await this.fitTransform(frame, target, ctx)).model;
  }

  async fitTransform(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<{ model: TransformerModel; output: Frame }> {
    const parts: Part[] = [];
    const out: Column[] = [];
    const used = new Set<string>();
    for (let i = 0; i < this.specs.length; i++) {
      const spec = this.specs[i]!;
      const names = resolveSelector(frame, spec.select, i);
      if (names.length === 0) continue;
      names.forEach((n) => used.add(n));
      const stepCtx: FitContext = { ...ctx, rng: ctx.rng.fork(`${i}:${spec.estimator.name}`), validation: undefined };
      const r = await fitTransform(spec.estimator as Estimator<TransformerModel>, frame.select(names), target, stepCtx);
      parts.push({ columns: names, model: r.model });
      out.push(...r.output.columns);
    }
    const remainder = this.remainder === 'passthrough' ? frame.names.filter((n) => !used.has(n)) : [];
    out.push(...remainder.map((n) => frame.column(n)));
    const seen = new Set<string>();
    for (const c of out) {
      if (seen.has(c.name)) {
        throw new SpecmlError('usage.duplicate_column', `columns: two outputs are named '${c.name}'`, { hint: 'Select each column in one spec only, or use a transformer that renames its outputs.' });
      }
      seen.add(c.name);
    }
    const needed = new Set([...used, ...remainder]);
    const inputs = frame.columns.filter((c) => needed.has(c.name)).map((c): InputColumn => ({ name: c.name, kind: c.kind }));
    return { model: new ColumnsModel(this.params, inputs, parts, remainder), output: Frame.fromColumns(out, frame.nRows) };
  }
}

type Part = { columns: string[]; model: TransformerModel };

function resolveSelector(frame: Frame, select: ColumnSelector, i: number): string[] {
  if (!Array.isArray(select)) {
    const kinds = new Set((select as { kind: readonly ColumnKind[] }).kind);
    return frame.columns.filter((c) => kinds.has(c.kind)).map((c) => c.name);
  }
  const names = select as readonly string[];
  const missing = names.filter((n) => !frame.has(n));
  if (missing.length) {
    throw new SpecmlError('data.missing_column', `columns spec ${i + 1} selects ${missing.map((n) => `'${n}'`).join(', ')}, not in the data`, { hint: `Known columns: ${frame.names.join(', ')}` });
  }
  return [...names];
}

class ColumnsModel implements TransformerModel {
  readonly kind = 'transformer';
  readonly name = 'columns';
  constructor(
    readonly params: Params,
    readonly inputs: readonly InputColumn[],
    private readonly parts: readonly Part[],
    private readonly remainder: readonly string[],
  ) {
    Object.freeze(this);
  }

  transform(frame: Frame): Frame {
    const f = selectInputs(this, frame);
    const out: Column[] = [];
    // Each part model selects its own inputs from `f` (and checks them).
    for (const p of this.parts) out.push(...p.model.transform(f).columns);
    for (const n of this.remainder) out.push(f.column(n));
    return Frame.fromColumns(out, f.nRows);
  }

  state(): StateValue {
    return { parts: this.parts.map((p) => ({ columns: p.columns, step: saveStep(p.model) })), remainder: [...this.remainder] };
  }
}

registerModel('columns', ({ params, inputs, state }) => {
  const s = state as { parts: { columns: string[]; step: StateValue }[]; remainder: string[] };
  const parts = s.parts.map((p) => {
    const model = loadStep(p.step);
    if (model.kind !== 'transformer') throw new SpecmlError('artifact.bad_state', `a saved column transformer holds a ${model.kind} '${model.name}'`);
    return { columns: p.columns, model };
  });
  return new ColumnsModel(params, inputs, parts, s.remainder);
});
