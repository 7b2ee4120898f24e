import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape.js';
import { formatRange, formatScore } from './run-format.js';
import { renderRunHtml } from './run-html.js';
import { binaryRun, HOSTILE, hostileRun, regressionRun } from './run.fixture.js';
import type { RunReport } from './run-types.js';

const count = (s: string, sub: string) => s.split(sub).length - 1;

/** One top-level `<section id=…>` of the page (sections do not nest). */
function section(html: string, id: string): string {
  const start = html.search(new RegExp(`<section id="${id}"[ >]`));
  expect(start, `section ${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The binary run with every optional part removed. */
function bareRun(): RunReport {
  const r = binaryRun();
  delete r.goal;
  delete r.why;
  delete r.beats;
  delete r.importance;
  delete r.shap;
  delete r.fairness;
  delete r.mitigation;
  r.holdout = { metrics: r.holdout.metrics };
  r.gates = [];
  r.passed = true;
  r.model.alias = null;
  r.data.issues = [];
  return r;
}

describe('renderRunHtml', () => {
  it('renders a self-contained page with the sections in reading order', async () => {
    const html = await renderRunHtml(binaryRun());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // Offline and script-free: no scripts, stylesheets, fonts or remote references of any kind.
    expect(html).not.toMatch(/<script|<link|<iframe|@import|@font-face|src="http|href="http|url\(http/i);
    const ids = ['verdict', 'gates', 'holdout', 'leaderboard', 'diagnostics', 'fairness', 'data', 'lineage'];
    const at = ids.map((id) => html.search(new RegExp(`<section id="${id}"[ >]`)));
    expect(at.every((p) => p > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('shows a failed run as FAILED in a red band with the gate count and no alias', async () => {
    const html = await renderRunHtml(binaryRun());
    const band = section(html, 'verdict');
    expect(band).toContain('class="band fail"');
    expect(band).toContain('>FAILED<');
    expect(band).toContain('1 of 5 gates failed, 4 passed');
    expect(band).toContain('credit-risk v7 · not promoted (gates failed)');
    expect(html).toContain('It fails 1 gate: demographic_parity_difference &lt;= 0.1, measured 0.157');
  });

  it('shows a passed run as PASSED in a green band with its alias', async () => {
    const html = await renderRunHtml(regressionRun());
    const band = section(html, 'verdict');
    expect(band).toContain('class="band pass"');
    expect(band).toContain('>PASSED<');
    expect(band).toContain('all 2 gates passed');
    expect(band).toContain('ames-prices v3 · production');
  });

  it('marks the failed gate as failed and the others as passed', async () => {
    const gates = section(await renderRunHtml(binaryRun()), 'gates');
    expect(count(gates, '<span class="badge fail">failed</span>')).toBe(1);
    expect(count(gates, '<span class="badge pass">passed</span>')).toBe(4);
    const failedRow = gates.slice(gates.indexOf('<tr class="failed">'), gates.indexOf('</tr>', gates.indexOf('<tr class="failed">')));
    expect(failedRow).toContain('<code>demographic_parity_difference &lt;= 0.1</code>');
    expect(failedRow).toContain('>0.157<');
    expect(failedRow).toContain('>&lt;= 0.1<');
    expect(gates).toContain('>+0.362<'); // the baseline gate's measured difference, signed
  });

  it('prints every holdout metric with its CI, three decimals under 1 and separators above 1,000', async () => {
    for (const r of [binaryRun(), regressionRun()]) {
      const holdout = section(await renderRunHtml(r), 'holdout');
      for (const [name, est] of Object.entries(r.holdout.metrics)) {
        const row = holdout.slice(holdout.indexOf(`<code>${name}</code>`));
        expect(row.slice(0, 200)).toContain(`<td class="num">${formatScore(est.value)}</td><td class="num">${formatRange(est.ci_low, est.ci_high)}</td>`);
      }
    }
    const bin = section(await renderRunHtml(binaryRun()), 'holdout');
    expect(bin).toMatch(/<code>roc_auc<\/code><\/td><td class="num">0\.\d{3}<\/td><td class="num">0\.\d{3}–0\.\d{3}<\/td><td>higher<\/td>/);
    const reg = section(await renderRunHtml(regressionRun()), 'holdout');
    expect(reg).toMatch(/<code>rmse<\/code><\/td><td class="num">\d\d,\d{3}<\/td><td class="num">\d\d,\d{3}–\d\d,\d{3}<\/td><td>lower<\/td>/);
  });

  it('writes the leaderboard with mean ± std, folds, p-values, the selected model and the test it used', async () => {
    const board = section(await renderRunHtml(binaryRun()), 'leaderboard');
    expect(board).toContain('gbdt had the best cross-validated ROC AUC (0.837 ± 0.012 over 5 folds); forest was not significantly worse (p = 0.21); linear and baseline were significantly worse (p = 0.012, p &lt; 0.001).');
    expect(board).toContain('>0.831 ± 0.011<');
    expect(board).toContain('0.851 · 0.829 · 0.846 · 0.838 · 0.822');
    expect(board).toContain('>no (p = 0.21)<');
    expect(board).toContain('>yes (p = 0.012)<');
    expect(board).toContain('>yes (p &lt; 0.001)<');
    expect(board).toMatch(/<tr class="chosen"><td class="num">1<\/td><td class="name">gbdt <span class="badge accent">selected<\/span>/);
    expect(board).toContain('corrected resampled t-test (Nadeau &amp; Bengio, 2003)');
    expect(board).toMatch(/gbdt beats the trivial baseline: ROC AUC higher by 0\.3\d\d \(95% CI 0\.3\d\d–0\.3\d\d, p &lt; 0\.001/);
  });

  it('draws the binary diagnostics: ROC, PR, reliability with ECE, confusion counts, importance, SHAP', async () => {
    const r = binaryRun();
    const diag = section(await renderRunHtml(r), 'diagnostics');
    expect(count(diag, '<svg')).toBe(6);
    expect(diag).toMatch(/>ROC curve \(AUC 0\.\d{3}\)</);
    expect(diag).toMatch(/>Precision-recall \(AP 0\.\d{3}\)</);
    expect(diag).toMatch(/>Reliability \(ECE 0\.\d{3}\)</);
    for (const n of r.holdout.confusion!.matrix.flat()) expect(diag).toContain(`>${n}</text>`);
    expect(diag).toContain('Of 250 actual bad, the model flags');
    expect(diag).toContain('Shuffling Seniority hurts most: a drop in ROC AUC of 0.071 (95% CI 0.054–0.089).');
    expect(diag).toContain('(Expenses, Price, Home, Time, Marital and Debt)');
    expect(diag).not.toContain('Not in this run');
  });

  it('draws predicted vs true for regression and says SHAP is missing', async () => {
    const diag = section(await renderRunHtml(regressionRun()), 'diagnostics');
    expect(count(diag, '<svg')).toBe(2);
    expect(diag).toContain('aria-label="Predicted against true values"');
    expect(diag).toMatch(/median absolute error is \d{1,2},\d{3}/);
    expect(diag).toContain('a rise in RMSE of 24,100');
    expect(diag).toContain('Not in this run: SHAP values.');
  });

  it('reports fairness per attribute: rates with CIs, small groups, four-fifths verdicts, gates, mitigation', async () => {
    const r = binaryRun();
    const fair = section(await renderRunHtml(r), 'fairness');
    expect(count(fair, '<svg')).toBe(2);
    expect(fair).toContain('<h3>Age <span class="muted">banded at 30, 40, 50 and 65 years</span></h3>');
    expect(fair).toContain('<span class="badge fail">four-fifths rule: fails</span>');
    expect(fair).toContain('<span class="badge pass">four-fifths rule: passes</span>');
    expect(fair).toContain('gate &lt;= 0.1: fails');
    expect(fair).toContain('gate &lt;= 0.1: passes');
    expect(fair).toContain('Left out of the aggregates: ≥ 65 (18 rows, fewer than the minimum group size of 30).');
    expect(fair).toContain('fewer than 30 rows (18): no intervals, left out of the aggregates');
    // A large group's rate carries its interval on a second line, both with one decimal.
    expect(fair).toMatch(/<td class="num">\d{2}\.\d%<span class="ci">\d{1,2}\.\d–\d{2}\.\d%<\/span><\/td>/);
    expect(fair).toContain('Mitigation offered, not applied');
    expect(fair).toContain('The gap goes from 0.157 to 0.071');
  });

  it('shows the data and lineage an auditor needs', async () => {
    const html = await renderRunHtml(binaryRun());
    const data = section(html, 'data');
    expect(data).toContain('4,454: 3,563 training, 891 holdout (20%)');
    expect(data).toContain('Stratified 5-fold cross-validation');
    expect(data).toContain('<code>sentinel_values</code>');
    const lineage = section(html, 'lineage');
    for (const s of ['run-20240611-142233-7f3a', '4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce', '<dd>42</dd>', 'v20.19.2', 'linux-x64', '2024-06-11 14:22:33 UTC', '49 s']) {
      expect(lineage).toContain(s);
    }
  });

  it('says what is missing instead of leaving gaps', async () => {
    const html = await renderRunHtml(bareRun());
    expect(section(html, 'verdict')).toContain('the spec has no gates');
    expect(section(html, 'verdict')).toContain('no alias');
    expect(html).toContain('The spec states no goal.');
    expect(section(html, 'gates')).toContain('The spec has no gates');
    expect(section(html, 'leaderboard')).toContain('No baseline comparison was run.');
    expect(section(html, 'diagnostics')).toContain('Not in this run: the ROC curve, the precision-recall curve, the reliability diagram, the confusion matrix, permutation importance and SHAP values.');
    expect(section(html, 'fairness')).toContain('No sensitive attributes in the spec');
    expect(section(html, 'data')).toContain('No data-quality warnings or errors.');
    expect(count(html, '<svg')).toBe(0);
  });

  it('handles a multiclass run: confusion matrix and most-confused pair, no binary curves', async () => {
    const r = bareRun();
    r.data.task = 'multiclass';
    r.data.classes = ['low', 'mid', 'high'];
    delete r.data.positiveClass;
    r.holdout.confusion = { labels: ['low', 'mid', 'high'], matrix: [[50, 9, 1], [12, 40, 8], [0, 5, 35]] };
    const diag = section(await renderRunHtml(r), 'diagnostics');
    expect(count(diag, '<svg')).toBe(1);
    expect(diag).toContain('Accuracy 78.1% over 160 holdout rows. Most often confused: true mid predicted as low (12 rows).');
    expect(diag).not.toContain('the ROC curve');
  });

  it('escapes hostile names everywhere, SVG text included', async () => {
    const html = await renderRunHtml(hostileRun());
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(escapeHtml(HOSTILE));
    // The hostile feature and class are drawn in plots; Vega's SVG writer escapes them too.
    const diag = section(html, 'diagnostics');
    expect(count(diag, '<svg')).toBe(6);
    // Importance and SHAP bar labels and the confusion matrix's two axes (Vega may shorten a long label with "…").
    expect(diag.match(/<text[^>]*>&lt;script&gt;aler/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
  });

  it('gives the same bytes for the same report', async () => {
    const [x, y] = [await renderRunHtml(binaryRun()), await renderRunHtml(binaryRun())];
    const firstDiff = [...x].findIndex((ch, i) => ch !== y[i]);
    expect({ length: y.length, firstDiff }).toEqual({ length: x.length, firstDiff: -1 });
  });
});
