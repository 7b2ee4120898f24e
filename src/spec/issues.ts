/**
 * Turns zod's validation issues into specml `Issue`s worded for a person: each message starts with
 * `file:line:col`, names the field path, says what was expected and what was found, and gives the
 * fix (valid values, did-you-mean). zod's own messages ("Invalid input: expected number, received
 * string") say none of where, why or what to do, so they are not used.
 *
 * @example
 * const issues = toSpecIssues(result.error.issues, { file: 'specml.yaml', locator });
 * issues[0].message; // "specml.yaml:7:10: split.folds: expected a whole number from 2 to 50, got 'five'. Write e.g. folds: 5"
 */
import type { z } from 'zod';
import type { Issue } from '../core/issue.js';
import { SPEC_METRICS, normaliseMetricName } from './metrics.js';
import { KNOWN_KEYS, type IssueParams } from './schema.js';
import { fieldSchema, type JsonSchemaNode } from './json-schema.js';
import { formatPath, type FieldPath, type Pos, type SpecLocator } from './locate.js';
import { didYouMean } from './suggest.js';

export interface IssueContext {
  file: string;
  locator: SpecLocator;
}

type ZodIssue = z.core.$ZodIssue;

/** One spec issue at a position; the message is prefixed with `file:line:col: path: `. */
export function specIssue(file: string, pos: Pos, path: string, code: string, text: string, hint?: string): Issue {
  return {
    code,
    path,
    severity: 'error',
    message: `${file}:${pos.line}:${pos.col}: ${path}: ${text}`,
    ...(hint ? { hint } : {}),
    details: { file, line: pos.line, col: pos.col },
  };
}

/**
 * Converts every zod issue (an unrecognized-keys issue becomes one Issue per key), ordered by
 * position in the file.
 */
export function toSpecIssues(issues: readonly ZodIssue[], ctx: IssueContext): Issue[] {
  const out: Issue[] = [];
  for (const zi of issues) {
    const path = zi.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (zi.code === 'unrecognized_keys') {
      for (const key of zi.keys) out.push(unknownKey(ctx, path, key));
      continue;
    }
    const pos = ctx.locator.at(path);
    const at = (code: string, text: string, hint?: string) => specIssue(ctx.file, pos, formatPath(path), code, text, hint);
    out.push(convert(zi, path, at));
  }
  return out.sort(byPosition);
}

function convert(zi: ZodIssue, path: FieldPath, at: (code: string, text: string, hint?: string) => Issue): Issue {
  const node = fieldSchema(path);
  const doc = node?.description ? `${formatPath(path)} is ${node.description}.` : undefined;
  const input = 'input' in zi ? zi.input : undefined;
  switch (zi.code) {
    case 'custom': {
      const p = zi.params as IssueParams | undefined;
      return at(p?.specCode ?? 'spec.invalid_value', p?.message ?? zi.message, p?.hint);
    }
    case 'invalid_type':
    case 'invalid_union': {
      if (input === undefined) {
        const example = exampleFor(path, node);
        return at('spec.missing', `required field is missing. Add ${example}`, doc ?? `Add ${example}.`);
      }
      return at('spec.invalid_type', `expected ${expected(node, zi)}, got ${show(input)}. ${fixFor(path, node, input)}`.trim(), doc);
    }
    case 'too_small':
    case 'too_big': {
      const bound = zi.code === 'too_small' ? zi.minimum : zi.maximum;
      const op = zi.code === 'too_small' ? (zi.inclusive ? '>=' : '>') : zi.inclusive ? '<=' : '<';
      const what =
        zi.origin === 'array'
          ? `needs ${zi.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} item(s)`
          : zi.origin === 'string'
            ? `needs ${zi.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} character(s)`
            : `must be ${op} ${String(bound)}`;
      return at('spec.out_of_range', `${what}, got ${show(input)}. Expected ${expected(node, zi)}. ${fixFor(path, node, input)}`.trim(), doc);
    }
    case 'invalid_value': {
      const values = zi.values.map(String);
      const near = enumSuggestion(String(input), values);
      return at(
        'spec.invalid_value',
        `${show(input)} is not allowed${near ? `; did you mean ${near}?` : ''} Expected one of: ${values.join(', ')}`,
        doc ?? `Use one of: ${values.join(', ')}.`,
      );
    }
    case 'invalid_format':
      return at(
        'spec.invalid_format',
        `${show(input)} is not ${node?.description ?? 'in the expected format'}. ${typeof input === 'string' ? `e.g. '${slugify(input)}'` : ''}`.trim(),
        doc,
      );
    default:
      return at('spec.invalid_value', `${zi.message}, got ${show(input)}`, doc);
  }
}

