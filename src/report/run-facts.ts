/**
 * The facts the data and lineage sections of the run report list (label/value pairs), the task's
 * label and the data-quality issues in reading order; shared by the HTML and Markdown renderers.
 */
import { formatCount, formatDate, formatPercent, formatSeconds } from './format.js';
import type { RunReport } from './run-types.js';

/** Human label of a run's task. */
export const TASK_LABEL: Record<RunReport['data']['task'], string> = {
  binary: 'Binary classification',
  multiclass: 'Multiclass classification',
  regression: 'Regression',
};

/**
 * Label/value pairs of the data section, shared with the Markdown report.
 *
 * @example
 * dataFacts(binaryRun())[1]; // ['rows', '4,454: 3,563 training, 891 holdout (20%)']
 */
export function dataFacts(r: RunReport): [string, string][] {
  const d = r.data;
  const share = d.rows > 0 ? ` (${formatPercent(d.holdoutRows / d.rows)})` : '';
  return [
    ['file', d.file],
    ['rows', `${formatCount(d.rows)}: ${formatCount(d.trainRows)} training, ${formatCount(d.holdoutRows)} holdout${share}`],
    ['target', d.target],
    ['task', TASK_LABEL[d.task]],
    ...(d.classes?.length ? [['classes', d.classes.join(', ')] as [string, string]] : []),
    ...(d.positiveClass !== undefined ? [['positive class', d.positiveClass] as [string, string]] : []),
    ['holdout split', d.splitMethod],
    ['cross-validation', d.cvMethod],
  ];
}

/**
 * Label/value pairs of the lineage section, shared with the Markdown report.
 *
 * @example
 * lineageFacts(binaryRun())[0]; // ['run id', 'run-20240611-142233-7f3a']
 */
export function lineageFacts(r: RunReport): [string, string][] {
  return [
    ['run id', r.runId],
    ['started', `${formatDate(r.startedAt)} UTC`],
    ['duration', formatSeconds(r.seconds)],
    ['spec sha256', r.lineage.specSha256],
    ['data sha256', r.lineage.dataSha256],
    ['seed', String(r.seed)],
    ['specml', r.specmlVersion],
    ['node', r.lineage.node],
    ['platform', r.lineage.platform],
    ['model package', r.model.packageDir],
  ];
}

/**
 * Data-quality issues most severe first.
 *
 * @example
 * sortedIssues(report)[0]?.severity; // 'error' when there is one
 */
export function sortedIssues(r: RunReport): RunReport['data']['issues'] {
  const rank = (s: string) => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);
  return [...r.data.issues].sort((a, b) => rank(a.severity) - rank(b.severity));
}
