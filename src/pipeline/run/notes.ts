/**
 * Where the team sees how the work stands, next to the spec: after each run, ACTIVE_TODOS.md in
 * the spec's folder gets (or has replaced) a block for this spec — the verdict, the registered
 * version, and one open item per failed gate — and a PRP spec gets a "specml results" section.
 *
 * Both edits replace only the text between specml's own markers, so whatever people wrote around
 * them stays as it is, and repeated runs do not pile up sections. The PRP results section has no
 * fenced YAML and sits under its own heading, so the PRP loader reads no gates or fields from it
 * (and the spec hash, taken from the loaded spec, does not change with it). Writes are atomic.
 *
 * @example
 * await updateProjectNotes(spec, summary);
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../core/atomic.js';
import type { Spec } from '../../spec/index.js';
import type { RunSummary } from './summary.js';
import { formatMeasured as fmt } from './format.js';

/** Replaces the text between `begin` and `end` in `text`, or appends the block. */
export function replaceBlock(text: string, begin: string, end: string, body: string): string {
  const block = `${begin}\n${body.trimEnd()}\n${end}`;
  const i = text.indexOf(begin);
  const j = i < 0 ? -1 : text.indexOf(end, i);
  if (i >= 0 && j >= 0) return text.slice(0, i) + block + text.slice(j + end.length);
  return `${text.trimEnd()}${text.trim() ? '\n\n' : ''}${block}\n`;
}

function verdict(s: RunSummary): string {
  const failed = s.gates.filter((g) => !g.passed).length;
  return s.passed ? `PASSED (${s.gates.length} gate${s.gates.length === 1 ? '' : 's'})` : `FAILED (${failed} of ${s.gates.length} gates)`;
}

export function todoBlock(s: RunSummary, when: Date): string {
  const m = s.holdout.metrics[s.metric];
  const lines = [
    `## ${s.name}: ${verdict(s)}`,
    '',
    `Last run ${s.run_id} on ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC. Model ${s.model.name} v${s.model.version}${s.model.alias ? ` is now @${s.model.alias}` : ' was registered but not promoted'}; holdout ${s.metric} ${m ? `${fmt(m.value)} (95% CI ${fmt(m.ci_low)}-${fmt(m.ci_high)})` : 'n/a'}. Report: ${s.report.html}`,
    '',
  ];
  const failed = s.gates.filter((g) => !g.passed);
  if (failed.length) for (const g of failed) lines.push(`- [ ] gate \`${g.gate}\` fails: ${g.detail}`);
  else lines.push('- [x] all gates pass');
  return lines.join('\n');
}

export function prpBlock(s: RunSummary, when: Date): string {
  const lines = [`## specml results`, '', `Run ${s.run_id} (${when.toISOString().slice(0, 10)}): ${verdict(s)}. Model ${s.model.name} v${s.model.version}${s.model.alias ? ` @${s.model.alias}` : ' (not promoted)'}.`, '', '| metric | holdout | 95% CI |', '|---|---|---|'];
  for (const [k, v] of Object.entries(s.holdout.metrics)) lines.push(`| ${k} | ${fmt(v.value)} | ${fmt(v.ci_low)} to ${fmt(v.ci_high)} |`);
  lines.push('', '| gate | measured | verdict |', '|---|---|---|');
  for (const g of s.gates) lines.push(`| ${g.gate.replace(/\|/g, '\\|')} | ${fmt(g.measured)} | ${g.passed ? 'pass' : 'FAIL'} |`);
  lines.push('', `Report: ${s.report.html}`);
  return lines.join('\n');
}

async function edit(file: string, begin: string, end: string, body: string): Promise<void> {
  const old = await readFile(file, 'utf8').catch(() => '');
  await writeFileAtomic(file, replaceBlock(old, begin, end, body));
}

export async function updateProjectNotes(spec: Spec, s: RunSummary, when = new Date()): Promise<void> {
  if (!spec.file) return;
  const dir = path.dirname(spec.file);
  await edit(path.join(dir, 'ACTIVE_TODOS.md'), `<!-- specml:run ${spec.name} -->`, `<!-- /specml:run ${spec.name} -->`, todoBlock(s, when));
  if (/\.(md|markdown)$/i.test(spec.file)) await edit(spec.file, '<!-- specml:results -->', '<!-- /specml:results -->', prpBlock(s, when));
}
