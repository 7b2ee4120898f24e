/**
 * A fitted model nested inside a composite model's state (pipeline steps, column-transformer
 * parts): its name, params, inputs and state, rebuilt through the model registry exactly as
 * `deserializeModel` rebuilds a top-level model. Typed arrays stay typed arrays, so the
 * composite's buffers are simply the union of its children's.
 *
 * @example
 * const saved = saveStep(model);   // StateValue, nestable in any state
 * const again = loadStep(saved);   // a Model that behaves identically
 */
import { SpecmlError } from '../core/errors.js';
import { modelLoader, type InputColumn, type Model, type Params } from '../core/estimator.js';
import type { StateValue } from '../core/state.js';

/** The saved form of a nested model. */
export type SavedStep = { name: string; params: StateValue; inputs: StateValue; state: StateValue };

/**
 * A fitted model as nestable state.
 *
 * @example
 * saveStep(model); // { name: 'standard_scaler', params: {...}, inputs: [...], state: {...} }
 */
export function saveStep(model: Model): SavedStep {
  // Params are JSON-safe by contract and inputs are plain {name, kind, levels?} records: both are
  // state. Levels are kept so a reloaded step re-codes categories exactly as the fitted one did.
  const inputs = model.inputs.map((c) => ({ name: c.name, kind: c.kind, ...(c.levels ? { levels: [...c.levels] } : {}) }));
  return { name: model.name, params: model.params as unknown as StateValue, inputs, state: model.state() };
}

/**
 * Rebuilds a model saved with {@link saveStep}; its module must have registered its loader.
 *
 * @example
 * loadStep(saveStep(model)).name === model.name; // true
 */
export function loadStep(saved: StateValue): Model {
  if (saved === null || typeof saved !== 'object' || Array.isArray(saved) || ArrayBuffer.isView(saved) || typeof saved.name !== 'string') {
    throw new SpecmlError('artifact.bad_state', 'a composite model holds a malformed step (expected {name, params, inputs, state})');
  }
  const s = saved as SavedStep;
  return modelLoader(s.name)({ params: Object.freeze({ ...(s.params as object) }) as Params, inputs: s.inputs as unknown as InputColumn[], state: s.state });
}
