/**
 * `specml run`: spec → load → validate → split (the holdout set aside) → AutoML on the training
 * rows (portfolio, tuning, ensemble; run/search.ts) → leaderboard with significance → the chosen
 * model, fitted on all training rows → holdout
 * evaluation (metrics with CIs, curves, calibration) → explanations and fairness → package →
 * latency and size measured on the package → gates → register (alias moved only when every gate
 * passes) → report. Every stage is recorded in the store's run (params, metrics per fold, data
 * and spec fingerprints, seed, environment); the run ends `finished` (gates passed or not) or
 * `failed` (an error), never left `running` by an error this process can see.
 *
 * The holdout is scored by exactly two models, once each: the selected candidate and the
 * baseline it must beat. Model choice uses only cross-validation on the training rows.
 *
 * @example
 * const r = await runSpec({ spec: 'examples/credit/specml.yaml' });
 * r.summary.passed; // true when every gate passed
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { saveModelPackage } from '../../artifact/index.js';
import { writeFileAtomic } from '../../core/atomic.js';
import type { Estimator, PredictorModel } from '../../core/estimator.js';
import { Rng } from '../../core/rng.js';
import { profileFrame, referenceSample } from '../../data/profile/index.js';
import { writeRunReport, type RunReport } from '../../report/index.js';
import { loadSpec, type Spec } from '../../spec/index.js';
import { openStore, type Run, type Store } from '../../track/index.js';
import { family } from '../families.js';
import { sha256File } from '../train.js';
import { VERSION } from '../version.js';
import { beatsBaseline, leaderboard } from './compare.js';
import { holdoutEvaluation } from './holdout.js';
import { fairnessOf, importanceOf, shapOf } from './insight.js';
import { checkGatesApply, judgeGates, type Measured, type PackageEvaluation } from './judge.js';
import { measurePackage } from './measure.js';
import { describeMitigation, failingOnTraining, planMitigation, type MitigationPlan } from './mitigation.js';
import { CalibratedModel } from '../../models/calibrated/model.js';
import { prepare } from './prepare.js';
import { fingerprint, retrainSpec, specHash } from './inputs.js';
import { cvCache } from './resume.js';
import { appendEvaluationCard } from './card.js';
import { decisionRule } from './decision.js';
import { searchStage } from './search.js';
import { cvSplitter } from './split.js';
import { runSummary, type RunSummary } from './summary.js';
import { updateProjectNotes } from './notes.js';

export interface RunInput {
  /** The spec file (YAML or PRP markdown). */
  spec: string;
  /** Store URI (default: SPECML_STORE or ./.specml/store.db). */
  store?: string;
  /** Root folder for reports (default `reports`). */
  reportsDir?: string;
  onStep?: (step: string) => void;
  /**
   * Retraining (pipeline/retrain.ts): train on this file instead of the spec's data.train (the
   * holdout is then split from it, data.test is not used), and register the version under
   * `alias` when every gate passes (null: register without moving any alias).
   */
  retrain?: { train: string; alias: string | null; tags: Record<string, string> };
}

export interface RunOutput {
  summary: RunSummary;
  report: RunReport;
}

export async function runSpec(input: RunInput): Promise<RunOutput> {
  const step = input.onStep ?? (() => {});
  const started = performance.now();
  const startedAt = new Date();
  const loaded = await loadSpec(input.spec);
  const spec = input.retrain ? retrainSpec(loaded, input.retrain.train) : loaded;
  const store = await openStore(input.store);
  try {
    const dataSha = await fingerprint(spec, 'train');
    await reapDeadRuns(store, step);
    const run = await store.createRun({
      experiment: spec.name,
      seed: spec.seed,
      specHash: specHash(spec),
      data: { train: dataSha, ...(spec.data.test ? { test: await fingerprint(spec, 'test') } : {}) },
      specmlVersion: VERSION,
      environment: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: String(os.availableParallelism()) },
      tags: { pid: String(process.pid), host: os.hostname(), ...input.retrain?.tags },
      params: { spec_file: spec.file ?? null, task: spec.task, metric: spec.metric ?? null, split: spec.split, models: spec.models ?? null, gates: spec.gates.map((g) => g.source) },
    });
    try {
      const out = await stages(spec, store, run, dataSha, input, step, started, startedAt);
      await store.finishRun(run.id, 'finished', out.summary as never);
      return out;
    } catch (err) {
      await store.finishRun(run.id, 'failed', { error: err instanceof Error ? err.message : String(err) }).catch(() => {});
      throw err;
    }
  } finally {
    await store.close();
  }
}

