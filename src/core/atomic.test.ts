import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic.js';

describe('writeFileAtomic', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('creates parent folders and replaces an existing file', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'specml-atomic-'));
    const file = path.join(root, 'a', 'b.txt');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, new TextEncoder().encode('two'));
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(path.join(root, 'a'))).toEqual(['b.txt']);
  });

  it('leaves the old content and no temp file when the rename fails', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'specml-atomic-'));
    await writeFileAtomic(path.join(root, 'keep.txt'), 'kept');
    // Renaming a file onto a non-empty directory fails.
    await writeFileAtomic(path.join(root, 'dir', 'x'), 'x');
    await expect(writeFileAtomic(path.join(root, 'dir'), 'y')).rejects.toThrow();
    expect((await readdir(root)).sort()).toEqual(['dir', 'keep.txt']);
    expect(await readFile(path.join(root, 'keep.txt'), 'utf8')).toBe('kept');
  });
});
