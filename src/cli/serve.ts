/**
 * `specml serve --model REF [--model REF ...] [--port P] [--host H] [--token T]`: serves model
 * packages over HTTP (serve/app.ts) until SIGINT or SIGTERM, then finishes in-flight requests and
 * exits 0. REF is a package folder or NAME@ALIAS / NAME@vN from the registry; binds 127.0.0.1
 * unless told otherwise.
 */
import type { Command } from 'commander';
import path from 'node:path';
import { SpecmlError } from '../core/errors.js';
import { resolveModelDir } from '../pipeline/model-ref.js';
import { VERSION } from '../pipeline/version.js';
import { buildServer, loadServed, PredictionLog, type ServedModel } from '../serve/index.js';
import { openStore } from '../track/index.js';
import type { Io } from './output.js';

interface Flags {
  model: string[];
  port: string;
  host: string;
  token?: string;
  bodyLimit?: string;
  log?: boolean;
  json?: boolean;
}

export function registerServe(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('serve model packages over HTTP: /v1 predict, Open Inference Protocol (V2), SageMaker routes, Prometheus metrics, OpenAPI')
    .requiredOption('--model <refs...>', 'package folder(s) or NAME@ALIAS / NAME@vN from the registry')
    .option('--port <n>', 'port (0: any free port)', '8080')
    .option('--host <host>', 'address to bind (127.0.0.1: this machine only)', '127.0.0.1')
    .option('--token <token>', 'require Authorization: Bearer <token> on every route but health checks (or set SPECML_SERVE_TOKEN)')
    .option('--body-limit <bytes>', 'largest request body in bytes (default 8388608)')
    .option('--no-log', 'do not write predictions to the store (then /feedback is unavailable)')
    .option('--json', 'print one JSON line when listening')
    .action(async (flags: Flags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SpecmlError('usage.bad_port', `--port '${flags.port}' is not a port number (0-65535)`, { hint: 'e.g. --port 8080, or 0 for any free port.' });
      const bodyLimit = flags.bodyLimit === undefined ? undefined : Number(flags.bodyLimit);
      if (bodyLimit !== undefined && !(Number.isInteger(bodyLimit) && bodyLimit > 0)) throw new SpecmlError('usage.bad_body_limit', `--body-limit '${flags.bodyLimit}' is not a number of bytes above 0`, { hint: 'e.g. --body-limit 1048576 (1 MiB).' });
      const models: ServedModel[] = [];
      for (const ref of flags.model) {
        const dir = await resolveModelDir(ref);
        const at = ref.indexOf('@');
        // A registry reference serves under its registered name; a folder under its manifest's.
        const m = await loadServed({ dir, ...(at > 0 && dir !== ref ? { name: ref.slice(0, at) } : {}) });
        if (models.some((x) => x.name === m.name)) throw new SpecmlError('usage.duplicate_model', `two --model values are both named '${m.name}'`, { hint: 'Serve one version per name; use rollout (not yet available) for two versions of one model.' });
        models.push(m);
      }
      const token = flags.token ?? process.env['SPECML_SERVE_TOKEN'];
      // The prediction log: every answer is written to the store (SPECML_STORE or ./.specml/store.db) before it is returned.
      const store = flags.log === false ? undefined : await openStore(undefined);
      const log = store ? new PredictionLog((records) => store.logPredictions(records)) : undefined;
      const app = buildServer({
        models,
        ...(token ? { token } : {}),
        ...(bodyLimit ? { bodyLimit } : {}),
        version: VERSION,
        ...(log && store ? { log, feedback: (model, labels) => store.addFeedback(model, labels) } : {}),
      });
      const address = await app.listen({ host: flags.host, port });
      const listening = { ok: true, url: address, models: models.map((m) => ({ name: m.name, version: m.version, dir: path.resolve(m.dir) })), auth: Boolean(token), log: store?.uri ?? null };
      io.out(flags.json ? JSON.stringify(listening) + '\n' : `serving ${models.map((m) => `${m.name} (${m.version})`).join(', ')} on ${address}${token ? ' (bearer token required)' : ''}\n  POST ${address}/v1/models/${models[0]!.name}/predict  ·  GET ${address}/openapi.json  ·  GET ${address}/metrics\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await app.close();
      await log?.drain();
      await store?.close();
      setExit(0);
    });
}
