// Drift-detector benchmark (monitor issue): how often `driftReport` (src/monitor/drift.ts) raises
// an alarm on windows drawn from an unchanged distribution (false alarms), and how often it flags
// the right feature when a known shift is injected (detection), from 100 to 1,000,000 rows.
//
//   npx tsc -p tsconfig.build.json && node bench/drift/bench.mjs [--quick] [--datasets credit_data,letter] [--seed 7] [--ames-features 25]
//
// Data: ../shared/datasets/<name>/{data.csv, meta.json} (credit_data, letter, ames). Schemas are
// inferred (inferSchema) and the frames read with them (coerceToSchema); the features are the
// numeric, integer, categorical and boolean columns that are not id-like, without the dataset's
// target. ames keeps its first 25 such columns (--ames-features) to bound the runtime.
//
// Protocol (seeded with Rng; every stage draws from its own fork, so results do not depend on
// which datasets or stages run):
// 1. Rows are shuffled and split into two disjoint halves A and B. The reference is the first
//    min(5,000, |A|) rows of shuffled A (the size of the reference sample a package keeps).
// 2. False alarms: windows of n = 100 ... 1,000,000 rows drawn WITH replacement from B; a report
//    with `detected === true` is a false alarm. R = 200 replicates for n <= 1,000, 50 at 10k,
//    20 at 100k, 10 at 1M. Rate with a 95% Wilson interval; the features that drifted in the
//    alarming replicates are listed.
//    Caveat: at large n a window is close to B's empirical distribution itself, so the tests
//    compare two finite samples (A's reference, B) while treating the window as fresh draws from
//    the population; every replicate then sees the same A/B gap, and the rates at 100k-1M say more
//    about this one split than about the detector's error rate.
// 2b. Control, an exact null: reference (same size) and window both drawn with replacement from
//    all the rows, afresh in every replicate (R = 500 at n = 100, 200 at 1,000, 50 at 10k, 20 at
//    100k, 10 at 1M). Without the A/B gap, this is the detector's own false-alarm rate, which Holm
//    promises to keep under 5%: the target is read on these rows.
// 3. Detection: windows of n = 1,000, 10,000, 100,000 rows from B (R = 50, 20 at 100k), then
//    shifted: (a) mean shift of k reference sd (k = 0.05, 0.1, 0.15, 0.2, 0.5; k = 0 as a baseline that
//    shows the effect measured on an unchanged window, the noise floor of the band) added to the numeric
//    feature with the most distinct values; (b) a share q (0.05, 0.1, 0.2) of the rows of the
//    categorical feature with the most levels moved to its least frequent level; (c) a share m
//    (0.02, 0.05, 0.075, 0.1, 0.2) of the numeric feature's values set to NaN; (d) covariate shift: rows
//    drawn with weight 1 at or below the numeric feature's reference median, w (0.8, 0.5, 0.2)
//    above it. A replicate detects the shift when the targeted feature is among the drifted ones;
//    `any` is the share of reports with `detected` (any feature). The mean measured effect of the
//    targeted feature (`effect`, or `missing.effect` for (c)) is printed beside the default band
//    (numeric 0.1 sd of Wasserstein, categorical 0.1 Jensen-Shannon, missing rate 0.05).
// 4. Markdown tables, the total seconds and the Node version. --quick divides every R by 10.
//
// Sensitivity 'default' (alpha 0.05, Holm over every test of a report). Runtime: about 6 minutes
// for the three datasets on the 2-core development machine (--quick: about 40 s).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const datasetsDir = join(root, '..', 'shared', 'datasets');
if (!existsSync(datasetsDir)) {
  console.log(`bench/drift: this benchmark needs the shared datasets at ${datasetsDir} (credit_data, letter, ames); not found, nothing to do.`);
  process.exit(0);
}
if (!existsSync(join(root, 'dist', 'monitor', 'index.js'))) {
  console.log('bench/drift: dist/ is not built; run `npx tsc -p tsconfig.build.json` first.');
  process.exit(1);
}

