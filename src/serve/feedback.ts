/**
 * The body of `POST /v1/models/{name}/feedback`, checked: labels for logged predictions, joined by
 * prediction id.
 *
 * @example
 * feedbackLabels({ labels: [{ id: 'a1b2/0', label: 'bad' }] });
 */
import type { JsonValue } from '../track/index.js';
import { HttpError } from './http-error.js';

/** `{ "labels": [ { "id": "...", "label": value }, ... ] }`, checked. */
export function feedbackLabels(body: unknown): { id: string; label: JsonValue }[] {
  const bad = (message: string): never => {
    throw new HttpError(400, 'serve.bad_feedback', message);
  };
  const labels = body && typeof body === 'object' && !Array.isArray(body) ? (body as { labels?: unknown }).labels : undefined;
  if (!Array.isArray(labels) || labels.length === 0) return bad('expected { "labels": [ { "id": "<prediction id>", "label": <value> }, ... ] } with at least one label');
  return labels.map((l, i) => {
    if (!l || typeof l !== 'object' || Array.isArray(l)) return bad(`labels[${i}] is not an object`);
    const { id, label } = l as { id?: unknown; label?: unknown };
    if (typeof id !== 'string' || !id) return bad(`labels[${i}].id must be the id of a prediction (a string)`);
    if (!(typeof label === 'string' || (typeof label === 'number' && Number.isFinite(label)) || typeof label === 'boolean')) return bad(`labels[${i}].label must be a class label or a number, got ${label === null ? 'null' : typeof label}`);
    return { id, label };
  });
}
