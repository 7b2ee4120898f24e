/**
 * `specml serve` over real HTTP on loopback: a GBDT package trained on the credit example, served
 * by the CLI in a child process; every route, the same predictions as `specml predict`, and every
 * bad input a 4xx with a precise message while the server stays up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/track/index.js';
import { ROOT, runCli } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'specml-serve-'));
const credit = path.join(ROOT, 'examples/credit/credit.csv');
const modelDir = path.join(tmp, 'credit');
const BIN = path.join(ROOT, 'bin/specml.js');

interface Server {
  proc: ChildProcess;
  url: string;
  name: string;
}

const storeUri = `sqlite:${path.join(tmp, 'store', 'store.db')}`;

async function start(args: string[], store = storeUri): Promise<Server & { version: string }> {
  const proc = spawn(process.execPath, [BIN, 'serve', '--model', modelDir, '--port', '0', '--json', ...args], { cwd: ROOT, env: { ...process.env, SPECML_SERVE_TOKEN: '', SPECML_STORE: store } });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  const doc = JSON.parse(line);
  return { proc, url: doc.url, name: doc.models[0].name, version: doc.models[0].version };
}

// The first rows of the credit data as JSON rows (numbers as numbers, categories as strings, empty as null).
const lines = readFileSync(credit, 'utf8').trim().split('\n');
const header = lines[0]!.split(',');
const ROWS = lines.slice(1, 6).map((l) => {
  const cells = l.split(',');
  const row: Record<string, unknown> = {};
  header.forEach((h, j) => {
    if (h === 'Status') return;
    const v = cells[j]!;
    row[h] = v === '' || v === 'NA' ? null : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  });
  return row;
});

let server: Server;

beforeAll(async () => {
  const t = runCli(['train', '--data', credit, '--target', 'Status', '--model', 'gbdt', '--trees', '30', '--out', modelDir]);
  expect(t.code, t.stderr).toBe(0);
  // The shared server fsyncs its log (power); the SIGKILL test below runs the default (crash).
  server = await start(['--log-durability', 'power']);
}, 120_000);

afterAll(() => {
  server?.proc.kill('SIGTERM');
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/**
 * A POST that announces `bytes` of body and sends only a little, over a raw socket: the server must
 * answer 413 from the announced length without waiting for (or buffering) the body. (A real client
 * streaming a huge body gets the same 413, but Node's client reports the server's early close as
 * EPIPE instead of showing it.)
 */
function announceHuge(url: string, bytes: number): Promise<Response> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = connect(Number(u.port), u.hostname, () => {
      sock.write(`POST ${u.pathname} HTTP/1.1\r\nHost: ${u.host}\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n{"rows":[`);
    });
    let raw = '';
    sock.setEncoding('utf8');
    sock.on('data', (c: string) => {
      raw += c;
      const [head, body] = raw.split('\r\n\r\n');
      const len = Number(/content-length: (\d+)/i.exec(head ?? '')?.[1] ?? NaN);
      if (body !== undefined && body.length >= len) {
        sock.destroy();
        resolve(new Response(body, { status: Number(head!.split(' ')[1]) }));
      }
    });
    sock.on('error', reject);
  });
}

/** Predictions without their ids (each request gets new ones), to compare answers. */
const strip = (ps: { id: string }[]) => ps.map(({ id: _id, ...rest }) => rest);

