/**
 * WebAssembly kernels (STYLE.md §4: the numeric core's hot loops, written in AssemblyScript under
 * `assembly/`, compiled by `npm run build`) and the arena their arrays live in.
 *
 * An {@link Arena} is one shared `WebAssembly.Memory` with the kernels instantiated over it and a
 * bump allocator: a fit allocates its typed arrays there (views into the memory; pass
 * `array.byteOffset` to a kernel as the pointer) and drops the whole arena when done. The memory
 * is shared (SharedArrayBuffer-backed), so growing it never detaches earlier views, and worker
 * threads can instantiate the same module over it (see {@link Arena.module}).
 *
 * Kernels are optional: {@link openArena} returns null when WebAssembly is unavailable, when the
 * compiled bytes are missing, or when `SPECML_WASM=0` is set (for diagnosis and for tests that
 * compare against the JavaScript kernels); callers then run their JavaScript kernels, which give
 * bit-identical results.
 *
 * @example
 * const arena = openArena(1 << 20);
 * if (arena) {
 *   const rows = arena.i32(1000);
 *   arena.gbdt.partition(binsPtr, nf, f, rows.byteOffset, 0, 1000, tmpPtr, bin, missing, 0, 0);
 * }
 */
import { GBDT_WASM_BASE64 } from './gbdt-wasm.generated.js';

/**
 * The exports of `assembly/gbdt.ts` (with split.ts and predict.ts; pointers are byte offsets into the arena; see that file for
 * the layouts).
 *
 * @example
 * arena.gbdt.buildHistogram(bins, nf, feats, 0, nf, 1, offB, nBins, rows, 0, n, grad, hess, hist, scratch);
 */
export interface GbdtKernels {
  buildHistogram(
    binsP: number, nf: number, featsP: number, jLo: number, jHi: number, contiguous: number, offBP: number, nBinsP: number,
    rowsP: number, start: number, end: number, gradP: number, hessP: number, histP: number, scratchP: number,
  ): void;
  /** Scratch bytes one thread needs for buildHistogram with `nf` features. */
  histScratchBytes(nf: number): number;
  subtractHistogram(parentP: number, childP: number, outP: number, featsP: number, jLo: number, jHi: number, offBP: number, nBinsP: number): void;
  partition(colBinsP: number, n: number, f: number, rowsP: number, start: number, end: number, tmpP: number, bin: number, missing: number, missingLeft: number, catP: number): number;
  binNumeric(valuesP: number, from: number, to: number, edgesP: number, nEdges: number, outP: number, stride: number, missing: number): void;
  bestNumericSplit(histP: number, featsP: number, nFeat: number, offBP: number, nBinsP: number, isCatP: number, paramsP: number, outP: number): void;
  addLeafValues(rowsP: number, leafStartP: number, leafEndP: number, valueP: number, l0: number, l1: number, scoresP: number): void;
  partitionInto(colBinsP: number, n: number, f: number, rowsP: number, start: number, end: number, tmpP: number, bin: number, missing: number, missingLeft: number, catP: number, resultP: number): void;
  copyBytes(dstP: number, srcP: number, len: number): void;
  predictBlock(
    xP: number, m: number, nf: number, rootP: number, t0: number, t1: number, k: number, nodesP: number,
    catOffP: number, catBitsP: number, leafP: number, outP: number, n: number, b0: number,
  ): void;
}

const PAGE = 65536;
/** wasm32 addresses 4 GiB: 65536 pages. */
const MAX_PAGES = 65536;
/** Byte 0..ALIGN stays unused so that pointer 0 means "none". */
const ALIGN = 16;

let compiled: WebAssembly.Module | null | undefined;

/**
 * The compiled gbdt module (compiled once per thread), or null when WebAssembly or the bytes are
 * unavailable.
 *
 * @example
 * const mod = gbdtModule();
 */
export function gbdtModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(fromBase64(GBDT_WASM_BASE64));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Base64 to bytes with Node's Buffer, or `atob` where there is no Buffer (browsers). */
function fromBase64(s: string): Uint8Array {
  if (typeof Buffer !== 'undefined') return Buffer.from(s, 'base64');
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}