const { Frame, takeColumn } = await import('../../dist/core/frame.js');
const { Rng } = await import('../../dist/core/rng.js');
const { readTable } = await import('../../dist/data/io/index.js');
const { inferSchema, coerceToSchema } = await import('../../dist/data/schema/index.js');
const { driftReport, BANDS } = await import('../../dist/monitor/index.js');

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const QUICK = argv.includes('--quick');
const SEED = Number(opt('--seed', '20261127'));
const DATASETS = opt('--datasets', 'credit_data,letter,ames').split(',').map((s) => s.trim()).filter(Boolean);
const MAX_FEATURES = { ames: Number(opt('--ames-features', '25')) };
const REFERENCE_MAX = 5000;
const SENSITIVITY = 'default';
const bands = BANDS[SENSITIVITY];

/** Replicates, divided by 10 under --quick (at least 1). */
const reps = (r) => (QUICK ? Math.max(1, Math.round(r / 10)) : r);
const FALSE_ALARM_SIZES = [
  [100, reps(200)],
  [1000, reps(200)],
  [10_000, reps(50)],
  [100_000, reps(20)],
  [1_000_000, reps(10)],
];
const CONTROL_SIZES = [
  [100, reps(500)],
  [1000, reps(200)],
  [10_000, reps(50)],
  [100_000, reps(20)],
  [1_000_000, reps(10)],
];
const DETECTION_SIZES = [
  [1000, reps(50)],
  [10_000, reps(50)],
  [100_000, reps(20)],
];
const SHIFTS = [
  ...[0, 0.05, 0.1, 0.15, 0.2, 0.5].map((k) => ({ kind: 'mean', level: k, label: k === 0 ? 'none (baseline)' : `mean +${k} sd` })),
  ...[0.05, 0.1, 0.2].map((q) => ({ kind: 'category', level: q, label: `category ${q * 100}% -> rarest` })),
  ...[0.02, 0.05, 0.075, 0.1, 0.2].map((m) => ({ kind: 'missing', level: m, label: `missing +${m * 100}%` })),
  ...[0.8, 0.5, 0.2].map((w) => ({ kind: 'covariate', level: w, label: `weight ${w} above median` })),
];

// ---------------------------------------------------------------- data
const FEATURE_TYPES = new Set(['numeric', 'integer', 'categorical', 'boolean']);

/** The dataset as a Frame of its features and their schema (target and non-features dropped). */
async function loadDataset(name) {
  const dir = join(datasetsDir, name);
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
  const raw = await readTable(join(dir, meta.file ?? 'data.csv'));
  const inferred = inferSchema(raw).schema;
  let columns = inferred.columns.filter((c) => c.name !== meta.target && FEATURE_TYPES.has(c.type) && !c.idLike);
  if (MAX_FEATURES[name] && columns.length > MAX_FEATURES[name]) columns = columns.slice(0, MAX_FEATURES[name]);
  const schema = { version: 1, columns };
  const { frame } = coerceToSchema(raw, schema);
  return { name, meta, frame, schema, allFeatures: inferred.columns.length - 1 };
}

/** Rows `idx` of every column of `frame` (copies, so a window can be modified in place). */
function takeRows(frame, idx) {
  return Frame.fromColumns(
    frame.columns.map((c) => takeColumn(c, idx)),
    idx.length,
  );
}

/** The present values of a numeric column. */
function presentValues(col) {
  return col.values.filter((v) => !Number.isNaN(v));
}

function meanSd(xs) {
  let m = 0;
  for (const v of xs) m += v;
  m /= xs.length;
  let ss = 0;
  for (const v of xs) ss += (v - m) ** 2;
  return { mean: m, sd: Math.sqrt(ss / Math.max(1, xs.length - 1)) };
}

