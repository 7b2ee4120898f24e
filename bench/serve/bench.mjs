// Serving benchmark (issue 6): `specml serve` on the credit GBDT model (default parameters,
// examples/credit/credit.csv), loaded by autocannon from this process over loopback, against a
// trivial Fastify route in its own process (echo-server.mjs) as the floor.
//
//   npx tsc -p tsconfig.build.json && node bench/serve/bench.mjs [--seconds 15] [--soak 180]
//   SERVER_CPUS=0,1 taskset -c 2-9 node bench/serve/bench.mjs     (server and load on separate cores)
//
// Scenarios: single-row requests at full speed (16 connections): throughput and latency;
// single-row at a fixed 1,000 requests/s: p50/p99 and errors (target p99 <= 5 ms, no errors);
// 1,000-row requests (4 connections): rows/s; a soak at 500 requests/s whose server RSS is read
// from /proc every 10 s (target: no growth beyond noise). The model server runs with the
// prediction log on (its default) and off. Numbers are medians of nothing: one run each, on a
// noisy 2-core machine where the load generator shares the cores with the server.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { arg, CPUS, startServer } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const tmp = join(root, 'bench', '.tmp', 'serve');
const SECONDS = arg('--seconds', 15);
const SOAK = arg('--soak', 180);
const cli = join(root, 'bin', 'specml.js');
const model = join(tmp, 'credit');

if (!existsSync(join(model, 'model.json'))) {
  execFileSync('node', [cli, 'train', '--data', join(root, 'examples/credit/credit.csv'), '--target', 'Status', '--model', 'gbdt', '--out', model], { stdio: 'inherit' });
}
const lines = readFileSync(join(root, 'examples/credit/credit.csv'), 'utf8').trim().split('\n');
const header = lines[0].split(',');
const rows = lines.slice(1).map((l) => {
  const cells = l.split(',');
  return Object.fromEntries(header.flatMap((h, j) => (h === 'Status' ? [] : [[h, cells[j] === '' || cells[j] === 'NA' ? null : /^-?\d+(\.\d+)?$/.test(cells[j]) ? Number(cells[j]) : cells[j]]])));
});
const one = JSON.stringify({ rows: [rows[0]] });
const batch = JSON.stringify({ rows: rows.slice(0, 1000) });

function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function load(url, body, o) {
  const r = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, duration: o.duration ?? SECONDS, connections: o.connections ?? 16, ...(o.rate ? { overallRate: o.rate } : {}) });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, total: r.requests.total };
}

const out = [];
async function scenarios(label, url, withBatch) {
  const full = await load(url, one, {});
  out.push({ label, scenario: 'single row, full speed', ...full });
  const fixed = await load(url, one, { rate: 1000 });
  out.push({ label, scenario: 'single row at 1,000 req/s', ...fixed });
  if (withBatch) {
    const b = await load(url, batch, { connections: 4 });
    out.push({ label, scenario: '1,000 rows per request', ...b, rowsPerS: b.rps * 1000 });
  }
}

const echo = await startServer([join(here, 'echo-server.mjs')]);
await scenarios('Fastify echo (floor)', `${echo.url}/echo`, true);
echo.proc.kill();

const storeDir = join(tmp, 'store');
const logged = await startServer([cli, 'serve', '--model', model, '--port', '0', '--json'], { SPECML_STORE: `sqlite:${join(storeDir, 'store.db')}` });
const name = 'credit';
await scenarios('specml serve, prediction log on', `${logged.url}/v1/models/${name}/predict`, true);
// Soak with the log on: RSS every 10 s.
const rss = [rssMb(logged.proc.pid)];
const timer = setInterval(() => rss.push(rssMb(logged.proc.pid)), 10_000);
const soak = await load(`${logged.url}/v1/models/${name}/predict`, one, { duration: SOAK, rate: 500, connections: 8 });
clearInterval(timer);
rss.push(rssMb(logged.proc.pid));
logged.proc.kill('SIGTERM');

const bare = await startServer([cli, 'serve', '--model', model, '--port', '0', '--json', '--no-log']);
await scenarios('specml serve, --no-log', `${bare.url}/v1/models/${name}/predict`, true);
bare.proc.kill('SIGTERM');

console.log(CPUS ? `servers pinned to cores ${CPUS}; load generator on: ${execFileSync('taskset', ['-cp', String(process.pid)]).toString().trim()}` : 'servers and load generator share the cores');
console.log('| server | scenario | req/s | p50 ms | p99 ms | errors | rows/s |');
console.log('|---|---|---|---|---|---|---|');
for (const r of out) console.log(`| ${r.label} | ${r.scenario} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.rowsPerS ? r.rowsPerS.toFixed(0) : ''} |`);
const third = Math.max(1, Math.floor(rss.length / 3));
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`soak: ${SOAK} s at 500 req/s with the log on: ${soak.total} requests, ${soak.errors} errors, p99 ${soak.p99} ms; server RSS ${rss.map((x) => x.toFixed(0)).join(' ')} MB (first third mean ${mean(rss.slice(0, third)).toFixed(0)}, last third ${mean(rss.slice(-third)).toFixed(0)})`);
