/**
 * CLI flags generated from parameter tables (STYLE.md §2): every parameter of every model family
 * is a `--kebab-case` flag, parsed and validated by the same table that gives its default.
 *
 * @example
 * addParamFlags(cmd, [GBDT_PARAMS]);       // --max-leaves <number>, --learning-rate <number>, ...
 * paramsFromFlags(opts, GBDT_PARAMS);     // { max_leaves: 63, learning_rate: 0.05 }
 */
import type { Command } from 'commander';
import { SpecmlError } from '../core/errors.js';
import type { ParamSpec, ParamTable } from '../core/params.js';

const kebab = (s: string): string => s.replaceAll('_', '-');
export const camel = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Adds one flag per distinct parameter name across the tables. */
export function addParamFlags(cmd: Command, tables: readonly ParamTable[], reserved: ReadonlySet<string>): void {
  const seen = new Set<string>();
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table)) {
      if (seen.has(name) || reserved.has(name)) continue;
      seen.add(name);
      cmd.option(`--${kebab(name)} <${placeholder(spec)}>`, `${spec.doc} (default ${JSON.stringify(spec.default)})`);
    }
  }
}

function placeholder(spec: ParamSpec): string {
  return spec.type === 'enum' ? spec.values.join('|') : spec.type === 'bool' ? 'true|false' : spec.type === 'int' ? 'n' : spec.type === 'float' ? 'x' : 'value';
}

/**
 * The flags given that belong to `table`, converted to the table's types. A parameter flag that
 * belongs to another family is a usage error naming the family's own parameters.
 */
export function paramsFromFlags(opts: Record<string, unknown>, table: ParamTable, all: readonly ParamTable[], familyName: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const everyName = new Set(all.flatMap((t) => Object.keys(t)));
  for (const name of everyName) {
    const raw = opts[camel(name)];
    if (raw === undefined) continue;
    const spec = table[name];
    if (!spec) {
      throw new SpecmlError('usage.param_not_in_family', `--${kebab(name)} is not a parameter of the ${familyName} model`, {
        hint: `${familyName} takes: ${Object.keys(table).map((k) => `--${kebab(k)}`).join(', ') || 'no parameters'}`,
      });
    }
    out[name] = convert(String(raw), spec, name);
  }
  return out;
}

function convert(text: string, spec: ParamSpec, name: string): unknown {
  if (spec.type === 'int' || spec.type === 'float') {
    const v = Number(text);
    if (text.trim() === '' || Number.isNaN(v)) throw new SpecmlError('usage.bad_param', `--${kebab(name)} '${text}' is not a number`, { hint: spec.doc });
    return v;
  }
  if (spec.type === 'bool') {
    if (text === 'true' || text === 'false') return text === 'true';
    throw new SpecmlError('usage.bad_param', `--${kebab(name)} '${text}' is not true or false`, { hint: spec.doc });
  }
  return text;
}
