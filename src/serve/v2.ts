/**
 * The Open Inference Protocol's (KServe V2) tensors as specml columns: a request's `inputs` (one
 * tensor per column, shape [n] or [n, 1]) become a columnar body; schema types map to V2 datatypes.
 *
 * @example
 * v2Columns({ inputs: [{ name: 'Age', shape: [2], datatype: 'FP64', data: [30, 41] }] }); // { Age: [30, 41] }
 */
import { HttpError } from './http-error.js';

export function v2Type(t: string): string {
  return t === 'numeric' ? 'FP64' : t === 'integer' ? 'INT64' : t === 'boolean' ? 'BOOL' : 'BYTES';
}

/** V2 `inputs` (one tensor per column, shape [n] or [n, 1]) as a columnar body; bad shapes are 400s. */
export function v2Columns(body: { inputs?: unknown } | null): Record<string, unknown[]> {
  const bad = (message: string): never => {
    throw new HttpError(400, 'serve.bad_input', message);
  };
  if (!body || typeof body !== 'object' || !Array.isArray(body.inputs)) return bad('expected a body { "inputs": [ { "name", "shape", "datatype", "data" }, ... ] }');
  const out: Record<string, unknown[]> = {};
  for (const [j, t] of (body.inputs as unknown[]).entries()) {
    if (!t || typeof t !== 'object') return bad(`inputs[${j}] is not an object`);
    const { name, shape, data } = t as { name?: unknown; shape?: unknown; data?: unknown };
    if (typeof name !== 'string' || !name) return bad(`inputs[${j}].name must be a column name`);
    if (!Array.isArray(data)) return bad(`inputs[${j}] ('${name}'): data must be an array`);
    const flat = data.length > 0 && Array.isArray(data[0]) ? (data as unknown[][]).map((d) => (d.length === 1 ? d[0] : d)) : data;
    if (Array.isArray(shape) && typeof shape[0] === 'number' && shape[0] !== flat.length) return bad(`inputs[${j}] ('${name}'): shape[0] is ${shape[0]} but data has ${flat.length} values`);
    if (Object.hasOwn(out, name)) return bad(`inputs[${j}]: column '${name}' given twice`);
    out[name] = flat;
  }
  return out;
}
