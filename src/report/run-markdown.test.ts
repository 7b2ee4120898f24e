import { describe, expect, it } from 'vitest';
import { renderRunMarkdown } from './run-markdown.js';
import { binaryRun, HOSTILE, hostileRun, regressionRun } from './run.fixture.js';
import type { RunReport } from './run-types.js';

/** Cells of a table row, split on pipes that are not backslash-escaped. */
const cells = (line: string) => line.split(/(?<!\\)\|/).slice(1, -1);

/** Every table in a Markdown document: runs of consecutive lines that start with `|`. */
function tables(md: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const line of [...md.split('\n'), '']) {
    if (line.startsWith('|')) cur.push(line);
    else if (cur.length) {
      out.push(cur);
      cur = [];
    }
  }
  return out;
}

describe('renderRunMarkdown', () => {
  const md = renderRunMarkdown(binaryRun());

  it('has every section in the same order as the HTML page', () => {
    const heads = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(heads).toEqual(['Gates', 'Holdout performance', 'Leaderboard', 'Diagnostics', 'Fairness', 'Data', 'Lineage']);
    expect(md.startsWith('# credit-risk\n')).toBe(true);
  });

  it('writes only well-formed tables: a header, a separator and rows of the same width', () => {
    for (const doc of [md, renderRunMarkdown(regressionRun()), renderRunMarkdown(hostileRun())]) {
      const all = tables(doc);
      expect(all.length).toBeGreaterThan(5);
      for (const t of all) {
        const width = cells(t[0]!).length;
        expect(t.length, t[0]).toBeGreaterThanOrEqual(3);
        expect(t[1]).toMatch(/^\|( ---:? \|)+$/);
        for (const row of t) expect(cells(row).length, row).toBe(width);
      }
    }
  });

  it('states the verdict and marks the failed gate', () => {
    expect(md).toContain('> **FAILED** · 1 of 5 gates failed, 4 passed · credit-risk v7 · not promoted (gates failed)');
    expect(md).toMatch(/^\| demographic_parity_difference &lt;= 0\.1 \| 0\.157 \| &lt;= 0\.1 \| \*\*FAILED\*\* \| Age 0\.1573, Marital 0\.01015 \|$/m);
    expect(md.match(/\| passed \|/g)?.length).toBe(4);
    expect(renderRunMarkdown(regressionRun())).toContain('> **PASSED** · all 2 gates passed · ames-prices v3 · production');
  });

  it('formats the numbers as the HTML page does', () => {
    expect(md).toMatch(/^\| ROC AUC \(primary\) \| roc_auc \| 0\.\d{3} \| 0\.\d{3}–0\.\d{3} \| higher \|$/m);
    expect(md).toContain('| 2 | forest | random forest, 300 trees | 0.831 ± 0.011 | 0.842, 0.826, 0.838, 0.835, 0.815 | no (p = 0.21) | 1.2 s |');
    expect(md).toContain('| 4 | baseline | predicts the training prevalence for everyone | 0.500 ± 0.000 | 0.500, 0.500, 0.500, 0.500, 0.500 | yes (p &lt; 0.001) | 0.01 s |');
    expect(md).toContain('gbdt had the best cross-validated ROC AUC (0.837 ± 0.012 over 5 folds); forest was not significantly worse (p = 0.21); linear and baseline were significantly worse (p = 0.012, p &lt; 0.001).');
    expect(md).toMatch(/^\| 30–39 \| 275 \| 19\.3% \(15\.0–24\.3%\) \|/m);
    expect(md).toContain('| ≥ 65 | 18 | 27.8% | 80.0% |');
    expect(md).toContain('| 8 | Expenses | 0.008 | 0.004 | −0.00014 to 0.016 |');
    expect(renderRunMarkdown(regressionRun())).toContain('| 1 | gbdt **(selected)** | gradient-boosted trees, 400 rounds, depth 5 | 22,290 ± 1,923 |');
  });

  it('gives the numbers behind each plot as tables', () => {
    const r = binaryRun();
    const [[tp, fn], [fp, tn]] = r.holdout.confusion!.matrix as [[number, number], [number, number]];
    expect(md).toContain(`| **bad** | ${tp} | ${fn} |`);
    expect(md).toContain(`| **good** | ${fp} | ${tn} |`);
    expect(md).toContain('| Mean predicted | Observed | Rows |');
    expect(md.split('\n').filter((l) => /^\| 0\.\d{3} \| 0\.\d{3} \| \d+ \|$/.test(l)).length).toBe(r.holdout.calibration!.counts.length);
    expect(md).toContain('**Four-fifths rule: fails.** The lowest group selection rate is 55.1% of the highest');
    expect(md).toContain('| Demographic parity difference | 0.157 | **gate &lt;= 0.1: fails** |');
    expect(md).toContain('### Mitigation offered, not applied');
  });

  it('says what is missing', () => {
    const r: RunReport = { ...binaryRun(), gates: [], passed: true, holdout: { metrics: {} }, leaderboard: [] };
    delete r.beats;
    delete r.importance;
    delete r.shap;
    delete r.fairness;
    delete r.mitigation;
    const bare = renderRunMarkdown(r);
    for (const s of [
      'The spec has no gates', 'No holdout metrics were computed.', 'No candidates were cross-validated.', 'No baseline comparison was run.',
      '_Not in this run: the ROC curve, the precision-recall curve, the reliability diagram, the confusion matrix, permutation importance and SHAP values._',
      'No sensitive attributes in the spec, so fairness was not evaluated.',
    ]) expect(bare).toContain(s);
    expect(renderRunMarkdown(regressionRun())).toContain('_Not in this run: SHAP values._');
  });

  it('keeps hostile names inert and tables intact', () => {
    const hostile = renderRunMarkdown(hostileRun());
    expect(hostile).not.toContain(HOSTILE);
    expect(hostile).not.toMatch(/<script/i);
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt; a\\|b');
    expect(hostile.split('\n')[0]).toBe('# credit &lt;script&gt;alert(1)&lt;/script&gt; a\\|b');
  });

  it('is deterministic', () => {
    expect(renderRunMarkdown(binaryRun())).toBe(md);
  });
});
