/**
 * A fitted model to a serialisable document and back. The document is JSON (name, params, input
 * signature, state with typed arrays referenced by index) plus a list of buffers; the artifact
 * package writes them to model.json and weights.bin.
 *
 * @example
 * const saved = serializeModel(model);
 * const again = deserializeModel(saved.json, saved.buffers); // predicts identically
 */
import { SpecmlError } from './errors.js';
import { modelLoader, type InputColumn, type Model, type Params } from './estimator.js';
import { decodeState, encodeState, type TypedArray } from './state.js';

export const MODEL_FORMAT = 'specml.model';
export const MODEL_FORMAT_VERSION = 1;

export interface SerializedModel {
  format: typeof MODEL_FORMAT;
  version: number;
  name: string;
  kind: Model['kind'];
  params: Params;
  inputs: InputColumn[];
  state: unknown;
}

export function serializeModel(model: Model): { json: SerializedModel; buffers: TypedArray[] } {
  const { json, buffers } = encodeState(model.state());
  return {
    json: { format: MODEL_FORMAT, version: MODEL_FORMAT_VERSION, name: model.name, kind: model.kind, params: model.params, inputs: [...model.inputs], state: json },
    buffers,
  };
}

export function deserializeModel(json: SerializedModel, buffers: readonly ArrayBufferView[]): Model {
  if (json.format !== MODEL_FORMAT) throw new SpecmlError('artifact.bad_format', `not a specml model (format '${String(json.format)}')`, { hint: 'Load a model saved by specml.' });
  if (json.version > MODEL_FORMAT_VERSION) {
    throw new SpecmlError('artifact.newer_format', `model format version ${json.version} is newer than this specml reads (${MODEL_FORMAT_VERSION})`, { hint: 'Upgrade specml.' });
  }
  const model = modelLoader(json.name)({ params: Object.freeze({ ...json.params }), inputs: json.inputs, state: decodeState(json.state, buffers) });
  return model;
}
