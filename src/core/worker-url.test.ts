import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledWorkerUrl } from './worker-url.js';

function tree(files: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'specml-wurl-'));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), '');
  }
  return root;
}

describe('compiledWorkerUrl', () => {
  it('finds the script beside the module', () => {
    const root = tree(['dist/track/w.js']);
    const url = compiledWorkerUrl(pathToFileURL(path.join(root, 'dist/track/m.js')).href, 'w.js');
    expect(url?.href).toBe(pathToFileURL(path.join(root, 'dist/track/w.js')).href);
  });

  it("falls back to dist's copy from src, replacing the last src/ only", () => {
    const root = tree(['src/app/dist/track/w.js']);
    const url = compiledWorkerUrl(pathToFileURL(path.join(root, 'src/app/src/track/m.ts')).href, 'w.js');
    expect(url?.href).toBe(pathToFileURL(path.join(root, 'src/app/dist/track/w.js')).href);
  });

  it('is null without a compiled script or outside the file system', () => {
    const root = tree([]);
    expect(compiledWorkerUrl(pathToFileURL(path.join(root, 'src/track/m.ts')).href, 'w.js')).toBeNull();
    expect(compiledWorkerUrl('https://example.org/src/track/m.js', 'w.js')).toBeNull();
  });
});
