/**
 * Model state as data: a JSON tree whose leaves may be typed arrays. `encodeState` moves the typed
 * arrays out into a list of buffers (referenced from the JSON by index) so that a model package can
 * store them in one binary file with checksums, and JSON never carries megabytes of numbers as text.
 * Non-finite numbers, which JSON cannot hold, are encoded as `{ "$num": "NaN" | "Infinity" | "-Infinity" }`.
 *
 * @example
 * const { json, buffers } = encodeState({ weights: new Float64Array([1, 2]), bias: NaN });
 * decodeState(json, buffers); // { weights: Float64Array [1, 2], bias: NaN }
 */
import { SpecmlError } from './errors.js';

export type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;
export type StateValue = null | boolean | number | string | TypedArray | StateValue[] | { [key: string]: StateValue };

const DTYPES = {
  float64: Float64Array,
  float32: Float32Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int8: Int8Array,
  uint8: Uint8Array,
} as const;
type DType = keyof typeof DTYPES;

function dtypeOf(a: TypedArray): DType {
  for (const [name, ctor] of Object.entries(DTYPES)) if (a instanceof ctor) return name as DType;
  throw new TypeError('unsupported typed array');
}

export function isTypedArray(v: unknown): v is TypedArray {
  return ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array);
}

export function encodeState(state: StateValue): { json: unknown; buffers: TypedArray[] } {
  const buffers: TypedArray[] = [];
  const walk = (v: StateValue): unknown => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : { $num: String(v) };
    if (isTypedArray(v)) {
      buffers.push(v);
      return { $buffer: buffers.length - 1, dtype: dtypeOf(v), length: v.length };
    }
    if (Array.isArray(v)) return v.map(walk);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x);
    return out;
  };
  return { json: walk(state), buffers };
}

export function decodeState(json: unknown, buffers: readonly ArrayBufferView[]): StateValue {
  const walk = (v: unknown): StateValue => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v;
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object') throw new SpecmlError('artifact.bad_state', `model state holds a ${typeof v}`);
    const o = v as Record<string, unknown>;
    if ('$num' in o) return Number(o.$num);
    if ('$buffer' in o) {
      const buf = buffers[o.$buffer as number];
      const ctor = DTYPES[o.dtype as DType];
      if (!buf || !ctor) throw new SpecmlError('artifact.bad_state', `model state refers to buffer ${String(o.$buffer)} (${String(o.dtype)}), which is missing`);
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      const length = o.length as number;
      if (bytes.byteLength !== length * ctor.BYTES_PER_ELEMENT) {
        throw new SpecmlError('artifact.bad_state', `buffer ${String(o.$buffer)} has ${bytes.byteLength} bytes, expected ${length} ${String(o.dtype)} values`);
      }
      // Copy into a fresh, aligned buffer: the source may be a slice of a larger file.
      const out = new ctor(length);
      new Uint8Array(out.buffer).set(bytes);
      return out;
    }
    const out: Record<string, StateValue> = {};
    for (const [k, x] of Object.entries(o)) out[k] = walk(x);
    return out;
  };
  return walk(json);
}
