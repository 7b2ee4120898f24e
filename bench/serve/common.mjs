// Shared by bench/serve/bench.mjs and tail.mjs: flags, and servers started in their own process.
// SERVER_CPUS=0,1 pins each server to those cores with taskset (run the bench itself under
// `taskset -c 2-9` so the load generator has cores of its own).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The number after `name` on the command line, else `dflt`. */
export const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};

export const CPUS = process.env.SERVER_CPUS;

/** Starts `node ARGS` (pinned when SERVER_CPUS is set) and waits for its first stdout line, a JSON `{ url }`. */
export async function startServer(args, env = {}) {
  const [cmd, argv] = CPUS ? ['taskset', ['-c', CPUS, process.execPath, ...args]] : [process.execPath, args];
  const proc = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise((resolve) => createInterface({ input: proc.stdout }).once('line', resolve));
  return { proc, url: JSON.parse(line).url };
}
