// Batch prediction benchmark: `specml predict` on large CSV, JSON lines and Parquet inputs.
//
//   npm run bench:predict            (builds dist/ first)
//   node bench/predict-stream.mjs [rows]     (default 1,000,000; dist/ must be built)
//
// The input is examples/credit/credit.csv (4,454 rows) repeated to N rows, with a first column
// `customer_id` (C0000001, ...) and without the target `Status`, written under bench/.tmp/
// (git-ignored) as CSV, JSON lines (numbers as numbers, empty cells omitted) and Parquet
// (hyparquet-writer, row groups of 100,000 rows); files already there with N rows are reused. A GBDT
// (100 trees) is trained once on credit.csv, then each case runs `specml predict --json` as a child
// under `/usr/bin/time -f "%e %M"`: wall seconds and the child's max RSS. Printed per case: input
// format and size, output format, rows/s, peak RSS and peak RSS / input size; then one CSV case at
// N/10 rows, whose peak RSS would equal the N case's if V8 collected eagerly (predict streams
// 50,000-row batches, so live memory is bounded by the batch, not the file), and a run of each
// input format with V8's heap capped at 128 MiB, which must still finish. Also checked: the input
// with the Status column is accepted, and the three inputs give byte-identical CSV outputs.
// Exits 1 if any predict run fails or reports != N rows.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import { readParquetBatches } from '../dist/data/io/index.js';

const N = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(N) || N < 10) throw new Error(`rows must be an integer >= 10, got ${process.argv[2]}`);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, 'bench', '.tmp');
const rel = (p) => relative(root, p);
const MiB = 1024 * 1024;
const CHUNK = 100_000; // rows per write (and per Parquet row group)

// --- the credit rows, without Status, with each column's type (numeric if every non-empty cell is a number)
const lines = readFileSync(join(root, 'examples/credit/credit.csv'), 'utf8').trim().split(/\r?\n/);
const header = lines[0].split(',');
const keep = header.map((_, j) => j).filter((j) => header[j] !== 'Status');
const names = keep.map((j) => header[j]);
const base = lines.slice(1).map((l) => { const c = l.split(','); return keep.map((j) => c[j]); });
const numeric = names.map((_, j) => base.every((r) => r[j] === '' || Number.isFinite(Number(r[j]))));
const csvTail = base.map((r) => `,${r.join(',')}\n`);
const jsonTail = base.map((r) => r.map((v, j) => (v === '' ? '' : `,${JSON.stringify(names[j])}:${numeric[j] ? Number(v) : JSON.stringify(v)}`)).join('') + '}\n');
const id = (i) => `C${String(i + 1).padStart(7, '0')}`;

