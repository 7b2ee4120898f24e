import { describe, expect, it } from 'vitest';
import { creditAnalysis, HOSTILE_NAME, wideAnalysis } from './analysis.fixture.js';
import { MAX_DETAIL_COLUMNS } from './content.js';
import { escapeHtml } from './escape.js';
import { renderAnalysisHtml } from './html.js';

const count = (s: string, sub: string) => s.split(sub).length - 1;

/** One top-level `<section id=…>` of the page (sections do not nest). */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('renderAnalysisHtml', () => {
  it('renders a self-contained page with a plot in every plotted section', async () => {
    const a = creditAnalysis();
    const html = await renderAnalysisHtml(a);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src="http|href="http/i);
    for (const id of ['target', 'association', 'missingness']) expect(section(html, id)).toContain('<svg');
    // One card plot per feature except the text column (Notes shows length stats only).
    const details = section(html, 'details');
    expect(count(details, '<svg')).toBe(a.profile.columns.length - 2);
    expect(count(details, '<article class="card"')).toBe(a.profile.columns.length - 1);
  });

  it('mentions every column, escaped', async () => {
    const a = creditAnalysis();
    const html = await renderAnalysisHtml(a);
    for (const c of a.profile.columns) expect(html).toContain(escapeHtml(c.name));
  });

  it('escapes user strings everywhere, SVG text included', async () => {
    const html = await renderAnalysisHtml(creditAnalysis());
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The category value is drawn in the card's bar chart, escaped by Vega's SVG writer.
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('lists issues most severe first with counts per severity', async () => {
    const html = await renderAnalysisHtml(creditAnalysis());
    const issues = section(html, 'issues');
    expect(issues).toContain('1 error<');
    expect(issues).toContain('1 warning<');
    expect(issues).toContain('2 info<');
    const codes = [...issues.matchAll(/<td class="code"><code>([a-z_]+)<\/code>/g)].map((m) => m[1]);
    expect(codes).toEqual(['target_leakage', 'id_like_column', 'missing_values', 'high_cardinality']);
    expect(issues).toContain('Imputed with the median.');
  });

  it('says so when there are no issues and no missing values', async () => {
    const a = { ...creditAnalysis(), issues: [] };
    a.profile = { ...a.profile, columns: a.profile.columns.map((c) => ({ ...c, missing: 0 })) };
    const html = await renderAnalysisHtml(a);
    expect(section(html, 'issues')).toContain('No issues found.');
    expect(section(html, 'missingness')).toContain('No missing values');
  });

  it('shows the verdict: task, reason, metric with notes, classes and positive class', async () => {
    const html = await renderAnalysisHtml(creditAnalysis());
    const verdict = html.slice(html.indexOf('class="verdict"'), html.indexOf('<section id="issues">'));
    expect(verdict).toContain('Binary classification');
    expect(verdict).toContain('Status has 2 distinct values in 4,454 rows.');
    expect(verdict).toContain('<code>roc_auc</code>');
    expect(verdict).toContain('report average precision too');
    expect(verdict).toMatch(/Positive class<\/span><br><code>bad<\/code>/);
  });

  it('draws a regression target as a histogram', async () => {
    const a = creditAnalysis();
    a.target = 'Income';
    a.task = { task: 'regression', targetKind: 'regression', reason: 'Income is numeric with 200 distinct values.' };
    const html = await renderAnalysisHtml(a);
    expect(section(html, 'target')).toContain('aria-label="Income: distribution"');
    expect(section(html, 'target')).toContain('skewness');
  });

  it('gives the same bytes for the same analysis', async () => {
    const [x, y] = [await renderAnalysisHtml(creditAnalysis()), await renderAnalysisHtml(creditAnalysis())];
    // Compare cheaply: a failing toBe on 150 KB strings prints both in full.
    const firstDiff = [...x].findIndex((ch, i) => ch !== y[i]);
    const around = firstDiff < 0 ? '' : x.slice(Math.max(0, firstDiff - 40), firstDiff + 40);
    expect({ length: y.length, firstDiff, around }).toEqual({ length: x.length, firstDiff: -1, around: '' });
  });

  it('caps detail cards on wide data and keeps every column in the table', async () => {
    const a = wideAnalysis(785);
    const html = await renderAnalysisHtml(a);
    const details = section(html, 'details');
    expect(count(details, '<article class="card"')).toBe(MAX_DETAIL_COLUMNS);
    expect(details).toContain('Showing 40 of 784 feature columns');
    expect(details).toContain('The other 744 are in the table above only.');
    // The strongest association (the centre pixel) gets the first card.
    expect(details.indexOf('>pixel407<')).toBeLessThan(details.indexOf('>pixel1<') >>> 0);
    expect(count(section(html, 'columns'), '<tr>')).toBe(786);
    // Plots: target, association, one per card (no missingness chart: nothing is missing).
    expect(count(html, '<svg')).toBe(2 + MAX_DETAIL_COLUMNS);
  });
});
