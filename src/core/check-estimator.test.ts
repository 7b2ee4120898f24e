import { describe, expect, it } from 'vitest';
import { checkEstimator } from './check-estimator.js';
import { registerModel, selectInputs, signatureOf, type Estimator, type FitContext, type InputColumn, type PredictorModel } from './estimator.js';
import { Frame, numericColumn, type Column } from './frame.js';
import type { StateValue } from './state.js';

/** A toy regressor: predicts mean(x) * scale. Variants break one rule each. */
class Toy implements PredictorModel {
  readonly kind = 'predictor';
  readonly name = 'toy';
  readonly task = 'regression';
  readonly params = Object.freeze({});
  constructor(
    readonly inputs: readonly InputColumn[],
    private readonly v: number,
    private readonly roundTrip = true,
  ) {}
  predict(frame: Frame) {
    const f = selectInputs(this, frame);
    return { values: new Float64Array(f.nRows).fill(this.v) };
  }
  state(): StateValue {
    return { v: this.roundTrip ? this.v : 0 };
  }
}
registerModel('toy', ({ inputs, state }) => new Toy(inputs, (state as { v: number }).v));

function toy(flaw: 'none' | 'random' | 'mutate' | 'lossy'): () => Estimator<PredictorModel> {
  return () => ({
    kind: 'predictor',
    name: 'toy',
    params: Object.freeze({}),
    async fit(frame: Frame, _t: Column | undefined, ctx: FitContext) {
      const x = frame.column('x') as Extract<Column, { kind: 'numeric' }>;
      if (flaw === 'mutate') x.values[0] = 99;
      const v = flaw === 'random' ? ctx.rng.fork(String(globalThis.performance.now())).float() : x.values.reduce((a, b) => a + b, 0);
      return new Toy(signatureOf(frame), v, flaw !== 'lossy');
    },
  });
}

const data = () => ({ frame: Frame.fromColumns([numericColumn('x', Float64Array.of(1, 2, 3))]), target: numericColumn('y', Float64Array.of(1, 2, 3)) });

describe('checkEstimator', () => {
  it('passes a well-behaved estimator', async () => {
    await checkEstimator(toy('none'), data());
  });
  it('catches nondeterminism, mutation and a lossy round trip', async () => {
    await expect(checkEstimator(toy('random'), data())).rejects.toThrow(/different outputs/);
    await expect(checkEstimator(toy('mutate'), data())).rejects.toThrow(/mutated the training frame/);
    await expect(checkEstimator(toy('lossy'), data())).rejects.toThrow(/round trip/);
  });
});
