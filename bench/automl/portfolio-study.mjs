// The offline study that chooses specml's AutoML portfolio (issue 5), after AutoGluon's zero-shot
// portfolios (Salinas & Erickson, "TabRepo", 2023): evaluate a pool of configurations on several
// datasets, then pick, greedily, the list whose best member is closest to each dataset's best.
//
//   npx tsc -p tsconfig.build.json && node bench/automl/portfolio-study.mjs [--select-only]
//
// Data: the tabular datasets of ../shared/datasets, TRAINING rows of their fixed holdout split only
// (holdout_idx.json `train`): the holdout rows that bench/automl scores are never read here. letter
// is subsampled to 6,000 of its training rows (seeded) to keep the study under an hour.
// Protocol: 3-fold CV (stratified for classification), seed 0; the score of a configuration on a
// dataset is its out-of-fold metric (ROC AUC / accuracy / RMSE, the benchmark's), its cost the mean
// fit seconds per fold.
// Selection: per dataset, a configuration's error is rescaled so the best configuration scores 0
// and the median one 1 (rescaled errors are comparable across datasets, raw ones are not); then
// configurations are added one at a time, each time the one that lowers the mean over datasets of
// the smallest rescaled error in the list the most per unit of (relative) cost. The list is written to
// src/pipeline/automl/portfolio-list.ts, in the order chosen. Results are cached per
// (dataset, configuration) in bench/automl/study-results.json, so an interrupted study resumes.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../../dist/core/rng.js';
import { readTable } from '../../dist/data/io/index.js';
import { inferSchema } from '../../dist/data/schema/index.js';
import { crossValidate, KFold, StratifiedKFold } from '../../dist/evaluate/cv/index.js';
import { family } from '../../dist/pipeline/families.js';
import { POOL as FULL_POOL } from './pool.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shared = join(here, '..', '..', '..', 'shared');
const DATASETS = ['credit_data', 'attrition', 'ames', 'letter', 'chicago', 'seattle_weather'];
const SUBSAMPLE = { letter: 6000 };
const cacheFile = join(here, 'study-results.json');
const listFile = join(here, '..', '..', 'src', 'pipeline', 'automl', 'portfolio-list.ts');
const METRIC = { binary: 'roc_auc', multiclass: 'accuracy', regression: 'rmse' };

const cache = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
const save = () => {
  writeFileSync(cacheFile + '.tmp', JSON.stringify(cache, null, 1) + '\n');
  renameSync(cacheFile + '.tmp', cacheFile);
};

if (!process.argv.includes('--select-only')) {
  if (!existsSync(join(shared, 'datasets'))) {
    console.log(`../shared/datasets is absent (looked in ${shared}): nothing to study.`);
    process.exit(0);
  }
  for (const name of DATASETS) {
    const dir = join(shared, 'datasets', name);
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    const hold = JSON.parse(readFileSync(join(dir, 'holdout_idx.json'), 'utf8'));
    const { frame, schema } = inferSchema(await readTable(join(dir, meta.file)));
    const drop = new Set([meta.target, ...(meta.ignore_columns ?? []), ...schema.columns.filter((c) => c.idLike).map((c) => c.name)]);
    let rows = Int32Array.from(hold.train);
    if (SUBSAMPLE[name] && rows.length > SUBSAMPLE[name]) {
      const pick = new Rng(0).fork('subsample').sampleIndices(rows.length, SUBSAMPLE[name]);
      const all = rows;
      rows = Int32Array.from(pick, (i) => all[i]).sort();
    }
    const X = frame.drop([...drop]).take(rows);
    const yTrain = frame.select([meta.target]).take(rows).column(meta.target);
    const task = meta.task;
    const metric = METRIC[task];
    const splitter = task === 'regression' ? new KFold({ n_splits: 3, shuffle: true }) : new StratifiedKFold({ n_splits: 3, shuffle: true });
    cache[name] ??= {};
    for (const cfg of FULL_POOL) {
      if (cache[name][cfg.id]) continue;
      const params = task === 'regression' && cfg.regression ? cfg.regression : cfg.params;
      const t0 = performance.now();
      const cv = await crossValidate(family(cfg.family).make(params, task), X, yTrain, splitter, [metric], new Rng(0).fork('cv'), { task });
      const seconds = (performance.now() - t0) / 1000 / 3;
      cache[name][cfg.id] = { metric, score: cv.scores[metric].mean, folds: cv.scores[metric].folds, seconds };
      save();
      console.log(`${name} ${cfg.id}: ${metric} ${cv.scores[metric].mean.toFixed(4)} (${seconds.toFixed(2)} s per fold)`);
    }
  }
}