/**
 * Instantiates the gbdt kernels over `memory` (a worker does this with the arena's memory and
 * module it was sent).
 *
 * @example
 * const k = instantiateGbdt(arena.module, arena.memory);
 */
export function instantiateGbdt(module: WebAssembly.Module, memory: WebAssembly.Memory): GbdtKernels {
  const inst = new WebAssembly.Instance(module, { env: { memory } });
  return inst.exports as unknown as GbdtKernels;
}

/**
 * Whether the WebAssembly kernels are used: true unless they are unavailable or `SPECML_WASM=0`.
 *
 * @example
 * wasmEnabled(); // true on Node 20+
 */
export function wasmEnabled(): boolean {
  // `globalThis.process`: this module also runs in browsers (the ESM export), where there is none.
  return (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env['SPECML_WASM'] !== '0' && gbdtModule() !== null;
}

/**
 * A bump allocator over one shared WebAssembly memory, with the kernels bound to it.
 *
 * @example
 * const a = openArena(bytes)!; const hist = a.f64(3 * totalBins);
 */
export class Arena {
  private top = ALIGN;

  constructor(
    readonly module: WebAssembly.Module,
    readonly memory: WebAssembly.Memory,
    readonly gbdt: GbdtKernels,
  ) {}

  /** Bytes allocated so far. */
  get used(): number {
    return this.top;
  }

  /**
   * Frees everything allocated after `mark` (a value of {@link Arena.used}): arrays from there on
   * must no longer be used, and later allocations are not zeroed.
   */
  release(mark: number): void {
    if (mark < ALIGN || mark > this.top) throw new RangeError(`arena: bad mark ${mark}`);
    this.top = mark;
  }

  /** Reserves `bytes` (16-byte aligned) and returns their offset; grows the memory as needed. */
  alloc(bytes: number): number {
    const at = this.top;
    const end = at + Math.ceil(Math.max(bytes, 1) / ALIGN) * ALIGN;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      const pages = Math.ceil((end - have) / PAGE);
      if (have / PAGE + pages > MAX_PAGES) throw new RangeError(`arena: ${end} bytes exceed the 4 GiB of a WebAssembly memory`);
      this.memory.grow(pages);
    }
    this.top = end;
    return at;
  }

  /** A `Float64Array[n]` in the arena (zeroed unless its bytes were released and reused). */
  f64(n: number): Float64Array {
    const at = this.alloc(8 * n); // first: it may grow the memory, and so change .buffer
    return new Float64Array(this.memory.buffer, at, n);
  }

  /** A zeroed `Int32Array[n]` in the arena. */
  i32(n: number): Int32Array {
    const at = this.alloc(4 * n); // first: it may grow the memory, and so change .buffer
    return new Int32Array(this.memory.buffer, at, n);
  }

  /** A zeroed `Float32Array[n]` in the arena. */
  f32(n: number): Float32Array {
    const at = this.alloc(4 * n);
    return new Float32Array(this.memory.buffer, at, n);
  }

  /** A zeroed `Uint8Array[n]` in the arena. */
  u8(n: number): Uint8Array {
    const at = this.alloc(n); // first: it may grow the memory, and so change .buffer
    return new Uint8Array(this.memory.buffer, at, n);
  }
}

/**
 * A new arena with room for about `bytes` (it grows beyond when asked), or null when the kernels
 * are unavailable (see the module doc) or `bytes` exceeds what a WebAssembly memory can hold.
 *
 * @example
 * const arena = openArena(n * nf + 40 * n);
 */
export function openArena(bytes: number): Arena | null {
  if (!wasmEnabled()) return null;
  const initial = Math.ceil((bytes + ALIGN) / PAGE);
  if (initial > MAX_PAGES) return null;
  try {
    const memory = new WebAssembly.Memory({ initial, maximum: MAX_PAGES, shared: true });
    const module = gbdtModule()!;
    return new Arena(module, memory, instantiateGbdt(module, memory));
  } catch {
    return null;
  }
}
