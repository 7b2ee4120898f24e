import { describe, expect, it } from 'vitest';
import { levelPositions } from './levels.js';

describe('levelPositions', () => {
  it('maps levels by name, -1 for unknown, and answers from its cache for the same arrays', () => {
    const known = ['a', 'b', 'c'];
    const levels = ['c', 'z', 'a'];
    const first = levelPositions(known, levels);
    expect(Array.from(first)).toEqual([2, -1, 0]);
    expect(levelPositions(known, levels)).toBe(first);
    // Equal contents in another array: computed again, same answer.
    expect(Array.from(levelPositions(known, ['c', 'z', 'a']))).toEqual([2, -1, 0]);
  });

  it('recomputes when a levels array grew (a streaming reader appends levels)', () => {
    const known = ['x', 'y'];
    const levels = ['y'];
    expect(Array.from(levelPositions(known, levels))).toEqual([1]);
    levels.push('x');
    expect(Array.from(levelPositions(known, levels))).toEqual([1, 0]);
  });
});
