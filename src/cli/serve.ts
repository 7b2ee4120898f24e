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
import { buildServer, loadServed, PredictionLog, Rollout, type ModelServer, type RolloutState, type ServedModel } from '../serve/index.js';
import { openStore, resolveModelRef, type Store } from '../track/index.js';
import type { Io } from './output.js';

interface Flags {
  model: string[];
  port: string;
  host: string;
  token?: string;
  bodyLimit?: string;
  log?: boolean;
  logDurability: string;
  json?: boolean;
  challenger?: string;
  rollout?: string;
  percent: string;
  canarySteps: string;
  maxErrorRate: string;
  maxP99Ms: string;
  minRequests: string;
  reloadSeconds: string;
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
    .option('--challenger <ref>', 'a second version of the first --model, rolled out beside it (package folder or NAME@ALIAS)')
    .option('--rollout <mode>', 'with --challenger: ab | shadow | canary', 'canary')
    .option('--percent <n>', 'ab: percent of requests (sticky by X-Rollout-Key, else per request) sent to the challenger', '10')
    .option('--canary-steps <list>', 'canary: challenger shares in percent, step by step', '1,10,50,100')
    .option('--max-error-rate <r>', 'canary guard: highest challenger error rate before rolling back', '0.01')
    .option('--max-p99-ms <ms>', 'canary guard: highest challenger p99 latency before rolling back', '50')
    .option('--min-requests <n>', 'canary: challenger requests needed at a step before it is judged', '100')
    .option('--reload-seconds <s>', 'how often NAME@ALIAS models are checked against the registry; a moved alias is loaded and swapped in without a restart (0: never)', '2')
    .option('--no-log', 'do not write predictions to the store (then /feedback is unavailable)')
    .option('--log-durability <level>', 'crash: an answered prediction is in the log even if the server is killed (kill -9); power: also after an OS crash or power loss (waits for the disk: a longer tail latency)', 'crash')
    .option('--json', 'print one JSON line when listening')
    .action(async (flags: Flags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SpecmlError('usage.bad_port', `--port '${flags.port}' is not a port number (0-65535)`, { hint: 'e.g. --port 8080, or 0 for any free port.' });
      const bodyLimit = flags.bodyLimit === undefined ? undefined : Number(flags.bodyLimit);
      if (bodyLimit !== undefined && !(Number.isInteger(bodyLimit) && bodyLimit > 0)) throw new SpecmlError('usage.bad_body_limit', `--body-limit '${flags.bodyLimit}' is not a number of bytes above 0`, { hint: 'e.g. --body-limit 1048576 (1 MiB).' });
      const durability = flags.logDurability;
      if (durability !== 'crash' && durability !== 'power') throw new SpecmlError('usage.bad_log_durability', `--log-durability '${durability}' is not a level`, { hint: 'Use --log-durability crash (the default) or power.' });
      const models: ServedModel[] = [];
      // NAME@ALIAS references are watched: `specml models promote|rollback` moves what they serve.
      const watched: { ref: string; name: string }[] = [];
      for (const ref of flags.model) {
        const dir = await resolveModelDir(ref);
        const at = ref.indexOf('@');
        // A registry reference serves under its registered name; a folder under its manifest's.
        const m = await loadServed({ dir, ...(at > 0 && dir !== ref ? { name: ref.slice(0, at) } : {}) });
        if (models.some((x) => x.name === m.name)) throw new SpecmlError('usage.duplicate_model', `two --model values are both named '${m.name}'`, { hint: 'Serve one version per name; use rollout (not yet available) for two versions of one model.' });
        models.push(m);
        if (dir !== ref && /@[A-Za-z]/.test(ref) && !/@v\d+$/.test(ref)) watched.push({ ref, name: m.name });
      }
      const token = flags.token ?? process.env['SPECML_SERVE_TOKEN'];
      // The store (SPECML_STORE or ./.specml/store.db): the prediction log, and a rollout's history.
      const store = flags.log === false && !flags.challenger ? undefined : await openStore(undefined);
      const log = store && flags.log !== false ? new PredictionLog((records) => store.logPredictions(records, { durability })) : undefined;
      // A challenger given as NAME@ALIAS of the first model is watched: when `specml retrain` (or
      // anyone) moves the alias, a fresh rollout of that version starts beside what is serving.
      // Until the alias exists, the model is served alone.
      const challengerWatch = flags.challenger && /^[^@/\\]+@[A-Za-z][\w.-]*$/.test(flags.challenger) && !/@v\d+$/.test(flags.challenger) && flags.challenger.startsWith(`${models[0]!.name}@`) ? { ref: flags.challenger, last: '' } : undefined;
      let challenger: ServedModel | undefined;
      if (flags.challenger) {
        try {
          challenger = await loadServed({ dir: await resolveModelDir(flags.challenger), name: models[0]!.name });
        } catch (err) {
          if (!(challengerWatch && err instanceof SpecmlError && err.code === 'store.unknown_alias')) throw err;
          io.err(`${flags.challenger} does not exist yet: serving ${models[0]!.name} alone until it does\n`);
        }
      }
      if (challenger && challengerWatch) challengerWatch.last = challenger.version;
      if (flags.challenger && !challenger) rolloutState(flags, { champion: 'v1', challenger: 'v2' }); // bad rollout flags fail now, not at the first move
      const rollout = challenger ? rolloutFrom(flags, models[0]!, store!, flags.model[0]!, challenger) : undefined;
      const app = buildServer({
        models,
        ...(token ? { token } : {}),
        ...(bodyLimit ? { bodyLimit } : {}),
        version: VERSION,
        ...(rollout ? { rollout } : {}),
        ...(log && store ? { log, feedback: (model, labels) => store.addFeedback(model, labels) } : {}),
      });
      const address = await app.listen({ host: flags.host, port });
      const listening = { ok: true, url: address, models: models.map((m) => ({ name: m.name, version: m.version, dir: path.resolve(m.dir) })), auth: Boolean(token), log: store?.uri ?? null, ...(rollout ? { rollout: rollout.state } : {}) };
      io.out(flags.json ? JSON.stringify(listening) + '\n' : `serving ${models.map((m) => `${m.name} (${m.version})`).join(', ')} on ${address}${token ? ' (bearer token required)' : ''}\n  POST ${address}/v1/models/${models[0]!.name}/predict  ·  GET ${address}/openapi.json  ·  GET ${address}/metrics\n`);
      const reload = Number(flags.reloadSeconds);
      if (!(reload >= 0)) throw new SpecmlError('usage.bad_reload', `--reload-seconds '${flags.reloadSeconds}' is not a number of seconds`, { hint: 'e.g. --reload-seconds 2, or 0 to never reload.' });
      const check = async (): Promise<void> => {
        await reloadMoved(app, watched, models, app.rollout, io);
        if (challengerWatch) await reloadChallenger(app, challengerWatch, models[0]!, store!, flags, io);
      };
      const watcher = reload > 0 && (watched.length || challengerWatch) ? setInterval(() => void check(), reload * 1000) : undefined;
      watcher?.unref();
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      if (watcher) clearInterval(watcher);
      await app.close();
      await log?.drain();
      await store?.close();
      setExit(0);
    });
}