function median(xs) {
  const s = Float64Array.from(xs).sort();
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * The features the shifts target, chosen on the reference: the numeric feature with the most
 * distinct values (ties: the first), the categorical feature with the most levels present and its
 * least frequent present level.
 */
function pickTargets(reference) {
  let numeric = null;
  let categorical = null;
  for (const c of reference.columns) {
    if (c.kind === 'numeric') {
      const vals = presentValues(c);
      const distinct = new Set(vals).size;
      if (!numeric || distinct > numeric.distinct) {
        const { sd } = meanSd(vals);
        numeric = { name: c.name, distinct, sd, median: median(vals) };
      }
    } else if (c.kind === 'categorical') {
      const counts = new Map();
      for (const code of c.codes) if (code >= 0) counts.set(code, (counts.get(code) ?? 0) + 1);
      if (!categorical || counts.size > categorical.levels) {
        let rarest = -1;
        for (const [code, k] of counts) if (rarest < 0 || k < counts.get(rarest) || (k === counts.get(rarest) && code < rarest)) rarest = code;
        categorical = { name: c.name, levels: counts.size, rarest, rarestLabel: c.levels[rarest], rarestShare: counts.get(rarest) / c.codes.length };
      }
    }
  }
  return { numeric, categorical };
}

// ---------------------------------------------------------------- windows and shifts
/** n row indices drawn uniformly with replacement from `pool`. */
function drawUniform(rng, pool, n) {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = pool[rng.int(pool.length)];
  return idx;
}

/** n row indices drawn with replacement from `pool`, each with probability ∝ weight(row) (rejection, max weight 1). */
function drawWeighted(rng, pool, n, weight) {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; ) {
    const r = pool[rng.int(pool.length)];
    if (rng.float() < weight[r]) idx[i++] = r;
  }
  return idx;
}

/** A shifted window of n rows from B; returns the frame and the name of the targeted feature. */
function shiftedWindow(rng, d, shift, n) {
  const { frame, B, targets, covariateWeights } = d;
  if (shift.kind === 'covariate') return takeRows(frame, drawWeighted(rng, B, n, covariateWeights.get(shift.level)));
  const win = takeRows(frame, drawUniform(rng, B, n));
  if (shift.kind === 'mean') {
    const v = win.column(targets.numeric.name).values;
    const delta = shift.level * targets.numeric.sd;
    for (let i = 0; i < n; i++) v[i] += delta; // NaN stays NaN
  } else if (shift.kind === 'missing') {
    const v = win.column(targets.numeric.name).values;
    for (let i = 0; i < n; i++) if (rng.float() < shift.level) v[i] = NaN;
  } else if (shift.kind === 'category') {
    const codes = win.column(targets.categorical.name).codes;
    const to = targets.categorical.rarest;
    for (let i = 0; i < n; i++) if (codes[i] >= 0 && codes[i] !== to && rng.float() < shift.level) codes[i] = to;
  }
  return win;
}

const targetOf = (d, shift) => (shift.kind === 'category' ? d.targets.categorical?.name : d.targets.numeric?.name);
const effectOf = (f, shift) => (shift.kind === 'missing' ? (f.missing?.effect ?? 0) : f.effect);
const bandOf = (shift) => (shift.kind === 'missing' ? bands.missing : shift.kind === 'category' ? bands.categorical : bands.numeric);

// ---------------------------------------------------------------- statistics
/** 95% Wilson score interval for x successes out of n. */
function wilson(x, n, z = 1.959964) {
  if (n === 0) return [NaN, NaN];
  const p = x / n;
  const den = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const fmtN = (n) => n.toLocaleString('en-US');
const fmt3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : String(x));

/**
 * R reports under a null; the alarms, and per drifted feature and test (distribution or missing
 * rate) in the alarming replicates: how often, the mean effect and the mean Holm-adjusted p.
 */
function nullReplicates(R, makeReport) {
  let alarms = 0;
  const causes = new Map();
  for (let r = 0; r < R; r++) {
    const rep = makeReport();
    if (!rep.detected) continue;
    alarms++;
    for (const f of rep.features.filter((x) => x.drifted)) {
      const viaMissing = Boolean(f.missing?.drifted) && !(f.p_adjusted < rep.alpha && f.effect >= f.band);
      const key = `${f.name}\t${viaMissing ? 'missing rate' : f.test}`;
      const c = causes.get(key) ?? { feature: f.name, test: viaMissing ? 'missing rate' : f.test, count: 0, effect: 0, pAdj: 0 };
      c.count++;
      c.effect += viaMissing ? f.missing.effect : f.effect;
      c.pAdj += viaMissing ? f.missing.p_adjusted : f.p_adjusted;
      causes.set(key, c);
    }
  }
  return { alarms, causes: [...causes.values()].map((c) => ({ ...c, effect: c.effect / c.count, pAdj: c.pAdj / c.count })) };
}

