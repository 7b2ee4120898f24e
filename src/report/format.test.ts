import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown } from './escape.js';
import { formatBytes, formatCount, formatDate, formatPercent, formatSeconds, formatStat } from './format.js';

describe('format', () => {
  it('formats stats to 3 significant digits', () => {
    expect(formatStat(180921.19)).toBe('181,000');
    expect(formatStat(0.000123456)).toBe('0.000123');
    expect(formatStat(0.0000123456)).toBe('1.23e-5');
    expect(formatStat(-2.5)).toBe('-2.5');
    expect(formatStat(0)).toBe('0');
    expect(formatStat(NaN)).toBe('—');
  });
  it('formats counts, percentages, bytes, durations and dates', () => {
    expect(formatCount(1460)).toBe('1,460');
    expect(formatPercent(0.1534)).toBe('15.3%');
    expect(formatPercent(0.00004)).toBe('<0.01%');
    expect(formatPercent(0.0002)).toBe('0.02%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.99999)).toBe('>99.9%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatBytes(460676)).toBe('450 KiB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatSeconds(0.4321)).toBe('0.43 s');
    expect(formatSeconds(125)).toBe('2 min 5 s');
    expect(formatDate('2010-02-05T00:00:00.000Z')).toBe('2010-02-05');
    expect(formatDate('2010-02-05T13:04:00.000Z')).toBe('2010-02-05 13:04:00');
  });
});

describe('escape', () => {
  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('escapes Markdown without mangling snake_case', () => {
    expect(escapeMarkdown('a|b <i>')).toBe('a\\|b &lt;i&gt;');
    expect(escapeMarkdown('sale_price')).toBe('sale_price');
    expect(escapeMarkdown('_x_ *y* [z]')).toBe('\\_x\\_ \\*y\\* \\[z\\]');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
  });
});
