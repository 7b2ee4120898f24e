/**
 * Prometheus metrics of a server (prom-client, its own registry so two servers in one process do
 * not mix): requests by route, model, version and status; latency histogram by route, model and
 * version; predicted rows by model and version.
 *
 * @example
 * const m = serverMetrics();
 * m.requests.inc({ route: '/v1/models/:name/predict', model: 'credit', version: 'v2', status: '200' });
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServerMetrics {
  registry: Registry;
  requests: Counter<'route' | 'model' | 'version' | 'status'>;
  latency: Histogram<'route' | 'model' | 'version'>;
  rows: Counter<'model' | 'version'>;
}

export function serverMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'specml_process_' });
  return {
    registry,
    requests: new Counter({ name: 'specml_requests_total', help: 'HTTP requests by route, model, version and status code', labelNames: ['route', 'model', 'version', 'status'], registers: [registry] }),
    // Buckets from 0.25 ms: a single-row prediction takes well under a millisecond in process.
    latency: new Histogram({
      name: 'specml_request_duration_seconds',
      help: 'Request latency in seconds, from arrival to response',
      labelNames: ['route', 'model', 'version'],
      buckets: [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    rows: new Counter({ name: 'specml_predicted_rows_total', help: 'Rows predicted by model and version', labelNames: ['model', 'version'], registers: [registry] }),
  };
}
