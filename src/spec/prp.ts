/**
 * The PRP (product requirements prompt) markdown loader. A PRP is prose for people with the
 * machine fields in fenced ```yaml blocks:
 *
 * - fenced `yaml`/`yml` blocks anywhere supply spec fields, merged in order (mappings merge
 *   deeply, later values win, `gates` lists concatenate);
 * - the text of the `Goal` and `Why` sections fills `goal`/`why` when the YAML does not;
 * - bullets (`- `, `* `, `- [ ]`, `- [x]`) under `What`, `Success Criteria` or `Validation Loop`
 *   that read as gates (an operator followed by a number, or "beats baseline") become gates after
 *   the YAML ones, without duplicates. A gate bullet naming an unknown metric is an error at its
 *   markdown line; prose bullets are ignored.
 *
 * Headings match at any level, case-insensitively, by their first words (`## Success criteria
 * (must pass)`); a heading deeper than a known section stays inside it. Every position reported is
 * a line of the markdown file.
 *
 * @example
 * const prp = parsePrp('# Goal\nFlag fraud\n```yaml\ndata: { train: tx.csv, target: fraud }\n```\n## Success Criteria\n- ROC AUC >= 0.9\n', 'fraud.md');
 * prp.raw; // { data: { train: 'tx.csv', target: 'fraud' }, goal: 'Flag fraud', gates: ['ROC AUC >= 0.9'] }
 */
import { SpecmlError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import { formatGate, looksLikeGate, parseGate } from './gates.js';
import { specIssue } from './issues.js';
import { SpecLocator, type Pos, type YamlSource } from './locate.js';
import { readYaml } from './yaml.js';

/**
 * What {@link parsePrp} extracts from a PRP, ready for `validateSpec`.
 *
 * @example
 * const { raw, locator, issues, suppress } = parsePrp(text, 'prp.md');
 * validateSpec(raw, { file: 'prp.md', locator, extraIssues: issues, suppress });
 */
export interface PrpParse {
  /** The spec fields assembled from the YAML blocks, sections and bullets, not yet validated. */
  raw: Record<string, unknown>;
  locator: SpecLocator;
  /** Problems only the markdown can show (bad gate bullets, no data block). */
  issues: Issue[];
  /** Drops schema issues that {@link issues} already explain. */
  suppress: (issue: Issue) => boolean;
}

type Section = 'goal' | 'why' | 'what' | 'context' | 'implementation blueprint' | 'validation loop' | 'success criteria';

const SECTION = /^(goal|why|what|context|implementation blueprint|validation loop|success criteria)\b/;
const GATE_SECTIONS: ReadonlySet<Section | undefined> = new Set(['what', 'success criteria', 'validation loop']);
const BULLET = /^(\s*[-*+]\s+(?:\[[ xX]\]\s+)?)(.*)$/;

const SNIPPET = '```yaml\ndata:\n  train: data/train.csv\n  target: <column to predict>\n```';

/**
 * Splits a PRP into spec fields. Throws `spec.yaml_syntax` for a broken YAML block.
 *
 * @example
 * parsePrp('```yaml\ndata: { train: a.csv, target: y }\n```\n', 'p.md').raw.data; // { train: 'a.csv', target: 'y' }
 */
export function parsePrp(text: string, file: string): PrpParse {
  const lines = text.split(/\r?\n/);
  const sources: YamlSource[] = [];
  const blocks: Record<string, unknown>[] = [];
  const issues: Issue[] = [];
  const prose: Partial<Record<'goal' | 'why', string[]>> = {};
  const bullets: { text: string; pos: Pos }[] = [];
  const headings: { level: number; section: Section | undefined }[] = [];
  const current = (): Section | undefined => [...headings].reverse().find((h) => h.section)?.section;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence) {
      const close = new RegExp(`^\\s*${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}\\s*$`);
      let end = i + 1;
      while (end < lines.length && !close.test(lines[end]!)) end++;
      const lang = fence[2]!.toLowerCase();
      if (lang === 'yaml' || lang === 'yml') {
        const src = readYaml(lines.slice(i + 1, end).join('\n'), file, i + 1);
        const value = src.doc.toJS() as unknown;
        if (isObject(value)) {
          sources.push(src);
          blocks.push(value);
        } else if (value !== null && value !== undefined) {
          issues.push(specIssue(file, { line: i + 2, col: 1 }, '(yaml block)', 'spec.invalid_type', 'a yaml block must hold a mapping of spec fields (key: value)', `Write fields such as:\n${SNIPPET}`));
        }
      }
      i = end;
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      while (headings.length > 0 && headings[headings.length - 1]!.level >= level) headings.pop();
      headings.push({ level, section: sectionOf(heading[2]!) });
      continue;
    }
    const section = current();
    if (section === 'goal' || section === 'why') (prose[section] ??= []).push(line.replace(BULLET, '$2'));
    else if (GATE_SECTIONS.has(section)) {
      const b = BULLET.exec(line);
      if (b) {
        const cleaned = b[2]!.replace(/\*\*|__|`/g, '').trim();
        if (cleaned !== '' && looksLikeGate(cleaned)) bullets.push({ text: cleaned, pos: { line: i + 1, col: b[1]!.length + 1 } });
      }
    }
  }

  const { merged, gatePositions } = mergeBlocks(blocks, sources);
  for (const key of ['goal', 'why'] as const) {
    const body = prose[key]?.join(' ').replace(/\s+/g, ' ').trim();
    if (merged[key] === undefined && body) merged[key] = body;
  }
  addBulletGates(merged, gatePositions, bullets, issues, file);

  const data = merged.data;
  const missing = ['train', 'target'].filter((k) => !isObject(data) || data[k] === undefined);
  if (missing.length > 0) {
    const where = sources.length > 0 ? 'no yaml block gives' : 'the PRP has no fenced yaml block giving';
    const pos = sources.length > 0 ? { line: lines.length > 0 ? firstBlockLine(sources) : 1, col: 1 } : { line: 1, col: 1 };
    issues.push(
      specIssue(file, pos, missing.map((k) => `data.${k}`).join(', '), 'spec.prp_missing_data', `${where} ${missing.map((k) => `data.${k}`).join(' and ')}. Add a fenced yaml block: \`\`\`yaml data: { train: <path>, target: <column> } \`\`\``, `Add to the PRP:\n${SNIPPET}`),
    );
  }
  const suppress = (i: Issue): boolean => missing.length > 0 && i.code === 'spec.missing' && ['data', 'data.train', 'data.target'].includes(i.path);
  return { raw: merged, locator: new SpecLocator(sources, gatePositions), issues, suppress };
}

