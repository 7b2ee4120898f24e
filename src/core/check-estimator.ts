/**
 * The estimator conformance suite (STYLE.md §8, after scikit-learn's `check_estimator`): a new
 * estimator proves itself in five lines of test.
 *
 * Checks, each failing with a message that names the estimator and what broke:
 * 1. params are frozen and survive a JSON round trip; construction did no work (fit is what costs);
 * 2. fit neither mutates the estimator's params nor the training data (every buffer compared);
 * 3. the same seed gives bit-identical outputs; the model's predict/transform does not mutate input;
 * 4. serialise → deserialise gives bit-identical outputs;
 * 5. predicting on a frame with a missing input column or a column of another kind is a
 *    `data.missing_column` / `data.wrong_type` SpecmlError; extra columns are ignored.
 *
 * @example
 * it('conforms', () => checkEstimator(() => new BaselineEstimator({}), { frame, target }));
 */
import { SpecmlError } from './errors.js';
import type { Estimator, Model } from './estimator.js';
import { Frame, numericColumn, textColumn, type Column } from './frame.js';
import { deserializeModel, serializeModel } from './model-io.js';
import { Rng } from './rng.js';

export interface EstimatorCase {
  /** Training data, without the target. */
  frame: Frame;
  target?: Column;
  /** Rows to predict or transform (default: `frame`). */
  test?: Frame;
  seed?: number;
}

export async function checkEstimator(make: () => Estimator, c: EstimatorCase): Promise<void> {
  const est = make();
  const who = `estimator '${est.name}'`;
  const fail = (what: string): never => {
    throw new Error(`${who}: ${what}`);
  };
  if (!Object.isFrozen(est.params)) fail('params are not frozen');
  if (JSON.stringify(JSON.parse(JSON.stringify(est.params))) !== JSON.stringify(est.params)) fail('params are not JSON-safe');
  const paramsBefore = JSON.stringify(est.params);

  const dataBefore = snapshot(c.frame);
  const targetBefore = c.target ? snapshot(Frame.fromColumns([c.target])) : undefined;
  const seed = c.seed ?? 7;
  const model = await est.fit(c.frame, c.target, { rng: new Rng(seed) });
  if (JSON.stringify(est.params) !== paramsBefore) fail('fit changed the estimator params');
  if (snapshot(c.frame) !== dataBefore) fail('fit mutated the training frame');
  if (c.target && snapshot(Frame.fromColumns([c.target])) !== targetBefore) fail('fit mutated the target');
  if (model.name !== est.name) fail(`model name '${model.name}' differs from the estimator name`);

  const test = c.test ?? c.frame;
  const testBefore = snapshot(test);
  const out = outputs(model, test);
  if (snapshot(test) !== testBefore) fail(`${model.kind === 'predictor' ? 'predict' : 'transform'} mutated its input`);

  const again = await make().fit(c.frame, c.target, { rng: new Rng(seed) });
  if (outputs(again, test) !== out) fail(`two fits with seed ${seed} give different outputs`);

  const saved = serializeModel(model);
  const json = JSON.parse(JSON.stringify(saved.json)) as typeof saved.json;
  const copies = saved.buffers.map((b) => new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));
  const loaded = deserializeModel(json, copies);
  if (outputs(loaded, test) !== out) fail('a serialise/deserialise round trip changes the outputs');

  // Extra columns are ignored.
  const extra = Frame.fromColumns([...test.columns, numericColumn('__specml_extra__', new Float64Array(test.nRows))]);
  if (outputs(model, extra) !== out) fail('an extra input column changes the outputs');

  if (model.inputs.length > 0) {
    const first = model.inputs[0]!;
    expectCode(() => outputs(model, test.drop([first.name])), 'data.missing_column', `${who}: a missing input column`);
    const swapped = test.columns.map((col) =>
      col.name !== first.name ? col : col.kind === 'text' ? numericColumn(col.name, new Float64Array(test.nRows)) : textColumn(col.name, new Array<string | null>(test.nRows).fill('x')),
    );
    expectCode(() => outputs(model, Frame.fromColumns(swapped)), 'data.wrong_type', `${who}: an input column of another kind`);
  }
}

function expectCode(run: () => unknown, code: string, what: string): void {
  try {
    run();
  } catch (e) {
    if (e instanceof SpecmlError && e.code === code) return;
    throw new Error(`${what} should raise ${code}, got ${e instanceof SpecmlError ? e.code : String(e)}`);
  }
  throw new Error(`${what} should raise ${code}, but nothing was raised`);
}

/** The model's outputs on `frame` as one string of exact bits (for bit-identity comparisons). */
function outputs(model: Model, frame: Frame): string {
  if (model.kind === 'predictor') {
    const p = model.predict(frame);
    return `${bits(p.values)}|${p.proba ? bits(p.proba) : ''}`;
  }
  return snapshot(model.transform(frame));
}

function bits(a: Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** Every cell of a frame, bit-exact, as one string. */
function snapshot(f: Frame): string {
  return f.columns
    .map((c) => {
      switch (c.kind) {
        case 'numeric':
        case 'datetime':
          return `${c.name}:${c.kind}:${bits(c.values)}`;
        case 'categorical':
          return `${c.name}:cat:${Buffer.from(c.codes.buffer, c.codes.byteOffset, c.codes.byteLength).toString('base64')}:${c.levels.join('\u0000')}`;
        case 'boolean':
          return `${c.name}:bool:${Buffer.from(c.values).toString('base64')}`;
        case 'text':
          return `${c.name}:text:${JSON.stringify(c.values)}`;
      }
    })
    .join('\n');
}
