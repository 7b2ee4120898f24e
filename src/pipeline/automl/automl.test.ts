/**
 * AutoML on real rows (examples/credit/credit.csv, 900 of them): the budget is spent in units and
 * never exceeded, the same seed gives the same trials and model bytes on 1 and 2 threads, the
 * TPE phase prunes by folds, bagging rebuilds the search's fold models, the time cap and the
 * inference limit do what they say.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PredictorModel } from '../../core/estimator.js';
import { takeColumn } from '../../core/frame.js';
import { Rng } from '../../core/rng.js';
import { decodeState, encodeState } from '../../core/state.js';
import { readTable } from '../../data/io/index.js';
import { inferSchema } from '../../data/schema/index.js';
import { StratifiedKFold } from '../../evaluate/cv/index.js';
import { loadStep, saveStep } from '../../features/step-state.js';
import { StackedModel, WeightedEnsembleModel } from '../../models/ensemble/index.js';
import '../../models/inference.js';
import { assemble } from './assemble.js';
import { automl, type AutomlInput } from './automl.js';
import { resolveBudget } from './presets.js';
import { chooseFinal } from './select.js';

const credit = fileURLToPath(new URL('../../../examples/credit/credit.csv', import.meta.url));

async function data() {
  const { frame } = inferSchema(await readTable(credit));
  const rows = Int32Array.from({ length: 900 }, (_, i) => i * 4);
  return { frame: frame.drop(['Status']).take(rows), target: takeColumn(frame.column('Status'), rows) };
}

/** sha256 of a model's saved state (JSON and typed-array buffers): equal hashes, equal model bytes. */
function modelHash(m: PredictorModel): string {
  const { json, buffers } = encodeState(saveStep(m) as never);
  const h = createHash('sha256').update(JSON.stringify(json));
  for (const b of buffers) h.update(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
  return h.digest('hex');
}

async function run(over: Partial<AutomlInput> = {}) {
  const d = await data();
  return automl({ ...d, task: 'binary', metric: 'roc_auc', splitter: new StratifiedKFold({ n_splits: 3, shuffle: true }), rng: new Rng(7), budget: resolveBudget({ preset: 'fast', units: 12 }), ...over });
}

describe('automl', () => {
  it('spends whole configurations within the budget and is bit-for-bit reproducible on 1 and 2 threads', async () => {
    const a = await run({ threads: 1 });
    const b = await run({ threads: 2 });
    // 12 units at 3 folds: four portfolio configurations, each complete.
    expect(a.unitsUsed).toBe(12);
    expect(a.trials.map((t) => [t.id, t.state, t.units])).toEqual(a.members.map((m) => [m.id, 'complete', 3]));
    expect(b.trials.map((t) => [t.id, t.value])).toEqual(a.trials.map((t) => [t.id, t.value]));
    expect(b.choice).toEqual(a.choice);
    expect(modelHash(b.model)).toBe(modelHash(a.model));
    // The OOF score of the chosen candidate is a real score on this task, not a placeholder.
    expect(a.chosenCv.scores.roc_auc!.mean).toBeGreaterThan(0.75);
    expect(a.chosenCv.scores.roc_auc!.mean).toBeLessThan(0.95);
  });

  it('the choice follows the statistics: ensemble only when significantly better than the best single', async () => {
    const r = await run();
    expect(r.ensemble).toBeDefined();
    const best = [...r.members].sort((x, y) => y.score - x.score)[0]!;
    expect(r.choice.test!.against).toBe(best.id);
    const significant = r.choice.test!.difference > 0 && r.choice.test!.pValue < 0.05;
    expect(r.choice.chosen).toBe(significant ? 'ensemble' : best.id);
    if (r.choice.chosen === 'ensemble') expect(r.model).toBeInstanceOf(WeightedEnsembleModel);
  });

  it('constraints act first: an ineligible best is passed over, and with none eligible the choice says so', async () => {
    const r = await run();
    const ctx = { target: (await data()).target, task: 'binary' as const, metric: 'roc_auc', folds: r.folds };
    const ranked = [...r.members].sort((x, y) => y.score - x.score);
    const notBest = chooseFinal(r.members, undefined, ctx, new Rng(1), (cv) => cv !== ranked[0]!.cv);
    expect(notBest).toMatchObject({ chosen: ranked[1]!.id, constrained: true });
    expect(notBest.reason).toMatch(/among candidates meeting the fairness gates/);
    const none = chooseFinal(r.members, r.ensemble, ctx, new Rng(1), () => false);
    expect(none.constrained).toBe(false);
    expect(none.reason).toMatch(/no candidate meets the fairness gates out of fold; chosen without them/);
  });

  it('tunes with TPE after the portfolio, pruning by folds, and records every trial', async () => {
    const seen: string[] = [];
    const r = await run({ families: ['gbdt'], budget: resolveBudget({ preset: 'fast', units: 3 * 22 }), onTrial: (t) => void seen.push(t.id) });
    const tpe = r.trials.filter((t) => t.source === 'tpe');
    expect(tpe.length).toBeGreaterThan(0);
    expect(seen).toEqual(r.trials.map((t) => t.id));
    expect(r.unitsUsed).toBeLessThanOrEqual(66);
    expect(r.unitsUsed).toBe(r.trials.reduce((a, t) => a + t.units, 0));
    // A pruned trial spent fewer units than folds and is not an ensemble member.
    for (const t of r.trials.filter((x) => x.state === 'pruned')) {
      expect(t.units).toBeLessThan(3);
      expect(r.members.some((m) => m.id === t.id)).toBe(false);
    }
  }, 120_000);

  it('bagged deployment rebuilds the fold models the out-of-fold predictions came from', async () => {
    const r = await run({ budget: resolveBudget({ preset: 'fast', units: 6, deploy: 'bag' }) });
    // Each deployed member is the average of its 3 fold models.
    const members = r.model instanceof WeightedEnsembleModel && r.model.params['ensemble'] ? r.model.members : [r.model];
    for (const m of members) {
      expect(m).toBeInstanceOf(WeightedEnsembleModel);
      expect((m as WeightedEnsembleModel).members).toHaveLength(3);
    }
  });

  it('stacks a second layer on the first layer\'s out-of-fold predictions, and the deployed stack predicts from the original columns', async () => {
    const d = await data();
    // 18 units at 3 folds: 4 first-layer configurations, then 2 stacking ones.
    const r = await run({ budget: resolveBudget({ preset: 'best', units: 18 }) });
    const stack = r.trials.filter((t) => t.source === 'stack');
    expect(stack).toHaveLength(2);
    expect(r.unitsUsed).toBe(18);
    const l2 = r.members.filter((m) => m.bases);
    expect(l2.map((m) => m.id)).toEqual(stack.filter((t) => t.state === 'complete').map((t) => t.id));
    for (const m of l2) expect(m.bases!.length).toBeGreaterThanOrEqual(2);
    // Force a stacking member into the deployed model to check the deployed form end to end.
    const chosen = l2[0]!;
    const assembled = await assemble({ ...d, task: 'binary', metric: 'roc_auc', splitter: new StratifiedKFold({ n_splits: 3, shuffle: true }), rng: new Rng(7), members: [chosen], weights: [1], pool: r.members, mode: 'refit' });
    expect(assembled.model).toBeInstanceOf(StackedModel);
    const p = assembled.model.predict(d.frame);
    // Saved and loaded as a package would: the same predictions, bit for bit.
    const { json, buffers } = encodeState(saveStep(assembled.model) as never);
    const reloaded = loadStep(decodeState(JSON.parse(JSON.stringify(json)), buffers)) as PredictorModel;
    expect(reloaded.predict(d.frame).proba).toEqual(p.proba);
    expect(p.proba!.length).toBe(d.frame.nRows * 2);
    expect(d.frame.names.some((n) => n.startsWith('__stack_'))).toBe(false);
  });

  it('max_time stops the search and says so; an inference limit drops the lightest members', async () => {
    await expect(run({ budget: { ...resolveBudget({ preset: 'fast' }), maxTimeS: 0 } })).rejects.toMatchObject({ code: 'model.no_candidate' });
    const r = await run({ inferLimitMs: 1e-9 });
    if (r.choice.chosen === 'ensemble') expect(r.assembled.dropped.length).toBeGreaterThan(0);
    expect(r.assembled.kept).toHaveLength(1);
    expect(r.assembled.latencyMs).toBeGreaterThan(0);
  });
});