function sectionOf(title: string): Section | undefined {
  const t = title
    .replace(/[*_`]/g, '')
    .replace(/^\s*\d+[.)]\s*/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return SECTION.exec(t)?.[1] as Section | undefined;
}

/** Deep-merges the blocks (later wins; `gates` concatenate) and records where each gate was written. */
function mergeBlocks(blocks: readonly Record<string, unknown>[], sources: readonly YamlSource[]): { merged: Record<string, unknown>; gatePositions: Pos[] } {
  let merged: Record<string, unknown> = {};
  const gatePositions: Pos[] = [];
  blocks.forEach((block, b) => {
    const { gates, ...rest } = block;
    merged = deepMerge(merged, rest);
    if (Array.isArray(gates)) {
      const one = new SpecLocator([sources[b]!]);
      gates.forEach((_, j) => gatePositions.push(one.at(['gates', j])));
      merged.gates = Array.isArray(merged.gates) ? [...(merged.gates as unknown[]), ...gates] : gates;
    } else if (gates !== undefined) merged.gates = gates;
  });
  return { merged, gatePositions };
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isObject(out[k]) && isObject(v) ? deepMerge(out[k], v) : v;
  return out;
}

function addBulletGates(merged: Record<string, unknown>, positions: Pos[], bullets: readonly { text: string; pos: Pos }[], issues: Issue[], file: string): void {
  if (merged.gates !== undefined && !Array.isArray(merged.gates)) return; // the schema reports the bad type
  const gates = [...((merged.gates as unknown[] | undefined) ?? [])];
  const seen = new Set(gates.map(gateKey).filter((k) => k !== undefined));
  for (const { text, pos } of bullets) {
    try {
      const key = formatGate(parseGate(text));
      if (seen.has(key)) continue;
      seen.add(key);
      positions[gates.length] = pos;
      gates.push(text);
    } catch (err) {
      if (!(err instanceof SpecmlError)) throw err;
      issues.push(specIssue(file, pos, 'gates', err.code, `success-criteria bullet: ${err.message}`, err.hint));
    }
  }
  if (gates.length > 0) merged.gates = gates;
}

function gateKey(g: unknown): string | undefined {
  if (isObject(g)) return g.beats === 'baseline' ? 'beats baseline' : undefined;
  if (typeof g !== 'string') return undefined;
  try {
    return formatGate(parseGate(g));
  } catch {
    return undefined;
  }
}

function firstBlockLine(sources: readonly YamlSource[]): number {
  return new SpecLocator(sources.slice(0, 1)).at([]).line;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
