/**
 * Durations as people write them in a spec: `90s`, `10m`, `1h`, `1h30m`, `1.5h`, or a bare number
 * of seconds. Only `budget.max_time` uses them today; it caps wall time, while work units decide
 * the result (DESIGN.md §4), so second resolution is plenty.
 *
 * @example
 * parseDuration('10m');   // 600
 * parseDuration('1h30m'); // 5400
 * parseDuration('soon');  // undefined
 */
const UNIT_SECONDS: Record<string, number> = { s: 1, sec: 1, m: 60, min: 60, h: 3600, d: 86400 };
const PART = /(\d+(?:\.\d+)?)\s*(sec|min|s|m|h|d)/gy;

/**
 * Seconds for a duration string or number; `undefined` when it does not read as one or is not > 0.
 *
 * @example
 * parseDuration('90s'); // 90
 */
export function parseDuration(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input > 0 ? input : undefined;
  const text = input.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return parseDuration(Number(text));
  let total = 0;
  let end = 0;
  PART.lastIndex = 0;
  for (let m = PART.exec(text); m; m = PART.exec(text)) {
    total += Number(m[1]) * UNIT_SECONDS[m[2]!]!;
    end = PART.lastIndex;
    while (text[PART.lastIndex] === ' ') PART.lastIndex++;
  }
  return end === text.length && end > 0 && total > 0 ? total : undefined;
}
