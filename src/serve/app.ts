/**
 * The model server (`specml serve`): Fastify with
 *
 * - `POST /v1/models/{name}/predict` — `{ "rows": [...] }` or `{ "columns": {...} }`, one row or many;
 * - the Open Inference Protocol (KServe V2): `/v2/health/live`, `/v2/health/ready`, `/v2`,
 *   `/v2/models/{name}`, `/v2/models/{name}/ready`, `/v2/models/{name}/infer`;
 * - the SageMaker container contract: `GET /ping`, `POST /invocations`;
 * - `GET /metrics` (Prometheus), `GET /openapi.json` (from the models' signatures), `/healthz`, `/readyz`.
 *
 * A user mistake is a 4xx with what was wrong and where (`{ error: { code, message, issues } }`;
 * V2 routes answer `{ error }` as the protocol says), never a 500: malformed JSON, wrong types,
 * missing or unknown fields (input.ts), bodies over the byte limit (413), other media types (415),
 * unknown models (404). JSON bodies with `__proto__` or `constructor.prototype` keys are refused
 * (Fastify's secure parser). With a token, every route but the health checks needs
 * `Authorization: Bearer <token>` (compared in constant time).
 *
 * @example
 * const app = buildServer({ models: [await loadServed({ dir: 'models/credit' })] });
 * await app.listen({ host: '127.0.0.1', port: 8080 });
 */
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { JsonValue, PredictionRecord } from '../track/index.js';
import { csvRows } from './csv-body.js';
import { feedbackLabels } from './feedback.js';
import { errorAnswer, HttpError } from './http-error.js';
import { rowsFromBody } from './input.js';
import { serverMetrics } from './metrics.js';
import { predictColumns, type ServedModel } from './models.js';
import { openApiDocument } from './openapi.js';
import type { PredictionLog } from './prediction-log.js';
import type { Rollout } from './rollout-runtime.js';
import { v2Columns, v2Type } from './v2.js';

export interface ServerOptions {
  models: readonly ServedModel[];
  /** Bearer token every non-health route requires. */
  token?: string;
  /** Largest request body in bytes (default 8 MiB). */
  bodyLimit?: number;
  version?: string;
  /** Where every prediction is written before it is returned (prediction-log.ts); none: nothing is logged. */
  log?: PredictionLog;
  /** A rollout of the model named like its champion (rollout-runtime.ts). */
  rollout?: Rollout;
  /** Joins labels to logged predictions (the store's addFeedback). */
  feedback?: (model: string, labels: readonly { id: string; label: JsonValue }[]) => Promise<{ accepted: number; unknown: string[] }>;
}

/** Routes that answer without a token (load balancers and orchestrators probe them). */
const PUBLIC = new Set(['/healthz', '/readyz', '/v2/health/live', '/v2/health/ready', '/ping']);


/** The server, plus the swap that hot reload uses: requests already running keep the model they looked up. */
export type ModelServer = FastifyInstance & {
  replaceModel(m: ServedModel): void;
  /** Starts (or replaces, or ends with undefined) the rollout beside a served model; requests already routed finish where they were sent. */
  setRollout(r: Rollout | undefined): void;
  readonly rollout: Rollout | undefined;
};

/** A request with the state the hooks keep on it. */
type Tracked = FastifyRequest & { specmlStarted: number; specmlVersion: string };

