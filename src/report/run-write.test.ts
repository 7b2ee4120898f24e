import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeRunReport } from './run-write.js';
import { regressionRun } from './run.fixture.js';

describe('writeRunReport', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('creates the directory and writes report.html and report.md, leaving no temp files', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'specml-run-report-'));
    const dir = path.join(root, 'reports', 'ames-prices', 'run-c41d');
    const out = await writeRunReport(regressionRun(), dir);
    expect(out).toEqual({ html: path.join(dir, 'report.html'), markdown: path.join(dir, 'report.md') });
    expect((await readdir(dir)).sort()).toEqual(['report.html', 'report.md']);
    expect(await readFile(out.html, 'utf8')).toContain('>PASSED<');
    expect(await readFile(out.markdown, 'utf8')).toMatch(/^# ames-prices\n/);
  });
});
