/**
 * The store conformance suite (STYLE.md §8, after Optuna's `StorageTestCase`): a new store
 * implementation proves in one test that it keeps every rule of types.ts.
 *
 * `make` returns a new, empty store each time it is called; `packageDir` is a folder holding a
 * model package (at least a `model.json`) to register. Each failed check throws an Error naming
 * the store and the rule it broke.
 *
 * @example
 * it('conforms', () => checkStore(async () => openSqliteStore(tmpFile()), pkgDir));
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SpecmlError } from '../core/errors.js';
import type { Store } from './types.js';

async function rejectsWith(p: Promise<unknown>, code: string, what: string): Promise<void> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SpecmlError && err.code === code) return;
    throw new Error(`${what}: expected SpecmlError ${code}, got ${err instanceof Error ? `${(err as SpecmlError).code ?? err.name}: ${err.message}` : String(err)}`);
  }
  throw new Error(`${what}: expected SpecmlError ${code}, but it succeeded`);
}

function expect(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

export async function checkStore(make: () => Promise<Store>, packageDir: string): Promise<void> {
  const store = await make();
  const who = `store ${store.uri}`;
  try {
    // Runs: created running, params/metrics/tags while running.
    const run = await store.createRun({ experiment: 'exp', seed: 7, params: { model: 'gbdt', trees: 100 }, tags: { stage: 'cv' }, specHash: 'abc', data: { train: 'f00d' }, specmlVersion: '0.0.0', environment: { node: process.version } });
    expect(run.status === 'running' && run.endedAt === null, `${who}: a new run must be running (rule 1)`);
    expect(run.seed === 7 && run.params['trees'] === 100 && run.tags['stage'] === 'cv' && run.data['train'] === 'f00d', `${who}: createRun must keep seed, params, tags and data`);
    await store.logMetric(run.id, 'auc', 0.5, 0);
    await store.logMetric(run.id, 'auc', 0.7, 1);
    await store.logMetric(run.id, 'auc', 0.6, 1);
    await store.logMetric(run.id, 'loss', NaN);
    await store.logParams(run.id, { trees: 100, depth: 6 });
    await rejectsWith(store.logParams(run.id, { trees: 200 }), 'store.param_changed', `${who}: rule 3 (params written once)`);
    const art = await store.logArtifact(run.id, 'report.html', new TextEncoder().encode('<p>hi</p>'));
    const again = await store.logArtifact(run.id, 'copy.html', new TextEncoder().encode('<p>hi</p>'));
    expect(art.sha256 === again.sha256 && art.bytes === 9, `${who}: artifacts are addressed by content`);
    expect(new TextDecoder().decode(await store.readArtifact(art.sha256)) === '<p>hi</p>', `${who}: readArtifact must return the bytes logged`);

    const got = await store.getRun(run.id);
    const auc = got.metrics.filter((m) => m.key === 'auc').map((m) => `${m.step}:${m.value}`);
    expect(auc.join(',') === '0:0.5,1:0.7,1:0.6', `${who}: rule 4 (metric history in logged order, nothing overwritten), got ${auc.join(',')}`);
    expect(Number.isNaN(got.metrics.find((m) => m.key === 'loss')!.value), `${who}: a NaN metric must read back as NaN`);
    expect(got.params['depth'] === 6 && got.artifacts.length === 2, `${who}: params and artifacts must be listed with the run`);

    // Finishing: one legal transition, then immutable.
    const done = await store.finishRun(run.id, 'finished', { ok: true });
    expect(done.status === 'finished' && done.endedAt !== null && JSON.stringify(done.summary) === '{"ok":true}', `${who}: finishRun must record status, end time and summary`);
    await rejectsWith(store.finishRun(run.id, 'failed'), 'store.illegal_transition', `${who}: rule 1 (a run ends once)`);
    await rejectsWith(store.logMetric(run.id, 'auc', 1), 'store.run_finished', `${who}: rule 2 (metrics on a finished run)`);
    await rejectsWith(store.logParams(run.id, { x: 1 }), 'store.run_finished', `${who}: rule 2 (params on a finished run)`);
    await rejectsWith(store.setTags(run.id, { x: '1' }), 'store.run_finished', `${who}: rule 2 (tags on a finished run)`);
    await rejectsWith(store.logArtifact(run.id, 'x', new Uint8Array(1)), 'store.run_finished', `${who}: rule 2 (artifacts on a finished run)`);
    await rejectsWith(store.getRun('no-such-run'), 'store.unknown_run', `${who}: unknown run id`);

    const other = await store.createRun({ experiment: 'other' });
    await store.finishRun(other.id, 'failed');
    expect((await store.listRuns({ experiment: 'exp' })).map((r) => r.id).join() === run.id, `${who}: listRuns must filter by experiment`);
    expect((await store.listRuns({ status: 'failed' })).map((r) => r.id).join() === other.id, `${who}: listRuns must filter by status`);

    // Registry: numbered versions with lineage, copied packages.
    const v1 = await store.registerModel({ name: 'm', runId: run.id, packageDir, packageSha256: 'p1', summary: { auc: 0.7 } });
    const v2 = await store.registerModel({ name: 'm', packageDir, packageSha256: 'p2' });
    expect(v1.version === 1 && v2.version === 2 && v1.runId === run.id && v2.runId === null, `${who}: rule 5 (versions numbered 1, 2 with lineage)`);
    expect(existsSync(path.join(v1.packageDir, 'model.json')) && path.resolve(v1.packageDir) !== path.resolve(packageDir), `${who}: a registered package is copied into the store`);
    expect(readFileSync(path.join(v1.packageDir, 'model.json'), 'utf8') === readFileSync(path.join(packageDir, 'model.json'), 'utf8'), `${who}: the registered copy must equal the package`);
    await rejectsWith(store.registerModel({ name: '../escape', packageDir, packageSha256: 'x' }), 'store.bad_name', `${who}: model names cannot escape the store`);
    await rejectsWith(store.getModelVersion('m', 9), 'store.unknown_model', `${who}: unknown version`);

    // Aliases and their append-only history.
    const e1 = await store.setAlias('m', 'champion', 1, { actor: 'test', reason: 'first' });
    const e2 = await store.setAlias('m', 'champion', 2, { actor: 'test', reason: 'better' });
    expect(e1.from === null && e1.to === 1 && e2.from === 1 && e2.to === 2 && e2.seq > e1.seq, `${who}: rule 6 (set records from/to in order)`);
    expect((await store.aliases('m'))['champion'] === 2, `${who}: the alias must point at the version set last`);
    const rb = await store.rollbackAlias('m', 'champion', { reason: 'regression' });
    expect(rb.action === 'rollback' && rb.from === 2 && rb.to === 1 && (await store.aliases('m'))['champion'] === 1, `${who}: rule 6 (rollback returns to the previous version)`);
    await rejectsWith(store.setAlias('m', 'champion', 7), 'store.unknown_model', `${who}: an alias must point at an existing version`);
    await rejectsWith(store.rollbackAlias('m', 'nobody'), 'store.nothing_to_roll_back', `${who}: rollback of an alias that never moved`);
    await store.setAlias('m', 'staging', 2);
    await store.removeAlias('m', 'staging', { reason: 'retired' });
    expect(!('staging' in (await store.aliases('m'))), `${who}: removeAlias must remove the alias`);
    const hist = await store.history('m');
    expect(hist.map((h) => `${h.alias}:${h.action}:${h.from}->${h.to}`).join(',') === 'champion:set:null->1,champion:set:1->2,champion:rollback:2->1,staging:set:null->2,staging:remove:2->null', `${who}: the history must list every move in order, got ${hist.map((h) => `${h.alias}:${h.action}:${h.from}->${h.to}`).join(',')}`);
    const models = await store.listModels();
    expect(models.length === 1 && models[0]!.latest === 2 && models[0]!.aliases['champion'] === 1, `${who}: listModels must show latest versions and aliases`);

    // The prediction log: readable as soon as a write resolves; a (id, role) logged again keeps the first; one label per prediction.
    const rec = (id: string, at: number) => ({ id, role: 'served' as const, model: 'm', version: '1', at, input: { x: at }, output: { prediction: 'a' }, latencyMs: 0.1, requestId: id.split('/')[0]! });
    await store.logPredictions([rec('q1/0', 1), rec('q1/1', 1)], { durability: 'crash' });
    await store.logPredictions([rec('q1/0', 2), rec('q2/0', 3)]);
    const logged = (await store.listPredictions({ model: 'm' })).map((p) => `${p.id}@${p.at}`);
    expect(logged.join(',') === 'q1/0@1,q1/1@1,q2/0@3', `${who}: rule 8 (a logged prediction is read back at once, the first of a repeated id stays), got ${logged.join(',')}`);
    const fb = await store.addFeedback('m', [{ id: 'q2/0', label: 'a' }, { id: 'q2/0', label: 'b' }]);
    expect(fb.accepted === 1 && fb.unknown.join(',') === 'q2/0', `${who}: rule 8 (a label joins a prediction once)`);
  } finally {
    await store.close();
  }
}