/** A response's JSON body, untyped (the assertions check its shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(r: Response | Promise<Response>): Promise<any> {
  return (await r).json();
}

describe('specml serve', () => {
  it('answers health, readiness, metadata and OpenAPI', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await json(fetch(`${server.url}/readyz`))).toMatchObject({ status: 'ready', models: [{ name: server.name }] });
    const meta = await json(fetch(`${server.url}/v1/models/${server.name}`));
    expect(meta).toMatchObject({ task: 'binary', classes: ['bad', 'good'], outputs: ['prediction', 'proba_bad', 'proba_good'] });
    const api = await json(fetch(`${server.url}/openapi.json`));
    expect(api.openapi).toBe('3.1.0');
    expect(api.paths[`/v1/models/${server.name}/predict`].post.requestBody.content['application/json'].schema.oneOf[0].properties.rows.items.required).toContain('Seniority');
  });

  it('predicts one row and a batch, by rows or columns, exactly as specml predict does', async () => {
    const csv = path.join(tmp, 'five.csv');
    writeFileSync(csv, lines.slice(0, 6).join('\n') + '\n');
    const out = path.join(tmp, 'five-pred.csv');
    expect(runCli(['predict', '--model', modelDir, '--input', csv, '--output', out]).code).toBe(0);
    const expected = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));

    const one = await post(`${server.url}/v1/models/${server.name}/predict`, { rows: [ROWS[0]] });
    expect(one.status).toBe(200);
    const p1 = (await json(one)).predictions;
    expect(p1).toHaveLength(1);
    expect(p1[0].prediction).toBe(expected[0]![0]);
    expect(p1[0].proba_bad).toBeCloseTo(Number(expected[0]![1]), 12);

    const batch = (await json(post(`${server.url}/v1/models/${server.name}/predict`, { rows: ROWS }))).predictions;
    expect(batch.map((p: { prediction: string }) => p.prediction)).toEqual(expected.map((e) => e[0]));
    const columns = Object.fromEntries(Object.keys(ROWS[0]!).map((k) => [k, ROWS.map((r) => r[k])]));
    const byCols = (await json(post(`${server.url}/v1/models/${server.name}/predict`, { columns }))).predictions;
    expect(strip(byCols)).toEqual(strip(batch));
  });

  it('speaks the Open Inference Protocol (V2) and the SageMaker contract', async () => {
    expect(await json(fetch(`${server.url}/v2/health/live`))).toEqual({ live: true });
    expect((await fetch(`${server.url}/v2/health/ready`)).status).toBe(200);
    const meta = await json(fetch(`${server.url}/v2/models/${server.name}`));
    expect(meta.inputs.find((i: { name: string }) => i.name === 'Seniority')).toMatchObject({ datatype: 'INT64', shape: [-1] });
    expect(meta.inputs.find((i: { name: string }) => i.name === 'Home')).toMatchObject({ datatype: 'BYTES' });
    const inputs = Object.keys(ROWS[0]!).map((k) => ({ name: k, shape: [ROWS.length], datatype: typeof ROWS[0]![k] === 'number' ? 'FP64' : 'BYTES', data: ROWS.map((r) => r[k]) }));
    const res = await post(`${server.url}/v2/models/${server.name}/infer`, { id: 'req-1', inputs });
    expect(res.status).toBe(200);
    const v2 = await json(res);
    expect(v2).toMatchObject({ model_name: server.name, id: 'req-1' });
    const rest = (await json(post(`${server.url}/v1/models/${server.name}/predict`, { rows: ROWS }))).predictions;
    expect(v2.outputs.find((o: { name: string }) => o.name === 'proba_bad').data).toEqual(rest.map((p: { proba_bad: number }) => p.proba_bad));
    expect((await fetch(`${server.url}/ping`)).status).toBe(200);
    const sm = await post(`${server.url}/invocations`, { rows: ROWS.slice(0, 2) });
    expect(strip((await json(sm)).predictions)).toEqual(strip(rest.slice(0, 2)));
    // CSV as SageMaker sends it: no header, the inputs in signature order; or with a header.
    const meta1 = await json(fetch(`${server.url}/v1/models/${server.name}`));
    const order: string[] = meta1.inputs.map((i: { name: string }) => i.name);
    const csvLine = (r: Record<string, unknown>) => order.map((n) => (r[n] === null ? '' : String(r[n]))).join(',');
    const csv = (text: string) => fetch(`${server.url}/invocations`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: text });
    expect(strip((await json(csv(ROWS.slice(0, 2).map(csvLine).join('\n')))).predictions)).toEqual(strip(rest.slice(0, 2)));
    expect(strip((await json(csv([order.join(','), ...ROWS.slice(0, 2).map(csvLine)].join('\n') + '\n'))).predictions)).toEqual(strip(rest.slice(0, 2)));
    const short = await csv('9,rent\n');
    expect(short.status).toBe(400);
    expect((await json(short)).error.message).toMatch(/record 0, '\(csv\)' expected 13 fields \(the model inputs in order\), got 2 fields/);
    const csvOnV1 = await fetch(`${server.url}/v1/models/${server.name}/predict`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: '1,2\n' });
    expect(csvOnV1.status).toBe(415);
  });

  it('turns every bad input into a 4xx that says what and where, and stays up', async () => {
    const url = `${server.url}/v1/models/${server.name}/predict`;
    const cases: [string, () => Promise<Response>, number, RegExp][] = [
      ['malformed JSON', () => post(url, '{"rows": [ {"Seniority": 9,'), 400, /not valid JSON|Unexpected|JSON/i],
      ['wrong type', () => post(url, { rows: [{ ...ROWS[0], Seniority: 'nine' }] }), 400, /row 0, field 'Seniority' expected number or null, got string "nine"/],
      ['missing field', () => post(url, { rows: [Object.fromEntries(Object.entries(ROWS[0]!).filter(([k]) => k !== 'Age'))] }), 400, /field 'Age' expected number or null, got nothing/],
      ['extra field', () => post(url, { rows: [{ ...ROWS[0], Agee: 3 }] }), 400, /field 'Agee' expected no such field/],
      ['NaN as a string', () => post(url, { rows: [{ ...ROWS[0], Income: 'NaN' }] }), 400, /field 'Income' expected number or null, got string "NaN"/],
      ['a nested value', () => post(url, { rows: [{ ...ROWS[0], Income: { $gt: 1 } }] }), 400, /field 'Income' expected number or null, got object/],
      ['no rows', () => post(url, { rows: [] }), 400, /expected at least one row/],
      ['not an object', () => post(url, [1, 2]), 400, /expected an object with "rows" or "columns", got array/],
      ['deeply nested JSON', () => post(url, '{"rows":' + '['.repeat(5000) + ']'.repeat(5000) + '}'), 400, /./],
      ['prototype pollution', () => post(url, '{"rows":[{"__proto__":{"polluted":true}}]}'), 400, /./],
      ['unknown model', () => post(`${server.url}/v1/models/nope/predict`, { rows: ROWS }), 404, /no model 'nope' is served here/],
      ['model name escaping the store', () => post(`${server.url}/v1/models/..%2F..%2Fetc/predict`, { rows: ROWS }), 404, /no model/],
      ['huge payload', () => announceHuge(url, 100_000_000), 413, /over the limit of 8388608 bytes/],
      ['wrong media type', () => fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Seniority=9' }), 415, /not accepted/],
    ];
    for (const [what, send, status, message] of cases) {
      const r = await send();
      const text = await r.text();
      expect(r.status, `${what}: ${text}`).toBe(status);
      const error = JSON.parse(text).error;
      expect(error.message, what).toMatch(message);
      expect(error.code, what).toMatch(/^serve\./);
    }
    // All problems of a request at once, each with row, field, expected and got.
    const many = await json(post(url, { rows: [{ ...ROWS[0], Age: 'x' }, { ...ROWS[1], Income: true }] }));
    expect(many.error.issues).toEqual([
      { row: 0, field: 'Age', expected: 'number or null', got: 'string "x"' },
      { row: 1, field: 'Income', expected: 'number or null', got: 'boolean true' },
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('counts requests, errors and latency per model version for Prometheus', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(new RegExp(`specml_requests_total\\{route="/v1/models/:name/predict",model="${server.name}",version="sha-[0-9a-f]{12}",status="200"\\} \\d+`));
    expect(text).toMatch(/specml_requests_total\{[^}]*status="400"\} \d+/);
    expect(text).toMatch(/specml_request_duration_seconds_bucket\{le="0.001",route="\/v1\/models\/:name\/predict"/);
    expect(text).toMatch(new RegExp(`specml_predicted_rows_total\\{model="${server.name}",version="sha-[0-9a-f]{12}"\\} \\d+`));
  });

  it('logs every answered prediction to the store and joins labels by prediction id', async () => {
    const r = await json(post(`${server.url}/v1/models/${server.name}/predict`, { rows: ROWS.slice(0, 3) }, { 'x-request-id': 'client-42' }));
    expect(r.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.predictions.map((p: { id: string }) => p.id)).toEqual([0, 1, 2].map((i) => `${r.request_id}/${i}`));
    const fb = await post(`${server.url}/v1/models/${server.name}/feedback`, { labels: [{ id: r.predictions[0].id, label: 'good' }, { id: 'no-such-id/0', label: 'bad' }] });
    expect(await json(fb)).toEqual({ accepted: 1, unknown: ['no-such-id/0'] });
    const none = await post(`${server.url}/v1/models/${server.name}/feedback`, { labels: [{ id: 'no-such-id/0', label: 'bad' }] });
    expect(none.status).toBe(404);
    expect((await json(none)).error.message).toMatch(/none of the 1 ids is a logged, unlabelled prediction/);
    expect((await post(`${server.url}/v1/models/${server.name}/feedback`, { labels: [{ id: 'x' }] })).status).toBe(400);
    const store = await openStore(storeUri);
    try {
      const logged = await store.listPredictions({ model: server.name });
      const mine = logged.filter((p) => p.requestId === r.request_id);
      expect(mine.map((p) => p.id)).toEqual(r.predictions.map((p: { id: string }) => p.id));
      expect(mine[0]).toMatchObject({ role: 'served', clientRequestId: 'client-42', input: ROWS[0], output: { prediction: r.predictions[0].prediction, proba_bad: r.predictions[0].proba_bad } });
      expect(await store.feedbackFor([r.predictions[0].id])).toEqual(new Map([[r.predictions[0].id, 'good']]));
    } finally {
      await store.close();
    }
  });

  it('loses no acknowledged prediction when the server is killed with SIGKILL', async () => {
    const killStore = `sqlite:${path.join(tmp, 'kill', 'store.db')}`;
    const s = await start([], killStore);
    const acked: string[] = [];
    const waves: string[][] = [];
    // Ten clients at a time, so predictions are committed in groups.
    for (let wave = 0; wave < 8; wave++) {
      const answers = await Promise.all(Array.from({ length: 10 }, () => json(post(`${s.url}/v1/models/${s.name}/predict`, { rows: [ROWS[wave % ROWS.length]] }))));
      for (const a of answers) acked.push(a.predictions[0].id);
      waves.push(answers.map((a) => a.predictions[0].id as string).sort());
    }
    // Request ids are time-ordered (UUIDv7): every id of a wave sorts after every id of the wave before.
    expect(acked[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\/0$/);
    for (let w = 1; w < waves.length; w++) expect(waves[w]![0]! > waves[w - 1]![9]!).toBe(true);
    // More requests in flight while it dies: those may or may not be logged, but were never acknowledged.
    const exited = new Promise((r) => s.proc.once('exit', r));
    const inflight = Array.from({ length: 10 }, () => post(`${s.url}/v1/models/${s.name}/predict`, { rows: [ROWS[0]] }).catch(() => undefined));
    s.proc.kill('SIGKILL');
    await exited;
    await Promise.all(inflight);
    const store = await openStore(killStore);
    try {
      const logged = new Set((await store.listPredictions({})).map((p) => p.id));
      expect(acked).toHaveLength(80);
      expect(acked.filter((id) => !logged.has(id))).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('answers 503, never an unlogged prediction, when the log cannot be written, and logs again once it can', async () => {
    const dir = path.join(tmp, 'unloggable');
    mkdirSync(dir, { recursive: true });
    // A file where the store's spool folder must go: every append fails until it is gone.
    const blocker = path.join(dir, 'store.db.spool');
    writeFileSync(blocker, '');
    const s = await start([], `sqlite:${path.join(dir, 'store.db')}`);
    try {
      const r = await post(`${s.url}/v1/models/${s.name}/predict`, { rows: [ROWS[0]] });
      expect(r.status).toBe(503);
      const body = await json(r);
      expect(body.error.code).toBe('serve.log_failed');
      expect(body.error.message).toMatch(/prediction log.*retry/);
      expect(body).not.toHaveProperty('predictions');
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
      rmSync(blocker);
      const ok = await json(post(`${s.url}/v1/models/${s.name}/predict`, { rows: [ROWS[0]] }));
      const store = await openStore(`sqlite:${path.join(dir, 'store.db')}`);
      try {
        expect((await store.listPredictions({})).map((p) => p.id)).toEqual([ok.predictions[0].id]);
      } finally {
        await store.close();
      }
    } finally {
      s.proc.kill('SIGTERM');
      await new Promise((r) => s.proc.once('exit', r));
    }
  });

  describe('rollout', () => {
    const healthy = path.join(tmp, 'challenger');
    const failing = path.join(tmp, 'failing');
    beforeAll(() => {
      expect(runCli(['train', '--data', credit, '--target', 'Status', '--model', 'gbdt', '--trees', '40', '--out', healthy]).code).toBe(0);
      // A challenger whose input contract changed (it needs a column clients do not send): every request it gets fails.
      const extra = path.join(tmp, 'credit-extra.csv');
      writeFileSync(extra, lines.map((l, i) => `${l},${i === 0 ? 'Extra' : i % 7}`).join('\n') + '\n');
      expect(runCli(['train', '--data', extra, '--target', 'Status', '--model', 'gbdt', '--trees', '30', '--out', failing]).code).toBe(0);
    }, 120_000);
    /** A registry (in tmp/DIR) holding credit v1 (modelDir) and v2 (healthy), champion -> v1; its store URI. */
    const registry = async (dir: string): Promise<string> => {
      const uri = `sqlite:${path.join(tmp, dir, 'store.db')}`;
      const st = await openStore(uri);
      try {
        await st.registerModel({ name: 'credit', packageDir: modelDir, packageSha256: 'a' });
        await st.registerModel({ name: 'credit', packageDir: healthy, packageSha256: 'b' });
        await st.setAlias('credit', 'champion', 1, { reason: 'test' });
      } finally {
        await st.close();
      }
      return uri;
    };
    const predictOnce = async (s: Server, headers: Record<string, string> = {}) => {
      const r = await post(`${s.url}/v1/models/${s.name}/predict`, { rows: [ROWS[0]] }, headers);
      expect(r.status).toBe(200);
      return json(r);
    };

    it('rolls a failing canary back automatically; every client still gets an answer', async () => {
      const s = await start(['--challenger', failing, '--rollout', 'canary', '--canary-steps', '50,100', '--min-requests', '5']);
      try {
        for (let i = 0; i < 30; i++) expect((await predictOnce(s)).version).toBe(s.version);
        const ro = await json(fetch(`${s.url}/v1/models/${s.name}/rollout`));
        expect(ro.state).toEqual({ mode: 'single', champion: s.version });
        expect(ro.events).toHaveLength(1);
        expect(ro.events[0].reason).toMatch(/^rollback: challenger error rate 100.00% is over 1.00%/);
      } finally {
        s.proc.kill('SIGTERM');
        await new Promise((r) => s.proc.once('exit', r));
      }
      // The store keeps the rollout's history: its start and the automatic rollback.
      const store = await openStore(storeUri);
      try {
        const events = await store.rolloutEvents(s.name);
        expect(events.slice(-2).map((e) => e.action)).toEqual(['start', 'rollback']);
        expect(events[events.length - 1]!.to).toEqual({ mode: 'single', champion: s.version });
      } finally {
        await store.close();
      }
    });

    it('promotes a healthy canary step by step', async () => {
      const s = await start(['--challenger', healthy, '--rollout', 'canary', '--canary-steps', '50,100', '--min-requests', '5', '--max-p99-ms', '1000']);
      try {
        const versions = new Set<string>();
        // Sticky keys, so the split is the same every run (without them, 1 run in 32 sent the
        // first five requests at 50% all to the challenger and the champion never answered).
        for (let i = 0; i < 60; i++) versions.add((await predictOnce(s, { 'x-rollout-key': `user-${i}` })).version);
        const ro = await json(fetch(`${s.url}/v1/models/${s.name}/rollout`));
        expect(ro.events.map((e: { reason: string }) => e.reason.split(':')[0])).toEqual(['advance', 'promote']);
        expect(ro.state.mode).toBe('single');
        expect(ro.state.champion).not.toBe(s.version);
        expect((await predictOnce(s)).version).toBe(ro.state.champion);
        expect(versions.size).toBe(2);
      } finally {
        s.proc.kill('SIGTERM');
      }
    });

    it('hot-reloads NAME@ALIAS when the alias moves, without a restart', async () => {
      const regStore = await registry('registry');
      const proc = spawn(process.execPath, [BIN, 'serve', '--model', 'credit@champion', '--port', '0', '--json', '--reload-seconds', '0.2', '--no-log'], { cwd: ROOT, env: { ...process.env, SPECML_STORE: regStore } });
      try {
        const doc = JSON.parse(await new Promise<string>((resolve) => createInterface({ input: proc.stdout! }).once('line', resolve)));
        const s = { proc, url: doc.url, name: 'credit' };
        expect((await predictOnce(s)).version).toBe('v1');
        const moved = runCli(['models', 'promote', 'credit@v2', '--to', 'champion', '--reason', 'better'], { env: { SPECML_STORE: regStore } });
        expect(moved.code, moved.stderr).toBe(0);
        let version = 'v1';
        for (let i = 0; i < 40 && version === 'v1'; i++) {
          await new Promise((r) => setTimeout(r, 100));
          version = (await predictOnce(s)).version;
        }
        expect(version).toBe('v2');
        expect((await json(fetch(`${s.url}/readyz`))).models).toEqual([{ name: 'credit', version: 'v2' }]);
      } finally {
        proc.kill('SIGTERM');
      }
    });

    it('a canary between registry versions that promotes moves the champion alias in the registry', async () => {
      const regStore = await registry('registry-canary');
      const args = ['serve', '--model', 'credit@champion', '--challenger', 'credit@v2', '--rollout', 'canary', '--canary-steps', '50,100', '--min-requests', '5', '--max-p99-ms', '1000', '--port', '0', '--json', '--no-log'];
      const proc = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, SPECML_STORE: regStore, SPECML_SERVE_TOKEN: '' } });
      let stderr = '';
      proc.stderr!.on('data', (d) => (stderr += String(d)));
      try {
        const doc = JSON.parse(await new Promise<string>((resolve) => createInterface({ input: proc.stdout! }).once('line', resolve)));
        const s = { proc, url: doc.url, name: 'credit' };
        for (let i = 0; i < 60; i++) await predictOnce(s);
        const ro = await json(fetch(`${s.url}/v1/models/credit/rollout`));
        expect(ro.state).toEqual({ mode: 'single', champion: 'v2' });
        let aliases: Record<string, number> = {};
        for (let i = 0; i < 40 && aliases['champion'] !== 2; i++) {
          await new Promise((r) => setTimeout(r, 100));
          const st2 = await openStore(regStore);
          aliases = await st2.aliases('credit').finally(() => st2.close());
        }
        expect(aliases['champion'], stderr).toBe(2);
        const st3 = await openStore(regStore);
        const history = await st3.history('credit').finally(() => st3.close());
        expect(history[history.length - 1]).toMatchObject({ alias: 'champion', reason: expect.stringMatching(/^canary promote: guards held/) });
        expect(stderr).toMatch(/credit@champion -> v2/);
      } finally {
        proc.kill('SIGTERM');
      }
    });

    it('A/B sticks by key; shadow answers with the champion and logs the challenger beside it', async () => {
      const ab = await start(['--challenger', healthy, '--rollout', 'ab', '--percent', '50']);
      try {
        const byKey = new Map<string, Set<string>>();
        for (let i = 0; i < 40; i++) {
          const key = `user-${i % 8}`;
          const v = (await predictOnce(ab, { 'x-rollout-key': key })).version;
          byKey.set(key, (byKey.get(key) ?? new Set()).add(v));
        }
        expect([...byKey.values()].every((v) => v.size === 1)).toBe(true);
        expect(new Set([...byKey.values()].flatMap((v) => [...v])).size).toBe(2);
      } finally {
        ab.proc.kill('SIGTERM');
      }
      const shadowStore = `sqlite:${path.join(tmp, 'shadow', 'store.db')}`;
      const sh = await start(['--challenger', healthy, '--rollout', 'shadow'], shadowStore);
      const ids: string[] = [];
      try {
        for (let i = 0; i < 5; i++) {
          const a = await predictOnce(sh);
          expect(a.version).toBe(sh.version);
          ids.push(a.predictions[0].id);
        }
        await new Promise((r) => setTimeout(r, 300));
      } finally {
        sh.proc.kill('SIGTERM');
        await new Promise((r) => sh.proc.once('exit', r));
      }
      const store = await openStore(shadowStore);
      try {
        const shadow = await store.listPredictions({ role: 'shadow' });
        expect(shadow.map((p) => p.id).sort()).toEqual([...ids].sort());
        expect(shadow.every((p) => p.version !== sh.version)).toBe(true);
      } finally {
        await store.close();
      }
    });
  });

  it('with a token, refuses requests without it but keeps health checks open', async () => {
    const s = await start(['--token', 's3cret']);
    try {
      const url = `${s.url}/v1/models/${s.name}/predict`;
      expect((await post(url, { rows: ROWS })).status).toBe(401);
      expect((await post(url, { rows: ROWS }, { authorization: 'Bearer wrong' })).status).toBe(401);
      expect((await post(url, { rows: ROWS }, { authorization: 'Bearer s3cret' })).status).toBe(200);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${s.url}/metrics`)).status).toBe(401);
    } finally {
      s.proc.kill('SIGTERM');
    }
  });

  it('refuses bad flag values with a usage error that names the flag, before loading anything', () => {
    for (const [flags, message] of [
      [['--port', 'eighty'], /--port 'eighty' is not a port number/],
      [['--body-limit', '-1'], /--body-limit '-1'/],
      [['--log-durability', 'disk'], /--log-durability 'disk' is not a level[\s\S]*crash \(the default\) or power/],
    ] as const) {
      const r = runCli(['serve', '--model', modelDir, ...flags]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
