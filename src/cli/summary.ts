/** The human-readable summary `specml analyze` prints. */
import path from 'node:path';
import type { Analysis } from '../data/analysis.js';

const SEVERITY_ORDER = ['error', 'warning', 'info'] as const;

export function summarizeAnalysis(a: Analysis, report: { html: string; markdown: string; schema: string }): string {
  const lines: string[] = [];
  const n = (x: number): string => x.toLocaleString('en-US');
  lines.push(`${a.name}: ${shortPath(a.data.file)} (${n(a.data.rows)} rows x ${n(a.data.columns)} columns, ${a.data.format}${a.data.truncated ? ', only the first rows were read (--max-rows)' : ''})`);
  lines.push('');
  lines.push(`Task     ${a.task.task}${a.task.task !== a.task.targetKind ? ` (${a.task.targetKind})` : ''}`);
  lines.push(`         ${a.task.reason}`);
  lines.push(`Metric   ${a.metric.metric} (also: ${a.metric.secondary.join(', ')})`);
  lines.push(`         ${a.metric.reason}`);
  for (const note of a.metric.notes) lines.push(`         note: ${note}`);
  lines.push('');
  const counts = SEVERITY_ORDER.map((s) => {
    const k = a.issues.filter((i) => i.severity === s).length;
    return `${k} ${s}${s === 'info' || k === 1 ? '' : 's'}`;
  });
  lines.push(`Issues   ${counts.join(', ')}`);
  const shown = a.issues.filter((i) => i.severity !== 'info').slice(0, 15);
  for (const i of shown) lines.push(`  ${i.severity.padEnd(7)} ${i.code.padEnd(22)} ${i.message}`);
  const hidden = a.issues.length - shown.length;
  if (hidden > 0) lines.push(`  ... ${hidden} more in the report`);
  const top = a.profile.columns
    .filter((c) => c.association)
    .sort((x, y) => y.association!.normalized - x.association!.normalized)
    .slice(0, 8);
  if (top.length) {
    lines.push('');
    lines.push(`Strongest single-feature association with '${a.target}' (${top[0]!.association!.measure.replace('_', ' ')}, normalised 0-1):`);
    const width = Math.max(...top.map((c) => c.name.length));
    for (const c of top) {
      const v = c.association!.normalized;
      lines.push(`  ${c.name.padEnd(width)}  ${v.toFixed(3)}  ${'#'.repeat(Math.max(1, Math.round(v * 30)))}`);
    }
  }
  lines.push('');
  lines.push(`Report   ${report.html}`);
  lines.push(`         ${report.markdown}`);
  lines.push(`Schema   ${report.schema}`);
  return lines.join('\n') + '\n';
}

/** A path relative to the working directory when it lies below it (what the user would type). */
function shortPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