/** Writes `file` through `write(part)` unless it exists with `rows` data rows; atomic via rename. */
async function ensure(file, rows, count, write) {
  if (existsSync(file) && (await count(file)) === rows) return console.log(`reusing ${rel(file)}`);
  const t0 = performance.now();
  const part = `${file}.part`;
  await write(part, rows);
  renameSync(part, file);
  console.log(`wrote ${rel(file)} (${(statSync(file).size / MiB).toFixed(1)} MiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function countLines(file) {
  let n = 0;
  for await (const buf of createReadStream(file, { highWaterMark: 1 << 20 })) for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

async function countParquet(file) {
  try {
    const it = readParquetBatches(file, { batchRows: 1 });
    const first = await it.next();
    await it.return();
    return first.value?.source.rows ?? 0;
  } catch {
    return -1;
  }
}

function writeText(file, rows, head, tail) {
  const fd = openSync(file, 'w');
  if (head) writeSync(fd, head);
  for (let s = 0; s < rows; s += CHUNK) {
    let text = '';
    for (let i = s; i < Math.min(rows, s + CHUNK); i++) text += tail(i);
    writeSync(fd, text);
  }
  closeSync(fd);
}

async function writeParquet(file, rows) {
  const schema = [
    { name: 'root', num_children: names.length + 1 },
    { name: 'customer_id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
    ...names.map((name, j) => (numeric[j] ? { name, type: 'DOUBLE', repetition_type: 'OPTIONAL' } : { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' })),
  ];
  const writer = new ParquetWriter({ writer: fileWriter(file), schema, createdBy: 'specml bench' });
  for (let s = 0; s < rows; s += CHUNK) {
    const idx = Array.from({ length: Math.min(CHUNK, rows - s) }, (_, k) => s + k);
    const columnData = [
      { name: 'customer_id', data: idx.map(id) },
      ...names.map((name, j) => ({ name, data: idx.map((i) => { const v = base[i % base.length][j]; return v === '' ? null : numeric[j] ? Number(v) : v; }) })),
    ];
    await writer.write({ columnData, rowGroupSize: CHUNK });
  }
  await writer.finish();
}

async function inputs(rows, all = true) {
  const stem = join(tmp, `predict-credit-${rows}`);
  await ensure(`${stem}.csv`, rows, async (f) => (await countLines(f)) - 1, (f, n) => writeText(f, n, `customer_id,${names.join(',')}\n`, (i) => id(i) + csvTail[i % base.length]));
  if (!all) return stem;
  await ensure(`${stem}.jsonl`, rows, countLines, (f, n) => writeText(f, n, '', (i) => `{"customer_id":"${id(i)}"${jsonTail[i % base.length]}`));
  await ensure(`${stem}.parquet`, rows, countParquet, writeParquet);
  return stem;
}

// --- run the CLI under /usr/bin/time
function cli(args, nodeOptions = '') {
  const env = { ...process.env, NODE_OPTIONS: nodeOptions };
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, 'bin/specml.js', ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * MiB });
  const m = /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(r.stderr ?? '');
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, seconds: m ? Number(m[1]) : NaN, rssKiB: m ? Number(m[2]) : NaN };
}

let failed = 0;
const model = join(tmp, 'predict-model');
function predict(input, output, expected, nodeOptions) {
  rmSync(output, { force: true });
  const r = cli(['predict', '--model', rel(model), '--input', rel(input), '--output', rel(output), '--json'], nodeOptions);
  let doc;
  try { doc = JSON.parse(r.stdout); } catch { doc = undefined; }
  if (r.status !== 0 || doc?.rows !== expected) {
    failed++;
    console.log(`FAILED: predict ${rel(input)} -> ${rel(output)}: exit ${r.status}, rows ${doc?.rows} (expected ${expected})\n${r.stderr}`);
  }
  return { ...r, output, rows: doc?.rows, warnings: doc?.warnings?.length ?? 0 };
}

mkdirSync(tmp, { recursive: true });
console.log(`specml predict benchmark: ${N.toLocaleString('en-US')} rows (credit.csv x ${(N / base.length).toFixed(1)}), node ${process.version}`);
const big = await inputs(N);
const small = await inputs(N / 10 | 0, false);

rmSync(model, { recursive: true, force: true });
const trained = cli(['train', '--data', 'examples/credit/credit.csv', '--target', 'Status', '--model', 'gbdt', '--trees', '100', '--out', rel(model), '--json']);
if (trained.status !== 0) { console.log(`FAILED: train\n${trained.stderr}`); process.exit(1); }
console.log(`trained ${rel(model)} in ${trained.seconds} s`);

// Predict inputs normally lack the target; the training file itself (with Status) must be accepted too.
const withTarget = predict(join(root, 'examples/credit/credit.csv'), join(tmp, 'predict-out-credit.csv'), base.length);
console.log(`input with the Status column (credit.csv, ${base.length} rows): exit ${withTarget.status}, rows ${withTarget.rows}, ${withTarget.seconds} s, peak RSS ${(withTarget.rssKiB / 1024).toFixed(0)} MiB`);

const cases = [
  ['csv', 'csv'], ['csv', 'jsonl'], ['csv', 'parquet'],
  ['jsonl', 'csv'], ['parquet', 'csv'],
];
const results = [];
const run = (stem, rows, inFmt, outFmt) => {
  const input = `${stem}.${inFmt}`;
  const r = predict(input, join(tmp, `predict-out-${rows}-${inFmt}.${outFmt}`), rows);
  const inMiB = statSync(input).size / MiB;
  const rssMiB = r.rssKiB / 1024;
  const row = { output: r.output, rows, inFmt, inMiB, outFmt, seconds: r.seconds, rowsPerS: rows / r.seconds, rssMiB, ratio: rssMiB / inMiB };
  results.push(row);
  console.log(`  ${inFmt} -> ${outFmt} (${rows} rows): ${r.seconds} s, ${rssMiB.toFixed(0)} MiB peak${r.warnings ? `, ${r.warnings} warnings` : ''}`);
  return row;
};
for (const [i, o] of cases) run(big, N, i, o);
const smallCsv = run(small, N / 10 | 0, 'csv', 'csv');

const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
console.log('\n| rows | input | input MiB | output | wall s | rows/s | peak RSS MiB | peak RSS / input |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${fmt(r.rows)} | ${r.inFmt} | ${fmt(r.inMiB, 1)} | ${r.outFmt} | ${fmt(r.seconds, 1)} | ${fmt(r.rowsPerS)} | ${fmt(r.rssMiB)} | ${fmt(r.ratio, 2)} |`);
const bigCsv = results.find((r) => r.rows === N && r.inFmt === 'csv' && r.outFmt === 'csv');
console.log(`\npeak RSS, CSV -> CSV: ${fmt(bigCsv.rssMiB)} MiB at ${fmt(N)} rows vs ${fmt(smallCsv.rssMiB)} MiB at ${fmt(smallCsv.rows)} rows: ratio ${fmt(bigCsv.rssMiB / smallCsv.rssMiB, 2)}`);
// The three input formats hold the same rows, so their CSV outputs must be the same bytes.
const digest = (f) => createHash('sha256').update(readFileSync(f)).digest('hex');
const same = new Set(results.filter((r) => r.rows === N && r.outFmt === 'csv').map((r) => digest(r.output)));
console.log(`CSV outputs of the csv, jsonl and parquet inputs: ${same.size === 1 ? 'identical' : 'DIFFERENT'}`);
if (same.size !== 1) failed++;

// Uncapped, V8 lets the heap grow well past what is live before collecting hard, so peak RSS drifts
// up with run length even when nothing is retained. The test of streaming: every input format at N
// rows must finish inside a fixed V8 heap (--max-old-space-size, MiB) that does not depend on N.
const CAP = 128;
console.log(`\nwith the V8 heap capped at ${CAP} MiB (NODE_OPTIONS=--max-old-space-size=${CAP}), ${fmt(N)} rows -> csv:`);
for (const f of ['csv', 'jsonl', 'parquet']) {
  const r = predict(`${big}.${f}`, join(tmp, `predict-out-capped-${f}.csv`), N, `--max-old-space-size=${CAP}`);
  console.log(`  ${f}: ${r.rows === N ? 'completed' : 'FAILED'}, ${fmt(r.seconds, 1)} s, peak RSS ${fmt(r.rssKiB / 1024)} MiB`);
}
if (failed) console.log(`${failed} predict run(s) failed`);
process.exit(failed ? 1 : 0);