function unknownKey(ctx: IssueContext, path: FieldPath, key: string): Issue {
  const known = KNOWN_KEYS[path.filter((k) => typeof k === 'string').join('.')] ?? [];
  const near = didYouMean(key, known);
  const where = path.length === 0 ? 'at the top level' : `under ${formatPath(path)}`;
  const text = `unknown key '${key}' ${where}${near ? `; did you mean '${near}'?` : ''} Known keys: ${known.join(', ')}`;
  return specIssue(ctx.file, ctx.locator.keyAt(path, key), formatPath([...path, key]), 'spec.unknown_key', text, near ? `Rename '${key}' to '${near}'.` : `Remove '${key}' or move it where it belongs.`);
}

/** Suggestion for a bad enum value: aliases first (`auc` → roc_auc), then edit distance. */
function enumSuggestion(input: string, values: readonly string[]): string | undefined {
  if (values.includes('roc_auc')) {
    const canonical = normaliseMetricName(input);
    if ((SPEC_METRICS as readonly string[]).includes(canonical)) return `'${canonical}'`;
  }
  if (values.includes('multiclass') && /^cl?ass?i?f/i.test(input)) return "'binary' or 'multiclass' (or 'auto' to infer it)";
  const near = didYouMean(input, values);
  return near === undefined ? undefined : `'${near}'`;
}

/** "a whole number from 2 to 50" from the field's JSON Schema; zod's expected type otherwise. */
function expected(node: JsonSchemaNode | undefined, zi: ZodIssue): string {
  if (node) return describeNode(node);
  return 'expected' in zi && typeof zi.expected === 'string' ? zi.expected : 'a valid value';
}

function describeNode(node: JsonSchemaNode): string {
  if (node.anyOf) return node.anyOf.map(describeNode).join(' or ');
  if (node.enum) return `one of ${node.enum.map(String).join(', ')}`;
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  const range: string[] = [];
  // zod's int() adds the safe-integer bounds; they say nothing to a person.
  const bound = (v: number | undefined) => (v === undefined || Math.abs(v) >= Number.MAX_SAFE_INTEGER ? undefined : v);
  node = { ...node, minimum: bound(node.minimum), maximum: bound(node.maximum) };
  if (node.minimum !== undefined && node.maximum !== undefined) range.push(`from ${node.minimum} to ${node.maximum}`);
  else {
    if (node.minimum !== undefined) range.push(`>= ${node.minimum}`);
    if (node.exclusiveMinimum !== undefined) range.push(`> ${node.exclusiveMinimum}`);
    if (node.maximum !== undefined) range.push(`<= ${node.maximum}`);
    if (node.exclusiveMaximum !== undefined) range.push(`< ${node.exclusiveMaximum}`);
  }
  const noun =
    type === 'integer' ? 'a whole number' : type === 'number' ? 'a number' : type === 'string' ? 'text' : type === 'array' ? `a list${node.items ? ` of ${describeNode(node.items)}` : ''}` : type === 'object' ? 'a mapping of keys to values' : type === 'boolean' ? 'true or false' : 'a value';
  return [noun, range.join(' and ')].filter((s) => s !== '').join(' ');
}

function fixFor(path: FieldPath, node: JsonSchemaNode | undefined, input: unknown): string {
  const key = path[path.length - 1];
  if (node?.default !== undefined && typeof key === 'string') return `Write e.g. ${key}: ${JSON.stringify(node.default)}`;
  if (typeof input === 'number' && node?.type === 'string') return `Quote it if it is a name: '${input}'`;
  const example = exampleFor(path, node);
  return example.includes('<value>') ? '' : `Write e.g. ${example}`;
}

/** A `key: value` line that would satisfy the field. */
function exampleFor(path: FieldPath, node: JsonSchemaNode | undefined): string {
  const key = path[path.length - 1];
  const sample = node?.default ?? EXAMPLES[formatPath(path)] ?? (node?.type === 'object' ? '{ … }' : node?.type === 'array' ? '[…]' : '<value>');
  const value = typeof sample === 'string' ? sample : JSON.stringify(sample);
  return typeof key === 'string' ? `${formatPath(path)}: ${value}` : value;
}

const EXAMPLES: Record<string, string> = {
  data: '{ train: data/train.csv, target: <column> }',
  'data.train': 'data/train.csv',
  'data.target': '<column to predict>',
  'fairness.sensitive': '[<column>]',
};

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'object') return Array.isArray(v) ? `a list (${JSON.stringify(v)})` : `a mapping (${JSON.stringify(v)})`;
  return String(v);
}

function slugify(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-]+$/g, '') || 'my-spec';
}

function byPosition(a: Issue, b: Issue): number {
  const la = (a.details?.line as number) ?? 0;
  const lb = (b.details?.line as number) ?? 0;
  return la - lb || ((a.details?.col as number) ?? 0) - ((b.details?.col as number) ?? 0);
}
