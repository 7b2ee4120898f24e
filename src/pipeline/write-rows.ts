/**
 * Rows to CSV (RFC 4180: fields quoted when they hold a comma, quote or line break; missing as an
 * empty field) and to JSON lines. Numbers are written in their shortest round-trip form.
 *
 * @example
 * rowsToCsv([['id', 'prediction'], ['a,1', 0.5]]); // 'id,prediction\n"a,1",0.5\n'
 */
export function rowsToCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  let out = '';
  for (const row of rows) {
    out += row.map(csvField).join(',') + '\n';
  }
  return out;
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return /[",\n\r]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v;
}

export function rowsToJsonl(columns: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  let out = '';
  for (const row of rows) {
    const o: Record<string, string | number | null> = {};
    columns.forEach((c, j) => (o[c] = row[j] ?? null));
    out += JSON.stringify(o) + '\n';
  }
  return out;
}
