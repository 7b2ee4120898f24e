/**
 * `specml monitor` end to end on the credit example: file windows (unchanged, a real covariate
 * shift, a broken data contract, a tiny window), a prediction-log window with feedback labels, the
 * spec's alert rules with their events log, the HTML report, and usage errors.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, type PredictionRecord } from '../../src/track/index.js';
import { ROOT, runCli, STACK_TRACE } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'specml-monitor-'));
const credit = path.join(ROOT, 'examples/credit/credit.csv');
const modelDir = path.join(tmp, 'credit');
const lines = readFileSync(credit, 'utf8').trim().split('\n');
const header = lines[0]!.split(',');
const col = (name: string): number => header.indexOf(name);

function csv(name: string, rows: string[], head = lines[0]!): string {
  const file = path.join(tmp, name);
  writeFileSync(file, [head, ...rows].join('\n') + '\n');
  return file;
}
const monitor = (args: string[], env: Record<string, string> = {}) => runCli(['monitor', '--model', modelDir, ...args], { cwd: tmp, env });
const json = (r: { stdout: string }) => JSON.parse(r.stdout);

beforeAll(() => {
  const t = runCli(['train', '--data', credit, '--target', 'Status', '--model', 'gbdt', '--trees', '30', '--out', modelDir]);
  expect(t.code, t.stderr).toBe(0);
}, 120_000);

describe('specml monitor on files', () => {
  it('finds no drift in a sample of the training distribution, and measures performance from its labels', () => {
    const r = monitor(['--data', csv('same.csv', lines.slice(1).filter((_, i) => i % 2 === 1)), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = json(r);
    expect(j.run_id).toBeUndefined(); // no store here, and none is created for the record
    expect(existsSync(path.join(tmp, '.specml', 'store.db'))).toBe(false);
    expect(j.drift.detected).toBe(false);
    expect(j.drift.features).toHaveLength(13);
    for (const f of j.drift.features) expect(Object.keys(f)).toEqual(expect.arrayContaining(['name', 'test', 'statistic', 'effect', 'p_value', 'drifted']));
    expect(j.contract.ok).toBe(true);
    expect(j.performance.labelled_rows).toBe(2227);
    expect(j.performance.metrics.roc_auc.value).toBeGreaterThan(0.8);
    expect(j.estimated.method).toBe('cbpe');
    expect(j.alerts.tripped).toEqual([]);
  });

  it('flags the covariate shift of applicants under 30 (exit 1), with Age and the domain classifier among the evidence', () => {
    const young = lines.slice(1).filter((l) => Number(l.split(',')[col('Age')]) < 30);
    const html = path.join(tmp, 'young.html');
    const r = monitor(['--data', csv('young.csv', young), '--json', '--html', html]);
    expect(r.code, r.stderr).toBe(1);
    const j = json(r);
    expect(j.drift.detected).toBe(true);
    expect(j.drift.drifted_features).toContain('Age');
    expect(j.drift.features.find((f: { name: string }) => f.name === 'Age')).toMatchObject({ test: 'ks', drifted: true });
    expect(j.domain.drifted).toBe(true);
    expect(j.alerts.tripped).toEqual([{ rule: 'drift.detected', value: true }]);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<h1>credit · monitoring<\/h1>/);
    expect(page).toMatch(/Drift detected in [^<]*Age/);
    expect(page.match(/<svg/g)!.length).toBeGreaterThan(3);
  });

  it('reports missing and retyped columns as a data-contract violation, not as drift', () => {
    const drop = [col('Income'), col('Job')];
    const head = header.filter((_, j) => !drop.includes(j)).join(',');
    // Every fourth row (the file's order is not random: its first rows differ in Expenses).
    const rows = lines.slice(1).filter((_, i) => i % 4 === 0).map((l, i) => {
      const cells = l.split(',');
      if (i % 10 === 0) cells[col('Amount')] = 'about a thousand';
      return cells.filter((_, j) => !drop.includes(j)).join(',');
    });
    const r = monitor(['--data', csv('broken.csv', rows, head), '--json']);
    expect(r.code, r.stderr).toBe(1);
    const j = json(r);
    expect(j.contract.ok).toBe(false);
    const messages = j.contract.issues.map((i: { message: string }) => i.message).join('\n');
    expect(messages).toMatch(/column 'Income' \(integer\) is missing/);
    expect(messages).toMatch(/column 'Job' \(categorical\) is missing/);
    expect(messages).toMatch(new RegExp(`column 'Amount' was integer in training; ${Math.ceil(rows.length / 10)} values .* cannot be read as integer \\(e\\.g\\. "about a thousand"\\)`));
    const tested = j.drift.features.map((f: { name: string }) => f.name);
    expect(tested).not.toContain('Income');
    expect(tested).not.toContain('Amount');
    expect(j.drift.detected).toBe(false);
    expect(j.drift.prediction).toBeUndefined();
    const text = monitor(['--data', path.join(tmp, 'broken.csv'), '--no-domain']);
    expect(text.stdout).toMatch(/DATA CONTRACT VIOLATED \(not drift\)/);
  });

  it('says "not enough data" for a window of eight rows, even shifted', () => {
    const eight = lines.slice(1, 9).map((l) => {
      const cells = l.split(',');
      cells[col('Age')] = String(Number(cells[col('Age')]) + 40);
      return cells.join(',');
    });
    const r = monitor(['--data', csv('eight.csv', eight), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = json(r);
    expect(j.drift.status).toBe('insufficient_data');
    expect(j.drift.detected).toBe(false);
    expect(j.domain).toBeUndefined();
  });

  it("applies the spec's monitor rules and appends the alert to the events log", () => {
    const spec = path.join(tmp, 'specml.yaml');
    writeFileSync(spec, `data: { train: ${credit}, target: Status }\nmonitor:\n  drift: lenient\n  rules:\n    - drift.share_drifted > 0.4\n    - performance.roc_auc < 0.5\n`);
    const events = path.join(tmp, 'events.jsonl');
    const r = monitor(['--data', path.join(tmp, 'young.csv'), '--spec', spec, '--events', events, '--no-domain', '--json']);
    expect(r.code, r.stderr).toBe(1);
    const j = json(r);
    expect(j.drift.sensitivity).toBe('lenient');
    expect(j.alerts.tripped.map((t: { rule: string }) => t.rule)).toEqual(['drift.share_drifted > 0.4']);
    const ev = readFileSync(events, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ type: 'specml.monitor.alert', model: 'credit', rules: [{ rule: 'drift.share_drifted > 0.4' }] });
    // A feature's own band, and a band for a feature the model does not have.
    writeFileSync(spec, `data: { train: ${credit}, target: Status }\nmonitor:\n  bands: { features: { Age: 5 } }\n`);
    const own = json(monitor(['--data', path.join(tmp, 'young.csv'), '--spec', spec, '--no-domain', '--json']));
    expect(own.drift.features.find((f: { name: string }) => f.name === 'Age')).toMatchObject({ band: 5, drifted: false });
    writeFileSync(spec, `data: { train: ${credit}, target: Status }\nmonitor:\n  bands: { features: { Agee: 0.2 } }\n`);
    const typo = monitor(['--data', path.join(tmp, 'young.csv'), '--spec', spec, '--no-domain']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/monitor.bands.features names 'Agee', which is not one of the model's inputs/);
  });

  it('turns usage mistakes into exit 2 with a hint and no stack trace', () => {
    for (const [args, message] of [
      [['--window', 'yesterday'], /--window 'yesterday' is neither a time span nor a count/],
      [['--window', '1d', '--data', credit], /--data and --window both give the window/],
      [['--data', credit, '--rule', 'roc_auc is low'], /monitor rule 'roc_auc is low' is not PATH or PATH OP NUMBER/],
      [['--data', credit, '--sensitivity', 'paranoid'], /--sensitivity 'paranoid' is not a level/],
      [['--data', path.join(tmp, 'nope.csv')], /nope\.csv/],
      [['--data', csv('header-only.csv', [])], /header-only\.csv: no rows to monitor/],
      [['--data', credit, '--webhook', 'hooks.example.com'], /--webhook 'hooks\.example\.com' is not an http\(s\) URL/],
    ] as const) {
      const r = monitor([...args]);
      expect(r.code, r.stdout).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_TRACE);
    }
  });
});

describe('specml monitor on the prediction log', () => {
  it('reads the latest predictions of the model, joins feedback labels, and refuses an empty log with a hint', async () => {
    const storeUri = `sqlite:${path.join(tmp, 'store', 'store.db')}`;
    const env = { SPECML_STORE: storeUri };
    const empty = await openStore(storeUri);
    await empty.close();
    const none = monitor(['--window', '1d'], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/prediction log of credit, last 1d is empty[\s\S]*specml serve/);

    // 1,200 served predictions whose Income is half again what it was in training.
    const store = await openStore(storeUri);
    const now = Date.now();
    const records: PredictionRecord[] = lines.slice(1, 1201).map((l, i) => {
      const cells = l.split(',');
      const input = Object.fromEntries(header.flatMap((h, j) => (h === 'Status' ? [] : [[h, cells[j] === '' ? null : /^-?\d+(\.\d+)?$/.test(cells[j]!) ? Number(cells[j]) * (h === 'Income' ? 1.5 : 1) : cells[j]!]])));
      return { id: `req-${i}/0`, role: 'served', model: 'credit', version: 'v1', at: now - 1000 * (1200 - i), input, output: { prediction: 'good' }, latencyMs: 1, requestId: `req-${i}` };
    });
    await store.logPredictions(records);
    await store.addFeedback('credit', records.slice(0, 600).map((r, i) => ({ id: r.id, label: lines[1 + i]!.split(',')[0]! })));
    await store.close();

    const r = monitor(['--window', '1000', '--json', '--no-domain'], env);
    expect(r.code, r.stderr).toBe(1);
    const j = json(r);
    expect(j.window).toEqual({ source: 'prediction log of credit, latest 1000 predictions', rows: 1000 });
    expect(j.drift.drifted_features).toContain('Income');
    // Labels came for rows 0-599; the window holds rows 200-1199, so 400 are labelled.
    expect(j.performance.labelled_rows).toBe(400);
    expect(existsSync(path.join(tmp, '.specml', 'monitor-events.jsonl'))).toBe(true);

    // Performance per 5-minute period of the 1,000 s window: labels cover its first 400 rows.
    const per = monitor(['--window', '1000', '--every', '5m', '--json', '--no-domain', '--no-record'], env);
    const periods = json(per).over_time as { rows: number; labelled: number; metrics?: Record<string, { value: number }>; estimated?: { roc_auc: number } }[];
    expect(periods.map((p) => [p.rows, p.labelled])).toEqual([
      [300, 300],
      [300, 100],
      [300, 0],
      [100, 0],
    ]);
    expect(periods[0]!.metrics!['roc_auc']!.value).toBeGreaterThan(0.5);
    expect(periods[2]!.metrics).toBeUndefined();
    expect(periods.every((p) => p.estimated !== undefined)).toBe(true);
    expect(monitor(['--data', credit, '--every', '1d']).stderr).toMatch(/--every '1d' needs a time span and a prediction-log window/);
    // Recorded as a run in the store: `specml runs` follows monitoring over time.
    const check = await openStore(storeUri);
    try {
      const run = (await check.listRuns({ experiment: 'monitor/credit' }))[0]!;
      expect(run.id).toBe(j.run_id);
      expect(run.tags).toMatchObject({ kind: 'monitor', model: 'credit' });
      const metric = (k: string) => run.metrics.find((m) => m.key === k)?.value;
      expect(metric('drift_detected')).toBe(1);
      expect(metric('window_rows')).toBe(1000);
      expect(metric('share_drifted')).toBe(j.drift.share_drifted);
      expect(metric('window_roc_auc')).toBe(j.performance.metrics.roc_auc.value);
    } finally {
      await check.close();
    }
    expect(runCli(['runs', 'list'], { cwd: tmp, env }).stdout).toMatch(/monitor\/credit\s+finished .* drift_detected=1 share_drifted=[\d.]+ window_rows=1000/);
  });
});