/**
 * A new version behind a watched `--challenger NAME@ALIAS`: a fresh rollout (the flags' mode, a
 * canary from its first step) of it beside the version serving now — the champion, or the last
 * challenger if a canary promoted it. A version already tried is not rolled out again.
 */
async function reloadChallenger(app: ModelServer, watch: { ref: string; last: string }, first: ServedModel, store: Store, flags: Flags, io: Io): Promise<void> {
  try {
    const v = await resolveModelRef(store, watch.ref).catch((err: unknown) => {
      if (err instanceof SpecmlError && err.code === 'store.unknown_alias') return undefined;
      throw err;
    });
    if (!v || `v${v.version}` === watch.last) return;
    watch.last = `v${v.version}`;
    const serving = app.rollout?.serving ?? first;
    if (serving.version === watch.last) return;
    const next = await loadServed({ dir: v.packageDir, name: first.name });
    app.setRollout(rolloutFrom(flags, serving, store, flags.model[0]!, next));
    io.err(`${watch.ref} moved to ${next.version}: ${flags.rollout} of ${next.version} beside ${serving.version}\n`);
  } catch (err) {
    io.err(`challenger check failed: ${err instanceof Error ? err.message : String(err)}\n`);
  }
}

/** The rollout's first state from the flags (checked: a bad value is a usage error at start). */
function rolloutState(flags: Flags, pair: { champion: string; challenger: string }): RolloutState {
  const num = (flag: string, v: string, ok: (n: number) => boolean, example: string): number => {
    const n = Number(v);
    if (!ok(n)) throw new SpecmlError('usage.bad_rollout', `${flag} '${v}' is out of range`, { hint: `e.g. ${flag} ${example}` });
    return n;
  };
  let state: RolloutState;
  if (flags.rollout === 'ab') state = { mode: 'ab', ...pair, percent: num('--percent', flags.percent, (n) => n >= 0 && n <= 100, '10') };
  else if (flags.rollout === 'shadow') state = { mode: 'shadow', ...pair };
  else if (flags.rollout === 'canary') {
    const steps = flags.canarySteps.split(',').map((x) => num('--canary-steps', x.trim(), (n) => n > 0 && n <= 100, '1,10,50,100'));
    if (steps.some((v, i) => i > 0 && v <= steps[i - 1]!) || steps[steps.length - 1] !== 100) throw new SpecmlError('usage.bad_rollout', `--canary-steps '${flags.canarySteps}' must rise and end at 100`, { hint: 'e.g. --canary-steps 1,10,50,100' });
    state = {
      mode: 'canary',
      ...pair,
      steps,
      step: 0,
      guards: {
        minRequests: num('--min-requests', flags.minRequests, (n) => Number.isInteger(n) && n > 0, '100'),
        maxErrorRate: num('--max-error-rate', flags.maxErrorRate, (n) => n >= 0 && n <= 1, '0.01'),
        maxP99Ms: num('--max-p99-ms', flags.maxP99Ms, (n) => n > 0, '50'),
      },
    };
  } else throw new SpecmlError('usage.bad_rollout', `--rollout '${flags.rollout}' is not a rollout mode`, { hint: 'Use ab, shadow or canary.' });
  return state;
}

