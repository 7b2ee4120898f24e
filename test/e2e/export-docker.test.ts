/**
 * `specml export --format docker`: the build context holds the package, this specml (built code,
 * no sources or tests) and a Dockerfile whose entrypoint runs `specml serve` on the SageMaker /
 * KServe port. No Docker engine runs here, so the image is not built; instead the context's own
 * entrypoint.sh is run as the container would run it (SageMaker's `serve` argument included),
 * with the context's specml and model, and answers /ping, /invocations and the V2 routes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'specml-docker-'));
const credit = path.join(ROOT, 'examples/credit/credit.csv');
const modelDir = path.join(tmp, 'model');
const ctx = path.join(tmp, 'ctx');
let proc: ReturnType<typeof spawn> | undefined;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

beforeAll(() => {
  const t = runCli(['train', '--data', credit, '--target', 'Status', '--model', 'gbdt', '--trees', '20', '--out', modelDir]);
  expect(t.code, t.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  proc?.kill('SIGTERM');
});

describe('specml export --format docker', () => {
  it('writes a build context: Dockerfile, entrypoint, the package and the built specml', () => {
    const r = runCli(['export', '--model', modelDir, '--format', 'docker', '--out', ctx, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, format: 'docker', out: ctx });
    expect(readdirSync(ctx).sort()).toEqual(['.dockerignore', 'Dockerfile', 'entrypoint.sh', 'model', 'specml']);
    expect(readdirSync(path.join(ctx, 'model')).sort()).toEqual(readdirSync(modelDir).filter((f) => !f.startsWith('.')).sort());
    expect(readFileSync(path.join(ctx, 'model', 'weights.bin'))).toEqual(readFileSync(path.join(modelDir, 'weights.bin')));
    expect(existsSync(path.join(ctx, 'specml', 'dist', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(path.join(ctx, 'specml', 'package-lock.json'))).toBe(true);
    expect(existsSync(path.join(ctx, 'specml', 'src'))).toBe(false);
    expect(statSync(path.join(ctx, 'entrypoint.sh')).mode & 0o111).not.toBe(0);
    const docker = readFileSync(path.join(ctx, 'Dockerfile'), 'utf8');
    expect(docker).toMatch(/^FROM node:20-bookworm AS deps$/m);
    expect(docker).toMatch(/npm ci --omit=dev --ignore-scripts/);
    expect(docker).toMatch(/^EXPOSE 8080$/m);
    expect(docker).toMatch(/^USER node$/m);
    expect(docker).toMatch(/^ENTRYPOINT \["\/app\/entrypoint.sh"\]$/m);
    // A second export into the same, now non-empty, directory is refused.
    const again = runCli(['export', '--model', modelDir, '--format', 'docker', '--out', ctx]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists and is not empty/);
  });

  it('its entrypoint, run as SageMaker runs the image ("serve"), serves /ping, /invocations and the V2 routes', async () => {
    // The image's node_modules come from npm ci; here the checkout's stand in for them.
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(ctx, 'specml', 'node_modules'), 'dir');
    const port = await freePort();
    proc = spawn('sh', [path.join(ctx, 'entrypoint.sh'), 'serve', '--no-log', '--json'], {
      cwd: tmp,
      env: { ...process.env, PORT: String(port), SPECML_HOME: path.join(ctx, 'specml'), SPECML_MODEL: path.join(ctx, 'model'), SPECML_SERVE_TOKEN: '' },
    });
    let stderr = '';
    proc.stderr!.on('data', (d) => (stderr += String(d)));
    const line = await new Promise<string>((resolve, reject) => {
      proc!.stdout!.once('data', (d) => resolve(String(d)));
      proc!.once('exit', (code) => reject(new Error(`entrypoint exited ${code}: ${stderr}`)));
    });
    const doc = JSON.parse(line.split('\n')[0]!);
    expect(doc.url).toMatch(new RegExp(`:${port}$`));
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/ping`)).status).toBe(200);
    // Bound to every interface, as a container must be: reachable on the machine's own address too.
    const own = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
    if (own) expect((await fetch(`http://${own.address}:${port}/ping`)).status).toBe(200);
    expect((await fetch(`${base}/v2/health/ready`)).status).toBe(200);
    const row = { Seniority: 9, Home: 'rent', Time: 60, Age: 30, Marital: 'married', Records: 'no', Job: 'freelance', Expenses: 73, Income: 129, Assets: 0, Debt: 0, Amount: 800, Price: 846 };
    const inv = await fetch(`${base}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows: [row] }) });
    expect(inv.status).toBe(200);
    expect(JSON.stringify(await inv.json())).toMatch(/proba_good/);
  }, 60_000);
});
