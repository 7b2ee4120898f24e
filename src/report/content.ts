/**
 * What the analysis report says, independent of format: the HTML and Markdown renderers both read
 * these helpers, so the two files never disagree about ordering, caps or wording.
 */
import { sortIssues, type Issue, type Severity } from '../core/issue.js';
import type { Analysis } from '../data/analysis.js';
import type { ColumnProfile, Profile, TargetAssociation } from '../data/profile/types.js';
import type { Task } from '../data/task.js';
import { formatBytes, formatCount, formatDate, formatPercent, formatStat } from './format.js';

/** Features shown in the association chart; more is unreadable and the table has the rest. */
export const TOP_ASSOCIATIONS = 25;
/**
 * Columns that get a detail card with a plot. 40 cards keep the page readable and the render near
 * a second; wide data (785 pixel columns) lists the rest in the summary table only.
 */
export const MAX_DETAIL_COLUMNS = 40;
/** Bars in the missingness chart. */
export const MAX_MISSING_BARS = 40;

const TASK_LABEL: Record<Task, string> = {
  binary: 'Binary classification',
  multiclass: 'Multiclass classification',
  regression: 'Regression',
  text: 'Text classification',
  image: 'Image classification',
};

/** Human label of a task, e.g. "Binary classification". */
export function taskLabel(a: Analysis): string {
  const base = TASK_LABEL[a.task.task];
  if (a.task.task === 'text' || a.task.task === 'image') return `${base} (${a.task.targetKind})`;
  return base;
}

const MEASURE_LABEL: Record<TargetAssociation['measure'], string> = {
  mutual_information: 'mutual information',
  pearson: '|Pearson r|',
  correlation_ratio: 'correlation ratio η',
};

/** The measures used for target association, in words, e.g. "mutual information". */
export function measureLabel(columns: readonly ColumnProfile[]): string {
  const used = [...new Set(columns.flatMap((c) => (c.association ? [c.association.measure] : [])))].sort();
  return used.map((m) => MEASURE_LABEL[m]).join(' / ');
}

/** Issues most severe first with the per-severity counts. */
export function issueSummary(issues: readonly Issue[]): { sorted: Issue[]; counts: Record<Severity, number> } {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return { sorted: sortIssues(issues), counts };
}

/** Share of profiled rows that are missing in a column. */
export function missingRatio(c: ColumnProfile, p: Profile): number {
  const n = p.sampledRows || c.count + c.missing;
  return n > 0 ? c.missing / n : 0;
}

/** The target column's profile, if the profile has one. */
export function targetColumn(a: Analysis): ColumnProfile | undefined {
  return a.profile.columns.find((c) => c.name === a.target);
}

/** Features ranked by normalised association with the target, strongest first; ties in file order. */
export function rankedByAssociation(a: Analysis): ColumnProfile[] {
  return a.profile.columns
    .filter((c) => c.name !== a.target && c.association && Number.isFinite(c.association.normalized))
    .map((c, i) => ({ c, i }))
    .sort((x, y) => y.c.association!.normalized - x.c.association!.normalized || x.i - y.i)
    .map((x) => x.c);
}

/** Columns with any missing value, largest ratio first; ties in file order. */
export function columnsWithMissing(a: Analysis): ColumnProfile[] {
  return a.profile.columns
    .map((c, i) => ({ c, i, r: missingRatio(c, a.profile) }))
    .filter((x) => x.c.missing > 0)
    .sort((x, y) => y.r - x.r || x.i - y.i)
    .map((x) => x.c);
}

/**
 * The columns that get a detail card: the strongest target associations first, then the remaining
 * columns in file order, without the target (it has its own section), at most `max`.
 */
export function detailColumns(a: Analysis, max = MAX_DETAIL_COLUMNS): ColumnProfile[] {
  const ranked = rankedByAssociation(a).slice(0, max);
  const chosen = new Set(ranked.map((c) => c.name));
  for (const c of a.profile.columns) {
    if (ranked.length >= max) break;
    if (c.name !== a.target && !chosen.has(c.name)) ranked.push(c);
  }
  return ranked;
}

