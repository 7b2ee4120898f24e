/** Writes the run report files next to each other, atomically. */
import path from 'node:path';
import { writeFileAtomic } from '../core/atomic.js';
import { renderRunHtml } from './run-html.js';
import { renderRunMarkdown } from './run-markdown.js';
import type { RunReport } from './run-types.js';

/**
 * Renders the run report and writes `report.html` and `report.md` into `dir` (created if
 * missing). Both are rendered before either is written, and each file goes to a temporary name
 * in the same directory and is renamed, so a reader never sees half a report and a failed render
 * leaves the previous report intact.
 *
 * @example
 * const { html, markdown } = await writeRunReport(report, 'reports/credit/run-7f3a');
 * // html === 'reports/credit/run-7f3a/report.html', markdown === 'reports/credit/run-7f3a/report.md'
 */
export async function writeRunReport(r: RunReport, dir: string): Promise<{ html: string; markdown: string }> {
  const [htmlText, mdText] = [await renderRunHtml(r), renderRunMarkdown(r)];
  const html = path.join(dir, 'report.html');
  const markdown = path.join(dir, 'report.md');
  await writeFileAtomic(html, htmlText);
  await writeFileAtomic(markdown, mdText);
  return { html, markdown };
}
