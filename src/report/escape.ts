/**
 * Escaping for the two report formats. Every string that came from the data (column names,
 * category values, file paths, issue messages) goes through one of these before it is written.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * escapeHtml('<script>alert(1)</script>'); // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * Escapes text for a GitHub-flavoured Markdown table cell or paragraph: HTML is neutralised as
 * entities, pipes and inline markup are backslash-escaped, and line breaks become spaces so a
 * value cannot break the table. Underscores inside words are left alone (GFM does not treat them
 * as emphasis), so `sale_price` stays readable in a terminal.
 *
 * @example
 * escapeMarkdown('a|b <i>'); // 'a\\|b &lt;i&gt;'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*[\]|#])/g, '\\$1')
    .replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace('_', '\\_'));
}
