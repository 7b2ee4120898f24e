import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSpec } from './run.js';

describe('specml run on a time-ordered multiclass example (seattle-weather)', () => {
  it('holds out the latest days, validates forward in time, and reports a metric the holdout cannot define instead of failing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'specml-time-'));
    const ex = new URL('../../../examples/seattle-weather/', import.meta.url);
    copyFileSync(new URL('seattle-weather.csv', ex), path.join(dir, 'seattle-weather.csv'));
    writeFileSync(path.join(dir, 'specml.yaml'), readFileSync(new URL('specml.yaml', ex), 'utf8').replace(/^gates:/m, 'models: [linear]\nbudget: { units: 5 }\ngates:'));
    const { report, summary } = await runSpec({ spec: path.join(dir, 'specml.yaml'), store: `sqlite:${path.join(dir, 'store.db')}`, reportsDir: path.join(dir, 'reports') });
    expect(report.data.splitMethod).toMatch(/^the latest \d+ rows by date held out$/);
    expect(report.data.cvMethod).toMatch(/forward-in-time/);
    // The last 20% of 2012-2015 lacks one of the five weather kinds: one-vs-rest ROC AUC is undefined there.
    const missing = report.holdout.unavailable?.map((u) => u.metric) ?? [];
    expect(missing).toContain('roc_auc');
    expect(summary.holdout.metrics['roc_auc']).toBeUndefined();
    expect(summary.gates[0]).toMatchObject({ gate: 'f1_macro >= 0.5' });
    expect(typeof summary.gates[0]!.measured).toBe('number');
  }, 60_000);
});