// ---------------------------------------------------------------- run
const t0 = performance.now();
const falseAlarms = [];
const alarmCauses = [];
const detections = [];
const summaries = [];

for (const name of DATASETS) {
  if (!existsSync(join(datasetsDir, name, 'meta.json'))) {
    console.log(`bench/drift: dataset '${name}' not found under ${datasetsDir}; skipped.`);
    continue;
  }
  const tData = performance.now();
  const { frame, schema, allFeatures } = await loadDataset(name);
  const master = new Rng(SEED).fork(name);

  // 1. Split into halves A and B; the reference is up to 5,000 rows of A.
  const order = master.fork('split').shuffle(Int32Array.from({ length: frame.nRows }, (_, i) => i));
  const half = frame.nRows >> 1;
  const A = order.slice(0, half);
  const B = order.slice(half);
  const reference = takeRows(frame, A.slice(0, Math.min(REFERENCE_MAX, A.length)));
  const targets = pickTargets(reference);
  const d = { frame, B, targets, covariateWeights: new Map() };
  if (targets.numeric) {
    const v = frame.column(targets.numeric.name).values;
    for (const w of [0.8, 0.5, 0.2]) d.covariateWeights.set(w, Float64Array.from(v, (x) => (x > targets.numeric.median ? w : 1)));
  }
  const byType = {};
  for (const c of schema.columns) byType[c.type] = (byType[c.type] ?? 0) + 1;
  summaries.push({ name, rows: frame.nRows, a: A.length, b: B.length, ref: reference.nRows, features: schema.columns.length, allFeatures, byType, targets });
  const report = (win) => driftReport(reference, win, schema, { sensitivity: SENSITIVITY });

  // 2. False alarms: unchanged windows from B.
  for (const [n, R] of FALSE_ALARM_SIZES) {
    const rng = master.fork(`false-alarm/${n}`);
    const ts = performance.now();
    const { alarms, causes } = nullReplicates(R, () => report(takeRows(frame, drawUniform(rng, B, n))));
    falseAlarms.push({ name, protocol: 'split', n, R, alarms, s: (performance.now() - ts) / 1000 });
    for (const c of causes) alarmCauses.push({ name, protocol: 'split', n, ...c });
  }

  // 2b. Control: an exact null. Reference (same size) and window are both drawn with replacement
  // from all the rows, afresh in every replicate, so both are i.i.d. from one distribution; the
  // split's A/B sampling gap is gone, and what remains is the detector's own error rate.
  for (const [n, R] of CONTROL_SIZES) {
    const rng = master.fork(`control/${n}`);
    const all = Int32Array.from({ length: frame.nRows }, (_, i) => i);
    const ts = performance.now();
    const { alarms, causes } = nullReplicates(R, () => {
      const ref = takeRows(frame, drawUniform(rng, all, reference.nRows));
      return driftReport(ref, takeRows(frame, drawUniform(rng, all, n)), schema, { sensitivity: SENSITIVITY });
    });
    falseAlarms.push({ name, protocol: 'control', n, R, alarms, s: (performance.now() - ts) / 1000 });
    for (const c of causes) alarmCauses.push({ name, protocol: 'control', n, ...c });
  }

  // 3. Detection of injected shifts.
  for (const shift of SHIFTS) {
    const target = targetOf(d, shift);
    if (!target) {
      detections.push({ name, shift, target: null });
      continue;
    }
    for (const [n, R] of DETECTION_SIZES) {
      const rng = master.fork(`detect/${shift.kind}/${shift.level}/${n}`);
      let hit = 0;
      let any = 0;
      let effect = 0;
      for (let r = 0; r < R; r++) {
        const rep = report(shiftedWindow(rng, d, shift, n));
        const f = rep.features.find((x) => x.name === target);
        if (f.drifted) hit++;
        if (rep.detected) any++;
        effect += effectOf(f, shift);
      }
      detections.push({ name, shift, target, n, R, hit, any, effect: effect / R });
    }
  }
  summaries[summaries.length - 1].s = (performance.now() - tData) / 1000;
}
const total = (performance.now() - t0) / 1000;

