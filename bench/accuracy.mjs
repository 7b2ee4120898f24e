// GBDT accuracy benchmark: our default gbdt against the Python peers' holdout scores.
//
//   npx tsc -p tsconfig.build.json && node bench/accuracy.mjs [dataset ...] [--params '{"learning_rate":0.1}']
//
// For each tabular dataset in ../shared/datasets: read data.csv (readTable + inferSchema), drop the
// target and id-like columns, train on holdout_idx.json's `train` rows with the default GbdtEstimator
// (seed 0), score its `test` rows with the peers' metric (ROC AUC of the meta.json positive class
// for binary, accuracy for multiclass, RMSE for regression) and print it beside the holdout scores of
// `xgb` and `hgb` from ../shared/peers/results.json. Target: no worse than mean(xgb, hgb) by more
// than 0.005 AUC, 0.5 accuracy points, or 2% RMSE. Datetime columns stay datetime (ms since epoch);
// the peers used days since 1970, the same order, so trees split them alike.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../dist/core/rng.js';
import { readTable } from '../dist/data/io/index.js';
import { inferSchema } from '../dist/data/schema/index.js';
import { GbdtEstimator } from '../dist/models/gbdt/index.js';
import { rocAuc } from './metrics.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shared = join(here, '..', '..', 'shared');
const DATASETS = ['credit_data', 'attrition', 'ames', 'letter', 'chicago', 'seattle_weather'];

const args = process.argv.slice(2);
const pi = args.indexOf('--params');
const params = pi >= 0 ? JSON.parse(args.splice(pi, 2)[1]) : {};
const names = args.length ? args : DATASETS;

if (!existsSync(join(shared, 'datasets'))) {
  console.log(`../shared/datasets is absent (looked in ${shared}): nothing to benchmark.`);
  process.exit(0);
}
const peers = JSON.parse(readFileSync(join(shared, 'peers', 'results.json'), 'utf8')).datasets;

const rows = [];
for (const name of names) {
  const dir = join(shared, 'datasets', name);
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
  const hold = JSON.parse(readFileSync(join(dir, 'holdout_idx.json'), 'utf8'));
  const { frame, schema } = inferSchema(await readTable(join(dir, meta.file)));
  const drop = new Set([meta.target, ...(meta.ignore_columns ?? []), ...schema.columns.filter((c) => c.idLike).map((c) => c.name)]);
  const X = frame.drop([...drop]);
  const train = Int32Array.from(hold.train);
  const test = Int32Array.from(hold.test);
  const Xtr = X.take(train);
  const ytr = frame.select([meta.target]).take(train).columns[0];
  const Xte = X.take(test);
  const t0 = performance.now();
  const model = await new GbdtEstimator(params).fit(Xtr, ytr, { rng: new Rng(0) });
  const fitS = (performance.now() - t0) / 1000;
  const pred = model.predict(Xte);
  const yte = frame.select([meta.target]).take(test).columns[0];
  let ours;
  let metric;
  if (meta.task === 'regression') {
    metric = 'rmse';
    let se = 0;
    for (let i = 0; i < test.length; i++) se += (pred.values[i] - yte.values[i]) ** 2;
    ours = Math.sqrt(se / test.length);
  } else {
    const labels = yte.kind === 'categorical' ? Array.from(yte.codes, (c) => yte.levels[c]) : Array.from(yte.values, String);
    const k = model.classes.length;
    if (meta.task === 'binary') {
      metric = 'roc_auc';
      const pos = model.classes.indexOf(String(meta.positive_class));
      ours = rocAuc(labels.map((l) => (l === String(meta.positive_class) ? 1 : 0)), Array.from(labels, (_, i) => pred.proba[i * k + pos]));
    } else {
      metric = 'accuracy';
      let ok = 0;
      for (let i = 0; i < labels.length; i++) if (model.classes[pred.values[i]] === labels[i]) ok++;
      ours = ok / labels.length;
    }
  }
  const m = peers[name].models;
  const xgb = m.xgb.holdout[metric];
  const hgb = m.hgb.holdout[metric];
  const ref = (xgb + hgb) / 2;
  const met = metric === 'rmse' ? ours <= ref * 1.02 : metric === 'roc_auc' ? ours >= ref - 0.005 : ours >= ref - 0.005;
  rows.push({ name, metric, ours, xgb, hgb, ref, met, fitS, rounds: model.s.rounds });
}

const fmt = (v, metric) => (metric === 'rmse' ? v.toFixed(metric === 'rmse' && v > 100 ? 0 : 4) : v.toFixed(4));
console.log(`params: ${JSON.stringify(params)}`);
console.log('| dataset | metric | ours | xgb | hgb | mean(xgb,hgb) | delta | target met | fit s | rounds |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const delta = r.metric === 'rmse' ? `${(((r.ours - r.ref) / r.ref) * 100).toFixed(2)}%` : (r.ours - r.ref).toFixed(4);
  console.log(`| ${r.name} | ${r.metric} | ${fmt(r.ours, r.metric)} | ${fmt(r.xgb, r.metric)} | ${fmt(r.hgb, r.metric)} | ${fmt(r.ref, r.metric)} | ${delta} | ${r.met ? 'yes' : 'NO'} | ${r.fitS.toFixed(2)} | ${r.rounds} |`);
}
console.log(`target met on ${rows.filter((r) => r.met).length} of ${rows.length}`);
