import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from './csv-sniff.js';

const sniff = (s: string, eof = true): string => sniffDelimiter(Buffer.from(s), eof).delimiter;

describe('sniffDelimiter', () => {
  it('picks the consistent candidate', () => {
    expect(sniff('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniff('a;b\n1,5;2\n3,5;4\n')).toBe(';');
    expect(sniff('a\tb\n1\t2\n')).toBe('\t');
    expect(sniff('a|b\n1|2\n')).toBe('|');
  });
  it('ignores delimiters inside quotes, including quoted newlines', () => {
    expect(sniff('a;b\n"x,y,z";1\n"p\nq,r";2\n')).toBe(';');
  });
  it('drops a cut last record when not at end of file', () => {
    expect(sniff('a,b\n1,2\n3', false)).toBe(',');
  });
  it('falls back to the most common count, then to comma', () => {
    expect(sniff('a;b\n1;2\n3;4;5\n6;7\n')).toBe(';');
    expect(sniff('abc\ndef\n')).toBe(',');
  });
});
