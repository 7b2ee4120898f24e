import { describe, expect, it } from 'vitest';
import { categoricalColumn, Frame } from '../core/frame.js';
import { Rng } from '../core/rng.js';
import { OneHot } from './index.js';
import { loadStep, saveStep } from './step-state.js';

describe('saveStep / loadStep', () => {
  it('keeps the categorical levels of the inputs, so a reloaded step re-codes categories as the fitted one did', async () => {
    const frame = Frame.fromColumns([categoricalColumn('city', Int32Array.of(0, 1, 1, 0), ['Oslo', 'Rome'])]);
    const model = await new OneHot({}).fit(frame, undefined, { rng: new Rng(1) });
    const saved = saveStep(model);
    expect(saved.inputs).toEqual([{ name: 'city', kind: 'categorical', levels: ['Oslo', 'Rome'] }]);
    const back = loadStep(JSON.parse(JSON.stringify(saved)));
    expect(back.inputs).toEqual(model.inputs);
    // Levels in another order at predict time: the same encoding either way.
    const swapped = Frame.fromColumns([categoricalColumn('city', Int32Array.of(1, 0), ['Rome', 'Oslo'])]);
    if (back.kind !== 'transformer' || model.kind !== 'transformer') throw new Error('expected transformers');
    expect(back.transform(swapped).columns.map((c) => Array.from((c as { values: Float64Array }).values))).toEqual(model.transform(swapped).columns.map((c) => Array.from((c as { values: Float64Array }).values)));
  });
});
