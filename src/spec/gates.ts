/**
 * Gate expressions: the pass/fail criteria of a spec (DESIGN.md §4). A gate is either a threshold
 * on a metric (`roc_auc >= 0.85`) or "beats baseline" (significantly better than the trivial
 * model). People write gates as prose in PRP bullets, so the parser is forgiving about form —
 * metric names in any case with spaces, unicode `≥`/`≤`, percentages, prose after the number —
 * and strict about meaning: an unknown metric or an ambiguous operator is an error, never a guess.
 *
 * @example
 * parseGate('ROC AUC >= 0.85 on held-out test');
 * // { kind: 'threshold', metric: 'roc_auc', op: '>=', value: 0.85, source: 'ROC AUC >= 0.85 on held-out test' }
 * parseGate('beats baseline'); // { kind: 'beats', against: 'baseline', source: 'beats baseline' }
 */
import { SpecmlError } from '../core/errors.js';
import { GATE_METRICS, normaliseMetricName } from './metrics.js';
import { didYouMean } from './suggest.js';

/**
 * A gate's comparison, canonical (`≥` is stored as `>=`).
 *
 * @example
 * const op: GateOp = '>=';
 */
export type GateOp = '>=' | '<=' | '>' | '<' | '==';

/**
 * A parsed gate; `source` is the text as written, for reports and messages.
 *
 * @example
 * const g: Gate = { kind: 'threshold', metric: 'f1', op: '>=', value: 0.8, source: 'F1 >= 0.8' };
 */
export type Gate =
  | {
      kind: 'threshold';
      metric: string;
      op: GateOp;
      value: number;
      source: string;
      /** `ci_low`: the gate holds the lower bound of the 95% CI to the threshold, not the point value. */
      bound?: 'ci_low';
    }
  | { kind: 'beats'; against: 'baseline'; source: string };

/** Operators as written → canonical. Two-character forms first so `>=` is not read as `>`. */
const OPS: ReadonlyArray<readonly [string, GateOp]> = [
  ['>=', '>='],
  ['<=', '<='],
  ['==', '=='],
  ['≥', '>='],
  ['≤', '<='],
  ['>', '>'],
  ['<', '<'],
];

/** Forms that look like an operator but are not one; each maps to what was probably meant. */
const WRONG_OPS: ReadonlyArray<readonly [string, GateOp]> = [
  ['=>', '>='],
  ['=<', '<='],
];

const OP_PATTERN = /(>=|<=|==|=>|=<|≥|≤|>|<|=)/;
const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?|[+-]?\.\d+)\s*(%?)/i;
const BEATS = /^beats\s*:?\s*(?:the\s+)?baseline\b/i;

/**
 * Whether a line of prose reads as a gate: "beats baseline", or an operator followed by a number.
 * The PRP loader uses it to tell gate bullets from ordinary prose (`- CSV => model` is prose).
 *
 * @example
 * looksLikeGate('ROC AUC >= 0.85'); // true
 * looksLikeGate('Latency < the budget'); // false
 */
export function looksLikeGate(text: string): boolean {
  return BEATS.test(text.trim()) || /(>=|<=|==|=>|=<|≥|≤|>|<|=)\s*[+-]?\.?\d/.test(text);
}

/**
 * Parses one gate expression. Trailing prose after the number is ignored (`on held-out test`);
 * a percentage becomes a fraction (`90%` → 0.9); the metric is the longest run of trailing words
 * before the operator that names a known metric (`test ROC AUC` → `roc_auc`).
 *
 * Throws `SpecmlError` with code `spec.bad_gate` (no operator, `=>`, no number) or
 * `spec.unknown_metric` (with the closest known metric in the hint). Messages carry no location;
 * the spec validator prefixes `file:line:col`.
 *
 * @example
 * parseGate('accuracy > 90%').value; // 0.9
 * parseGate('p99 latency ms ≤ 5');   // { kind: 'threshold', metric: 'p99_latency_ms', op: '<=', value: 5, ... }
 * parseGate('roc_auc >= 0.8 (lower CI bound)').bound; // 'ci_low'
 */
