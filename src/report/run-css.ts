/**
 * The run report's stylesheet: the analysis report's {@link REPORT_CSS} plus the verdict band,
 * pass/fail cells, CI sub-lines and the plot grid. Print rules keep the band's colour (browsers
 * drop backgrounds when printing unless told otherwise) and each plot card whole.
 */
import { REPORT_CSS } from './css.js';

/**
 * CSS for the run report page.
 *
 * @example
 * const page = `<style>${RUN_CSS}</style>`;
 */
export const RUN_CSS = `${REPORT_CSS}
:root { --pass: #1a7f37; --fail: #b42318; }
nav.toc { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12.5px; margin: 10px 0 0; }
.band { display: flex; align-items: center; gap: 18px; flex-wrap: wrap; border-radius: 8px; padding: 14px 20px;
  margin: 18px 0 0; color: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.band.pass { background: var(--pass); }
.band.fail { background: var(--fail); }
.band .word { font-size: 26px; font-weight: 700; letter-spacing: 0.08em; }
.band .gates { font-size: 15px; opacity: 0.95; }
.band .where { margin-left: auto; font-size: 13px; opacity: 0.9; }
.lead { font-size: 15px; line-height: 1.6; margin: 16px 0 0; max-width: 920px; }
.lead p { margin: 0 0 6px; }
.brief { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 14px; margin-top: 16px; }
.panel { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; break-inside: avoid; }
.panel .label, .label { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.panel p { margin: 2px 0 10px; }
.panel .facts { font-size: 13px; }
.badge.pass { color: #fff; background: var(--pass); border-color: var(--pass); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge.fail { color: #fff; background: var(--fail); border-color: var(--fail); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
tr.failed td { background: #fef3f2 !important; }
tr.chosen td { background: #eff4fb !important; }
td .ci, .ci { display: block; color: var(--muted); font-size: 11.5px; font-weight: 400; }
td.gate code { white-space: normal; }
.note { color: var(--muted); font-size: 12.5px; margin-top: 8px; }
.plots { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 14px; }
.plot.span2 { grid-column: span 2; }
.plot.side { display: flex; gap: 20px; align-items: flex-start; }
.plot.side figure { flex: 0 0 auto; }
.plot.side p { flex: 1 1 0; min-width: 0; margin-top: 28px; }
h3.sub-h { font-size: 14px; margin: 20px 0 6px; }
.plot { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; break-inside: avoid; }
.plot figure { margin: 0 0 6px; }
.plot p { font-size: 12.5px; color: var(--muted); margin: 4px 0 0; }
.absent { color: var(--muted); font-style: italic; }
.attr { margin: 18px 0 0; }
.attr h3 { font-size: 15px; margin: 0 0 4px; }
.verdicts { display: flex; gap: 8px; flex-wrap: wrap; align-items: baseline; margin: 8px 0; }
.cols2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 14px; align-items: start; }
.features { font-size: 12.5px; }
@media (max-width: 1100px) { .plots { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media (max-width: 860px) { .brief, .cols2 { grid-template-columns: 1fr; } }
@media (max-width: 620px) { .plots { grid-template-columns: 1fr; } .plot.span2 { grid-column: auto; } .plot.side { display: block; } }
@media print {
  nav.toc { display: none; }
  .plot, .panel, .attr { break-inside: avoid; }
  .band { break-after: avoid; }
}
`;
