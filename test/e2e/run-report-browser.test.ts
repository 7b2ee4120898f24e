/**
 * The run report in a real browser: the binary fixture (a failed fairness gate, every plot) is
 * written with writeRunReport and opened from disk in headless Chromium through playwright-core.
 *
 * A second test runs the credit example through `runSpec` and opens that real report the same way.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (`apt-get install chromium`). Where it is missing
 * (most CI machines), every test here is SKIPPED, not failed, so CI stays green; the HTML itself
 * is still checked by src/report/run-html.test.ts. Nothing leaves the machine: the page is a file
 * and the test fails if it asks for anything but itself.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSpec } from '../../src/pipeline/run/run.js';
import { writeRunReport } from '../../src/report/run-write.js';
import { binaryRun } from '../../src/report/run.fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = !existsSync(CHROMIUM);
/** Plots in the binary fixture: ROC, PR, reliability, confusion, importance, SHAP, one per fairness attribute. */
const PLOTS = 8;
/**
 * Page functions run in the browser; the project's tsconfig has no DOM types (it is a Node
 * library), so they reach the DOM through these minimal shapes.
 */
type Win = { getComputedStyle(el: unknown): { backgroundColor: string }; document: { documentElement: { scrollWidth: number; clientWidth: number } } };
type Boxed = { getBoundingClientRect(): { width: number; height: number } };
const BACKGROUND = (el: unknown) => (globalThis as unknown as Win).getComputedStyle(el).backgroundColor;

describe.skipIf(NO_CHROMIUM)(`run report in headless Chromium (skipped: ${CHROMIUM} not installed)`, () => {
  let dir = '';
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'specml-run-browser-'));
    const { html } = await writeRunReport(binaryRun(), path.join(dir, 'report'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads offline with no console errors and requests nothing but the page', () => {
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(requests.length).toBe(1);
  });

  it('shows the verdict band in red with FAILED', async () => {
    const band = page.locator('#verdict');
    await expect(band.isVisible()).resolves.toBe(true);
    expect(await band.innerText()).toMatch(/FAILED\s+1 of 5 gates failed, 4 passed/);
    expect(await band.evaluate(BACKGROUND)).toBe('rgb(180, 35, 24)');
    const box = await band.boundingBox();
    expect(box!.width).toBeGreaterThan(1000);
  });

  it('lays out every plot with a non-zero size and nothing overflows the page width', async () => {
    const boxes = await page.locator('figure svg').evaluateAll((svgs) => svgs.map((s) => (s as unknown as Boxed).getBoundingClientRect()).map((r) => [r.width, r.height] as const));
    expect(boxes.length).toBe(PLOTS);
    for (const [w, h] of boxes) {
      expect(w).toBeGreaterThan(100);
      expect(h).toBeGreaterThan(60);
    }
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as Win).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBe(0);
  });

  it('keeps the band coloured and drops the contents line when printed', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('#verdict').evaluate(BACKGROUND)).toBe('rgb(180, 35, 24)');
      expect(await page.locator('nav.toc').isVisible()).toBe(false);
      expect((await page.pdf({ format: 'A4' })).length).toBeGreaterThan(50_000);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('saves a full-page screenshot', async () => {
    const png = path.join(dir, 'report.png');
    await page.screenshot({ path: png, fullPage: true });
    // A blank or broken page compresses to a few KB; the real page is several hundred.
    expect((await stat(png)).size).toBeGreaterThan(20_000);
  });
});

describe.skipIf(NO_CHROMIUM)(`a real run's report in headless Chromium (skipped: ${CHROMIUM} not installed)`, () => {
  it('the credit example run renders offline: every plot drawn, no console errors, a full-page screenshot', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'specml-real-report-'));
    const ex = fileURLToPath(new URL('../../examples/credit', import.meta.url));
    copyFileSync(path.join(ex, 'credit.csv'), path.join(dir, 'credit.csv'));
    writeFileSync(path.join(dir, 'specml.yaml'), readFileSync(path.join(ex, 'specml.yaml'), 'utf8').replace('split: {', 'models: [gbdt, linear]\nbudget: { units: 10 }\nsplit: {'));
    const { summary } = await runSpec({ spec: path.join(dir, 'specml.yaml'), store: `sqlite:${path.join(dir, 'store.db')}`, reportsDir: path.join(dir, 'reports') });
    const b = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] });
    try {
      const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(summary.report.html).href, { waitUntil: 'load' });
      expect(errors).toEqual([]);
      const boxes = await page.$$eval('svg', (els) => els.map((el) => (el as unknown as Boxed).getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height })));
      // ROC, PR, reliability, confusion, importance, and one fairness bar chart per attribute at least.
      expect(boxes.length).toBeGreaterThanOrEqual(7);
      for (const r of boxes) expect(r.w * r.h).toBeGreaterThan(0);
      expect(await page.textContent('body')).toContain(summary.passed ? 'PASSED' : 'FAILED');
      const shot = path.join(dir, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect((await stat(shot)).size).toBeGreaterThan(20_000);
    } finally {
      await b.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
