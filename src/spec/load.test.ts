import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SpecmlError } from '../core/errors.js';
import { SpecError } from './errors.js';
import { loadSpec, parseSpecText } from './load.js';
import { specSchema } from './schema.js';
import { specJsonSchema } from './json-schema.js';
import { parseDuration } from './duration.js';

const MIN = 'data: { train: data/train.csv, target: y }\n';

function errorOf(fn: () => unknown): SpecError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('parseSpecText', () => {
  test('fills defaults, names the spec after its file, resolves data paths', () => {
    const s = parseSpecText(MIN, '/projects/churn/Churn Model.yaml');
    expect(s).toMatchObject({
      name: 'churn-model',
      task: 'auto',
      split: { holdout: 0.2, folds: 5, strategy: 'auto' },
      budget: {},
      seed: 42,
      gates: [],
      data: { train: '/projects/churn/data/train.csv', target: 'y', given: { train: 'data/train.csv' } },
    });
    expect(s.metric).toBeUndefined();
  });

  test('normalises id, durations, group strategies, deploy name, tab delimiter; URIs stay as written', () => {
    const s = parseSpecText(
      'name: fraud\ndata: { train: "sqlite:tx.db", test: ../t.csv, target: y, id: tx_id, delimiter: tab }\nsplit: { strategy: "group: customer" }\nbudget: { max_time: 1h30m }\ndeploy: {}\n',
      '/a/b/s.yaml',
    );
    expect(s.data).toMatchObject({ train: 'sqlite:tx.db', test: '/a/t.csv', id: ['tx_id'], delimiter: '\t' });
    expect(s.split.strategy).toBe('group:customer');
    expect(s.budget.max_time).toBe(5400);
    expect(s.deploy).toEqual({ name: 'fraud', alias: 'staging' });
  });

  test('JSON is read as YAML', () => {
    expect(parseSpecText('{"data": {"train": "x.csv", "target": "y"}, "seed": 1}', '/tmp/x.json').seed).toBe(1);
  });

  test('reports every problem at once, each located and worded with its fix', () => {
    const e = errorOf(() => parseSpecText('data:\n  train: a.csv\n  target: y\nsplit:\n  folds: 1\n  gap: -1\nmodels: [gbdt, xgboost]\nseeed: 3\n', 's.yaml'));
    expect(e.code).toBe('spec.invalid');
    expect(e.issues.map((i) => i.path)).toEqual(['split.folds', 'split.gap', 'models[1]', 'seeed']);
    expect(e.issues[0]!.message).toBe("s.yaml:5:10: split.folds: must be >= 2, got 1. Expected a whole number from 2 to 50. Write e.g. folds: 5");
    expect(e.issues[3]!.message).toContain("s.yaml:8:1: seeed: unknown key 'seeed' at the top level; did you mean 'seed'?");
    expect(e.message.split('\n')).toHaveLength(5);
  });

  test('cross-field checks: time strategy needs data.time, target cannot be ignored, fairness gates need sensitive columns', () => {
    const e = errorOf(() =>
      parseSpecText('data: { train: a.csv, target: y, ignore: [x, y] }\nsplit: { strategy: time }\ngates: [demographic_parity_difference <= 0.1]\n', 's.yaml'),
    );
    expect(e.issues.map((i) => i.code).sort()).toEqual(['spec.missing_sensitive', 'spec.missing_time_column', 'spec.target_excluded']);
    expect(e.issues.find((i) => i.code === 'spec.target_excluded')!.message).toMatch(/^s\.yaml:1:46: data\.ignore\[1\]/);
  });

  test('fairness bands: only for sensitive columns, strictly increasing; defaults filled in', () => {
    const e = errorOf(() => parseSpecText('data: { train: a.csv, target: y }\nfairness: { sensitive: [Age], bands: { Age: [40, 30], Sex: [1] } }\n', 's.yaml'));
    expect(e.issues.map((i) => i.code).sort()).toEqual(['spec.bands_not_increasing', 'spec.bands_not_sensitive']);
    const ok = parseSpecText('data: { train: a.csv, target: y }\nfairness: { sensitive: [Age], bands: { Age: [30, 40] } }\n', 's.yaml');
    expect(ok.fairness).toEqual({ sensitive: ['Age'], bands: { Age: [30, 40] }, min_group_size: 30, mitigation: 'none' });
  });

  test('a remote URI scheme is rejected; a Windows drive letter is a path', () => {
    expect(errorOf(() => parseSpecText('data: { train: "s3://b/k.csv", target: y }', 's.yaml')).issues[0]!.code).toBe('spec.bad_uri');
    expect(() => parseSpecText('data: { train: "C:\\\\data\\\\a.csv", target: y }', 's.yaml')).not.toThrow();
  });

  test('an empty file says what a spec needs', () => {
    const e = errorOf(() => parseSpecText('', 'empty.yaml'));
    expect(e.message).toContain('empty.yaml:1:1: (spec): expected a mapping');
  });

  test('YAML syntax errors carry file:line:col and the reason', () => {
    const e = errorOf(() => parseSpecText('data:\n  train: "a.csv\n', 'q.yaml'));
    expect(e.code).toBe('spec.yaml_syntax');
    expect(e.message).toMatch(/q\.yaml:2:\d+: \(yaml\): .*quote/i);
    const dup = errorOf(() => parseSpecText('seed: 1\nseed: 2\n', 'd.yaml'));
    expect(dup.message).toContain('d.yaml:2:1');
  });
});

describe('loadSpec', () => {
  test('a missing file is spec.not_found', async () => {
    const err = await loadSpec('/nonexistent/specml.yaml').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecmlError);
    expect((err as SpecmlError).code).toBe('spec.not_found');
    expect((err as SpecmlError).hint).toContain('specml init');
  });

  test('relative data paths resolve against the spec folder, not the working directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'specml-spec-'));
    await writeFile(path.join(dir, 'specml.yaml'), MIN);
    const s = await loadSpec(path.join(dir, 'specml.yaml'));
    expect(s.data.train).toBe(path.join(dir, 'data/train.csv'));
    expect(s.file).toBe(path.join(dir, 'specml.yaml'));
    // specml.yaml is every project's file name: the folder names the spec instead.
    expect(s.name).toBe(path.basename(dir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-'));
  });
});

test('the schema defaults apply when parsed directly', () => {
  const s = specSchema.parse({ data: { train: 'a.csv', target: 'y' } });
  expect(s.name).toBe('spec');
  expect(s.split.folds).toBe(5);
});

test('the JSON Schema carries ranges and docs', () => {
  const js = specJsonSchema() as { properties: { split: { properties: { folds: { maximum: number; description: string } } } } };
  expect(js.properties.split.properties.folds.maximum).toBe(50);
  expect(js.properties.split.properties.folds.description).toContain('folds');
});

test.each([
  ['90s', 90],
  ['10m', 600],
  ['1h', 3600],
  ['1h 30m', 5400],
  ['1.5h', 5400],
  [45, 45],
  ['0s', undefined],
  ['10 parsecs', undefined],
  ['m', undefined],
])('parseDuration(%s) = %s', (input, want) => {
  expect(parseDuration(input)).toBe(want);
});
