/**
 * Shared test fixtures for src/features tests: a mixed frame with every column kind and missing
 * values, and a tiny predictor (the features layer may not import src/models).
 *
 * @example
 * const { frame, y } = mixedFrame(40);
 */
import { registerModel, selectInputs, signatureOf, type Estimator, type FitContext, type InputColumn, type Params, type Prediction, type PredictorModel } from '../core/estimator.js';
import { BOOL_MISSING, booleanColumn, categoricalColumn, datetimeColumn, Frame, numericColumn, textColumn, type Column, type NumericColumn } from '../core/frame.js';
import { Rng } from '../core/rng.js';
import type { StateValue } from '../core/state.js';

/** n rows: x (numeric, NaN), z (numeric), city (categorical, missing), flag (boolean), when (datetime), note (text); y numeric, label binary. */
export function mixedFrame(n: number, seed = 3): { frame: Frame; y: NumericColumn; label: Column } {
  const rng = new Rng(seed);
  const cities = ['paris', 'rome', 'oslo', 'lima', 'kyiv'];
  const words = ['good', 'bad', 'great', 'awful', 'fine', 'ok'];
  const city = Int32Array.from({ length: n }, () => (rng.float() < 0.1 ? -1 : rng.int(cities.length)));
  const x = Float64Array.from({ length: n }, () => (rng.float() < 0.15 ? NaN : rng.normal() * 3 + 1));
  const z = Float64Array.from({ length: n }, () => rng.int(10));
  const y = Float64Array.from({ length: n }, (_, i) => (city[i]! >= 0 ? city[i]! * 2 : 1) + rng.normal());
  const frame = Frame.fromColumns([
    numericColumn('x', x),
    numericColumn('z', z),
    categoricalColumn('city', city, cities),
    booleanColumn('flag', Uint8Array.from({ length: n }, () => (rng.float() < 0.1 ? BOOL_MISSING : rng.int(2)))),
    datetimeColumn('when', Float64Array.from({ length: n }, () => (rng.float() < 0.1 ? NaN : Date.UTC(2020, 0, 1) + rng.int(800) * 86_400_000 + rng.int(24) * 3_600_000))),
    textColumn('note', Array.from({ length: n }, () => (rng.float() < 0.1 ? null : Array.from({ length: 1 + rng.int(5) }, () => words[rng.int(words.length)]!).join(' ')))),
  ]);
  const label = categoricalColumn('label', Int32Array.from(y, (v) => (v > 4 ? 1 : 0)), ['no', 'yes']);
  return { frame, y: numericColumn('y', y) as NumericColumn, label };
}

/** Regression: the training mean of the target plus the sum of the present numeric inputs (so inputs matter), recording what fit saw. */
export class SumPredictor implements Estimator<PredictorModel> {
  readonly kind = 'predictor';
  readonly name = 'test_sum';
  readonly params: Params = Object.freeze({});
  /** The frames fit saw, for leakage tests. */
  static seen: { frame: Frame; validation?: Frame }[] = [];

  async fit(frame: Frame, target: Column | undefined, ctx: FitContext): Promise<PredictorModel> {
    SumPredictor.seen.push({ frame, validation: ctx.validation?.frame });
    const t = (target as NumericColumn).values;
    return new SumModel(signatureOf(frame), t.reduce((a, b) => a + b, 0) / t.length);
  }
}

class SumModel implements PredictorModel {
  readonly kind = 'predictor';
  readonly name = 'test_sum';
  readonly task = 'regression';
  readonly params: Params = Object.freeze({});
  constructor(
    readonly inputs: readonly InputColumn[],
    private readonly center: number,
  ) {}
  predict(frame: Frame): Prediction {
    const f = selectInputs(this, frame);
    const values = new Float64Array(f.nRows).fill(this.center);
    for (const c of f.columns) if (c.kind === 'numeric') for (let i = 0; i < f.nRows; i++) values[i]! += c.values[i]! === c.values[i]! ? c.values[i]! : 0;
    return { values };
  }
  state(): StateValue {
    return { center: this.center };
  }
}

registerModel('test_sum', ({ inputs, state }) => new SumModel(inputs, (state as { center: number }).center));
