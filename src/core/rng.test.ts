import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';

describe('Rng', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(xs);
  });

  it('gives small seeds a first draw away from the ends of [0, 1)', () => {
    for (let s = 0; s < 20; s++) {
      const x = new Rng(s).float();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    // 20 first draws from consecutive seeds should spread over the interval, not cluster at 0 or 1.
    const firsts = Array.from({ length: 20 }, (_, s) => new Rng(s).float());
    expect(Math.min(...firsts)).toBeLessThan(0.3);
    expect(Math.max(...firsts)).toBeGreaterThan(0.7);
  });

  it('float() is roughly uniform (mean and variance)', () => {
    const r = new Rng(1);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = r.float();
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    // Standard error of the mean is sqrt(1/12/n) ~ 0.0009; 5 SE tolerance.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0046);
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('int(n) is unbiased over a small range', () => {
    const r = new Rng(7);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    expect(() => r.int(0)).toThrow(RangeError);
  });

  it('fork(label) depends on seed and label only, not on the parent state', () => {
    const a = new Rng(5);
    const before = a.fork('cv').uint32();
    a.uint32();
    a.uint32();
    expect(a.fork('cv').uint32()).toBe(before);
    expect(a.fork('bagging').uint32()).not.toBe(before);
    expect(new Rng(6).fork('cv').uint32()).not.toBe(before);
  });

  it('shuffle is a permutation and sampleIndices is sorted, distinct and of size k', () => {
    const r = new Rng(3);
    const arr = Array.from({ length: 50 }, (_, i) => i);
    r.shuffle(arr);
    expect([...arr].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(arr).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    const s = r.sampleIndices(1000, 37);
    expect(s.length).toBe(37);
    for (let i = 1; i < s.length; i++) expect(s[i]!).toBeGreaterThan(s[i - 1]!);
    expect(r.sampleIndices(5, 10).length).toBe(5);
  });

  it('normal() has mean 0 and variance 1', () => {
    const r = new Rng(11);
    let s = 0;
    let s2 = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.025);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.04);
  });
});