// ---------------------------------------------------------------- report
console.log(`# Drift detector benchmark${QUICK ? ' (--quick: R / 10)' : ''}`);
console.log();
console.log(`seed ${SEED}, sensitivity '${SENSITIVITY}' (alpha 0.05; bands: numeric ${bands.numeric} sd, categorical ${bands.categorical} JS, missing ${bands.missing})`);
console.log();
console.log('| dataset | rows | A / B | reference | features used (of all) | types | numeric target (distinct, sd, median) | categorical target (levels, rarest level, share) | seconds |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const s of summaries) {
  const t = s.targets;
  const num = t.numeric ? `${t.numeric.name} (${t.numeric.distinct}, ${t.numeric.sd.toPrecision(4)}, ${t.numeric.median})` : 'none';
  const cat = t.categorical ? `${t.categorical.name} (${t.categorical.levels}, '${t.categorical.rarestLabel}', ${pct(t.categorical.rarestShare)})` : 'none';
  const types = Object.entries(s.byType).map(([k, v]) => `${v} ${k}`).join(', ');
  console.log(`| ${s.name} | ${fmtN(s.rows)} | ${fmtN(s.a)} / ${fmtN(s.b)} | ${fmtN(s.ref)} | ${s.features} (${s.allFeatures}) | ${types} | ${num} | ${cat} | ${s.s.toFixed(1)} |`);
}

console.log();
console.log('## False alarms (windows resampled from B, unchanged distribution; control: exact null)');
console.log();
console.log('| dataset | protocol | n | R | alarms | rate | 95% Wilson CI | seconds |');
console.log('|---|---|---|---|---|---|---|---|');
for (const f of falseAlarms) {
  const [lo, hi] = wilson(f.alarms, f.R);
  const flag = lo > 0.05 ? ' **(CI above 5%)**' : f.alarms / f.R > 0.05 ? ' (above 5%)' : '';
  console.log(`| ${f.name} | ${f.protocol} | ${fmtN(f.n)} | ${f.R} | ${f.alarms} | ${pct(f.alarms / f.R)}${flag} | ${pct(lo)} - ${pct(hi)} | ${f.s.toFixed(1)} |`);
}
console.log();
if (alarmCauses.length) {
  console.log('Features that drifted in the alarming replicates (replicates where they did; the test that fired, its mean effect and mean Holm-adjusted p):');
  console.log();
  console.log('| dataset | protocol | n | feature | test | replicates | mean effect | mean p_adjusted |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const c of alarmCauses) console.log(`| ${c.name} | ${c.protocol} | ${fmtN(c.n)} | ${c.feature} | ${c.test} | ${c.count} | ${fmt3(c.effect)} | ${c.pAdj.toExponential(1)} |`);
} else {
  console.log('No false alarm in any replicate.');
}
console.log();
console.log('## Detection of injected shifts (windows resampled from B, then shifted)');
console.log();
console.log('Rate: the targeted feature drifted; any: the report detected drift (any feature). Effect: mean over replicates of the targeted feature\'s effect (missing: the change of its missing rate), beside the band.');
console.log();
console.log('| dataset | shift | feature | n | R | rate | any | mean effect | band |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const x of detections) {
  if (!x.target) {
    console.log(`| ${x.name} | ${x.shift.label} | (no ${x.shift.kind === 'category' ? 'categorical' : 'numeric'} feature) | | | n/a | | | |`);
    continue;
  }
  console.log(`| ${x.name} | ${x.shift.label} | ${x.target} | ${fmtN(x.n)} | ${x.R} | ${pct(x.hit / x.R)} | ${pct(x.any / x.R)} | ${fmt3(x.effect)} | ${bandOf(x.shift)} |`);
}
console.log();
console.log(`total ${total.toFixed(1)} s, Node ${process.version}, ${QUICK ? 'quick run (R / 10)' : 'full run'}`);