async function stages(spec: Spec, store: Store, run: Run, dataSha: string, input: RunInput, step: (s: string) => void, started: number, startedAt: Date): Promise<RunOutput> {
  const runId = run.id;
  const rng = new Rng(spec.seed);
  const p = await prepare(spec, step);
  checkGatesApply(spec, p.task);
  await store.logParams(runId, { resolved_task: p.task, resolved_metric: p.metric, features: p.features, train_rows: p.train.nRows, holdout_rows: p.test.nRows });

  // Candidates on the training rows only.
  const { splitter, groups, method: cvMethod } = cvSplitter(spec, p.task, p.train);
  const cache = await cvCache(store, run, step);
  const search = await searchStage(spec, p, { store, runId, rng, splitter, ...(groups ? { groups } : {}), cache, step });
  const cands = search.cands;
  for (const c of cands) for (const [f, v] of c.cv.scores[p.metric]!.folds.entries()) await store.logMetric(runId, `cv_${p.metric}.${c.name}`, v, f);
  const board = leaderboard(cands, p.metric, p.train.nRows, spec.split.folds, search.selected);
  const best = board.find((b) => b.selected)!;
  step(`selected ${best.name} (CV ${p.metric} ${best.mean.toFixed(4)})`);

  // The selected candidate was fitted on all training rows by the search; score the holdout once.
  const fitted = search.model;
  const trainSeconds = search.seconds;
  const chosenOof = cands.find((c) => c.name === best.name)!.cv.oofProba;
  const rule = decisionRule(spec, p, chosenOof, fitted);
  // Out-of-fold probabilities as the final model gives them, and its own decision threshold.
  const oof = rule?.oofProba ?? chosenOof;
  const baseThreshold = rule?.decision.threshold ?? 0.5;
  let model = rule?.model ?? fitted;
  // A fairness mitigation the spec allows is decided and fitted on training rows, before the holdout.
  let plan: MitigationPlan | undefined;
  if (spec.fairness?.mitigation === 'group_thresholds' && oof) {
    const gate = failingOnTraining(spec, p, oof, baseThreshold);
    plan = gate && planMitigation(spec, p, oof, baseThreshold, gate);
    if (plan) {
      step(`applying group thresholds on ${plan.attr.column} (a fairness gate fails on out-of-fold predictions)`);
      model = withGroupThresholds(model, plan);
    }
  }
  const applied = plan !== undefined;
  const baseline = await (family('baseline').make({}, p.task) as Estimator<PredictorModel>).fit(p.train.select(p.features), p.yTrain, { rng: rng.fork('refit-baseline') });
  const testX = p.test.select(p.features);
  const pred = model.predict(testX);
  const basePred = baseline.predict(testX);
  step('evaluating on the holdout');
  const holdout = holdoutEvaluation(p, pred, rng.fork('holdout-ci'));
  const beats = beatsBaseline(p, pred, basePred, rng.fork('beats'));

  step('explaining the model');
  const importance = importanceOf(model, p, rng);
  const shap = shapOf(model, p);
  let fairness: ReturnType<typeof fairnessOf> | undefined;
  if (spec.fairness && p.task === 'binary') {
    step('measuring fairness');
    const score = Float64Array.from({ length: p.test.nRows }, (_, i) => pred.proba![i * 2 + 1]!);
    fairness = fairnessOf(spec, p, Int32Array.from(pred.values), score);
  }

  // The package, then what serving will see: latency and size.
  step('saving and measuring the model package');
  const pkgDir = path.join(store.root, 'runs', runId, 'package');
  const schema = { version: 1 as const, columns: p.inspection.schema.columns.filter((c) => p.features.includes(c.name)) };
  await saveModelPackage(pkgDir, {
    model,
    name: spec.deploy?.name ?? spec.name,
    target: spec.data.target,
    schema,
    idColumns: p.idColumns,
    ...(p.positiveClass ? { positiveClass: p.positiveClass } : {}),
    seed: spec.seed,
    data: { file: spec.data.train, sha256: dataSha, rows: p.labelledRows },
    specmlVersion: VERSION,
    reference: {
      ...profileFrame(p.train, p.inspection.schema, { target: spec.data.target, classification: p.task !== 'regression' }),
      // The rows drift is measured against: the training rows, or the holdout (monitor.reference: test).
      sample: referenceSample(spec.monitor?.reference === 'test' ? p.test : p.train, [...p.features, spec.data.target], rng.fork('reference')),
    },
  });
  // Size is the package as saved: the evaluation.json and card section added below (a few KB) are
  // not in it, since they record this very measurement.
  const ops = await measurePackage(pkgDir, testX);

  const measured: Measured = {
    metrics: holdout.metrics,
    fairness: fairness?.measured ?? {},
    operational: { p50_latency_ms: ops.latencyMs.p50, p95_latency_ms: ops.latencyMs.p95, p99_latency_ms: ops.latencyMs.p99, model_size_mb: ops.sizeBytes / 1e6, train_seconds: trainSeconds },
    ...(beats ? { beats } : {}),
  };
  const gates = judgeGates(spec.gates, measured);
  const passed = gates.every((g) => g.passed);
  const failedFair = gates.find((g) => !g.passed && g.kind === 'threshold' && (g.metric === 'demographic_parity_difference' || g.metric === 'equal_opportunity_difference'));
  if (!plan && failedFair && oof) plan = planMitigation(spec, p, oof, baseThreshold, { metric: failedFair.metric, limit: failedFair.threshold! });
  const mitigation = fairness && plan ? describeMitigation(spec, p, plan, Float64Array.from({ length: p.test.nRows }, (_, i) => pred.proba![i * 2 + 1]!), baseThreshold, applied) : undefined;

  // What `specml test` re-checks later travels with the package (registration copies it).
  const evaluation: PackageEvaluation = {
    format: 'specml.evaluation',
    version: 1,
    run_id: runId,
    spec_sha256: specHash(spec),
    metric: p.metric,
    gates: spec.gates.map((g) => g.source),
    measured,
    results: gates,
    holdout_rows: p.test.nRows,
    ...(importance ? { importance: { method: importance.method, metric: importance.metric, features: importance.features.map((f) => ({ name: f.name, mean: f.mean })) } } : {}),
  };
  await writeFileAtomic(path.join(pkgDir, 'evaluation.json'), JSON.stringify(evaluation, null, 1) + '\n');

  const name = spec.deploy?.name ?? spec.name;
  const alias = input.retrain ? input.retrain.alias : (spec.deploy?.alias ?? 'staging');
  const report: RunReport = {
    runId,
    name: spec.name,
    ...(spec.goal ? { goal: spec.goal } : {}),
    ...(spec.why ? { why: spec.why } : {}),
    startedAt: startedAt.toISOString(),
    seconds: (performance.now() - started) / 1000,
    specmlVersion: VERSION,
    seed: spec.seed,
    passed,
    data: {
      file: spec.data.given?.train ?? spec.data.train,
      sha256: dataSha,
      rows: p.labelledRows,
      features: p.features,
      target: spec.data.target,
      task: p.task,
      ...(p.classes ? { classes: p.classes } : {}),
      ...(p.positiveClass ? { positiveClass: p.positiveClass } : {}),
      trainRows: p.train.nRows,
      holdoutRows: p.test.nRows,
      splitMethod: p.splitMethod,
      cvMethod,
      issues: p.issues.filter((i) => i.severity !== 'info').map((i) => ({ severity: i.severity, code: i.code, message: i.message })),
    },
    metric: { name: p.metric, greaterIsBetter: board[0]!.greaterIsBetter, reason: p.inspection.metric.reason },
    leaderboard: board.map(({ greaterIsBetter: _g, ...row }) => row),
    selection: search.selection,
    ...(rule ? { decision: rule.decision } : {}),
    holdout,
    ...(beats ? { beats } : {}),
    importance,
    ...(shap ? { shap } : {}),
    ...(fairness ? { fairness: fairness.sections } : {}),
    ...(mitigation ? { mitigation } : {}),
    gates,
    // Version and registered folder are filled in once registered (below).
    model: { name, version: 0, alias: null, packageDir: pkgDir, sizeBytes: ops.sizeBytes, latencyMs: ops.latencyMs },
    lineage: { specSha256: specHash(spec), dataSha256: dataSha, node: process.version, platform: `${process.platform}-${process.arch}` },
  };
  await appendEvaluationCard(pkgDir, report);

  // Register always (lineage of every attempt); move the alias only when every gate passed.
  const version = await store.registerModel({ name, runId, packageDir: pkgDir, packageSha256: await sha256File(path.join(pkgDir, 'weights.bin')), summary: { passed, [p.metric]: holdout.metrics[p.metric]?.value ?? null } });
  if (passed && alias) await store.setAlias(name, alias, version.version, { reason: `run ${runId}: all ${gates.length} gates passed` });
  for (const [k, v] of Object.entries(holdout.metrics)) await store.logMetric(runId, `holdout_${k}`, v.value);

  report.model = { ...report.model, version: version.version, alias: passed ? alias : null, packageDir: version.packageDir };
  report.seconds = (performance.now() - started) / 1000;
  step('writing the report');
  const files = await writeRunReport(report, path.join(input.reportsDir ?? 'reports', spec.name, `run-${runId}`));
  await store.logArtifact(runId, 'report.html', await readFile(files.html));
  const summary = runSummary(report, files);
  await updateProjectNotes(spec, summary);
  return { summary, report };
}

/** The model deciding with one threshold per group of the plan's attribute (calibration kept). */
function withGroupThresholds(model: PredictorModel, plan: MitigationPlan): PredictorModel {
  const groups = { column: plan.attr.column, bands: plan.attr.bands ? [...plan.attr.bands] : null, thresholds: plan.thresholds };
  if (model instanceof CalibratedModel) return new CalibratedModel({ ...model.params, mitigation: 'group_thresholds' }, model.base, { ...model.rule, groups });
  return new CalibratedModel({ mitigation: 'group_thresholds' }, model, { calibrator: null, scale: 'proba', threshold: null, groups });
}

/**
 * Runs left `running` by a process on this host that no longer exists (kill -9, power loss) are
 * ended as `killed`, so the store says what happened to them.
 */
async function reapDeadRuns(store: Store, step: (s: string) => void): Promise<void> {
  for (const r of await store.listRuns({ status: 'running', limit: 1000 })) {
    const pid = Number(r.tags['pid']);
    if (r.tags['host'] !== os.hostname() || !Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
    await store.finishRun(r.id, 'killed', { reason: `process ${pid} ended without finishing the run` });
    step(`run ${r.id} was interrupted (process ${pid} is gone): recorded as killed`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
