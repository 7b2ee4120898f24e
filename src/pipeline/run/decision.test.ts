import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModelPackage } from '../../artifact/load.js';
import { deserializeModel, serializeModel } from '../../core/model-io.js';
import type { PredictorModel } from '../../core/estimator.js';
import { readTable } from '../../data/io/index.js';
import { sensitiveGroups } from '../../data/groups.js';
import { coerceToSchema } from '../../data/schema/index.js';
import { runSpec } from './run.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);

function project(example: string, data: string, extra: string, models = 'linear'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'specml-decision-'));
  copyFileSync(new URL(`${example}/${data}`, EXAMPLES), path.join(dir, data));
  const spec = readFileSync(new URL(`${example}/specml.yaml`, EXAMPLES), 'utf8').replace(/^gates:/m, `models: [${models}]\nbudget: { units: 5 }\n${extra}\ngates:`);
  writeFileSync(path.join(dir, 'specml.yaml'), spec);
  return dir;
}

const run = (dir: string) => runSpec({ spec: path.join(dir, 'specml.yaml'), store: `sqlite:${path.join(dir, 'store.db')}`, reportsDir: path.join(dir, 'reports') });

describe('calibration and decision thresholds in specml run', () => {
  it('fits isotonic calibration and a precision threshold on out-of-fold predictions; the package applies both', async () => {
    const dir = project('credit', 'credit.csv', 'calibration: isotonic\nthreshold: { precision: 0.7 }', 'gbdt');
    const { report, summary } = await run(dir);
    // The calibrated gbdt is still explained by TreeSHAP (through its base model).
    expect(report.shap?.features.length).toBeGreaterThan(0);
    expect(report.decision).toMatchObject({ calibration: 'isotonic' });
    const t = report.decision!.threshold!;
    expect(t).toBeGreaterThan(0);
    expect(t).toBeLessThan(1);
    expect(report.decision!.note).toMatch(/out-of-fold/);
    const { manifest, model } = await loadModelPackage(summary.model.package);
    expect(model.name).toBe('calibrated');
    const frame = coerceToSchema(await readTable(path.join(dir, 'credit.csv')), manifest.input.schema).frame;
    const p = model.predict(frame);
    // Class 1 exactly where the calibrated P(class 1) reaches the threshold.
    for (let i = 0; i < p.values.length; i++) expect(p.values[i]).toBe(p.proba![i * 2 + 1]! >= t ? 1 : 0);
    // Isotonic calibration is a step function: few distinct probabilities.
    expect(new Set(Array.from({ length: p.values.length }, (_, i) => p.proba![i * 2 + 1])).size).toBeLessThan(300);
    const { json, buffers } = serializeModel(model);
    expect(Array.from((deserializeModel(json, buffers) as PredictorModel).predict(frame).proba!)).toEqual(Array.from(p.proba!));
  }, 60_000);

  it('sigmoid calibration keeps the argmax rule; a threshold on a multiclass target is a spec error', async () => {
    const { report } = await run(project('credit', 'credit.csv', 'calibration: sigmoid'));
    expect(report.decision).toMatchObject({ calibration: 'sigmoid', threshold: null });
    await expect(run(project('seattle-weather', 'seattle-weather.csv', 'threshold: { recall: 0.9 }'))).rejects.toMatchObject({ code: 'spec.threshold_not_binary' });
  }, 60_000);

  it('applies group thresholds when the spec allows it and a fairness gate fails on out-of-fold predictions', async () => {
    const dir = project('credit', 'credit.csv', '');
    writeFileSync(path.join(dir, 'specml.yaml'), readFileSync(path.join(dir, 'specml.yaml'), 'utf8').replace('bands: { Age: [30, 40, 50] }', 'bands: { Age: [30, 40, 50] }\n  mitigation: group_thresholds'));
    const { report, summary } = await run(dir);
    expect(summary.mitigation).toMatchObject({ applied: true, constraint: 'demographic_parity', tolerance: 0.1 });
    const m = summary.mitigation!;
    // Fitted on training rows only: on the holdout the gap may or may not shrink (here it does not
    // for every attribute); the report shows the mitigated model's numbers either way.
    expect(m.after.gap).not.toBeNull();
    expect(report.fairness!.find((f) => f.attribute === m.attribute)!.metrics['demographic_parity_difference']).toBeCloseTo(m.after.gap!, 12);
    // The package decides with each group's own threshold.
    const { manifest, model } = await loadModelPackage(summary.model.package);
    const frame = coerceToSchema(await readTable(path.join(dir, 'credit.csv')), manifest.input.schema).frame;
    const pr = model.predict(frame);
    const g = sensitiveGroups(frame, { column: m.attribute, ...(m.attribute === 'Age' ? { bands: [30, 40, 50] } : {}) });
    expect(new Set(Object.values(m.thresholds)).size).toBeGreaterThan(1);
    for (let i = 0; i < pr.values.length; i++) expect(pr.values[i]).toBe(pr.proba![i * 2 + 1]! >= (m.thresholds[g.labels[g.codes[i]!]!] ?? 0.5) ? 1 : 0);
  }, 60_000);

  it('a spec whose data file is missing is a spec error naming the field, before any run is recorded', async () => {
    const dir = project('credit', 'credit.csv', '');
    writeFileSync(path.join(dir, 'specml.yaml'), readFileSync(path.join(dir, 'specml.yaml'), 'utf8').replace('train: credit.csv', 'train: nope.csv'));
    await expect(run(dir)).rejects.toMatchObject({ code: 'spec.data_not_found', message: expect.stringContaining("data.train 'nope.csv' does not exist") });
  });
});