export function parseGate(expr: string): Gate {
  const source = expr.trim();
  if (BEATS.test(source)) return { kind: 'beats', against: 'baseline', source };

  const m = OP_PATTERN.exec(source);
  if (!m) {
    throw new SpecmlError('spec.bad_gate', `gate '${source}' has no comparison operator`, {
      hint: "Write a gate as '<metric> <op> <number>' with op one of >=, <=, >, <, == (e.g. 'roc_auc >= 0.85'), or 'beats baseline'.",
    });
  }
  const written = m[1]!;
  const wrong = WRONG_OPS.find(([w]) => w === written);
  if (wrong || written === '=') {
    const meant = wrong ? wrong[1] : '==';
    throw new SpecmlError('spec.bad_gate', `gate '${source}': '${written}' is not a comparison operator; did you mean '${meant}'?`, {
      hint: `Use one of >=, <=, >, <, == (or ≥, ≤), e.g. '${source.replace(written, meant)}'.`,
    });
  }
  const op = OPS.find(([w]) => w === written)![1];

  const left = source.slice(0, m.index);
  const right = source.slice(m.index + written.length).trim();
  const num = NUMBER.exec(right);
  if (!num) {
    throw new SpecmlError('spec.bad_gate', `gate '${source}': expected a number after '${written}', got '${right || '(nothing)'}'`, {
      hint: "Give the threshold as a number or a percentage, e.g. 'roc_auc >= 0.85' or 'accuracy > 90%'.",
    });
  }
  let value = Number(num[1]!.replace(/,/g, ''));
  if (num[2] === '%') value /= 100;

  const metric = resolveMetric(left, source);
  // "roc_auc >= 0.8 (lower CI bound)", "ci_low roc_auc >= 0.8": the CI's lower bound must pass.
  const bound = CI_LOW.test(source) ? ({ bound: 'ci_low' } as const) : {};
  return { kind: 'threshold', metric, op, value, source, ...bound };
}

const CI_LOW = /\b(ci[_ ]?low|lower\s+(?:ci\s+|confidence\s+)?bound|lower\s+ci)\b/i;

/** Finds the known metric named by the end of `left`, or throws `spec.unknown_metric`. */
function resolveMetric(left: string, source: string): string {
  const words = left
    .replace(/[`*:()[\]]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const known = GATE_METRICS as readonly string[];
  for (let start = 0; start < words.length; start++) {
    const name = normaliseMetricName(words.slice(start).join(' '));
    if (known.includes(name)) return name;
  }
  const written = normaliseMetricName(words.join(' '));
  if (written === '') {
    throw new SpecmlError('spec.bad_gate', `gate '${source}' names no metric before the operator`, {
      hint: "Write a gate as '<metric> <op> <number>', e.g. 'roc_auc >= 0.85'.",
    });
  }
  // Suggest against the last words too, so 'test rocauc' suggests roc_auc.
  const near = didYouMean(written, known) ?? didYouMean(normaliseMetricName(words[words.length - 1] ?? ''), known);
  throw new SpecmlError('spec.unknown_metric', `gate '${source}': unknown metric '${written}'${near ? `; did you mean '${near}'?` : ''}`, {
    hint: near ? `Write '${near}'. Known gate metrics: ${known.join(', ')}.` : `Known gate metrics: ${known.join(', ')}.`,
  });
}

/**
 * The expression for a parsed gate, in canonical form (used by the starter spec and reports).
 *
 * @example
 * formatGate(parseGate('ROC AUC ≥ 0.85 on test')); // 'roc_auc >= 0.85'
 */
export function formatGate(gate: Gate): string {
  return gate.kind === 'beats' ? 'beats baseline' : `${gate.metric} ${gate.op} ${gate.value}${gate.bound ? ` (${gate.bound})` : ''}`;
}
