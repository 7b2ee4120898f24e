/**
 * The server's OpenAPI 3.1 document, generated from the served models' input signatures: one
 * predict path per model whose row schema lists every input column with its JSON type (categories
 * as an enum of the training levels, though unseen ones are accepted and predicted), plus the
 * protocol and health routes.
 *
 * @example
 * openApiDocument([served], '0.1.0').paths['/v1/models/credit-risk/predict'];
 */
import type { ColumnSchema } from '../data/schema/types.js';
import type { ServedModel } from './models.js';

function columnSchema(c: ColumnSchema): Record<string, unknown> {
  const nullable = (t: string): string[] => [t, 'null'];
  switch (c.type) {
    case 'numeric':
      return { type: nullable('number') };
    case 'integer':
      return { type: nullable('number'), description: 'whole numbers in training' };
    case 'boolean':
      return { type: nullable('boolean') };
    case 'datetime':
      return { type: nullable('string'), format: 'date-time' };
    case 'categorical':
      return { type: ['string', 'number', 'null'], ...(c.categories ? { examples: c.categories.slice(0, 20) } : {}) };
    case 'text':
      return { type: nullable('string') };
  }
}

export function openApiDocument(models: readonly ServedModel[], version: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const error = { description: 'the request was wrong: code, message, and per-value issues { row, field, expected, got }', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  for (const m of models) {
    const cols = m.manifest.input.schema.columns;
    const row = { type: 'object', additionalProperties: false, required: cols.map((c) => c.name), properties: Object.fromEntries([...cols.map((c) => [c.name, columnSchema(c)]), ...m.manifest.input.id_columns.map((id) => [id, { description: 'an id column, echoed back' }])]) };
    const out = { type: 'object', properties: Object.fromEntries(m.outputs.map((o) => [o, o === 'prediction' ? { type: m.manifest.task === 'regression' ? 'number' : 'string', ...(m.manifest.classes ? { enum: m.manifest.classes } : {}) } : { type: 'number', minimum: 0, maximum: 1 }])) };
    paths[`/v1/models/${m.name}/predict`] = {
      post: {
        summary: `Predict with ${m.name} (${m.version}, ${m.manifest.task})`,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { oneOf: [{ type: 'object', required: ['rows'], properties: { rows: { type: 'array', minItems: 1, items: row } } }, { type: 'object', required: ['columns'], properties: { columns: { type: 'object' } } }] },
            },
          },
        },
        responses: {
          '200': { description: 'one prediction per row, in order', content: { 'application/json': { schema: { type: 'object', properties: { model: { type: 'string' }, version: { type: 'string' }, predictions: { type: 'array', items: out } } } } } },
          '400': error,
          '404': error,
          '413': error,
        },
      },
    };
  }
  const simple = (summary: string) => ({ get: { summary, responses: { '200': { description: 'ok' } } } });
  Object.assign(paths, {
    '/healthz': simple('liveness'),
    '/readyz': simple('readiness, with the served models'),
    '/metrics': simple('Prometheus metrics'),
    '/v2/health/live': simple('Open Inference Protocol: live'),
    '/v2/health/ready': simple('Open Inference Protocol: ready'),
    '/v2/models/{name}': simple('Open Inference Protocol: model metadata'),
    '/v2/models/{name}/infer': { post: { summary: 'Open Inference Protocol: inference (one input tensor per column)', responses: { '200': { description: 'outputs' }, '400': error } } },
    '/ping': simple('SageMaker: health'),
    '/invocations': { post: { summary: 'SageMaker: inference with the first served model (or X-Amzn-SageMaker-Target-Model)', responses: { '200': { description: 'predictions' }, '400': error } } },
  });
  return {
    openapi: '3.1.0',
    info: { title: 'specml model server', version },
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                issues: { type: 'array', items: { type: 'object', properties: { row: { type: 'integer' }, field: { type: 'string' }, expected: { type: 'string' }, got: { type: 'string' } } } },
              },
            },
          },
        },
      },
    },
  };
}
