import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRules, parseRule, raiseAlerts } from './alerts.js';
import type { MonitorReport } from './monitor.js';

const report = {
  model: { name: 'credit', dir: '/m', task: 'binary' },
  window: { source: 'w.csv', rows: 500 },
  contract: { ok: true, issues: [] },
  drift: { detected: true, share_drifted: 0.25, drifted_features: ['Income'], prediction: { drifted: false } },
  domain: { auc: 0.61, drifted: true },
  performance: { metrics: { roc_auc: { value: 0.72, worse: true } } },
  estimated: { roc_auc: 0.8, accuracy: 0.7 },
} as unknown as MonitorReport;

describe('monitor rules', () => {
  it('parses PATH and PATH OP NUMBER, and refuses anything else with an example', () => {
    expect(parseRule('drift.detected')).toEqual({ text: 'drift.detected', path: 'drift.detected' });
    expect(parseRule(' performance.roc_auc < 0.75 ')).toEqual({ text: 'performance.roc_auc < 0.75', path: 'performance.roc_auc', op: '<', value: 0.75 });
    expect(() => parseRule('roc_auc is low')).toThrow(/not PATH or PATH OP NUMBER/);
    expect(() => checkRules(['drift.nonsense'], report)).toThrow(/names nothing in a monitoring report/);
  });

  it('trips on the report values; unknown values (no labels) never trip', () => {
    const tripped = checkRules(['drift.detected', 'drift.share_drifted > 0.3', 'domain.auc >= 0.6', 'performance.roc_auc < 0.75', 'performance.roc_auc.worse', 'estimated.roc_auc < 0.75', 'prediction.drifted', 'performance.accuracy < 0.9', 'contract.broken'], report);
    expect(tripped.map((t) => t.rule)).toEqual(['drift.detected', 'domain.auc >= 0.6', 'performance.roc_auc < 0.75', 'performance.roc_auc.worse']);
  });
});

describe('raiseAlerts', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  const listen = async (answer: (n: number) => number): Promise<{ url: string; bodies: unknown[] }> => {
    const bodies: unknown[] = [];
    server = createServer((req, res) => {
      let b = '';
      req.on('data', (c) => (b += c));
      req.on('end', () => {
        bodies.push(JSON.parse(b));
        res.statusCode = answer(bodies.length);
        res.end();
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies };
  };

  it('logs the event as one JSON line and retries the webhook through 5xx answers', async () => {
    const { url, bodies } = await listen((n) => (n < 3 ? 503 : 204));
    const logFile = path.join(mkdtempSync(path.join(tmpdir(), 'specml-alerts-')), 'events.jsonl');
    const d = await raiseAlerts([{ rule: 'drift.detected', value: true }], report, { logFile, webhook: url, retryDelaysMs: [5, 5], now: new Date('2026-11-27T00:00:00Z') });
    expect(d!.webhook).toMatchObject({ ok: true, attempts: 3, status: 204 });
    expect(bodies).toHaveLength(3);
    const lines = readFileSync(logFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({ type: 'specml.monitor.alert', at: '2026-11-27T00:00:00.000Z', model: 'credit', window: 'w.csv', rules: [{ rule: 'drift.detected', value: true }], drifted_features: ['Income'] });
    expect(bodies[0]).toEqual(JSON.parse(lines[0]!));
  });

  it('does not retry a 4xx, reports an unreachable webhook without failing, and raises nothing when no rule tripped', async () => {
    const { url, bodies } = await listen(() => 400);
    const d = await raiseAlerts([{ rule: 'drift.detected', value: true }], report, { webhook: url, retryDelaysMs: [5, 5] });
    expect(d!.webhook).toMatchObject({ ok: false, attempts: 1, status: 400 });
    expect(bodies).toHaveLength(1);
    const down = await raiseAlerts([{ rule: 'drift.detected', value: true }], report, { webhook: 'http://127.0.0.1:9/none', retryDelaysMs: [5, 5], timeoutMs: 500 });
    expect(down!.webhook).toMatchObject({ ok: false, attempts: 3 });
    expect(down!.webhook!.error).toBeTruthy();
    expect(await raiseAlerts([], report, { webhook: url })).toBeUndefined();
  });
});
