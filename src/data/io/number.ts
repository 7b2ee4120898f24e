/**
 * Number recognition shared by the readers: what counts as a number, and the default NA tokens.
 *
 * The CSV parser has its own byte-level fast path (csv-parser.ts); this module is the slow,
 * string-based path it falls back to, and the single place that defines the accepted syntax.
 */

/**
 * pandas' default NA tokens (`pandas.read_csv(keep_default_na=True)`), so a file that pandas reads
 * as missing reads as missing here too.
 *
 * @example
 * DEFAULT_NA_VALUES.includes('NULL'); // true
 */
export const DEFAULT_NA_VALUES: readonly string[] = [
  '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>',
  'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null',
];

/**
 * Tokens that mean "missing" only in a numeric column. `None` is Python's missing value when a
 * number column is printed, but in a text column it is usually a real level: Ames' Mas_Vnr_Type
 * ("None" = no masonry veneer) or Misc_Feature. pandas reads it as missing everywhere and so loses
 * those levels; here it stays a category in string columns.
 */
export const NUMERIC_ONLY_NA: readonly string[] = ['None'];

/**
 * The NA sets for number and for string columns. With the default list, {@link NUMERIC_ONLY_NA}
 * tokens are missing in number columns only; an explicit `naValues` list applies everywhere.
 *
 * @example
 * const { numeric, text } = naSets();
 * numeric.has('None'); // true
 * text.has('None'); // false
 */
export function naSets(naValues?: readonly string[]): { numeric: ReadonlySet<string>; text: ReadonlySet<string> } {
  if (naValues) {
    const all = new Set(naValues);
    return { numeric: all, text: all };
  }
  const numeric = new Set(DEFAULT_NA_VALUES);
  return { numeric, text: new Set(DEFAULT_NA_VALUES.filter((t) => !NUMERIC_ONLY_NA.includes(t))) };
}

/**
 * Exact powers of ten: every 10^k for k ≤ 22 is representable as a double, which is what makes
 * Clinger's fast path (`mantissa * 10^k` or `mantissa / 10^k` with mantissa ≤ 2^53) exact.
 */
export const POW10: Float64Array = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Largest integer mantissa for which the fast path is exact. */
export const MAX_EXACT_MANTISSA = 2 ** 53;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)(?:inf|infinity)$/i;

/**
 * Parses a field as a number, or returns `undefined` when it is not one. Accepts a decimal with
 * optional sign, fraction, exponent and leading '.', plus `inf`/`Infinity` (any case, with sign);
 * surrounding spaces are ignored. The result equals `Number(text)` bit for bit. Hex, binary,
 * `1_000` and the empty string are not numbers (Number() accepts some of them; data files mean text).
 *
 * @example
 * parseNumber(' 1.5e3 '); // 1500
 * parseNumber('-inf');    // -Infinity
 * parseNumber('007');     // 7
 * parseNumber('0x1A');    // undefined
 */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (DECIMAL.test(t)) return Number(t);
  const inf = INFINITY.exec(t);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  return undefined;
}
