/**
 * `specml test --model M [--data FILE]`: the gates of a model package checked again, as a test
 * suite. The gates and the run's measurements come from the package's evaluation.json (written by
 * `specml run`); the model's size is measured again on the package; with `--data FILE` (labelled
 * rows with the model's columns) latency is measured again on those rows and every metric gate is
 * recomputed on them with a fresh 95% bootstrap CI. Fairness and beats-baseline keep the run's
 * values (they need the spec's sensitive columns and the baseline, which the package does not
 * carry); each verdict says where its value came from.
 *
 * @example
 * const r = await testGates({ model: 'credit-risk@staging', data: 'labelled.csv' });
 * r.results.every((g) => g.passed);
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadModelPackage } from '../artifact/load.js';
import { SpecmlError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { readTable } from '../data/io/index.js';
import type { RawTable } from '../data/io/raw.js';
import { coerceToSchema } from '../data/schema/index.js';
import { metricsWithCi } from '../evaluate/interval/index.js';
import type { Estimate, GateResult } from '../report/run-types.js';
import { parseGate } from '../spec/index.js';
import { resolveModelDir } from './model-ref.js';
import { judgeGates, type Measured, type PackageEvaluation } from './run/judge.js';
import { measurePackage, packageBytes } from './run/measure.js';

export interface GateTestResult {
  model: string;
  dir: string;
  results: (GateResult & { source: 'run' | 'now' })[];
  passed: boolean;
}

async function readEvaluation(dir: string): Promise<PackageEvaluation> {
  const file = path.join(dir, 'evaluation.json');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new SpecmlError('artifact.no_evaluation', `${dir}: the package has no evaluation.json, so it has no gates to test`, { hint: 'Packages written by `specml run` carry their gates; `specml train` packages do not.' });
  });
  const ev = JSON.parse(text) as PackageEvaluation;
  if (ev.format !== 'specml.evaluation') throw new SpecmlError('artifact.bad_format', `${file}: not a specml evaluation`, { hint: 'The package is damaged; run the spec again.' });
  return ev;
}

export async function testGates(input: { model: string; data?: string; delimiter?: string }): Promise<GateTestResult> {
  const dir = await resolveModelDir(input.model);
  const ev = await readEvaluation(dir);
  const measured: Measured = structuredClone(ev.measured);
  const fresh = new Set<string>(['model_size_mb']);
  measured.operational.model_size_mb = (await packageBytes(dir)) / 1e6;
  if (input.data) {
    const { manifest, model } = await loadModelPackage(dir);
    const raw = await readTable(input.data, input.delimiter ? { delimiter: input.delimiter } : {});
    const schema = { ...manifest.input.schema, columns: [...manifest.input.schema.columns] };
    const { frame, issues } = coerceToSchema(raw, schema);
    const errors = issues.filter((i) => i.severity === 'error');
    if (errors.length) throw new SpecmlError('data.incompatible', `${input.data}: does not match the model's input schema: ${errors.slice(0, 3).map((e) => e.message).join('; ')}`, { hint: 'Give labelled rows with the columns the model was trained on (see card.md in the package).' });
    if (!raw.names.includes(manifest.target)) throw new SpecmlError('data.missing_target', `${input.data}: no '${manifest.target}' column: metric gates need labelled rows`, { hint: `Add the ${manifest.target} column, or run without --data to check the run's stored values.` });
    const labels = rawLabels(raw, manifest.target);
    const pred = model.predict(frame);
    const rng = new Rng(manifest.lineage.seed).fork('test-ci');
    const names = Object.keys(ev.measured.metrics);
    let metrics: Record<string, Estimate>;
    if (manifest.task === 'regression') {
      const y = Float64Array.from(labels, (v) => (v === null ? NaN : Number(v)));
      if (y.some((v) => !Number.isFinite(v))) throw new SpecmlError('data.bad_target', `${input.data}: '${manifest.target}' has missing or non-numeric values`, { hint: 'Metric gates need every row labelled with a number.' });
      metrics = metricsWithCi(names, y, { values: pred.values }, { rng });
    } else {
      const at = new Map(model.classes!.map((c, i) => [c, i]));
      const y = Int32Array.from(labels, (v) => (v === null ? -1 : (at.get(v) ?? -1)));
      if (y.some((c) => c < 0)) throw new SpecmlError('data.unseen_class', `${input.data}: labels missing or not among the model's classes (${model.classes!.join(', ')})`, { hint: 'Metric gates need every row labelled with a known class.' });
      metrics = metricsWithCi(names, y, { labels: Int32Array.from(pred.values), proba: pred.proba! }, { rng });
    }
    measured.metrics = Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, { value: v.value, ci_low: v.ci_low, ci_high: v.ci_high }]));
    for (const k of names) fresh.add(k);
    const ops = await measurePackage(dir, frame);
    Object.assign(measured.operational, { p50_latency_ms: ops.latencyMs.p50, p95_latency_ms: ops.latencyMs.p95, p99_latency_ms: ops.latencyMs.p99 });
    for (const k of ['p50_latency_ms', 'p95_latency_ms', 'p99_latency_ms']) fresh.add(k);
  }
  const where = input.data ? path.basename(input.data) : 'holdout';
  const results = judgeGates(ev.gates.map(parseGate), measured, where).map((r) => ({ ...r, source: r.kind === 'threshold' && fresh.has(r.metric) ? ('now' as const) : ('run' as const) }));
  return { model: input.model, dir, results, passed: results.every((r) => r.passed) };
}

/** A raw column's values as text (null when missing), as class labels are compared. */
function rawLabels(raw: RawTable, name: string): (string | null)[] {
  const c = raw.columns[raw.names.indexOf(name)]!;
  return Array.from({ length: raw.nRows }, (_, i) => {
    if (c.type === 'string') return c.codes[i]! < 0 ? null : c.levels[c.codes[i]!]!;
    if (c.type === 'boolean') return c.values[i] === 255 ? null : c.values[i] ? 'true' : 'false';
    return Number.isNaN(c.values[i]!) ? null : String(c.values[i]);
  });
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * JUnit XML for CI systems: one test case per gate, a failure element for each failed gate.
 *
 * @example
 * writeFileSync('gates.xml', junitXml(result));
 */
export function junitXml(r: GateTestResult): string {
  const failures = r.results.filter((g) => !g.passed).length;
  const cases = r.results.map((g) => {
    const open = `    <testcase classname="specml.gates" name="${xml(g.gate)}">`;
    return g.passed ? `${open}<system-out>${xml(`${g.detail} [${g.source === 'now' ? 'measured now' : 'from the run'}]`)}</system-out></testcase>` : `${open}\n      <failure message="${xml(g.detail)}" type="gate">${xml(`${g.gate}: ${g.detail}`)}</failure>\n    </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="${r.results.length}" failures="${failures}">\n  <testsuite name="${xml(`specml gates: ${r.model}`)}" tests="${r.results.length}" failures="${failures}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
