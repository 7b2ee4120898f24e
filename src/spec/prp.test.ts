import { describe, expect, test } from 'vitest';
import { SpecError } from './errors.js';
import { parseSpecText } from './load.js';

const fence = '```';

function errorOf(text: string): SpecError {
  try {
    parseSpecText(text, 'prp.md');
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('PRP loader', () => {
  const prp = [
    '# PRP: churn', // 1
    '## goal', // 2
    'Flag churners.', // 3
    '## Why', // 4
    '* Retention calls cost money.', // 5
    '## What', // 6
    `${fence}yaml`, // 7
    'data: { train: t.csv, target: churned }', // 8
    'goal: From YAML', // 9
    'gates: [f1 >= 0.6]', // 10
    fence, // 11
    '- F1 >= 0.6', // 12 duplicate of the YAML gate
    '- Input => output arrow prose', // 13 not a gate
    '### Success Criteria', // 14
    '- [ ] `roc_auc` >= 0.8', // 15
    '- [x] **beats baseline**', // 16
    '## Context', // 17
    '- accuracy > 0.5 here is context, not a gate', // 18
    '## Validation Loop', // 19
    '### Level 1', // 20 subsection stays in Validation Loop
    '- model size mb <= 50', // 21
    `${fence}yml`, // 22
    'data: { id: [cid] }', // 23
    'gates: [p99_latency_ms <= 5]', // 24
    fence, // 25
  ].join('\n');

  test('merges yaml blocks, fills goal/why from sections, turns gate bullets into gates without duplicates', () => {
    const s = parseSpecText(prp, '/x/churn.md');
    expect(s.goal).toBe('From YAML');
    expect(s.why).toBe('Retention calls cost money.');
    expect(s.data).toMatchObject({ train: '/x/t.csv', target: 'churned', id: ['cid'] });
    expect(s.gates.map((g) => (g.kind === 'beats' ? 'beats' : `${g.metric} ${g.op} ${g.value}`))).toEqual([
      'f1 >= 0.6',
      'p99_latency_ms <= 5',
      'roc_auc >= 0.8',
      'beats',
      'model_size_mb <= 50',
    ]);
    expect(s.name).toBe('churn');
  });

  test('errors in a yaml block are reported at markdown line numbers, with bullet errors beside them', () => {
    const text = ['# Goal', 'x', '', `${fence}yaml`, 'data:', '  train: t.csv', '  target: y', 'split: { folds: 99 }', fence, '## Success criteria', '- rocauc >= 0.8', '- f1 => 0.5'].join('\n');
    const e = errorOf(text);
    expect(e.issues.map((i) => i.message.split(': ').slice(0, 2).join(': '))).toEqual(['prp.md:8:17: split.folds', 'prp.md:11:3: gates', 'prp.md:12:3: gates']);
    expect(e.issues[1]!.message).toContain("did you mean 'roc_auc'?");
  });

  test('YAML syntax errors inside a block use markdown line numbers', () => {
    const e = errorOf(['# Goal', 'x', `${fence}yaml`, 'data:', '  train: "t.csv', fence].join('\n'));
    expect(e.code).toBe('spec.yaml_syntax');
    expect(e.message).toMatch(/prp\.md:5:\d+/);
  });

  test('gates from a later block are located in that block', () => {
    const text = [`${fence}yaml`, 'data: { train: t.csv, target: y }', 'gates: [f1 >= 0.5]', fence, 'text', `${fence}yaml`, 'gates:', '  - nope >= 1', fence].join('\n');
    expect(errorOf(text).issues[0]!.message).toMatch(/^prp\.md:8:5: gates\[1\]: .*unknown metric 'nope'/);
  });

  test('a PRP without a data block says how to add one', () => {
    const e = errorOf('# Goal\nFlag churners.\n## Success Criteria\n- roc_auc >= 0.8\n');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.code).toBe('spec.prp_missing_data');
    expect(e.issues[0]!.hint).toContain('```yaml\ndata:\n  train:');
    const partial = errorOf(`${fence}yaml\ndata: { train: a.csv }\n${fence}\n`);
    expect(partial.issues.map((i) => i.path)).toEqual(['data.target']);
    expect(partial.issues[0]!.message).toContain('no yaml block gives data.target');
  });
});
