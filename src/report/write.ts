/** Writes the analysis report files next to each other, atomically. */
import path from 'node:path';
import { writeFileAtomic } from '../core/atomic.js';
import type { Analysis } from '../data/analysis.js';
import { renderAnalysisHtml } from './html.js';
import { renderAnalysisMarkdown } from './markdown.js';

/**
 * Renders the analysis and writes `analysis.html` and `analysis.md` into `dir` (created if
 * missing). Each file is written to a temporary name in the same directory and renamed, so a
 * reader never sees half a report and a failed run leaves the previous one intact.
 *
 * @example
 * const { html, markdown } = await writeAnalysisReport(analysis, 'reports/ames');
 * // html === 'reports/ames/analysis.html', markdown === 'reports/ames/analysis.md'
 */
export async function writeAnalysisReport(a: Analysis, dir: string): Promise<{ html: string; markdown: string }> {
  const [htmlText, mdText] = [await renderAnalysisHtml(a), renderAnalysisMarkdown(a)];
  const html = path.join(dir, 'analysis.html');
  const markdown = path.join(dir, 'analysis.md');
  await writeFileAtomic(html, htmlText);
  await writeFileAtomic(markdown, mdText);
  return { html, markdown };
}
