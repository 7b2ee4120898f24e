/**
 * The evaluation part of a run's model card (card.md in the package): intended use from the spec's
 * goal and why, the holdout metrics with their CIs, the gates and their verdicts, fairness per
 * attribute, and where the numbers came from. Appended to the card `saveModelPackage` wrote, so
 * the card travels with the registered package.
 *
 * @example
 * await appendEvaluationCard(pkgDir, report);
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../core/atomic.js';
import type { RunReport } from '../../report/index.js';
import { formatMeasured as f } from './format.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function evaluationCard(r: RunReport): string {
  const lines = ['## Intended use', '', cell(r.goal ?? '(the spec states no goal)'), ...(r.why ? ['', cell(r.why)] : []), ''];
  lines.push('## Evaluation', '', `Run ${r.runId}: ${r.data.holdoutRows} held-out rows (${cell(r.data.splitMethod)}), never used to fit or select the model; 95% bootstrap CIs.`, '');
  lines.push('| metric | holdout | 95% CI |', '|---|---|---|');
  for (const [k, v] of Object.entries(r.holdout.metrics)) lines.push(`| ${k} | ${f(v.value)} | ${f(v.ci_low)} to ${f(v.ci_high)} |`);
  lines.push('', `Gates: ${r.passed ? 'all passed' : 'FAILED'}.`, '', '| gate | measured | verdict |', '|---|---|---|');
  for (const g of r.gates) lines.push(`| ${cell(g.gate)} | ${f(g.measured)} | ${g.passed ? 'pass' : 'FAIL'} |`);
  if (r.fairness?.length) {
    lines.push('', '## Fairness', '', '| attribute | demographic parity difference | equalized odds difference |', '|---|---|---|');
    for (const s of r.fairness) lines.push(`| ${cell(s.attribute)} | ${f(s.metrics['demographic_parity_difference'] ?? null)} | ${f(s.metrics['equalized_odds_difference'] ?? null)} |`);
  }
  lines.push('', `Full report: run ${r.runId} (\`specml runs show ${r.runId}\`).`, '');
  return lines.join('\n');
}

export async function appendEvaluationCard(pkgDir: string, r: RunReport): Promise<void> {
  const file = path.join(pkgDir, 'card.md');
  const base = await readFile(file, 'utf8');
  await writeFileAtomic(file, `${base.trimEnd()}\n\n${evaluationCard(r)}`);
}