/** One row of the column summary table, every cell already formatted (not yet escaped). */
export interface SummaryRow {
  name: string;
  type: string;
  idLike: boolean;
  missing: string;
  distinct: string;
  mean: string;
  std: string;
  min: string;
  max: string;
  /** Most frequent value (categorical/boolean) or length summary (text). */
  top: string;
  association: string;
}

/** The formatted summary-table row for a column. */
export function summaryRow(c: ColumnProfile, p: Profile): SummaryRow {
  const n = c.numeric;
  const cat = c.categorical?.top[0];
  const top = cat
    ? `${cat.value === '' ? '(empty)' : cat.value} (${formatPercent(cat.count / Math.max(1, c.count))})`
    : c.text
      ? `mean ${formatStat(c.text.meanLength)} chars`
      : '';
  return {
    name: c.name,
    type: c.type,
    idLike: c.idLike,
    missing: c.missing > 0 ? formatPercent(missingRatio(c, p)) : '0%',
    distinct: formatCount(c.distinct),
    mean: n ? formatStat(n.mean) : '',
    std: n ? formatStat(n.std) : '',
    min: n ? formatStat(n.min) : c.datetime ? formatDate(c.datetime.min) : '',
    max: n ? formatStat(n.max) : c.datetime ? formatDate(c.datetime.max) : '',
    top,
    association: c.association ? formatStat(c.association.normalized) : '',
  };
}

/** Label/value pairs for a column's detail card (formatted, not escaped). */
export function columnFacts(c: ColumnProfile, p: Profile): [string, string][] {
  const facts: [string, string][] = [
    ['non-missing', formatCount(c.count)],
    ['missing', `${formatCount(c.missing)} (${formatPercent(missingRatio(c, p))})`],
    ['distinct', formatCount(c.distinct)],
  ];
  if (c.numeric) {
    const q = c.numeric.quantiles;
    facts.push(
      ['mean ± std', `${formatStat(c.numeric.mean)} ± ${formatStat(c.numeric.std)}`],
      ['min / median / max', `${formatStat(c.numeric.min)} / ${q[3] === undefined ? '—' : formatStat(q[3])} / ${formatStat(c.numeric.max)}`],
      ['p5 – p95', q[1] === undefined || q[5] === undefined ? '—' : `${formatStat(q[1])} – ${formatStat(q[5])}`],
      ['zeros', formatCount(c.numeric.zeros)],
      ['skewness', formatStat(c.numeric.skewness)],
    );
  }
  if (c.datetime) facts.push(['range', `${formatDate(c.datetime.min)} → ${formatDate(c.datetime.max)}`]);
  if (c.text) {
    facts.push(['mean length', `${formatStat(c.text.meanLength)} chars`], ['max length', `${formatCount(c.text.maxLength)} chars`], ['mean tokens', formatStat(c.text.meanTokens)]);
  }
  if (c.categorical && c.categorical.otherCount > 0) facts.push(['rows in other levels', formatCount(c.categorical.otherCount)]);
  if (c.association) facts.push([`target ${MEASURE_LABEL[c.association.measure]}`, `${formatStat(c.association.value)} (normalised ${formatStat(c.association.normalized)})`]);
  return facts;
}

/** Header facts: label/value pairs for the data file (formatted, not escaped). */
export function headerFacts(a: Analysis): [string, string][] {
  const d = a.data;
  const facts: [string, string][] = [
    ['Data', d.file],
    ['Format', d.format],
    ['Shape', `${formatCount(d.rows)} rows × ${formatCount(d.columns)} columns`],
    ['Size', formatBytes(d.bytes)],
  ];
  if (d.test) facts.push(['Test data', d.test]);
  const notes: string[] = [];
  if (d.truncated) notes.push('file truncated: not all rows were read');
  if (a.profile.sampledRows < a.profile.rows) notes.push(`profiled on a sample of ${formatCount(a.profile.sampledRows)} of ${formatCount(a.profile.rows)} rows`);
  facts.push(['Rows read', notes.length ? notes.join('; ') : 'all rows, no sampling']);
  facts.push(['Missing cells', `${formatCount(a.profile.missingCells)} (${formatPercent(a.profile.missingCells / Math.max(1, a.profile.sampledRows * a.profile.columns.length))})`]);
  return facts;
}
