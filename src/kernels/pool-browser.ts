/**
 * What {@link ./pool.ts} exports to inference code, for bundles without worker threads (the ESM
 * export of `specml export --format esm`, which runs in browsers and edge runtimes): one thread,
 * no sessions. The export build (scripts/build-esm-runtime.mjs) resolves `kernels/pool.js` to this
 * file; callers already handle a null session by doing all the work themselves.
 *
 * @example
 * openKernelSession(arena, 4); // null: predict on the calling thread
 */
import type { KernelSession } from './pool.js';
import type { Arena } from './wasm.js';

export function resolveThreads(_threads: unknown): number {
  return 1;
}

export function openKernelSession(_arena: Arena, _threads: number): KernelSession | null {
  return null;
}
