#!/usr/bin/env node
// Runs `specml analyze --json` on every dataset in ../shared/datasets and compares the inferred task
// with the dataset's meta.json. A heavier check than the unit tests: it reads ../shared, which a
// fresh clone does not have; it says so and exits 0 when it is absent.
// Usage: npm run check:datasets [-- name ...]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared/datasets');
if (!existsSync(shared)) {
  console.log(`../shared/datasets is absent (${shared}): nothing to check.`);
  process.exit(0);
}
const only = process.argv.slice(2);
const reports = mkdtempSync(path.join(tmpdir(), 'specml-datasets-'));
let failures = 0;
console.log('dataset          expected    inferred    metric             rows   cols  seconds  issues(e/w/i)');
for (const name of readdirSync(shared).sort()) {
  if (only.length && !only.includes(name)) continue;
  const meta = JSON.parse(readFileSync(path.join(shared, name, 'meta.json'), 'utf8'));
  const file = path.join(shared, name, meta.file);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin/specml.js'), 'analyze', '--data', file, '--target', meta.target, '--json', '--reports', reports], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    failures++;
    console.log(`${name.padEnd(16)} exit ${r.status}: ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
    continue;
  }
  const out = JSON.parse(r.stdout);
  const ok = out.task === meta.task;
  if (!ok) failures++;
  const sev = (s) => out.issues.filter((i) => i.severity === s).length;
  console.log(
    `${name.padEnd(16)} ${meta.task.padEnd(11)} ${(out.task + (ok ? '' : ' MISMATCH')).padEnd(11)} ${out.metric.padEnd(18)} ${String(out.rows).padStart(6)} ${String(out.columns).padStart(5)} ${secs.padStart(8)}  ${sev('error')}/${sev('warning')}/${sev('info')}`,
  );
  if (process.env.VERBOSE) console.log(`  task: ${out.task_reason}\n  metric: ${out.metric_reason}\n  report: ${out.report.html}`);
}
console.log(`reports in ${reports}`);
process.exit(failures ? 1 : 0);
