import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../track/index.js';
import { runSpec } from './run.js';

const CREDIT = new URL('../../../examples/credit/', import.meta.url);

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'specml-resume-'));
  copyFileSync(new URL('credit.csv', CREDIT), path.join(dir, 'credit.csv'));
  const spec = readFileSync(new URL('specml.yaml', CREDIT), 'utf8').replace('split: {', 'models: [linear]\nbudget: { units: 10 }\nsplit: {');
  writeFileSync(path.join(dir, 'specml.yaml'), spec);
  return dir;
}

describe('resuming an interrupted run', () => {
  it('reuses the CV results the interrupted run finished and ends with the same model as an uninterrupted run', async () => {
    const dir = project();
    const store = `sqlite:${path.join(dir, '.specml', 'store.db')}`;
    const opts = { spec: path.join(dir, 'specml.yaml'), store, reportsDir: path.join(dir, 'reports') };
    // Interrupt once AutoML's two linear configurations are cross-validated (the baseline's CV is next).
    await expect(
      runSpec({
        ...opts,
        onStep: (s) => {
          if (s.startsWith('cross-validating baseline')) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    const steps: string[] = [];
    const resumed = await runSpec({ ...opts, onStep: (s) => steps.push(s) });
    expect(steps.filter((s) => s.startsWith('resuming: cross-validation of linear_'))).toHaveLength(2);
    expect(steps.some((s) => s.startsWith('trial '))).toBe(false);
    expect(steps.some((s) => s.startsWith('cross-validating baseline'))).toBe(true);

    // The same spec, uninterrupted, in another project.
    const clean = project();
    const fresh = await runSpec({ spec: path.join(clean, 'specml.yaml'), store: `sqlite:${path.join(clean, '.specml', 'store.db')}`, reportsDir: path.join(clean, 'reports') });
    expect(resumed.summary.holdout).toEqual(fresh.summary.holdout);
    expect(resumed.summary.leaderboard).toEqual(fresh.summary.leaderboard);
    const sha = async (uri: string, version: number) => {
      const s = await openStore(uri);
      try {
        return (await s.getModelVersion('credit-risk', version)).packageSha256;
      } finally {
        await s.close();
      }
    };
    expect(await sha(store, resumed.summary.model.version)).toBe(await sha(`sqlite:${path.join(clean, '.specml', 'store.db')}`, fresh.summary.model.version));

    const s = await openStore(store);
    const runs = await s.listRuns({});
    await s.close();
    expect(runs.map((r) => r.status)).toEqual(['finished', 'failed']);
    expect(runs[0]!.params['resumed_from']).toBe(runs[1]!.id);
  }, 120_000);
});
