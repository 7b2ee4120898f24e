/**
 * The shared control block and messages between hist-pool.ts and hist-worker.ts.
 *
 * Control block (`Int32Array` on a SharedArrayBuffer): global words (`C.GEN` .. `C.DONE`), then
 * per worker `C.STRIDE` words from `C.WORKER + slot * C.STRIDE`: its job sequence number (the word
 * it waits on) and its feature range `features[F0..F1)`.
 *
 * @example
 * ctrl[C.WORKER + slot * C.STRIDE + C.F0] = 0;
 */

/** Control block word indices. */
export const C = {
  SHUTDOWN: 0,
  /** Fit generation the current job belongs to. */
  GEN: 1,
  START: 2,
  END: 3,
  /** Completed worker jobs (main waits on it). */
  DONE: 4,
  /** Workers started (each adds 1 once its loop runs). */
  READY: 5,
  /** Set by a worker whose job threw. */
  ERROR: 6,
  /** Arena byte offsets of the job's gradients, hessians and histogram. */
  GRAD: 7,
  HESS: 8,
  HIST: 9,
  /** 1 when the feature list is a contiguous range. */
  CONTIG: 10,
  WORKER: 12,
  /** Polls of a waiting thread before it sleeps in Atomics.wait. */
  SPIN: 20000,
  STRIDE: 4,
  SEQ: 0,
  F0: 1,
  F1: 2,
} as const;

/** What a worker is told through its port: a fit's arena (shared memory + module) and fixed pointers, or that it ended. */
export type PoolMessage =
  | {
      type: 'setup';
      gen: number;
      module: WebAssembly.Module;
      memory: WebAssembly.Memory;
      binsP: number;
      nf: number;
      featsP: number;
      offBP: number;
      nBinsP: number;
      rowsP: number;
      /** This worker's histogram scratch. */
      scratchP: number;
    }
  | { type: 'release' };
