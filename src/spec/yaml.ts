/**
 * Parses YAML text into a document that keeps node positions, and turns syntax errors into a
 * `spec.yaml_syntax` error naming `file:line:col` and the parser's reason.
 *
 * @example
 * const { doc, lineCounter } = readYaml('data: { train: a.csv, target: y }', 'specml.yaml');
 * doc.toJS(); // { data: { train: 'a.csv', target: 'y' } }
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Issue } from '../core/issue.js';
import { SpecError } from './errors.js';
import { specIssue } from './issues.js';
import type { YamlSource } from './locate.js';

/**
 * `lineOffset` blank lines are put in front of the text, so positions come out in the
 * coordinates of an enclosing file (a fenced block in a PRP starting on that line + 1).
 */
export function readYaml(text: string, file: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const padded = '\n'.repeat(lineOffset) + text;
  const doc = parseDocument(padded, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Errors found at the end of input (an unclosed quote or bracket) point at the last written
  // character rather than at an empty line after it.
  const lastChar = Math.max(0, padded.trimEnd().length - 1);
  if (doc.errors.length > 0) {
    const issues: Issue[] = doc.errors.map((e) => {
      const pos = lineCounter.linePos(Math.min(e.pos[0], lastChar));
      const reason = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      const tabs = /tab/i.test(reason) || /^\t/m.test(text);
      return specIssue(file, pos, '(yaml)', 'spec.yaml_syntax', reason, tabs ? 'YAML indents with spaces only; replace tab characters with spaces.' : 'Check the indentation and the quoting on that line and the one before it.');
    });
    throw new SpecError(file, issues, 'spec.yaml_syntax');
  }
  return { doc, lineCounter };
}
