/**
 * The HTML shell every report page shares: doctype, charset, viewport, a generator tag, the title,
 * inline CSS and the body in `<main>`. Self-contained: no external resources.
 *
 * @example
 * htmlPage({ title: 'credit · specml analysis', version: '0.1.0', css: REPORT_CSS, body: '<h1>…</h1>' });
 */
import { escapeHtml as e } from './escape.js';

/** `title` and `version` are escaped here; `css` and `body` are trusted HTML built by the report. */
export function htmlPage(p: { title: string; version: string; css: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="specml ${e(p.version)}">
<title>${e(p.title)}</title>
<style>${p.css}</style>
</head>
<body>
<main>
${p.body}
</main>
</body>
</html>
`;
}
