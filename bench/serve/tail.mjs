// Tail latency at a fixed rate (issue 6's target: p99 <= 5 ms at 1,000 single-row requests/s):
// each server in its own process, a warm-up, then a measured stretch; the servers take turns for
// several rounds so that a noisy moment of the machine does not fall on one server only, and the
// median p99 per server is reported beside every run.
//
//   npx tsc -p tsconfig.build.json && node bench/serve/tail.mjs [--rounds 3] [--seconds 12] [--warmup 3]
//   SERVER_CPUS=0,1 taskset -c 2-9 node bench/serve/tail.mjs     (server and load on separate cores)
//   BASELINE=../old node bench/serve/tail.mjs                      (also an earlier build's logging servers)
//
// Servers: the trivial Fastify echo route (the floor), specml serve --no-log, specml serve with
// the prediction log (its default, durable across a crash of the server), and with the log fsynced
// per group commit (--log-durability power). The credit GBDT model is trained by bench/serve/bench.mjs's
// recipe when bench/.tmp/serve/credit is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { arg, CPUS, startServer } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const tmp = join(root, 'bench', '.tmp', 'serve');
const ROUNDS = arg('--rounds', 3);
const SECONDS = arg('--seconds', 12);
const WARMUP = arg('--warmup', 3);
const RATE = arg('--rate', 1000);
const cli = join(root, 'bin', 'specml.js');
const model = join(tmp, 'credit');
if (!existsSync(join(model, 'model.json'))) {
  execFileSync(process.execPath, [cli, 'train', '--data', join(root, 'examples/credit/credit.csv'), '--target', 'Status', '--model', 'gbdt', '--out', model], { stdio: 'inherit' });
}
const one = JSON.stringify({
  rows: [{ Seniority: 9, Home: 'rent', Time: 60, Age: 30, Marital: 'married', Records: 'no', Job: 'freelance', Expenses: 73, Income: 129, Assets: 0, Debt: 0, Amount: 800, Price: 846 }],
});

const load = (url, duration) =>
  autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: one, duration, connections: 16, overallRate: RATE });

const servers = [
  { label: 'Fastify echo (floor)', args: [join(here, 'echo-server.mjs')], path: '/echo' },
  { label: 'specml serve --no-log', args: [cli, 'serve', '--model', model, '--port', '0', '--json', '--no-log'], path: '/v1/models/credit/predict' },
  { label: 'specml serve (log on)', args: [cli, 'serve', '--model', model, '--port', '0', '--json'], path: '/v1/models/credit/predict', store: true },
  { label: 'specml serve --log-durability power', args: [cli, 'serve', '--model', model, '--port', '0', '--json', '--log-durability', 'power'], path: '/v1/models/credit/predict', store: true },
];
// BASELINE=DIR (another checkout, built) adds its servers with the log on, for a before/after in one run.
const baseline = process.env.BASELINE;
if (baseline) {
  const theirs = join(baseline, 'bin', 'specml.js');
  servers.push(
    { label: `${baseline}: serve (log on)`, args: [theirs, 'serve', '--model', model, '--port', '0', '--json'], path: '/v1/models/credit/predict', store: true },
    { label: `${baseline}: serve --log-durability power`, args: [theirs, 'serve', '--model', model, '--port', '0', '--json', '--log-durability', 'power'], path: '/v1/models/credit/predict', store: true },
  );
}
const runs = [];
for (let round = 1; round <= ROUNDS; round++) {
  for (const s of servers) {
    const storeDir = join(tmp, 'tail-store');
    if (s.store) rmSync(storeDir, { recursive: true, force: true });
    const { proc, url } = await startServer(s.args, s.store ? { SPECML_STORE: `sqlite:${join(storeDir, 'store.db')}` } : {});
    if (WARMUP > 0) await load(url + s.path, WARMUP);
    const r = await load(url + s.path, SECONDS);
    proc.kill('SIGTERM');
    await new Promise((resolve) => proc.once('exit', resolve));
    runs.push({ label: s.label, round, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: r.errors + r.non2xx });
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(CPUS ? `servers pinned to cores ${CPUS}; load generator on: ${execFileSync('taskset', ['-cp', String(process.pid)]).toString().trim()}` : 'servers and load generator share the cores');
console.log(`${RATE} req/s, ${WARMUP} s warm-up, ${SECONDS} s measured, ${ROUNDS} rounds; Node ${process.version}`);
console.log('| server | p99 ms per round | median p99 ms | p50 ms (median) | max ms (median) | req/s (median) | errors |');
console.log('|---|---|---|---|---|---|---|');
for (const s of servers) {
  const mine = runs.filter((r) => r.label === s.label);
  console.log(`| ${s.label} | ${mine.map((r) => r.p99).join(', ')} | ${median(mine.map((r) => r.p99))} | ${median(mine.map((r) => r.p50))} | ${median(mine.map((r) => r.max))} | ${median(mine.map((r) => r.rps)).toFixed(0)} | ${mine.reduce((a, r) => a + r.errors, 0)} |`);
}
