import { describe, expect, it } from 'vitest';
import { creditAnalysis, HOSTILE_NAME, wideAnalysis } from './analysis.fixture.js';
import { renderAnalysisMarkdown } from './markdown.js';

describe('renderAnalysisMarkdown', () => {
  const md = renderAnalysisMarkdown(creditAnalysis());

  it('has every section in order', () => {
    const heads = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(heads).toEqual(['Verdict', 'Issues', 'Target: Status', 'Target association', 'Missing values', 'Columns', 'Column details']);
  });

  it('writes the issues, column and class tables', () => {
    expect(md).toContain('| Severity | Check | Column | Message | What to do |');
    expect(md).toMatch(/\| error \| `target_leakage` \| &lt;script&gt;alert\(1\)&lt;\/script&gt; \|/);
    expect(md).toContain('1 error, 1 warning, 2 info.');
    expect(md).toContain('| # | Column | Type | Missing | Distinct | Mean | Std | Min | Max | Top value / length | Assoc. |');
    expect(md).toContain('| 6 | Amount | numeric | 0% | 200 |');
    expect(md).toContain('| bad | 1,254 | 28.2% |');
    expect(md).toContain('| 1 | Income | 0.123 | 0.0723 |');
  });

  it('keeps tables intact and HTML inert for hostile values', () => {
    expect(md).not.toContain(HOSTILE_NAME);
    expect(md).toContain('a\\|b');
    for (const line of md.split('\n').filter((l) => l.startsWith('| 12 |'))) {
      expect(line.split(/(?<!\\)\|/).length - 2).toBe(11);
    }
  });

  it('is deterministic and has no timestamp', () => {
    expect(renderAnalysisMarkdown(creditAnalysis())).toBe(md);
    expect(md).not.toMatch(/\b20\d\d-\d\d-\d\dT/);
  });

  it('caps column details on wide data', () => {
    const wide = renderAnalysisMarkdown(wideAnalysis(785));
    expect(wide.split('\n').filter((l) => l.startsWith('### ')).length).toBe(40);
    expect(wide).toContain('40 of 784 feature columns');
  });
});
