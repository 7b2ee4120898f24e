/**
 * `specml run` end to end, as a user runs it: the credit example (binary, fairness gates on Age
 * bands and Marital), exit codes that follow the gates, the registry alias moved only on a pass,
 * NAME@ALIAS usable by `specml predict`, the project notes, and a kill -9 in the middle of a run.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, STACK_TRACE } from './run-cli.js';

function project(spec: string): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'specml-run-'));
  copyFileSync(path.join(ROOT, 'examples/credit/credit.csv'), path.join(dir, 'credit.csv'));
  writeFileSync(path.join(dir, 'specml.yaml'), spec);
  return { dir, env: { SPECML_STORE: `sqlite:${path.join(dir, 'store', 'store.db')}` } };
}

const CREDIT = readFileSync(path.join(ROOT, 'examples/credit/specml.yaml'), 'utf8');
// Three AutoML configurations (15 units at 5 folds) keep the test quick; the example spec uses the balanced preset.
const QUICK = CREDIT.replace('split: {', 'models: [gbdt, linear]\nbudget: { units: 15 }\nsplit: {');

describe('specml run on the credit example', () => {
  const { dir, env } = project(QUICK);
  const r = runCli(['run', 'specml.yaml', '--json'], { cwd: dir, env });
  const doc = r.stdout ? JSON.parse(r.stdout) : {};

  it('exits 0 exactly when every gate passed, and says so in the JSON', () => {
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(doc.ok, r.stderr).toBe(true);
    expect(doc.gates.map((g: { gate: string }) => g.gate)).toEqual(['roc_auc >= 0.80', 'demographic_parity_difference <= 0.10', 'beats: baseline', 'p99_latency_ms <= 20']);
    expect(doc.passed).toBe(doc.gates.every((g: { passed: boolean }) => g.passed));
    expect(r.code).toBe(doc.passed ? 0 : 1);
  });

  it('reports every holdout metric with a CI, fairness per attribute, the leaderboard and the report', () => {
    expect(doc.run_id).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);
    expect(doc.holdout.rows).toBe(891);
    for (const m of ['roc_auc', 'accuracy', 'f1', 'log_loss']) {
      const e = doc.holdout.metrics[m];
      expect(e.ci_low).toBeLessThanOrEqual(e.value);
      expect(e.ci_high).toBeGreaterThanOrEqual(e.value);
    }
    expect(Object.keys(doc.fairness)).toEqual(expect.arrayContaining(['Age', 'Marital']));
    expect(typeof doc.fairness.Age.demographic_parity_difference).toBe('number');
    // Every configuration AutoML finished is a row (plus the ensemble of them and the baseline); the selected one is a real model.
    expect(doc.leaderboard.filter((c: { name: string }) => /^(gbdt|linear)_/.test(c.name))).toHaveLength(3);
    expect(doc.leaderboard.some((c: { name: string }) => c.name === 'ensemble')).toBe(true);
    expect(doc.leaderboard.find((c: { selected: boolean }) => c.selected).cv_mean).toBeGreaterThan(0.75);
    expect(doc.automl).toMatchObject({ preset: 'balanced', units: 15, units_used: 15, trials: 3, max_time_note: null });
    expect(doc.automl.reason).toMatch(/significantly better|simpler model wins|best single/);
    // Every trial is in the store: its fold scores as metrics, the whole search as the run's automl param.
    const run = JSON.parse(runCli(['runs', 'show', doc.run_id, '--json'], { cwd: dir, env }).stdout).run;
    const trialKeys = new Set(run.metrics.map((m: { key: string }) => m.key).filter((k: string) => k.startsWith('trial.')));
    expect(trialKeys.size).toBe(3);
    for (const k of trialKeys) expect(k).toMatch(/^trial\.(gbdt|linear)_[a-z0-9_]+\.cv_roc_auc$/);
    expect(run.params.automl.trials).toHaveLength(3);
    expect(doc.leaderboard.find((c: { name: string }) => c.name === 'baseline').significantly_worse).toBe(true);
    expect(existsSync(path.join(dir, doc.report.html))).toBe(true);
    const card = readFileSync(path.join(doc.model.package, 'card.md'), 'utf8');
    expect(card).toContain('## Evaluation');
    expect(card).toMatch(/\| demographic_parity_difference <= 0.10 \| [\d.]+ \| (pass|FAIL) \|/);
    expect(readFileSync(path.join(dir, 'ACTIVE_TODOS.md'), 'utf8')).toContain(`## credit-risk: ${doc.passed ? 'PASSED' : 'FAILED'}`);
  });

  it('registers the model; when the gates passed it is usable as NAME@ALIAS', () => {
    expect(doc.model).toMatchObject({ name: 'credit-risk', version: 1, alias: doc.passed ? 'staging' : null });
    const models = JSON.parse(runCli(['models', 'list', '--json'], { cwd: dir, env }).stdout);
    expect(models.models[0]).toMatchObject({ name: 'credit-risk', latest: 1 });
    if (!doc.passed) return;
    const out = path.join(dir, 'scored.csv');
    const p = runCli(['predict', '--model', 'credit-risk@staging', '--input', 'credit.csv', '--output', out], { cwd: dir, env });
    expect(p.code, p.stderr).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('prediction,proba_good,proba_bad');
  });

  it('a failed gate exits 1, registers version 2 and leaves the alias where it was', () => {
    writeFileSync(path.join(dir, 'strict.yaml'), QUICK.replace('roc_auc >= 0.80', 'roc_auc >= 0.99').replace('models: [gbdt, linear]', 'models: [linear]'));
    const f = runCli(['run', 'strict.yaml', '--json'], { cwd: dir, env });
    expect(f.code, f.stderr).toBe(1);
    const d = JSON.parse(f.stdout);
    expect(d.passed).toBe(false);
    expect(d.gates[0]).toMatchObject({ gate: 'roc_auc >= 0.99', passed: false });
    expect(d.model).toMatchObject({ version: 2, alias: null });
    const aliases = JSON.parse(runCli(['models', 'list', '--json'], { cwd: dir, env }).stdout).models[0].aliases;
    expect(aliases.staging ?? null).toBe(doc.passed ? 1 : null);
    expect(readFileSync(path.join(dir, 'ACTIVE_TODOS.md'), 'utf8')).toMatch(/- \[ \] gate `roc_auc >= 0.99` fails/);
  });

  it('bad input exits 2 with a clear message: a sensitive column that is not in the data', () => {
    writeFileSync(path.join(dir, 'bad.yaml'), QUICK.replace('sensitive: [Age, Marital]', 'sensitive: [Age, Gender]'));
    const b = runCli(['run', 'bad.yaml'], { cwd: dir, env });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/fairness.sensitive names 'Gender', which is not a column/);
    expect(b.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('specml run survives kill -9', () => {
  it('a killed run leaves a readable store, is recorded as killed, and a rerun gives the same model as an uninterrupted run', async () => {
    // Every family, so the run is still cross-validating when it is killed.
    const { dir, env } = project(CREDIT);
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/specml.js'), 'run', 'specml.yaml'], { cwd: dir, env: { ...process.env, ...env }, stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const first = runCli(['run', 'specml.yaml', '--json'], { cwd: dir, env });
    const second = runCli(['run', 'specml.yaml', '--json'], { cwd: dir, env });
    expect([0, 1]).toContain(first.code);
    const a = JSON.parse(first.stdout);
    const b = JSON.parse(second.stdout);
    const runs = JSON.parse(runCli(['runs', 'list', '--json'], { cwd: dir, env }).stdout).runs as { id: string; status: string }[];
    const killed = runs.filter((x) => x.id !== a.run_id && x.id !== b.run_id);
    expect(killed).toHaveLength(1);
    // Killed mid-run (recorded as such by the next run), unless this machine finished it in 1.5 s.
    expect(['killed', 'finished']).toContain(killed[0]!.status);
    expect(runs.find((x) => x.id === a.run_id)!.status).toBe('finished');
    // Same data + spec + seed: the same holdout numbers and the same weights, bit for bit.
    expect(b.holdout.metrics).toEqual(a.holdout.metrics);
    const sha = (ref: string) => JSON.parse(runCli(['models', 'show', ref, '--json'], { cwd: dir, env }).stdout).model.packageSha256;
    expect(sha(`credit-risk@v${b.model.version}`)).toBe(sha(`credit-risk@v${a.model.version}`));
  }, 240_000);
});
