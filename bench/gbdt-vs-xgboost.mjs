// GBDT fit speed: ours against XGBoost (hist) on the same synthetic binary data.
//
//   npm run build && node bench/gbdt-vs-xgboost.mjs [rows] [cols]
//   THREADS=1 XGB_THREADS=1,2 node bench/gbdt-vs-xgboost.mjs 100000   (defaults: 2 and 2)
//
// Data: rows x cols standard normals (seeded Rng), 5% missing, label = [x0 + x1*x2 + sin(3 x3) +
// noise > 0]. Both fit 100 rounds, 255 leaves (XGBoost: grow_policy lossguide, max_leaves 255,
// max_depth 0, tree_method hist, max_bin 255, nthread as XGB_THREADS), learning rate 0.1, lambda 1, min_child_weight 1e-3. The data goes to XGBoost as a
// float64 binary file under bench/.tmp/ (git-ignored), read by bench/gbdt-vs-xgboost.py.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Frame, categoricalColumn, numericColumn } from '../dist/core/frame.js';
import { Rng } from '../dist/core/rng.js';
import { GbdtEstimator } from '../dist/models/gbdt/index.js';

const ROWS = Number(process.argv[2] ?? 100_000);
const COLS = Number(process.argv[3] ?? 50);
const here = dirname(fileURLToPath(import.meta.url));
const r = new Rng(12345);
const X = new Float64Array(ROWS * COLS); // row-major for numpy
const cols = Array.from({ length: COLS }, () => new Float64Array(ROWS));
const y = new Int32Array(ROWS);
for (let i = 0; i < ROWS; i++) {
  for (let j = 0; j < COLS; j++) {
    const v = r.float() < 0.05 ? NaN : r.normal();
    X[i * COLS + j] = v;
    cols[j][i] = v;
  }
  const x = (j) => (Number.isNaN(cols[j][i]) ? 0 : cols[j][i]);
  y[i] = x(0) + x(1) * x(2) + Math.sin(3 * x(3)) + 0.5 * r.normal() > 0 ? 1 : 0;
}
const frame = Frame.fromColumns(cols.map((v, j) => numericColumn(`x${j}`, v)));
const target = categoricalColumn('y', y, ['0', '1']);
const THREADS = Number(process.env.THREADS ?? 2);
const params = { trees: 100, max_leaves: 255, learning_rate: 0.1, min_child_samples: 20, threads: THREADS };
const t0 = performance.now();
const model = await new GbdtEstimator(params).fit(frame, target, { rng: new Rng(0) });
const ours = (performance.now() - t0) / 1000;
// Prediction: the median of 5 batch calls over all rows (one call swings by 2x on this VM).
const times = [];
for (let rep = 0; rep < 5; rep++) {
  const t1 = performance.now();
  model.predict(frame);
  times.push(performance.now() - t1);
}
times.sort((a, b) => a - b);
const oursPredict = ROWS / (times[2] / 1000);
// maxRSS is in KiB; it includes generating the data, as the Python side's includes loading it.
const oursRss = process.resourceUsage().maxRSS / 1024;
console.log(`ours: ${ROWS} x ${COLS}, 100 trees, 255 leaves: ${ours.toFixed(2)} s (${THREADS} thread${THREADS > 1 ? 's' : ''}, ${process.env.SPECML_WASM === '0' ? 'JavaScript' : 'WebAssembly'} kernels); predict ${oursPredict.toFixed(0)} rows/s; peak RSS ${oursRss.toFixed(0)} MiB`);

const py = '/usr/bin/python3';
if (existsSync(py) && spawnSync(py, ['-c', 'import xgboost'], { stdio: 'ignore' }).status === 0) {
  const tmp = join(here, '.tmp');
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'gbdt-X.f64'), Buffer.from(X.buffer));
  writeFileSync(join(tmp, 'gbdt-y.i32'), Buffer.from(y.buffer));
  const out = spawnSync(py, [join(here, 'gbdt-vs-xgboost.py'), String(ROWS), String(COLS), tmp, process.env.XGB_THREADS ?? '2'], { encoding: 'utf8' });
  process.stdout.write(out.stdout + out.stderr);
  for (const line of out.stdout.split('\n')) {
    const m = /^xgboost nthread=(\d+): ([\d.]+) s .*predict (\d+) rows\/s/.exec(line);
    if (m) {
      console.log(`training time ours / xgboost(nthread=${m[1]}) = ${(ours / Number(m[2])).toFixed(2)}x (target <= 1.0)`);
      console.log(`prediction throughput ours / xgboost(nthread=${m[1]}) = ${(oursPredict / Number(m[3])).toFixed(2)}x (target >= 1.0)`);
    }
    const r = /^xgboost peak RSS: (\d+) MiB/.exec(line);
    if (r) console.log(`peak memory ours / xgboost = ${(oursRss / Number(r[1])).toFixed(2)}x (target <= 1.0)`);
  }
} else console.log('XGBoost not available (/usr/bin/python3 -c "import xgboost" failed): no ratio printed.');
