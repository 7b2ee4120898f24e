/**
 * Token-level detectors used by schema inference: booleans, dates, free text.
 * Kept apart from `infer.ts` so each rule can be tested and changed alone.
 */

const TRUE_TOKENS = new Set(['true', 't']);
const FALSE_TOKENS = new Set(['false', 'f']);

/**
 * 1 / 0 for a boolean literal, undefined otherwise. Only true/false (and t/f) count: `Yes`/`No`
 * columns stay categorical so their labels survive into predictions and reports.
 *
 * @example
 * booleanToken('TRUE'); // 1
 * booleanToken('yes'); // undefined
 */
export function booleanToken(s: string): 0 | 1 | undefined {
  const l = s.trim().toLowerCase();
  if (TRUE_TOKENS.has(l)) return 1;
  if (FALSE_TOKENS.has(l)) return 0;
  return undefined;
}

// ISO 8601 date or date-time, with '-' or '/' between date parts; optional seconds, fraction, zone.
const DATE_RE = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Milliseconds since the epoch (UTC when no zone is given) for an ISO-like date, NaN otherwise.
 * Deliberately strict: `01/02/2020` is ambiguous (day or month first), so it is not a date here.
 *
 * @example
 * parseDate('2012-01-01'); // 1325376000000
 * parseDate('2012-13-01'); // NaN
 */
export function parseDate(s: string): number {
  const m = DATE_RE.exec(s.trim());
  if (!m) return NaN;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  const iso = `${y}-${mo}-${d}T${h ?? '00'}:${mi ?? '00'}:${sec ?? '00'}${frac ?? ''}${zone ? normaliseZone(zone) : 'Z'}`;
  const t = Date.parse(iso);
  // Date.parse rolls 2021-02-30 over to March; reject dates that do not round-trip.
  if (Number.isNaN(t)) return NaN;
  if (!zone && new Date(t).getUTCDate() !== day) return NaN;
  return t;
}

function normaliseZone(z: string): string {
  return z === 'Z' || z.includes(':') ? z : `${z.slice(0, 3)}:${z.slice(3)}`;
}

/** Whitespace-separated token count (cheap; no allocation per token). */
export function countTokens(s: string): number {
  let n = 0;
  let inTok = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ws = c === 32 || c === 9 || c === 10 || c === 13;
    if (!ws && !inTok) n++;
    inTok = !ws;
  }
  return n;
}

/** Names that conventionally hold identifiers. */
export const ID_NAME_RE = /(^|[_\s.-])(id|uuid|guid|key|index|idx)$|^(id|uuid|guid|index|file|filename|path|url|email)$/i;
