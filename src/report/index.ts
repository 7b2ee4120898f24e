/** Reports: the analysis report and the run report (HTML and Markdown), and the plots they draw. */
export { renderAnalysisHtml } from './html.js';
export { renderAnalysisMarkdown } from './markdown.js';
export { writeAnalysisReport } from './write.js';
export { barSpec, histogramSpec, ACCENT, PLOT_CONFIG, type Bar, type BarOptions, type HistogramOptions } from './plots.js';
export { htmlPage } from './page.js';
export { REPORT_CSS } from './css.js';
export { renderSvgs } from './render.js';
export { escapeHtml, escapeMarkdown } from './escape.js';
export { renderRunHtml } from './run-html.js';
export { renderRunMarkdown } from './run-markdown.js';
export { writeRunReport } from './run-write.js';
export type { Estimate, FairnessGroupRow, FairnessSection, GateResult, LeaderboardRow, Mitigation, RunReport } from './run-types.js';
