/**
 * A GitHub-flavoured Markdown table. The run report builds its tables with it; markdown.ts keeps a
 * private copy of the same few lines for the analysis report (it could import this one).
 */

/**
 * Rows under a header, with right-aligned columns where `right[i]` is true. Cells must already be
 * escaped (escapeMarkdown), so a `|` inside a value arrives as `\|` and cannot split a cell.
 * `rows`: `string[rows][columns]`, each as long as `head`.
 *
 * @example
 * mdTable(['Metric', 'Value'], [['ROC AUC', '0.862']], [false, true]);
 * // '| Metric | Value |\n| --- | ---: |\n| ROC AUC | 0.862 |'
 */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (right[i] ? '---:' : '---'))), ...rows.map(line)].join('\n');
}
