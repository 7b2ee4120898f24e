import { describe, expect, it } from 'vitest';
import { parseNumber } from './number.js';

describe('parseNumber', () => {
  it('accepts decimal syntax and matches Number() exactly', () => {
    for (const s of ['0', '-0', '+3', '.5', '5.', '1e5', ' 2.5E-3 ', '007', '1e400', '0.1']) expect(Object.is(parseNumber(s), Number(s))).toBe(true);
  });
  it('accepts inf/Infinity with sign, any case', () => {
    expect(parseNumber('inf')).toBe(Infinity);
    expect(parseNumber('-Infinity')).toBe(-Infinity);
    expect(parseNumber('+INF')).toBe(Infinity);
  });
  it('rejects what Number() would accept but data files mean as text', () => {
    for (const s of ['', ' ', '0x1A', '0b1', '1_000', '1e', '.', '-', 'nan', '1,5', '1.2.3']) expect(parseNumber(s)).toBeUndefined();
  });
});