/** The rollout of `challenger` beside `champion`, from the rollout flags (checked). */
function rolloutFrom(flags: Flags, champion: ServedModel, store: Store, championRef: string, challenger: ServedModel): Rollout {
  if (challenger.version === champion.version) throw new SpecmlError('usage.bad_rollout', `--challenger is the same version (${challenger.version}) as the model it would replace`, { hint: 'Give a different package or NAME@ALIAS.' });
  const state = rolloutState(flags, { champion: champion.version, challenger: challenger.version });
  // Every change goes to the store's rollout history (`specml models history`), the start included.
  const audit = (action: string, from: RolloutState, to: RolloutState, reason: string): void => {
    store.logRolloutEvent({ name: champion.name, action, from: from as never, to: to as never, reason, actor: `specml serve (pid ${process.pid})` }).catch((err: unknown) => {
      process.stderr.write(`rollout ${champion.name}: could not record '${reason}' in the store: ${err instanceof Error ? err.message : String(err)}\n`);
    });
  };
  audit('start', { mode: 'single', champion: champion.version }, state, `${state.mode} of ${challenger.version} beside ${champion.version}`);
  // A canary that promotes moves the registry alias the champion was served from (NAME@ALIAS) to
  // the challenger's version, so the registry says what is in production and a restart serves it.
  const alias = /^[^@]+@([A-Za-z][\w.-]*)$/.exec(championRef)?.[1];
  const moveAlias = (reason: string): void => {
    // Only between versions of one registered model: the challenger given as NAME@vN or NAME@ALIAS.
    if (!alias || !flags.challenger!.startsWith(`${champion.name}@`) || !/^v\d+$/.test(challenger.version)) return;
    store.setAlias(champion.name, alias, Number(challenger.version.slice(1)), { actor: `specml serve (pid ${process.pid})`, reason: `canary ${reason}` }).then(
      () => process.stderr.write(`rollout ${champion.name}: ${champion.name}@${alias} -> ${challenger.version}\n`),
      (err: unknown) => process.stderr.write(`rollout ${champion.name}: could not move ${champion.name}@${alias} to ${challenger.version}: ${err instanceof Error ? err.message : String(err)}\n`),
    );
  };
  return new Rollout(champion, challenger, state, (e) => {
    process.stderr.write(`rollout ${champion.name}: ${e.reason}\n`);
    audit(e.reason.split(':')[0]!, e.from, e.to, e.reason);
    if (e.from.mode === 'canary' && e.to.mode === 'single' && e.to.champion === challenger.version) moveAlias(e.reason);
  });
}

/** Loads and swaps in the version a watched NAME@ALIAS points at now, when it moved (requests in flight finish on the old one). */
async function reloadMoved(app: ModelServer, watched: readonly { ref: string; name: string }[], models: ServedModel[], rollout: Rollout | undefined, io: Io): Promise<void> {
  let store;
  try {
    store = await openStore(undefined, { mustExist: true });
    for (const w of watched) {
      if (rollout && rollout.champion.name === w.name) continue;
      const v = await resolveModelRef(store, w.ref);
      const current = models.find((m) => m.name === w.name)!;
      if (`v${v.version}` === current.version) continue;
      const next = await loadServed({ dir: v.packageDir, name: w.name });
      app.replaceModel(next);
      models[models.indexOf(current)] = next;
      io.err(`reloaded ${w.name}: ${current.version} -> ${next.version} (${w.ref} moved)\n`);
    }
  } catch (err) {
    // A registry that cannot be read now is tried again next time; the served models stay.
    io.err(`reload check failed: ${err instanceof Error ? err.message : String(err)}\n`);
  } finally {
    await store?.close();
  }
}
