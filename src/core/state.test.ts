import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from './state.js';

describe('model state', () => {
  it('moves typed arrays into buffers and back, and keeps non-finite numbers', () => {
    const state = { w: new Float64Array([1.5, -2]), idx: new Int32Array([3]), nested: [{ f: new Float32Array([0.25]) }], bias: NaN, top: -Infinity, name: 'x', ok: true, none: null };
    const { json, buffers } = encodeState(state);
    expect(buffers.length).toBe(3);
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/1\.5/);
    // Buffers arrive as bytes at an odd offset inside a larger file: decode copies them out.
    const file = new Uint8Array(1 + buffers.reduce((s, b) => s + b.byteLength, 0));
    const views: Uint8Array[] = [];
    let off = 1;
    for (const b of buffers) {
      file.set(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), off);
      views.push(file.subarray(off, off + b.byteLength));
      off += b.byteLength;
    }
    expect(decodeState(JSON.parse(text), views)).toEqual(state);
  });

  it('rejects a missing or mis-sized buffer', () => {
    const { json } = encodeState({ w: new Float64Array(2) });
    expect(() => decodeState(json, [])).toThrow(/missing/);
    expect(() => decodeState(json, [new Uint8Array(3)])).toThrow(/3 bytes/);
  });
});
