import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { creditAnalysis } from './analysis.fixture.js';
import { writeAnalysisReport } from './write.js';

describe('writeAnalysisReport', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('creates the directory and writes both files, leaving no temp files', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'specml-report-'));
    const dir = path.join(root, 'reports', 'credit');
    const out = await writeAnalysisReport(creditAnalysis(), dir);
    expect(out).toEqual({ html: path.join(dir, 'analysis.html'), markdown: path.join(dir, 'analysis.md') });
    expect((await readdir(dir)).sort()).toEqual(['analysis.html', 'analysis.md']);
    expect(await readFile(out.html, 'utf8')).toContain('<svg');
    expect(await readFile(out.markdown, 'utf8')).toMatch(/^# credit\n/);
  });
});
