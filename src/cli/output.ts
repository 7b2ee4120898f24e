/**
 * How the CLI talks: results on stdout (one JSON document with --json), progress and errors on
 * stderr. A user mistake never prints a stack trace; an internal error prints one only with
 * SPECML_DEBUG=1.
 */
import { formatLocation, SpecmlError, exitCodeFor } from '../core/errors.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** True when stderr is a terminal: progress lines are shown only then. */
  tty: boolean;
}

export const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  tty: Boolean(process.stderr.isTTY),
};

/** Prints an error and returns the exit code of the CLI contract (DESIGN.md §6). */
export function reportError(err: unknown, io: Io, json: boolean): number {
  const code = exitCodeFor(err);
  if (err instanceof SpecmlError) {
    const issues = (err as { issues?: unknown }).issues;
    if (json) io.out(JSON.stringify({ ok: false, error: { code: err.code, message: err.message, hint: err.hint, location: err.location, ...(issues ? { issues } : {}) } }, null, 2) + '\n');
    const where = err.location && !err.message.includes(err.location.file ?? '\u0000') ? ` [${formatLocation(err.location)}]` : '';
    io.err(`error: ${err.message}${where}\n`);
    if (err.hint) io.err(`  hint: ${err.hint}\n`);
    return code;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  if (json) io.out(JSON.stringify({ ok: false, error: { code: 'internal', message: e.message } }, null, 2) + '\n');
  io.err(`internal error: ${e.message}\n`);
  io.err(process.env.SPECML_DEBUG ? `${e.stack}\n` : '  This is a bug in specml. Re-run with SPECML_DEBUG=1 for details and report it.\n');
  return code;
}

/** A progress callback that prints steps to stderr when it is a terminal. */
export function progress(io: Io): (step: string) => void {
  const t0 = performance.now();
  return (step) => {
    if (io.tty) io.err(`  [${((performance.now() - t0) / 1000).toFixed(1)}s] ${step}\n`);
  };
}

/** A stored time (ms since the epoch) as `YYYY-MM-DD HH:MM:SS` UTC; `-` when there is none. */
export function formatTime(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}
