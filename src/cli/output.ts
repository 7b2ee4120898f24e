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

/**
 * A one-line progress bar on stderr for a terminal (rewritten in place, at most 10 times a second):
 * rows done, the share of the input read when known, rows per second and the time left. Not a
 * terminal: nothing (scripts and CI logs stay clean). `end()` finishes the line.
 *
 * @example
 * const bar = progressBar(io, 'predict');
 * bar.update(50_000, 0.25);
 * bar.end();
 */
export function progressBar(io: Io, label: string): { update: (rows: number, fraction: number | undefined) => void; end: () => void } {
  const t0 = performance.now();
  let last = -Infinity;
  let shown = false;
  const draw = (rows: number, fraction: number | undefined): void => {
    const s = (performance.now() - t0) / 1000;
    const rate = s > 0 ? rows / s : 0;
    const width = 24;
    const bar = fraction === undefined ? '' : `[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${(fraction * 100).toFixed(0).padStart(3)}%  `;
    const left = fraction !== undefined && fraction > 0 && fraction < 1 ? `  ${formatSeconds((s * (1 - fraction)) / fraction)} left` : '';
    io.err(`\r  ${label} ${bar}${rows.toLocaleString('en-US')} rows  ${Math.round(rate).toLocaleString('en-US')} rows/s${left}\u001b[K`);
    shown = true;
  };
  return {
    update(rows, fraction) {
      if (!io.tty) return;
      const now = performance.now();
      if (now - last < 100 && fraction !== 1) return;
      last = now;
      draw(rows, fraction);
    },
    end() {
      if (shown) io.err('\n');
    },
  };
}

function formatSeconds(s: number): string {
  return s < 60 ? `${Math.ceil(s)}s` : s < 3600 ? `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, '0')}s` : `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** A stored time (ms since the epoch) as `YYYY-MM-DD HH:MM:SS` UTC; `-` when there is none. */
export function formatTime(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}
