/**
 * The whole loop on real data (the credit example): a champion trained only on applicants without
 * a record of earlier defaults serves with its log on and a watched challenger alias; a stream of
 * applicants *with* such records arrives (they default far more often), with their outcomes as
 * feedback; `specml monitor` finds the drift in the prediction log and retrains through the spec's
 * gates on data that now includes such applicants; the
 * challenger, significantly better on the window, goes to NAME@challenger; the running server
 * canaries it and promotes it, moving the champion alias. Every step is in the registry history.
 * And a challenger that fails a gate goes nowhere.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/track/index.js';
import { ROOT, runCli } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'specml-loop-'));
const lines = readFileSync(path.join(ROOT, 'examples/credit/credit.csv'), 'utf8').trim().split('\n');
const header = lines[0]!.split(',');
const RECORDS = header.indexOf('Records');
const rows = lines.slice(1);
const write = (name: string, body: string[]): string => {
  writeFileSync(path.join(tmp, name), [lines[0], ...body].join('\n') + '\n');
  return name;
};
// Old: applicants without earlier records. Those with records split in two: half joins the new
// training data, the other half is the stream the server sees (never trained on by either model).
const withRecords = rows.filter((l) => l.split(',')[RECORDS] === 'yes');
const old = rows.filter((l) => l.split(',')[RECORDS] === 'no');
write('old.csv', old);
write('new.csv', [...old, ...withRecords.filter((_, i) => i % 2 === 0)]);
const stream = withRecords.filter((_, i) => i % 2 === 1);
const SPEC = `name: credit-risk
data: { train: old.csv, target: Status }
metric: log_loss
models: [gbdt]
budget: { preset: fast }
gates:
  - log_loss <= 0.6
deploy: { name: credit-risk, alias: champion }
monitor:
  window: "1000"
  rules: [drift.detected]
  retrain: true
`;
writeFileSync(path.join(tmp, 'specml.yaml'), SPEC);
const env = { SPECML_STORE: `sqlite:${path.join(tmp, '.specml', 'store.db')}` };
const cli = (args: string[]) => runCli(args, { cwd: tmp, env });

let server: ChildProcess | undefined;
const stderr: string[] = [];
afterAll(() => server?.kill('SIGTERM'));

const input = (l: string): Record<string, unknown> => {
  const cells = l.split(',');
  return Object.fromEntries(header.flatMap((h, j) => (h === 'Status' ? [] : [[h, cells[j] === '' ? null : /^-?\d+(\.\d+)?$/.test(cells[j]!) ? Number(cells[j]) : cells[j]]])));
};
interface Answer {
  version: string;
  predictions: { id: string }[];
  accepted: number;
}
const post = async (url: string, body: unknown): Promise<{ status: number; body: Answer }> => {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as Answer };
};
async function until(what: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error(`timed out; server said:\n${stderr.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('drift -> retrain -> gates -> canary -> promote', () => {
  it('runs the loop end to end on the credit data', async () => {
    const run = cli(['run', 'specml.yaml']);
    expect(run.code, run.stderr).toBe(0);

    server = spawn(process.execPath, [path.join(ROOT, 'bin/specml.js'), 'serve', '--model', 'credit-risk@champion', '--challenger', 'credit-risk@challenger', '--rollout', 'canary', '--canary-steps', '50,100', '--min-requests', '20', '--max-p99-ms', '2000', '--reload-seconds', '1', '--port', '0', '--json'], { cwd: tmp, env: { ...process.env, ...env, SPECML_SERVE_TOKEN: '' } });
    server.stderr!.on('data', (d) => stderr.push(String(d)));
    const url = JSON.parse(await new Promise<string>((resolve) => createInterface({ input: server!.stdout! }).once('line', resolve))).url as string;
    await until(() => stderr.join('').includes('does not exist yet'), 5000);

    // The drifting stream, each answer's outcome sent back as feedback.
    const labels: { id: string; label: string }[] = [];
    for (const l of stream) {
      const r = await post(`${url}/v1/models/credit-risk/predict`, { rows: [input(l)] });
      expect(r.status).toBe(200);
      expect(r.body.version).toBe('v1');
      labels.push({ id: r.body.predictions[0]!.id, label: l.split(',')[0]! });
    }
    expect((await post(`${url}/v1/models/credit-risk/feedback`, { labels })).body.accepted).toBe(stream.length);

    const mon = cli(['monitor', '--model', 'credit-risk@champion', '--spec', 'specml.yaml', '--retrain-data', 'new.csv', '--no-domain', '--json']);
    expect(mon.code, mon.stderr).toBe(1);
    const j = JSON.parse(mon.stdout);
    expect(j.window.rows).toBe(stream.length);
    expect(j.drift.detected).toBe(true);
    expect(j.drift.drifted_features).toContain('Records');
    // Weighted by the run's permutation importance (evaluation.json).
    expect(j.drift.importance_drifted).toBeGreaterThan(0);
    expect(j.drift.importance_drifted).toBeLessThanOrEqual(1);
    expect(j.performance.labelled_rows).toBe(stream.length);
    expect(j.retrain.decision, JSON.stringify(j.retrain)).toBe('canary');
    expect(j.retrain.challenger).toMatchObject({ version: 2, gatesPassed: true });
    // Trained on such applicants, the challenger's probabilities fit them far better.
    expect(j.retrain.comparison).toMatchObject({ metric: 'log_loss', rows: stream.length, overlap: 0, better: true });
    expect(j.retrain.comparison.challenger).toBeLessThan(j.retrain.comparison.champion);

    // The running server picks the challenger up and canaries it; healthy, it is promoted (the
    // latency guard is loose: this tests the loop, not a slow CI machine's tail).
    await until(() => stderr.join('').includes('canary of v2 beside v1'), 10_000);
    const versions = new Set<string>();
    for (let i = 0; i < 300 && !stderr.join('').includes('credit-risk@champion -> v2'); i++) {
      const r = await post(`${url}/v1/models/credit-risk/predict`, { rows: [input(stream[i % stream.length]!)] });
      expect(r.status).toBe(200);
      versions.add(r.body.version);
    }
    expect(versions).toEqual(new Set(['v1', 'v2']));
    await until(() => stderr.join('').includes('credit-risk@champion -> v2'), 5000);
    const rollout = (await (await fetch(`${url}/v1/models/credit-risk/rollout`)).json()) as { state: unknown };
    expect(rollout.state).toEqual({ mode: 'single', champion: 'v2' });

    const store = await openStore(env.SPECML_STORE);
    try {
      expect(await store.aliases('credit-risk')).toEqual({ champion: 2, challenger: 2 });
      const history = await store.history('credit-risk');
      expect(history.map((h) => `${h.alias} ${h.from ?? '-'}->${h.to}`)).toEqual(['champion -->1', 'challenger -->2', 'champion 1->2']);
      expect(history[1]!.reason).toMatch(/^retrain run \S+: all gates passed; log_loss [\d.]+ vs [\d.]+ on \d+ window rows/);
      const runs = await store.listRuns({});
      expect(runs.find((r) => r.tags['retrain_of'] === 'credit-risk@v1')).toBeDefined();
    } finally {
      await store.close();
    }
  }, 180_000);

  it('moves nothing when the challenger fails a gate', () => {
    writeFileSync(path.join(tmp, 'strict.yaml'), SPEC.replace('log_loss <= 0.6', 'log_loss <= 0.1'));
    const before = cli(['models', 'history', 'credit-risk', '--json']);
    const r = cli(['retrain', 'strict.yaml', '--data', 'new.csv', '--window', write('window.csv', stream), '--json']);
    expect(r.code, r.stderr).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.decision).toBe('rejected');
    expect(j.challenger.gatesPassed).toBe(false);
    expect(j.reasons[0]).toMatch(/failed 1 of 1 gates: log_loss <= 0.1/);
    expect(cli(['models', 'history', 'credit-risk', '--json']).stdout).toBe(before.stdout);
  }, 120_000);
});
