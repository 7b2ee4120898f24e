/**
 * `specml export --format esm` in a real browser: models trained on the credit example are
 * exported, the module is served on loopback and imported by a page in headless Chromium
 * (playwright-core), and its predictions for 600 rows (missing values included) must equal, bit for
 * bit, what `specml predict` writes in Node for the same rows. Twice per model: on a plain page
 * (no SharedArrayBuffer: the JavaScript tree walker) and on a cross-origin isolated page (COOP and
 * COEP headers: shared WebAssembly memory, the WebAssembly walker).
 *
 * Needs Debian's Chromium at /usr/bin/chromium (`.ci/run` installs it); without it the browser
 * tests are SKIPPED, and the module is still checked in Node below.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/data/io/index.js';
import { predict } from '../../src/pipeline/predict.js';
import { ROOT, runCli } from './run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = !existsSync(CHROMIUM);
const tmp = mkdtempSync(path.join(tmpdir(), 'specml-esm-'));
const credit = path.join(ROOT, 'examples/credit/credit.csv');
const sample = path.join(tmp, 'sample.csv');
const lines = readFileSync(credit, 'utf8').trim().split('\n');
// Every 7th row (600 rows), without the target; a few cells blanked to exercise missing values.
const picked = lines.slice(1).filter((_, i) => i % 7 === 0).slice(0, 600);
writeFileSync(sample, [lines[0]!.replace(/^Status,/, ''), ...picked.map((l, i) => l.replace(/^[^,]*,/, '').split(',').map((c, j) => (i % 11 === j ? '' : c)).join(','))].join('\n') + '\n');

type Row = Record<string, string | number | null>;
const MODELS = ['gbdt', 'linear'] as const;
const exported: Record<string, string> = {};
const expected: Record<string, Row[]> = {};
let rows: Row[] = [];

beforeAll(async () => {
  const t = await readCsv(sample);
  rows = Array.from({ length: t.nRows }, (_, i) => {
    const o: Row = {};
    t.columns.forEach((c) => {
      o[c.name] = c.type === 'number' ? (Number.isNaN(c.values[i]!) ? null : c.values[i]!) : c.type === 'string' ? (c.codes[i]! < 0 ? null : c.levels[c.codes[i]!]!) : null;
    });
    return o;
  });
  for (const family of MODELS) {
    const dir = path.join(tmp, family);
    const r = runCli(['train', '--data', credit, '--target', 'Status', '--model', family, '--out', dir, ...(family === 'gbdt' ? ['--trees', '60'] : [])]);
    expect(r.code, r.stderr).toBe(0);
    const out = path.join(tmp, `${family}.mjs`);
    const e = runCli(['export', '--model', dir, '--format', 'esm', '--out', out, '--json']);
    expect(e.code, e.stderr).toBe(0);
    expect(JSON.parse(e.stdout)).toMatchObject({ ok: true, format: 'esm', out });
    exported[family] = out;
    const csvOut = path.join(tmp, `${family}.jsonl`);
    await predict({ model: dir, input: sample, output: csvOut });
    expected[family] = readFileSync(csvOut, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
  }
}, 180_000);

describe('specml export --format esm', () => {
  it('writes a module with no imports that predicts in Node what specml predict writes', async () => {
    for (const family of MODELS) {
      const text = readFileSync(exported[family]!, 'utf8');
      expect(text).not.toMatch(/^\s*import\s|\bimport\(|\brequire\(/m);
      const mod = (await import(pathToFileURL(exported[family]!).href)) as { predict: (r: unknown) => Row[]; outputs: string[] };
      expect(mod.predict(rows)).toEqual(expected[family]);
      expect(new Set(expected[family]!.map((r) => r['proba_good'])).size).toBeGreaterThan(50);
    }
  });

  it('lists every bad value at once, and refuses an unknown format or a bad reference', async () => {
    const mod = (await import(pathToFileURL(exported['gbdt']!).href)) as { predict: (r: unknown) => Row[] };
    let err: { name?: string; issues?: { row: number; field: string }[] } = {};
    try {
      mod.predict([{ ...rows[0], Income: 'lots' }, { ...rows[1], Home: 3.5, Extra: 1 }]);
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.name).toBe('InputError');
    expect(err.issues).toEqual(expect.arrayContaining([expect.objectContaining({ row: 0, field: 'Income' }), expect.objectContaining({ row: 1, field: 'Extra' })]));
    const bad = runCli(['export', '--model', path.join(tmp, 'gbdt'), '--format', 'onnx', '--out', path.join(tmp, 'x')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format onnx: not a format specml exports/);
    const missing = runCli(['export', '--model', path.join(tmp, 'nope'), '--format', 'esm', '--out', path.join(tmp, 'x.mjs')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no model package here/);
  });
});

describe.skipIf(NO_CHROMIUM)(`the exported module in headless Chromium (skipped: ${CHROMIUM} not installed)`, () => {
  let server: Server;
  let base = '';
  let browser: Browser;

  beforeAll(async () => {
    // /plain/* without isolation headers, /isolated/* with COOP + COEP (SharedArrayBuffer allowed).
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const [, mode, file] = url.pathname.split('/');
      const headers: Record<string, string> = mode === 'isolated' ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {};
      if (file === 'index.html') {
        res.writeHead(200, { 'content-type': 'text/html', ...headers }).end('<!doctype html><title>specml esm</title>');
      } else if (file && exported[file.replace(/\.mjs$/, '')]) {
        res.writeHead(200, { 'content-type': 'text/javascript', ...headers }).end(readFileSync(exported[file.replace(/\.mjs$/, '')]!));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  for (const mode of ['plain', 'isolated'] as const) {
    it(`predicts the same bits as Node (${mode} page)`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}/${mode}/index.html`);
      const isolated = await page.evaluate(() => (globalThis as unknown as { crossOriginIsolated: boolean }).crossOriginIsolated);
      expect(isolated).toBe(mode === 'isolated');
      for (const family of MODELS) {
        // A string expression: vitest would rewrite a dynamic import() inside a function.
        const got = await page.evaluate(`import(${JSON.stringify(`${base}/${mode}/${family}.mjs`)}).then((m) => m.predict(${JSON.stringify(rows)}))`);
        expect(got).toEqual(expected[family]);
      }
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);
  }
});
