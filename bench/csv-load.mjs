// CSV load benchmark: specml's readCsv against DuckDB's read_csv on a 1,000,000 x 20 numeric CSV.
//
//   npx tsc -p tsconfig.build.json && node bench/csv-load.mjs [rows]
//
// The file is generated once with a fixed seed and cached under bench/.tmp/ (git-ignored). Runs
// alternate ours/DuckDB so page-cache and thermal effects hit both alike; each side does 5 runs and
// the medians are compared. DuckDB's side streams read_csv chunk by chunk and copies every column
// vector into a preallocated Float64Array (the vectors are reused between chunks), so both sides end
// with the same columnar typed arrays in JS memory. DuckDB is told to type columns as DOUBLE
// (auto_type_candidates) so it yields Float64 vectors as we do, instead of BIGINT vectors that would
// need a per-value BigInt -> number conversion in JS (which would slow DuckDB's side unfairly).
import { existsSync, mkdirSync, openSync, writeSync, closeSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { readCsv } from '../dist/data/io/index.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const COLS = 20;
const RUNS = 5;
const here = dirname(fileURLToPath(import.meta.url));
const file = join(here, '.tmp', `numeric-${ROWS}x${COLS}.csv`);

/** mulberry32: small seeded PRNG, so the file is the same on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate() {
  mkdirSync(dirname(file), { recursive: true });
  const r = rng(20240601);
  const tmp = `${file}.part`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, `${Array.from({ length: COLS }, (_, c) => `c${c}`).join(',')}\n`);
  let block = '';
  for (let i = 0; i < ROWS; i++) {
    const f = new Array(COLS);
    for (let c = 0; c < COLS; c++) {
      // Like real data: a third integer counts/ids (~7 chars), the rest decimals with 2-4
      // places, some negative (~8-10 chars).
      if (c % 3 === 0) f[c] = String(Math.floor(r() * 10_000_000));
      else {
        const places = 2 + (c % 3);
        const v = (r() - 0.2) * 10 ** (6 - places + 1);
        f[c] = v.toFixed(places);
      }
    }
    block += `${f.join(',')}\n`;
    if (block.length > 1 << 22) {
      writeSync(fd, block);
      block = '';
    }
  }
  writeSync(fd, block);
  closeSync(fd);
  renameSync(tmp, file);
}

async function ours() {
  const t = await readCsv(file);
  return t.columns.map((c) => (c.type === 'number' ? c.values : new Float64Array(0)));
}

let instance;
async function duck() {
  instance ??= await DuckDBInstance.create();
  const conn = await instance.connect();
  const names = Array.from({ length: COLS }, (_, c) => `c${c}`);
  const out = names.map(() => new Float64Array(ROWS));
  const result = await conn.stream(`SELECT * FROM read_csv('${file}', header = true, auto_type_candidates = ['DOUBLE'])`);
  let row = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const n = chunk.rowCount;
    for (let c = 0; c < COLS; c++) {
      const v = chunk.getColumnVector(c);
      // The typed array behind the vector (reused by DuckDB between chunks): copy it out now.
      const items = v.items;
      if (items instanceof Float64Array) out[c].set(items.subarray(0, n), row);
      else for (let i = 0; i < n; i++) out[c][row + i] = Number(items[i]);
    }
    row += n;
  }
  conn.closeSync?.();
  return out.map((a) => a.subarray(0, row));
}

function sums(cols) {
  return cols.map((a) => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i];
    return s;
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn) {
  const t0 = performance.now();
  const cols = await fn();
  return { ms: performance.now() - t0, cols };
}

if (!existsSync(file)) {
  console.log(`generating ${file} ...`);
  generate();
}
console.log(`file: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB, ${ROWS} rows x ${COLS} columns)`);

const a = [];
const b = [];
let checked = false;
for (let i = 0; i < RUNS; i++) {
  const x = await time(ours);
  const y = await time(duck);
  a.push(x.ms);
  b.push(y.ms);
  console.log(`run ${i + 1}: ours ${x.ms.toFixed(0)} ms, duckdb ${y.ms.toFixed(0)} ms`);
  if (!checked) {
    const sa = sums(x.cols);
    const sb = sums(y.cols);
    const bad = sa.map((s, c) => (Object.is(s, sb[c]) ? -1 : c)).filter((c) => c >= 0);
    if (x.cols[0].length !== ROWS || y.cols[0].length !== ROWS || bad.length > 0) {
      console.error(`MISMATCH: rows ${x.cols[0].length} vs ${y.cols[0].length}; columns with different sums: ${bad.join(', ')}`);
      process.exitCode = 1;
    } else console.log('check: row counts and per-column sums identical');
    checked = true;
  }
}
const ma = median(a);
const mb = median(b);
console.log(`median: ours ${ma.toFixed(0)} ms, duckdb ${mb.toFixed(0)} ms`);
console.log(`ratio ours/duckdb = ${(ma / mb).toFixed(2)} (target <= 1.0)`);
