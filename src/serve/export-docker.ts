/**
 * `specml export --format docker`: a build context whose image runs `specml serve` on one model
 * package, on the ports and routes both SageMaker and KServe expect of a custom container:
 *
 * - port 8080 (`PORT` overrides), bound to 0.0.0.0;
 * - SageMaker: `GET /ping`, `POST /invocations`; it starts the image with the argument `serve`,
 *   which the entrypoint accepts (and drops); it mounts artifacts at /opt/ml/model, so the package
 *   is baked at /app/model instead (`SPECML_MODEL` overrides);
 * - KServe: the Open Inference Protocol (`/v2/health/live`, `/v2/health/ready`,
 *   `/v2/models/{name}/infer`), plus `/v1/models/{name}/predict`, `/metrics`, `/healthz`.
 *
 * The context holds: `Dockerfile`, `entrypoint.sh`, `.dockerignore`, `model/` (a copy of the
 * package) and `specml/` (this specml: package.json, lock file, bin/ and the built dist/, no
 * sources or tests). The image installs the production dependencies with `npm ci` (native
 * better-sqlite3 compiled from source in a build stage with the image's own Node headers, so
 * nothing is downloaded but npm packages) and runs as the unprivileged `node` user.
 *
 * @example
 * await exportDocker({ dir: 'models/credit', out: 'deploy/credit' });
 * // docker build -t credit deploy/credit && docker run -p 8080:8080 credit
 */
import { cp, mkdir, readdir, rename, rm, writeFile, chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModelPackage } from '../artifact/load.js';
import { SpecmlError } from '../core/errors.js';

/** specml's own root (package.json, bin/, dist/): two levels above this file in src/serve and dist/serve. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface DockerExport {
  out: string;
  name: string;
  files: string[];
}

export async function exportDocker(o: { dir: string; out: string; nodeVersion?: string }): Promise<DockerExport> {
  const { manifest } = await loadModelPackage(o.dir);
  if (existsSync(o.out) && (await readdir(o.out)).length > 0) {
    throw new SpecmlError('usage.out_exists', `${o.out}: the directory exists and is not empty`, { hint: 'Pass a new directory to --out, or remove this one first.' });
  }
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new SpecmlError('usage.not_built', `specml's built code is missing (${path.join(ROOT, 'dist')})`, { hint: 'Run `npm run build` in the specml checkout, then export again.' });
  }
  // Built beside the target and renamed at the end: an interrupted export leaves no half context.
  const tmp = `${path.resolve(o.out)}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  try {
    await mkdir(path.join(tmp, 'specml'), { recursive: true });
    await cp(o.dir, path.join(tmp, 'model'), { recursive: true, filter: (src) => !path.basename(src).startsWith('.') });
    for (const f of ['package.json', 'package-lock.json']) if (existsSync(path.join(ROOT, f))) await cp(path.join(ROOT, f), path.join(tmp, 'specml', f));
    await cp(path.join(ROOT, 'bin'), path.join(tmp, 'specml', 'bin'), { recursive: true });
    await cp(path.join(ROOT, 'dist'), path.join(tmp, 'specml', 'dist'), { recursive: true, filter: (src) => !/\.(test|spec)\.(js|d\.ts|js\.map)$/.test(src) });
    await writeFile(path.join(tmp, 'Dockerfile'), dockerfile(manifest.name, o.nodeVersion ?? '20'));
    await writeFile(path.join(tmp, 'entrypoint.sh'), ENTRYPOINT);
    await chmod(path.join(tmp, 'entrypoint.sh'), 0o755);
    await writeFile(path.join(tmp, '.dockerignore'), '**/node_modules\n**/.specml\n');
    await rm(o.out, { recursive: true, force: true });
    await rename(tmp, o.out);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return { out: o.out, name: manifest.name, files: ['Dockerfile', 'entrypoint.sh', '.dockerignore', 'model/', 'specml/'] };
}

/** Starts the server; SageMaker passes `serve`, anything after it goes to `specml serve`. */
const ENTRYPOINT = `#!/bin/sh
# specml serve for SageMaker, KServe and plain docker run (written by specml export --format docker).
set -e
if [ "$1" = "serve" ]; then shift; fi
exec node "\${SPECML_HOME:-/app/specml}/bin/specml.js" serve --model "\${SPECML_MODEL:-/app/model}" --host 0.0.0.0 --port "\${PORT:-8080}" "$@"
`;

function dockerfile(name: string, node: string): string {
  return `# ${name}: specml serve in a container (written by specml export --format docker).
#   docker build -t ${name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')} .
#   docker run -p 8080:8080 IMAGE          # SageMaker: /ping, /invocations; KServe: /v2/...
# Build stage: production dependencies only; better-sqlite3 compiled against this image's Node.
FROM node:${node}-bookworm AS deps
WORKDIR /app/specml
COPY specml/package.json specml/package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \\
 && npm rebuild better-sqlite3 --build-from-source --nodedir=/usr/local

FROM node:${node}-bookworm-slim
ENV NODE_ENV=production PORT=8080 SPECML_MODEL=/app/model
WORKDIR /app
COPY --from=deps /app/specml/node_modules ./specml/node_modules
COPY specml/ ./specml/
COPY model/ ./model/
COPY entrypoint.sh ./entrypoint.sh
RUN mkdir -p /app/.specml && chown node:node /app/.specml
USER node
EXPOSE 8080
HEALTHCHECK CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["/app/entrypoint.sh"]
`;
}
