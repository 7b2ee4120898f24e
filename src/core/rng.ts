/**
 * Seeded pseudo-random numbers (STYLE.md §16): `sfc32` seeded through `splitmix32`.
 *
 * Written here rather than imported so that results never change with a dependency upgrade;
 * `fork(label)` derives an independent stream from a label, so adding a random draw in one stage
 * does not shift the draws of another (the stage asks for `rng.fork('cv')`, not the parent).
 *
 * @example
 * const rng = new Rng(42);
 * const cv = rng.fork('cv');
 * cv.float(); // in [0, 1)
 */
import { cos, log } from './math.js';

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  readonly seed: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`Rng seed must be an integer, got ${seed}`);
    this.seed = seed >>> 0;
    let s = this.seed;
    const next = (): number => {
      // splitmix32: spreads a small seed over all 32 bits so the first draws are not near 0 or 1.
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1) with 53 random bits. */
  float(): number {
    const hi = this.uint32() >>> 5;
    const lo = this.uint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    if (!(n > 0) || !Number.isInteger(n)) throw new RangeError(`Rng.int needs a positive integer, got ${n}`);
    // Rejection sampling keeps it unbiased for any n < 2^32.
    const limit = Math.floor(4294967296 / n) * n;
    let x = this.uint32();
    while (x >= limit) x = this.uint32();
    return x % n;
  }

  /** A standard normal draw (Box-Muller; one value per call, the partner is discarded for simplicity). */
  normal(): number {
    let u = this.float();
    while (u === 0) u = this.float();
    return Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * this.float());
  }

  /** Fisher-Yates shuffle in place; returns the array. */
  shuffle<T>(arr: T[] | Int32Array | Uint32Array | Float64Array): typeof arr {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = arr[i]!;
      arr[i] = arr[j]!;
      arr[j] = t as never;
    }
    return arr;
  }

  /** `k` distinct indices from [0, n), in increasing order (selection sampling, O(n)). */
  sampleIndices(n: number, k: number): Int32Array {
    const out = new Int32Array(Math.min(k, n));
    let need = out.length;
    for (let i = 0, j = 0; i < n && need > 0; i++) {
      if (this.float() * (n - i) < need) {
        out[j++] = i;
        need--;
      }
    }
    return out;
  }

  /** An independent generator derived from this generator's seed and a label (not its state). */
  fork(label: string): Rng {
    // FNV-1a over the label, mixed with the seed: same (seed, label) => same stream, always.
    let h = 0x811c9dc5 ^ this.seed;
    for (let i = 0; i < label.length; i++) {
      h ^= label.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return new Rng(h >>> 0);
  }
}
