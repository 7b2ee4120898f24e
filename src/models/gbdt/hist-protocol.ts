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
  /** Histogram buffer id of the current job. */
  HIST: 2,
  START: 3,
  END: 4,
  /** Completed worker jobs (main waits on it). */
  DONE: 5,
  /** Workers started (each adds 1 once its loop runs). */
  READY: 6,
  /** Set by a worker whose job threw. */
  ERROR: 7,
  WORKER: 8,
  /** Polls of a waiting thread before it sleeps in Atomics.wait. */
  SPIN: 20000,
  STRIDE: 4,
  SEQ: 0,
  F0: 1,
  F1: 2,
} as const;

/** What a worker is told through its port (buffers are SharedArrayBuffer-backed). */
export type PoolMessage =
  | {
      type: 'setup';
      gen: number;
      n: number;
      bins: Uint8Array;
      offsets: Int32Array;
      nBins: Int32Array;
      rows: Int32Array;
      ordG: Float64Array;
      ordH: Float64Array;
      features: Int32Array;
    }
  | { type: 'hist'; gen: number; id: number; hist: Float64Array }
  | { type: 'release' };
