/**
 * Where a worker thread's compiled script is. Worker threads run JavaScript files, so a module
 * that starts one looks for the script beside itself (running from dist/), else for dist's copy
 * (running from src/ under the test runner). Null when neither exists (src without a build, or a
 * bundle): the caller then does the work on its own thread.
 *
 * @example
 * const url = compiledWorkerUrl(import.meta.url, 'pool-worker.js');
 * if (url) new Worker(url);
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function compiledWorkerUrl(moduleUrl: string, file: string): URL | null {
  const here = new URL(`./${file}`, moduleUrl);
  if (here.protocol !== 'file:') return null;
  if (existsSync(fileURLToPath(here))) return here;
  const at = here.href.lastIndexOf('/src/');
  if (at < 0) return null;
  const dist = new URL(`${here.href.slice(0, at)}/dist/${here.href.slice(at + 5)}`);
  return existsSync(fileURLToPath(dist)) ? dist : null;
}
