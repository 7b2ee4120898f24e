/**
 * The report stylesheet, inlined into every page so the file opens from disk with nothing else.
 * Light theme, system fonts, a 1180 px column that fits a laptop, and print rules that keep cards
 * and table rows whole.
 */
import { ACCENT, FONT } from './plots.js';

/**
 * CSS for the analysis report page.
 *
 * @example
 * const page = `<style>${REPORT_CSS}</style>`;
 */
export const REPORT_CSS = `
:root { --accent: ${ACCENT}; --ink: #1f2328; --muted: #5f6670; --line: #dfe2e6; --soft: #f6f8fa;
  --error: #b42318; --warning: #9a6700; --info: #3b5b8c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); font: 14px/1.5 ${FONT};
  font-variant-numeric: tabular-nums; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 40px; }
h1 { font-size: 24px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 18px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; margin: 0; overflow-wrap: anywhere; }
p { margin: 6px 0; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft);
  padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
.sub { color: var(--muted); margin: 0 0 16px; }
.muted { color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.verdict { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px;
  background: #f7fafd; padding: 14px 18px; margin-top: 20px; display: grid;
  grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 14px 32px; }
.verdict .label { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.verdict .label code { text-transform: none; letter-spacing: 0; }
.verdict .big { font-size: 18px; font-weight: 600; }
.verdict ul { margin: 4px 0 0; padding-left: 18px; }
.counts { display: flex; gap: 8px; flex-wrap: wrap; margin: 0 0 10px; }
.badge { display: inline-block; font-size: 11.5px; font-weight: 600; line-height: 1; padding: 4px 7px;
  border-radius: 10px; background: var(--soft); color: var(--muted); border: 1px solid var(--line); white-space: nowrap; }
.badge.error { color: var(--error); background: #fef3f2; border-color: #fecdca; }
.badge.warning { color: var(--warning); background: #fff8e6; border-color: #f5dfa6; }
.badge.info { color: var(--info); background: #eff4fb; border-color: #cdd9ec; }
.badge.accent { color: #fff; background: var(--accent); border-color: var(--accent); }
.ok { padding: 10px 14px; border-radius: 6px; background: #effaf3; border: 1px solid #b7e4c7; color: #1a6b3c; }
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; color: #3d444d; white-space: nowrap; position: sticky; top: 0; }
tr:last-child td { border-bottom: 0; }
tbody tr:nth-child(even) td { background: #fbfcfd; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.name { font-weight: 600; overflow-wrap: anywhere; min-width: 120px; max-width: 280px; }
td.msg { min-width: 240px; }
td.code code { white-space: nowrap; }
.row { display: flex; gap: 28px; flex-wrap: wrap; align-items: flex-start; }
.row > .facts { min-width: 260px; }
figure { margin: 0; }
figure svg { max-width: 100%; height: auto; display: block; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 14px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; break-inside: avoid; }
.card header { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; margin-bottom: 8px; }
.card header h3 { margin-right: auto; }
.card .facts { font-size: 12.5px; margin-top: 8px; }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12.5px; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  tr, .card, figure, .verdict { break-inside: avoid; }
  .scroll { overflow: visible; border: 0; }
  th { position: static; }
  a { color: inherit; }
}
`;
