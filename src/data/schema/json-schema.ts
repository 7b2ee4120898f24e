/**
 * A JSON Schema (draft 2020-12) for one input row, derived from the {@link Schema}: serving
 * validates requests with it and OpenAPI documents embed it.
 *
 * @example
 * toJsonSchema(schema, { exclude: ['Status'] }).properties.Age; // { type: ['integer', 'null'], ... }
 */
import type { ColumnSchema, Schema } from './types.js';

export interface JsonSchemaObject {
  $schema: string;
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required: string[];
  additionalProperties: boolean;
}

export function toJsonSchema(schema: Schema, opts: { exclude?: readonly string[] } = {}): JsonSchemaObject {
  const skip = new Set(opts.exclude ?? []);
  const properties: Record<string, Record<string, unknown>> = {};
  const required: string[] = [];
  for (const col of schema.columns) {
    if (skip.has(col.name)) continue;
    properties[col.name] = property(col);
    if (!col.nullable) required.push(col.name);
  }
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties, required, additionalProperties: true };
}

function property(col: ColumnSchema): Record<string, unknown> {
  const orNull = (t: string): string | string[] => (col.nullable ? [t, 'null'] : t);
  switch (col.type) {
    case 'numeric':
      return { type: orNull('number') };
    case 'integer':
      return { type: orNull('integer') };
    case 'boolean':
      return { type: orNull('boolean') };
    case 'datetime':
      return { type: orNull('string'), format: 'date-time' };
    case 'text':
      return { type: orNull('string') };
    case 'categorical':
      return col.categories ? { type: orNull('string'), description: `one of ${col.categories.length} categories seen in training; others are treated as unknown`, examples: col.categories.slice(0, 5) } : { type: orNull('string') };
  }
}
