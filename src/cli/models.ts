/**
 * `specml models list|show|promote|rollback|history`: the model registry from the command line.
 * Every alias move is recorded with who and why (`--reason`; the actor is SPECML_ACTOR or the OS
 * user), and `history` prints that record.
 *
 * @example
 * specml models promote credit-risk@staging --to champion --reason "gates passed"
 * specml models rollback credit-risk@champion --reason "p99 latency regression"
 */
import type { Command } from 'commander';
import { SpecmlError } from '../core/errors.js';
import { parseModelRef, resolveModelRef, type AliasEvent } from '../track/index.js';
import { withStore } from './store.js';
import { formatTime as when, type Io } from './output.js';

interface StoreFlags {
  store?: string;
  json?: boolean;
}

const eventLine = (e: AliasEvent): string =>
  `${when(e.at)}  ${e.alias.padEnd(12)} ${e.action.padEnd(8)} ${e.from === null ? '-' : `v${e.from}`} -> ${e.to === null ? '-' : `v${e.to}`}  by ${e.actor}${e.reason ? `: ${e.reason}` : ''}`;

export function registerModels(program: Command, io: Io, setExit: (code: number) => void): void {
  const models = program.command('models').description('the model registry: versions, aliases and their history');
  const common = (c: Command): Command => c.option('--store <uri>', 'store URI (default: SPECML_STORE or ./.specml/store.db)').option('--json', 'print one JSON document on stdout');
  const print = (flags: StoreFlags, doc: unknown, text: string): void => {
    io.out(flags.json ? JSON.stringify({ ok: true, ...(doc as object) }, null, 2) + '\n' : text);
    setExit(0);
  };

  common(models.command('list').description('registered models, their latest version and aliases')).action(async (flags: StoreFlags) => {
    const list = await withStore(flags, (s) => s.listModels());
    const text = list.length
      ? list.map((m) => `${m.name.padEnd(24)} latest v${m.latest}  ${Object.entries(m.aliases).map(([a, v]) => `${a}=v${v}`).join(' ')}`).join('\n') + '\n'
      : 'no registered models (specml run registers one)\n';
    print(flags, { models: list }, text);
  });

  common(models.command('show').argument('<ref>', 'NAME, NAME@ALIAS or NAME@vN').description('one model version: package, lineage, summary')).action(async (ref: string, flags: StoreFlags) => {
    const { v, aliases } = await withStore(flags, async (s) => {
      const v = await resolveModelRef(s, ref);
      return { v, aliases: await s.aliases(v.name) };
    });
    const own = Object.entries(aliases).filter(([, n]) => n === v.version).map(([a]) => a);
    const text = [
      `${v.name} v${v.version}${own.length ? ` (${own.join(', ')})` : ''}`,
      `  package  ${v.packageDir}`,
      `  sha256   ${v.packageSha256}`,
      `  run      ${v.runId ?? '(registered outside a run)'}`,
      `  created  ${when(v.createdAt)}`,
      ...(v.summary ? [`  summary  ${JSON.stringify(v.summary)}`] : []),
    ].join('\n');
    print(flags, { model: v, aliases: own }, text + '\n');
  });

  common(
    models
      .command('promote')
      .argument('<ref>', 'the version to promote: NAME@vN, NAME@ALIAS (its current version) or NAME (latest)')
      .requiredOption('--to <alias>', 'alias to point at it, e.g. champion')
      .option('--reason <text>', 'why (kept in the history)')
      .description('point an alias at a version (recorded in the history)'),
  ).action(async (ref: string, flags: StoreFlags & { to: string; reason?: string }) => {
    const e = await withStore(flags, async (s) => {
      const v = await resolveModelRef(s, ref);
      return s.setAlias(v.name, flags.to, v.version, { ...(flags.reason ? { reason: flags.reason } : { reason: `promoted from ${ref}` }) });
    });
    print(flags, { event: e }, `${e.name}@${e.alias}: ${e.from === null ? 'new' : `v${e.from}`} -> v${e.to}\n`);
  });

  common(
    models
      .command('rollback')
      .argument('<ref>', 'NAME@ALIAS to move back to the version it held before its latest move')
      .option('--reason <text>', 'why (kept in the history)')
      .description('move an alias back to its previous version (recorded in the history)'),
  ).action(async (ref: string, flags: StoreFlags & { reason?: string }) => {
    const r = parseModelRef(ref);
    if (!('alias' in r)) throw new SpecmlError('usage.bad_ref', `rollback needs NAME@ALIAS, got '${ref}'`, { hint: 'e.g. specml models rollback credit-risk@champion' });
    const e = await withStore(flags, (s) => s.rollbackAlias(r.name, r.alias, flags.reason ? { reason: flags.reason } : {}));
    print(flags, { event: e }, `${e.name}@${e.alias}: v${e.from} -> v${e.to} (rolled back)\n`);
  });

  common(models.command('history').argument('<name>', 'model name').description('every alias move of a model, and what servers did with its rollouts, oldest first')).action(async (name: string, flags: StoreFlags) => {
    const { events, rollouts } = await withStore(flags, async (s) => {
      await resolveModelRef(s, name);
      return { events: await s.history(name), rollouts: await s.rolloutEvents(name) };
    });
    const lines = [...events.map(eventLine), ...rollouts.map((r) => `${when(r.at)}  rollout      ${r.action.padEnd(8)} by ${r.actor}: ${r.reason}`)];
    print(flags, { history: events, rollouts }, lines.length ? lines.join('\n') + '\n' : `${name}: no alias moves yet\n`);
  });
}
