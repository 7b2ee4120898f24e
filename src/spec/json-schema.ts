/**
 * The spec's JSON Schema, derived from the zod schema: for editors, and for the field docs and
 * ranges quoted in error messages (so a range is written once, in schema.ts).
 */
import { z } from 'zod';
import { specObject } from './schema.js';

/**
 * JSON Schema (draft 2020-12) of the spec as written, for editors (`# yaml-language-server:
 * $schema=…`) and for the field docs quoted in error messages.
 *
 * @example
 * const schema = specJsonSchema();
 * schema.properties.split.properties.folds.maximum; // 50
 */
export function specJsonSchema(): JsonSchemaNode {
  cached ??= z.toJSONSchema(specObject, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  return cached;
}
let cached: JsonSchemaNode | undefined;

/** The part of JSON Schema the loader reads. */
export interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  [key: string]: unknown;
}

/**
 * The schema node for a field path (`['split', 'folds']`, `['gates', 0]`), if there is one.
 *
 * @example
 * fieldSchema(['split', 'folds'])?.description; // 'number of cross-validation folds, …'
 */
export function fieldSchema(path: readonly (string | number)[]): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = specJsonSchema();
  for (const key of path) {
    if (node === undefined) return undefined;
    if (typeof key === 'number') node = node.items ?? node.anyOf?.find((n) => n.items)?.items;
    else node = node.properties?.[key] ?? node.anyOf?.find((n) => n.properties?.[key])?.properties?.[key];
  }
  return node;
}
