import { describe, expect, it } from 'vitest';
import { progressBar, type Io } from './output.js';

function fakeIo(tty: boolean): Io & { text: () => string } {
  let err = '';
  return { out: () => undefined, err: (s) => void (err += s), tty, text: () => err };
}

describe('progressBar', () => {
  it('on a terminal, rewrites one line with rows, percent and rate, and ends it', () => {
    const io = fakeIo(true);
    const bar = progressBar(io, 'predict');
    bar.update(50_000, 0.5);
    bar.update(60_000, 0.6); // within 100 ms of the last draw: skipped
    bar.update(100_000, 1); // the end is always drawn
    bar.end();
    const text = io.text();
    expect(text.split('\r').length).toBe(3);
    expect(text).toMatch(/predict \[#{12}\.{12}\]  50%  50,000 rows  [\d,]+ rows\/s  \d+s left/);
    expect(text).toMatch(/\[#{24}\] 100%  100,000 rows/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('without a known size shows rows only; not a terminal, nothing', () => {
    const io = fakeIo(true);
    progressBar(io, 'predict').update(1234, undefined);
    expect(io.text()).toMatch(/^\r {2}predict 1,234 rows/);
    const quiet = fakeIo(false);
    const bar = progressBar(quiet, 'predict');
    bar.update(10, 0.1);
    bar.end();
    expect(quiet.text()).toBe('');
  });
});