export function buildServer(o: ServerOptions): ModelServer {
  let rollout = o.rollout;
  const app = Fastify({ bodyLimit: o.bodyLimit ?? 8 * 1024 * 1024, logger: false, onProtoPoisoning: 'error', onConstructorPoisoning: 'error' });
  // JSON, and CSV for SageMaker's /invocations; a text/plain body would otherwise reach the handlers as a string.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, new CsvBody(String(body))));
  const byName = new Map(o.models.map((m) => [m.name, m]));
  // The models now (hot reload swaps entries in place; the first stays first).
  const served = (): ServedModel[] => [...byName.values()];
  const metrics = serverMetrics();
  const token = o.token ? Buffer.from(o.token) : undefined;
  // Per-request state lives on the request (decorated below), not in WeakMaps keyed by requests:
  // V8's scavenger keeps WeakMap keys alive, so every request object would be promoted.
  app.decorateRequest('specmlStarted', 0);
  app.decorateRequest('specmlVersion', '');
  const started = { get: (req: FastifyRequest): number => (req as Tracked).specmlStarted, set: (req: FastifyRequest, t: number) => void ((req as Tracked).specmlStarted = t) };
  // The version that answered (under a rollout not always the name's champion), for the metrics.
  const answeredBy = { get: (req: FastifyRequest): string => (req as Tracked).specmlVersion, set: (req: FastifyRequest, v: string) => void ((req as Tracked).specmlVersion = v) };

  const model = (name: string): ServedModel => {
    const m = byName.get(name);
    if (!m) throw new HttpError(404, 'serve.unknown_model', `no model '${name}' is served here; served: ${[...byName.keys()].join(', ')}`);
    return m;
  };
  const predictWith = async (m: ServedModel, body: unknown, req: FastifyRequest, requestId: string, role: 'served' | 'shadow') => {
    const parsed = rowsFromBody(body, m.manifest.input.schema, m.manifest.input.id_columns);
    if ('issues' in parsed) {
      const first = parsed.issues[0]!;
      const where = first.row >= 0 ? `row ${first.row}, field '${first.field}'` : `'${first.field}'`;
      throw new HttpError(400, 'serve.bad_input', `${parsed.issues.length + parsed.more} problem(s) in the input; first: ${where} expected ${first.expected}, got ${first.got}`, parsed.issues, parsed.more);
    }
    const cols = predictColumns(m, parsed.frame);
    const ids = Array.from({ length: parsed.n }, (_, i) => `${requestId}/${i}`);
    if (o.log) {
      const at = Date.now();
      const t0 = started.get(req);
      const latencyMs = t0 === 0 ? 0 : performance.now() - t0;
      const client = req.headers['x-request-id'];
      const records: PredictionRecord[] = parsed.rows.map((row, i) => ({
        id: ids[i]!,
        role,
        model: m.name,
        version: m.version,
        at,
        input: row as Record<string, JsonValue>,
        output: Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, v[i] as JsonValue])),
        latencyMs,
        requestId,
        ...(typeof client === 'string' && client ? { clientRequestId: client.slice(0, 200) } : {}),
      }));
      try {
        await o.log.append(records);
      } catch (err) {
        req.log.error(err);
        throw new HttpError(503, 'serve.log_failed', 'the prediction could not be written to the prediction log, so it is not returned; retry the request');
      }
    }
    metrics.rows.inc({ model: m.name, version: m.version }, parsed.n);
    return { n: parsed.n, ids: parsed.ids, cols, requestId, rowIds: ids, version: m.version };
  };

  /**
   * One request's answer. Under a rollout the state picks the version; a challenger that fails
   * where the champion succeeds is counted against the challenger (its canary guard) and the
   * champion answers; a shadow version scores the request after the answer, logged, not returned.
   */
  const predict = async (m: ServedModel, body: unknown, req: FastifyRequest, reply: FastifyReply) => {
    if (body instanceof CsvBody) throw new HttpError(415, 'serve.media_type', `text/csv is accepted on POST /invocations only; send application/json to ${req.url.split('?')[0]}`);
    // Time-ordered (UUIDv7): the log's primary key then grows at its end, so taking the spool in
    // stays ~3 ms per 250 rows as the log grows instead of touching a random page per row.
    const requestId = uuidv7();
    void reply.header('x-request-id', requestId);
    const r = rollout && rollout.champion.name === m.name ? rollout : undefined;
    if (!r) {
      const only = await predictWith(m, body, req, requestId, 'served');
      answeredBy.set(req, only.version);
      return only;
    }
    const key = req.headers['x-rollout-key'];
    const pick = r.pick({ id: requestId, ...(typeof key === 'string' && key ? { key } : {}) });
    const t0 = performance.now();
    let answer;
    try {
      answer = await predictWith(pick.serve, body, req, requestId, 'served');
      r.record(pick.serve.version, true, performance.now() - t0);
    } catch (err) {
      if (pick.serve === r.champion) throw err;
      // Whether the champion takes the same request decides whose fault it was.
      answer = await predictWith(r.champion, body, req, requestId, 'served');
      r.record(pick.serve.version, false, performance.now() - t0);
    }
    answeredBy.set(req, answer.version);
    const shadow = pick.shadow;
    if (shadow) {
      setImmediate(() => {
        const s0 = performance.now();
        predictWith(shadow, body, req, requestId, 'shadow').then(
          () => r.record(shadow.version, true, performance.now() - s0),
          () => r.record(shadow.version, false, performance.now() - s0),
        );
      });
    }
    return answer;
  };

  app.addHook('onRequest', async (req) => {
    started.set(req, performance.now());
    if (!token || PUBLIC.has(req.url.split('?')[0]!)) return;
    const h = req.headers.authorization ?? '';
    const given = Buffer.from(h.startsWith('Bearer ') ? h.slice(7) : '');
    if (given.length !== token.length || !timingSafeEqual(given, token)) throw new HttpError(401, 'serve.unauthorized', 'a valid bearer token is required (Authorization: Bearer <token>)');
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const name = (req.params as { name?: string } | undefined)?.name;
    const m = name ? byName.get(name) : req.url.startsWith('/invocations') ? served()[0] : undefined;
    const labels = { route, model: m?.name ?? '', version: answeredBy.get(req) || m?.version || '' };
    metrics.requests.inc({ ...labels, status: String(reply.statusCode) });
    const t0 = started.get(req);
    if (t0 !== 0) metrics.latency.observe(labels, (performance.now() - t0) / 1000);
  });

  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send({ error: { code: 'serve.not_found', message: `no route ${req.method} ${req.url.split('?')[0]}; see GET /openapi.json` } });
  });
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const { status, body } = errorAnswer(err, { bodyLimit: app.initialConfig.bodyLimit ?? 0, contentType: req.headers['content-type'] });
    if (status === 500) req.log.error(err);
    void reply.code(status).send(req.url.startsWith('/v2/') ? { error: String(body.message), ...(body.issues ? { issues: body.issues } : {}) } : { error: body });
  });

  // Health and metadata.
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async () => ({ status: 'ready', models: served().map((m) => ({ name: m.name, version: m.version })) }));
  app.get('/metrics', async (_req, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
  app.get('/openapi.json', async () => openApiDocument(served(), o.version ?? '0'));
  app.get('/v1/models', async () => ({ models: served().map((m) => ({ name: m.name, version: m.version, task: m.manifest.task })) }));
  app.get<{ Params: { name: string } }>('/v1/models/:name', async (req) => {
    const m = model(req.params.name);
    return { name: m.name, version: m.version, task: m.manifest.task, ...(m.manifest.classes ? { classes: m.manifest.classes } : {}), inputs: m.manifest.input.schema.columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable, ...(c.categories ? { categories: c.categories } : {}) })), id_columns: m.manifest.input.id_columns, outputs: m.outputs };
  });

  // specml's own route: rows in, one object per row out (ids, prediction, probabilities).
  app.post<{ Params: { name: string } }>('/v1/models/:name/predict', async (req, reply) => {
    const m = model(req.params.name);
    const r = await predict(m, req.body, req, reply);
    return { model: m.name, version: r.version, request_id: r.requestId, predictions: rowObjects(r) };
  });

  app.get<{ Params: { name: string } }>('/v1/models/:name/rollout', async (req) => {
    const m = model(req.params.name);
    const r = rollout && rollout.champion.name === m.name ? rollout : undefined;
    return r ? { state: r.state, events: r.events } : { state: { mode: 'single', champion: m.version }, events: [] };
  });

  // Labels for logged predictions, joined by prediction id (`id` in each prediction of the answer).
  app.post<{ Params: { name: string } }>('/v1/models/:name/feedback', async (req) => {
    const m = model(req.params.name);
    if (!o.feedback) throw new HttpError(404, 'serve.no_log', 'this server keeps no prediction log, so it cannot join labels; start it with a store (without --no-log)');
    const labels = feedbackLabels(req.body);
    const r = await o.feedback(m.name, labels);
    if (r.accepted === 0) throw new HttpError(404, 'serve.unknown_prediction', `none of the ${labels.length} ids is a logged, unlabelled prediction of '${m.name}': ${r.unknown.slice(0, 5).join(', ')}${r.unknown.length > 5 ? ', ...' : ''}`);
    return { accepted: r.accepted, unknown: r.unknown };
  });

  // Open Inference Protocol (KServe V2).
  app.get('/v2/health/live', async () => ({ live: true }));
  app.get('/v2/health/ready', async () => ({ ready: true }));
  app.get('/v2', async () => ({ name: 'specml', version: o.version ?? '0', extensions: [] }));
  app.get<{ Params: { name: string } }>('/v2/models/:name', async (req) => {
    const m = model(req.params.name);
    return {
      name: m.name,
      versions: [m.version],
      platform: 'specml',
      inputs: m.manifest.input.schema.columns.map((c) => ({ name: c.name, datatype: v2Type(c.type), shape: [-1] })),
      outputs: m.outputs.map((name) => ({ name, datatype: name === 'prediction' && m.manifest.task !== 'regression' ? 'BYTES' : 'FP64', shape: [-1] })),
    };
  });
  app.get<{ Params: { name: string } }>('/v2/models/:name/ready', async (req) => ({ name: model(req.params.name).name, ready: true }));
  app.post<{ Params: { name: string } }>('/v2/models/:name/infer', async (req, reply) => {
    const m = model(req.params.name);
    const body = req.body as { id?: unknown; inputs?: unknown } | null;
    const r = await predict(m, { columns: v2Columns(body) }, req, reply);
    return {
      model_name: m.name,
      model_version: r.version,
      id: typeof body?.id === 'string' ? body.id : r.requestId,
      outputs: Object.entries(r.cols).map(([name, data]) => ({ name, shape: [r.n], datatype: typeof data[0] === 'string' ? 'BYTES' : 'FP64', data })),
    };
  });

  // SageMaker container contract: the first model answers /invocations unless a served name is asked for.
  app.get('/ping', async () => ({ status: 'ok' }));
  app.post('/invocations', async (req, reply) => {
    const target = req.headers['x-amzn-sagemaker-target-model'];
    const m = typeof target === 'string' && target ? model(target) : served()[0]!;
    let body = req.body;
    if (body instanceof CsvBody) {
      const parsed = csvRows(body.text, m.manifest.input.schema, m.manifest.input.id_columns);
      if (!('rows' in parsed)) throw new HttpError(400, 'serve.bad_input', `CSV body: ${parsed.row >= 0 ? `record ${parsed.row}, ` : ''}'${parsed.field}' expected ${parsed.expected}, got ${parsed.got}`, [parsed]);
      body = { rows: parsed.rows };
    }
    const r = await predict(m, body, req, reply);
    return { model: m.name, version: r.version, request_id: r.requestId, predictions: rowObjects(r) };
  });
  const server = Object.assign(app, {
    replaceModel(m: ServedModel): void {
      if (!byName.has(m.name)) throw new Error(`replaceModel: '${m.name}' is not served`);
      byName.set(m.name, m);
    },
    setRollout(r: Rollout | undefined): void {
      if (r && !byName.has(r.champion.name)) throw new Error(`setRollout: '${r.champion.name}' is not served`);
      rollout = r;
    },
  });
  // A getter (Object.assign would copy the value once).
  Object.defineProperty(server, 'rollout', { get: () => rollout, enumerable: true });
  return server as unknown as ModelServer;
}

/** A text/csv body, kept apart from JSON strings (only /invocations reads CSV). */
class CsvBody {
  constructor(readonly text: string) {}
}

function rowObjects(r: { n: number; ids: Record<string, unknown[]>; cols: Record<string, unknown[]>; rowIds: string[] }): Record<string, unknown>[] {
  const all = { ...r.ids, ...r.cols };
  const names = Object.keys(all);
  return Array.from({ length: r.n }, (_, i) => ({ id: r.rowIds[i], ...Object.fromEntries(names.map((k) => [k, all[k]![i]])) }));
}