// Greedy zero-shot selection over the studied datasets and the configurations measured on all of
// them (a pool entry added later enters once the study has run it everywhere).
const datasets = Object.keys(cache);
const POOL = FULL_POOL.filter((c) => datasets.every((d) => cache[d][c.id]));
const err = {};
for (const d of datasets) {
  const up = cache[d][POOL[0].id].metric !== 'rmse';
  const s = POOL.map((c) => cache[d][c.id].score);
  const best = up ? Math.max(...s) : Math.min(...s);
  const sorted = [...s].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const span = Math.abs(best - median) || 1e-12;
  err[d] = Object.fromEntries(POOL.map((c) => [c.id, Math.max(0, (up ? best - cache[d][c.id].score : cache[d][c.id].score - best) / span)]));
}
const cost = Object.fromEntries(POOL.map((c) => [c.id, datasets.reduce((a, d) => a + cache[d][c.id].seconds, 0) / datasets.length]));
// Cost-aware: each step takes the configuration with the largest drop of the objective per unit
// of relative cost (its fit seconds over the dataset's median configuration's, averaged over
// datasets), so cheap configurations that cover a dataset come before expensive ones that cover
// it barely better, and a small budget still spans the families. Once no configuration lowers the
// objective (every dataset's best is in the list), the rest follow by their own mean rescaled
// error (capped at 3 per dataset so one failure does not dominate), then cost.
const relCost = Object.fromEntries(POOL.map((c) => [c.id, datasets.reduce((a, d) => {
  const secs = POOL.map((x) => cache[d][x.id].seconds).sort((p, q) => p - q);
  return a + cache[d][c.id].seconds / secs[Math.floor(secs.length / 2)];
}, 0) / datasets.length]));
const meanErr = Object.fromEntries(POOL.map((c) => [c.id, datasets.reduce((a, d) => a + Math.min(3, err[d][c.id]), 0) / datasets.length]));
const chosen = [];
const trace = [];
let current = Object.fromEntries(datasets.map((d) => [d, 3]));
let level = 3;
while (chosen.length < POOL.length) {
  let bestId = null;
  let bestKey = -Infinity;
  let bestVal = level;
  for (const c of POOL) {
    if (chosen.includes(c.id)) continue;
    const val = datasets.reduce((a, d) => a + Math.min(current[d], err[d][c.id]), 0) / datasets.length;
    const gain = level - val;
    // Gain per cost while there is gain; then quality first, cost second (negated: larger key wins).
    const key = gain > 1e-9 ? 1e6 + gain / relCost[c.id] : -(meanErr[c.id] + 1e-6 * relCost[c.id]);
    if (key > bestKey) {
      bestKey = key;
      bestId = c.id;
      bestVal = val;
    }
  }
  chosen.push(bestId);
  trace.push(bestVal);
  level = bestVal;
  for (const d of datasets) current[d] = Math.min(current[d], err[d][bestId]);
}
console.log(`datasets: ${datasets.join(', ')}`);
console.log('| # | configuration | mean rescaled error of the list so far | its own mean rescaled error | relative cost | mean fit s per fold |');
console.log('|---|---|---|---|---|---|');
chosen.forEach((id, i) => console.log(`| ${i + 1} | ${id} | ${trace[i].toFixed(3)} | ${meanErr[id].toFixed(3)} | ${relCost[id].toFixed(2)} | ${cost[id].toFixed(2)} |`));

const byId = Object.fromEntries(POOL.map((c) => [c.id, c]));
const lines = chosen.map((id) => {
  const c = byId[id];
  return `  { id: ${JSON.stringify(id)}, family: ${JSON.stringify(c.family)}, params: ${JSON.stringify(c.params)}${c.regression ? `, regression: ${JSON.stringify(c.regression)}` : ''}, cost: ${cost[id].toFixed(3)} },`;
});
writeFileSync(
  listFile,
  `// Generated by bench/automl/portfolio-study.mjs from bench/automl/study-results.json; do not edit by hand.\n` +
    `// Studied on the training rows of: ${datasets.join(', ')} (3-fold CV, seed 0). Order = greedy zero-shot order.\n` +
    `// \`cost\` is the mean fit seconds per fold over those datasets (relative effort, not a budget).\n` +
    `import type { PortfolioEntry } from './portfolio.js';\n\n` +
    `export const PORTFOLIO_LIST: readonly PortfolioEntry[] = [\n${lines.join('\n')}\n];\n`,
);
console.log(`wrote ${listFile}`);
