// The part of the WebAssembly JavaScript API that src/kernels uses. TypeScript declares it in the
// DOM and WebWorker libs only, and @types/node declares it from v22 on; this project targets
// Node 20 types without DOM. Delete this file when @types/node >= 22 is the pin.
declare namespace WebAssembly {
  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
    shared?: boolean;
  }
  class Memory {
    constructor(descriptor: MemoryDescriptor);
    readonly buffer: ArrayBuffer | SharedArrayBuffer;
    grow(delta: number): number;
  }
  class Module {
    constructor(bytes: ArrayBufferView | ArrayBuffer);
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
}
