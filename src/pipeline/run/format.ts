/**
 * How a run prints a measured number (gate details, the CLI summary, ACTIVE_TODOS.md, the PRP
 * results, the model card): 4 significant digits, one decimal from 100 up (RMSE in dollars reads
 * 28119.9, not 2.812e+4); `n/a` when nothing was measured; NaN and Infinity as themselves.
 *
 * @example
 * formatMeasured(0.85623); // '0.8562'
 * formatMeasured(28119.93); // '28119.9'
 */
export function formatMeasured(v: number | null): string {
  if (v === null) return 'n/a';
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(4);
}
