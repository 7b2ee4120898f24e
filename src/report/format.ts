/**
 * Number and size formatting for reports. The locale is fixed (`en-US`) so the same analysis gives
 * the same bytes on every machine.
 */

const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const SIG3 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/**
 * An integer count with thousands separators.
 *
 * @example
 * formatCount(1460); // '1,460'
 */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? INT.format(n) : String(n);
}

/**
 * A statistic to 3 significant digits: separators for large values, scientific notation for very
 * small or very large magnitudes where fixed notation would hide the digits.
 *
 * @example
 * formatStat(180921.19); // '181,000'
 * formatStat(0.000123456); // '0.000123'
 * formatStat(0.0000123456); // '1.23e-5'
 */
export function formatStat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '—' : n > 0 ? '∞' : '−∞';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs < 1e-4 || abs >= 1e15) {
    const [mant, exp] = n.toExponential(2).split('e');
    return `${String(Number(mant))}e${Number(exp)}`;
  }
  return SIG3.format(n);
}

/**
 * A ratio in [0, 1] as a percentage; small non-zero ratios keep one significant digit so they do
 * not read as 0%.
 *
 * @example
 * formatPercent(0.1534); // '15.3%'
 * formatPercent(0.00004); // '<0.01%'
 * formatPercent(0.99999); // '>99.9%' (never a rounded 100% for an incomplete share)
 */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  if (ratio === 0) return '0%';
  const pct = ratio * 100;
  if (pct < 0.01) return '<0.01%';
  if (pct < 1) return `${pct.toPrecision(1)}%`;
  if (ratio < 1 && pct >= 99.95) return '>99.9%';
  return `${pct.toFixed(1).replace(/\.0$/, '')}%`;
}

/**
 * A byte count in binary units.
 *
 * @example
 * formatBytes(460676); // '450 KiB'
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? formatCount(v) : SIG3.format(v)} ${units[u]}`;
}

/**
 * A duration in seconds, for the footer.
 *
 * @example
 * formatSeconds(0.4321); // '0.43 s'
 * formatSeconds(125); // '2 min 5 s'
 */
export function formatSeconds(s: number): string {
  if (s < 60) return `${SIG3.format(Number(s.toPrecision(2)))} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

/**
 * A datetime profile value (ISO 8601 string or epoch ms) as a UTC date, with the time only when it
 * is not midnight.
 *
 * @example
 * formatDate('2010-02-05T00:00:00.000Z'); // '2010-02-05'
 */
export function formatDate(value: string | number): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}
