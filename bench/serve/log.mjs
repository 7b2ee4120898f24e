// The prediction log's cost to a served request, without the server: how long logging one
// single-row batch takes at a fixed rate, through the store (the spool: one appended line, plus an
// fdatasync per group under `power`) against what the log did before the spool: one SQLite
// commit per batch on a writer thread (synchronous = NORMAL for `crash`, FULL for `power`), the
// request waiting for the thread's answer. The rounds alternate, and the median of each
// percentile over the rounds is reported with the ratio spool / writer thread. Then the
// ingester's side: one pass of 250 rows (a quarter second at 1,000 requests/s) into a table that
// already holds the rows of the earlier passes.
//
//   npx tsc -p tsconfig.build.json && node bench/serve/log.mjs [--rounds 3] [--seconds 10] [--rate 1000]
import { mkdirSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { openStore } from '../../dist/track/index.js';
import { ingestSpool, spoolDir } from '../../dist/track/spool-ingest.js';
import { SpoolWriter } from '../../dist/track/spool-writer.js';
import { arg } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const tmp = join(here, '..', '.tmp', 'log');
const ROUNDS = arg('--rounds', 3);
const SECONDS = arg('--seconds', 10);
const RATE = arg('--rate', 1000);
const input = { Seniority: 9, Home: 'rent', Time: 60, Age: 30, Marital: 'married', Records: 'no', Job: 'freelance', Expenses: 73, Income: 129, Assets: 0, Debt: 0, Amount: 800, Price: 846 };
// Request ids as the server makes them (time-ordered UUIDv7).
const record = () => {
  const id = uuidv7();
  return { id: `${id}/0`, role: 'served', model: 'credit', version: '1', at: Date.now(), input, output: { prediction: 'good', proba_bad: 0.1234567, proba_good: 0.8765433 }, latencyMs: 0.3, requestId: id };
};

async function freshStore() {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const file = join(tmp, 'store.db');
  const store = await openStore(`sqlite:${file}`);
  return { file, store };
}

/** Latencies (ms) of `log(batch)` called RATE times a second for SECONDS, each awaited by its caller only. */
async function paced(log) {
  const n = RATE * SECONDS;
  const lat = new Float64Array(n);
  const waits = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const due = t0 + (i * 1000) / RATE;
    while (performance.now() < due) await new Promise((r) => setImmediate(r));
    const s = performance.now();
    waits.push(log([record()]).then(() => (lat[i] = performance.now() - s)));
  }
  await Promise.all(waits);
  return lat.sort();
}

/** The log as the store writes it now: appended to the spool. */
async function spooled(durability) {
  const { store } = await freshStore();
  const lat = await paced((b) => store.logPredictions(b, { durability }));
  await store.close();
  return lat;
}

const variants = {
  'spool, crash': () => spooled('crash'),
  'writer thread, SQLite commit per batch, synchronous = NORMAL': () => sqliteCommits('NORMAL'),
  'spool, power': () => spooled('power'),
  'writer thread, SQLite commit per batch, synchronous = FULL': () => sqliteCommits('FULL'),
};

/** The log before the spool: a thread commits each batch on its own connection and answers. */
async function sqliteCommits(level) {
  // The store stays open beside the thread, as in a server (its main connection shares the WAL).
  const { file, store } = await freshStore();
  const inserter = new URL('../../dist/track/sqlite-predictions.js', import.meta.url).href;
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require('better-sqlite3');
     import(workerData.inserter).then(({ predictionInserter }) => {
       const db = new Database(workerData.file);
       db.pragma('journal_mode = WAL');
       db.pragma('synchronous = ' + workerData.level);
       const insert = predictionInserter(db);
       parentPort.on('message', (m) => { if (m.close) { db.close(); parentPort.close(); return; } insert(m.records); parentPort.postMessage(m.seq); });
       parentPort.postMessage('ready');
     });`,
    { eval: true, workerData: { file, level, inserter } },
  );
  await new Promise((r) => worker.once('message', r));
  const waiting = new Map();
  let seq = 0;
  worker.on('message', (s) => {
    waiting.get(s)?.();
    waiting.delete(s);
  });
  const lat = await paced((records) => new Promise((resolve) => {
    waiting.set(++seq, resolve);
    worker.postMessage({ seq, records });
  }));
  worker.postMessage({ close: true });
  await new Promise((r) => worker.once('exit', r));
  await store.close();
  return lat;
}

const q = (lat, p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const rows = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [label, run] of Object.entries(variants)) {
    const lat = await run();
    (rows[label] ??= []).push({ p50: q(lat, 0.5), p99: q(lat, 0.99), p999: q(lat, 0.999), max: lat[lat.length - 1] });
  }
}
console.log(`${RATE} single-row batches/s, ${SECONDS} s per round, ${ROUNDS} rounds (medians over rounds); Node ${process.version}`);
console.log('| log | p50 ms | p99 ms | p99.9 ms | max ms |');
console.log('|---|---|---|---|---|');
const med = {};
for (const [label, rs] of Object.entries(rows)) {
  med[label] = Object.fromEntries(['p50', 'p99', 'p999', 'max'].map((k) => [k, median(rs.map((r) => r[k]))]));
  const m = med[label];
  console.log(`| ${label} | ${m.p50.toFixed(3)} | ${m.p99.toFixed(3)} | ${m.p999.toFixed(2)} | ${m.max.toFixed(1)} |`);
}
for (const [spool, sqlite] of [['spool, crash', 'writer thread, SQLite commit per batch, synchronous = NORMAL'], ['spool, power', 'writer thread, SQLite commit per batch, synchronous = FULL']]) {
  console.log(`${spool} / ${sqlite}: p99 x${(med[spool].p99 / med[sqlite].p99).toFixed(3)}, p99.9 x${(med[spool].p999 / med[sqlite].p999).toFixed(3)}`);
}

// The ingester: passes of 250 rows through one spool, the table growing pass by pass.
const { file, store } = await freshStore();
await store.close();
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const spool = new SpoolWriter(spoolDir(file), () => undefined);
const offsets = new Map();
const passMs = [];
const PASSES = 400;
for (let pass = 0; pass < PASSES; pass++) {
  for (let i = 0; i < 250; i++) await spool.append([record()], 'crash');
  const s = performance.now();
  ingestSpool(db, spoolDir(file), { offsets, finished: () => false });
  passMs.push(performance.now() - s);
}
await spool.close();
db.close();
const firstTen = passMs.slice(0, PASSES / 10);
const lastTen = passMs.slice(-PASSES / 10);
console.log(`ingest pass of 250 rows: median ${median(firstTen).toFixed(2)} ms over the first ${PASSES / 10} passes, ${median(lastTen).toFixed(2)} ms over the last ${PASSES / 10} (table at ${(PASSES * 250).toLocaleString('en')} rows)`);
