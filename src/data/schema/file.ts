/**
 * The schema document on disk (`schema.json`): written by `analyze` next to its report, read back
 * to check new data against it (`specml analyze --schema FILE`), and later saved in the model
 * package. Validated on load so a hand-edited file fails with the field that is wrong.
 *
 * @example
 * await saveSchema('reports/credit/schema.json', schema);
 * const saved = await loadSchema('reports/credit/schema.json');
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../../core/atomic.js';
import { SpecmlError } from '../../core/errors.js';
import type { Schema } from './types.js';

const columnSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['numeric', 'integer', 'boolean', 'categorical', 'datetime', 'text']),
  nullable: z.boolean(),
  idLike: z.boolean(),
  categories: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  reason: z.string().optional(),
});

const schemaDoc = z.object({ version: z.literal(1), columns: z.array(columnSchema).min(1) });

export async function saveSchema(file: string, schema: Schema): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(schema, null, 2) + '\n');
}

export async function loadSchema(file: string): Promise<Schema> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new SpecmlError('schema.not_found', `${file}: cannot read the schema file (${(e as NodeJS.ErrnoException).code ?? e})`, {
      hint: 'Pass the schema.json that `specml analyze` wrote next to its report.',
      cause: e,
      location: { file },
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SpecmlError('schema.invalid', `${file}: not valid JSON (${(e as Error).message})`, { hint: 'Restore the file from the analysis that wrote it.', location: { file } });
  }
  const parsed = schemaDoc.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const where = first.path.join('.') || '(top level)';
    throw new SpecmlError('schema.invalid', `${file}: ${where}: ${first.message}`, {
      hint: 'A schema document has {version: 1, columns: [{name, type, nullable, idLike, ...}]}.',
      location: { file, path: where },
    });
  }
  return parsed.data as Schema;
}
